"""Where a two-thread training step's time goes, from the trace of the engine's helper threads.

    ALIGNFUSE_POOL_TRACE=/tmp/jobs.txt swift run -c release benchmark --only vqa --no-growth
    python3 Tools/Benchmark/pool_trace.py /tmp/jobs.txt [--warm-up 5]

The trace (Sources/MatmulFMA/WorkerPool.c) has one line per job handed to the helper threads, and a
mark (count -1) where each of the benchmark's steps begins. Steps are grouped by how many jobs they
hand out, so the two forms of W-VQA's step that `--only vqa` times read apart: its batch in two halves
(a couple of jobs a step) and the whole batch through each operation (about 130). Trace one workload at
a time. For each step after the warm-up (and but the last, whose end the trace does not see), the
caller's time splits into:

- its share of the jobs (from handing a job out to finishing its own items),
- waiting at a job's end for a helper's share,
- alone between jobs (everything the step does on one thread: small operations, the loss, the
  backward's bookkeeping),

and the helpers' side gives their share of the jobs and how late they started. Medians over the steps.
Only the Python standard library.
"""
import signal
import statistics
import sys


def read_steps(path):
    """The trace's steps: each a list of jobs (published, caller_done, finished, helper_start,
    helper_end, count), with the time of the mark that begins it."""
    steps = []
    with open(path) as file:
        for line in file:
            if line.startswith("#") or not line.strip():
                continue
            published, caller_done, finished, helper_start, helper_end, count = map(int, line.split())
            if count < 0:
                steps.append((published, []))
            elif steps:
                steps[-1][1].append((published, caller_done, finished, helper_start, helper_end, count))
    return steps


def main(arguments):
    warm_up = 5
    if "--warm-up" in arguments:
        at = arguments.index("--warm-up")
        try:
            warm_up = int(arguments[at + 1])
        except (IndexError, ValueError):
            sys.exit("pool_trace.py: --warm-up needs a number of steps")
        del arguments[at:at + 2]
    if len(arguments) != 1:
        sys.exit("pool_trace.py: give one trace file (ALIGNFUSE_POOL_TRACE=FILE benchmark --only vqa --no-growth)")
    try:
        steps = read_steps(arguments[0])
    except OSError as error:
        sys.exit(f"pool_trace.py: cannot read {arguments[0]}: {error.strerror}")
    except ValueError:
        sys.exit(f"pool_trace.py: {arguments[0]} is not a trace of ALIGNFUSE_POOL_TRACE")
    # Each step ends where the next one's mark is; the last one's end is not in the trace.
    timed = [(start, jobs, steps[i + 1][0]) for i, (start, jobs) in enumerate(steps[:-1])][warm_up:]
    if not timed:
        sys.exit(f"pool_trace.py: {len(steps)} steps in the trace, none after a warm-up of {warm_up}")
    groups = {}
    for step in timed:
        groups.setdefault(len(step[1]), []).append(step)
    for count, group in sorted(groups.items()):
        if len(group) < 3:
            continue            # a workload's first steps after the previous one's: too few to read
        print(f"{len(group)} steps of {count} jobs after a warm-up of {warm_up}; medians over the steps\n")
        print_table(group)
        print()


def print_table(timed):
    rows = {name: [] for name in ("step", "caller's share", "caller waiting", "caller alone",
                                  "helpers' share", "helpers starting late", "jobs with a caller's share under 20 µs")}
    for start, jobs, end in timed:
        in_jobs = sum(finished - published for published, _, finished, _, _, _ in jobs)
        rows["step"].append(end - start)
        rows["caller's share"].append(sum(done - published for published, done, _, _, _, _ in jobs))
        rows["caller waiting"].append(sum(finished - done for _, done, finished, _, _, _ in jobs))
        rows["caller alone"].append(end - start - in_jobs)
        rows["helpers' share"].append(sum(h_end - h_start for _, _, _, h_start, h_end, _ in jobs if h_start))
        rows["helpers starting late"].append(sum(h_start - published for published, _, _, h_start, _, _ in jobs
                                                 if h_start))
        rows["jobs with a caller's share under 20 µs"].append(
            sum(1 for published, done, _, _, _, _ in jobs if done - published < 20_000))
    print("| part of a step | median | quickest step's |")
    print("|---|---|---|")
    quickest = min(range(len(timed)), key=lambda i: rows["step"][i])
    for name, values in rows.items():
        if name.startswith("jobs"):
            print(f"| {name} | {statistics.median(values):.0f} | {values[quickest]} |")
        else:
            print(f"| {name} | {statistics.median(values) / 1e6:.2f} ms | {values[quickest] / 1e6:.2f} ms |")


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)   # `| head` ends the output quietly
    main(sys.argv[1:])
