"""The rounds that Tools/Benchmark/compare.sh wrote, as one Markdown table: each workload's median over
the rounds for the reference and for AlignFuse, every round's figure in brackets, and the ratio of the
medians. Only the Python standard library.

    python3 Tools/Benchmark/summarize.py out/benchmark/round-1.jsonl out/benchmark/round-2.jsonl ...

Each file is one round: the JSON objects that the references and the benchmark printed, one per line.
A workload whose reference did not run (no torch, no matplotlib) shows AlignFuse's figures alone.
"""
import json
import signal
import statistics
import sys

MATMUL_SIZES = ["64x64x64", "256x256x256", "512x512x512", "64x192x64"]


def read_round(path):
    """One round's figures, by who measured them: reference or engine."""
    figures = {"reference": {}, "engine": {}}
    with open(path) as file:
        for line in file:
            line = line.strip()
            if not line.startswith("{"):
                continue
            record = json.loads(line)
            if "openblas_gflops" in record:
                for size, value in record["openblas_gflops"].items():
                    figures["reference"]["matmul " + size] = value
            elif "matmul_gflops" in record:
                for size, value in record["matmul_gflops"].items():
                    figures["engine"]["matmul " + size] = value
            elif "torch_clip_ms_per_step" in record or "torch_vqa_ms_per_step" in record:
                for name in ("clip", "vqa"):
                    if f"torch_{name}_ms_per_step" in record:
                        figures["reference"][name] = record[f"torch_{name}_ms_per_step"]
                figures["reference"]["torch"] = record.get("torch_version", "?")
            elif "matplotlib" in record:
                figures["reference"]["scatter"] = record["plot_scatter_ms"]
                figures["reference"]["heatmap"] = record["plot_heatmap_ms"]
            else:
                for key, name in (("clip_ms_per_step", "clip"), ("vqa_ms_per_step", "vqa"),
                                  ("vqa_whole_batch_ms_per_step", "vqa whole batch"),
                                  ("plot_scatter_ms", "scatter"), ("plot_heatmap_ms", "heatmap"),
                                  ("data_10k_scenes_s", "data")):
                    if key in record:
                        figures["engine"][name] = record[key]
                for key in ("clip_loss_first", "clip_loss_last", "vqa_loss_first", "vqa_loss_last"):
                    if key in record:
                        figures["engine"][key] = record[key]
                if "vqa_ms_per_step_by_tokens" in record:
                    figures["engine"]["vqa by tokens"] = record["vqa_ms_per_step_by_tokens"]
    return figures


def column(rounds, who, name):
    return [r[who][name] for r in rounds if name in r[who]]


def cell(values, digits):
    """'median (round 1, round 2, …)', or '—' when nothing was measured."""
    if not values:
        return "—"
    each = ", ".join(f"{v:.{digits}f}" for v in values)
    return f"{statistics.median(values):.{digits}f} ({each})"


def main(paths):
    if not paths:
        sys.exit("summarize.py: give the round files, e.g. out/benchmark/round-*.jsonl")
    rounds = [read_round(path) for path in paths]
    torch = next((r["reference"]["torch"] for r in rounds if "torch" in r["reference"]), None)
    rows = []
    # (label, name, reference's name, digits, how the ratio reads)
    workloads = [(f"matmul {size.replace('x', '×')} GFLOP/s", "matmul " + size, "OpenBLAS", 0, "speed")
                 for size in MATMUL_SIZES]
    workloads += [("W-CLIP ms/step", "clip", f"PyTorch {torch}" if torch else "PyTorch", 2, "time"),
                  ("W-VQA ms/step", "vqa", f"PyTorch {torch}" if torch else "PyTorch", 2, "time"),
                  ("W-VQA, whole batch, ms/step", "vqa whole batch", f"PyTorch {torch}" if torch else "PyTorch", 2,
                   "time"),
                  ("W-PLOT scatter ms", "scatter", "matplotlib", 1, "faster"),
                  ("W-PLOT heatmap ms", "heatmap", "matplotlib", 1, "faster"),
                  ("W-DATA 10k scenes s", "data", None, 2, None)]
    for label, name, reference, digits, reading in workloads:
        ours = column(rounds, "engine", name)
        theirs = column(rounds, "reference", "vqa" if name == "vqa whole batch" else name)
        if not ours and (not theirs or name == "vqa whole batch"):
            continue
        ratio = "—"
        if ours and theirs:
            mine, other = statistics.median(ours), statistics.median(theirs)
            if reading == "speed":
                ratio = f"{mine / other:.2f}× OpenBLAS's speed"
            elif reading == "time":
                ratio = f"{mine / other:.2f}× PyTorch's time"
            elif reading == "faster":
                ratio = f"{other / mine:.1f}× faster"
        shown = "—" if not reference else reference if theirs else f"{reference} (did not run)"
        rows.append((label, shown, cell(theirs, digits) if theirs else "—", cell(ours, digits), ratio))
    print(f"{len(rounds)} rounds, medians (each round in brackets)\n")
    print("| workload | reference | reference's figure | AlignFuse | ratio of the medians |")
    print("|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    growth = column(rounds, "engine", "vqa by tokens")
    if growth:
        factors = [g["104"] / g["26"] for g in growth if "26" in g and "104" in g]
        if factors:
            each = ", ".join(f"×{f:.2f}" for f in factors)
            print(f"\nW-VQA from 26 to 104 tokens: ×{statistics.median(factors):.2f} the time per step ({each})")
    for name in ("clip", "vqa"):
        losses = {(r["engine"].get(f"{name}_loss_first"), r["engine"].get(f"{name}_loss_last"))
                  for r in rounds if f"{name}_loss_last" in r["engine"]}
        if len(losses) == 1:
            first, last = losses.pop()
            print(f"W-{name.upper()} loss {first} → {last} in every round")
        elif losses:
            print(f"W-{name.upper()} losses DIFFER between rounds: {sorted(losses)}")


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)   # `| head` ends the output quietly
    main(sys.argv[1:])
