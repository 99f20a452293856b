// The kit's benchmark: runs the workloads W-MATMUL, W-CLIP, W-VQA, W-PLOT and W-DATA (each described in
// its own file) and prints one JSON object.
//
//   swift run -c release benchmark                      every workload
//   swift run -c release benchmark --only matmul,clip   a subset (matmul, clip, vqa, plot, data)
//   swift run -c release benchmark --threads 1          limit the matmul workload to one thread (default: all cores)
//   ALIGNFUSE_THREADS=1 swift run -c release benchmark  every workload on one thread ("threads" reports it)
//   ALIGNFUSE_NO_FMA=1 swift run -c release benchmark   matmul's portable micro-kernel ("matmul_kernel" reports it)
//   ALIGNFUSE_NO_AVX512=1 swift run -c release benchmark  matmul's 6×16 AVX2 tiles only, on a processor with AVX-512
//   swift run -c release benchmark --no-growth          skip the batch and token sweeps (faster)
//   swift run -c release benchmark --only clip,vqa --figure Docs/figures/performance
//                                                       also draw the growth figure (GrowthFigure.swift)
//   swift run -c release benchmark --help               the options; a wrong one stops the run at once
//
// W-VQA's step goes to the cores as two halves of its batch (DataParallel); "vqa_whole_batch_ms_per_step"
// is the same step with the whole batch through each operation, for comparison.
// Besides the time of each workload it reports how step time grows:
// "clip_ms_per_step_by_batch" (batch 16, 64, 256) and "vqa_ms_per_step_by_tokens" (26, 52, 104 tokens:
// 16 patches and 10, 36, 88 question tokens). Parameter counts go to standard error.

import Foundation
import TeachingEngine

let allWorkloads = ["matmul", "clip", "vqa", "plot", "data"]

func note(_ line: String) { FileHandle.standardError.write((line + "\n").data(using: .utf8)!) }

/// A JSON number with three decimals.
func jsonNumber(_ x: Double) -> String { String(format: "%.3f", x) }
/// A loss with six decimals, so a changed summation order in the engine shows up.
func jsonLoss(_ x: Float) -> String { String(format: "%.6f", Double(x)) }

/// Stops before any workload runs: one line on standard error, exit status 2.
func refuse(_ message: String) -> Never {
    note("benchmark: \(message) (see 'benchmark --help')")
    exit(2)
}

/// The options of the header comment, checked: an unknown word, a missing value or a value out of range
/// stops the run before it starts, so a typo never measures something other than what was asked.
struct BenchmarkOptions {
    var workloads = allWorkloads
    var threadLimit: Int?
    var measuresGrowth = true
    var figureDirectory: String?

    init(_ arguments: [String]) {
        var rest = arguments[...]
        func value(of name: String, _ what: String) -> String {
            guard let next = rest.popFirst(), !next.hasPrefix("--") else { refuse("\(name) needs \(what)") }
            return next
        }
        while let word = rest.popFirst() {
            switch word {
            case "--only":
                workloads = value(of: word, "a list of workloads, e.g. clip,vqa").split(separator: ",").map(String.init)
                for name in workloads where !allWorkloads.contains(name) {
                    refuse("unknown workload '\(name)'; choose from \(allWorkloads.joined(separator: ","))")
                }
            case "--threads":
                let text = value(of: word, "a number of threads")
                guard let count = Int(text), count >= 1 else { refuse("--threads must be 1 or more, got '\(text)'") }
                threadLimit = count
            case "--no-growth":
                measuresGrowth = false
            case "--figure":
                figureDirectory = value(of: word, "a folder")
            case "--help", "-h":
                print(usage)
                exit(0)
            default:
                refuse("unknown option '\(word)'")
            }
        }
        if figureDirectory != nil && !(workloads.contains("clip") && workloads.contains("vqa") && measuresGrowth) {
            refuse("--figure draws the growth of clip and vqa: run both, without --no-growth")
        }
        if let folder = figureDirectory {   // checked now, not after minutes of measuring
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && !isFolder.boolValue {
                refuse("--figure: '\(folder)' is a file, not a folder")
            }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                refuse("--figure: cannot make the folder '\(folder)'")
            }
        }
    }
}

let usage = """
    usage: benchmark [--only matmul,clip,vqa,plot,data] [--threads N] [--no-growth] [--figure DIR]
      --only W,…      the workloads to run (default: all five), described in Tools/Benchmark
      --threads N     the matmul workload on N threads (default: every core)
      --no-growth     skip W-CLIP's batch sweep and W-VQA's token sweep
      --figure DIR    also draw the growth figure into DIR (with clip and vqa, without --no-growth)
    Prints one JSON object; ALIGNFUSE_THREADS=N sets the threads of every workload.
    """

let options = BenchmarkOptions(Array(CommandLine.arguments.dropFirst()))
let selected = options.workloads
let threadLimit = options.threadLimit
let threadCount = EngineThreads.count   // what the training and drawing workloads run on
let measuresGrowth = options.measuresGrowth
let figureDirectory = options.figureDirectory
var clipGrowth: GrowthSeries?
var vqaGrowth: GrowthSeries?

var fields: [(String, String)] = []

if selected.contains("matmul") {
    let entries = matmulShapes.map { s in
        "\"\(matmulKey(s))\": \(jsonNumber(measureMatmul(m: s.m, k: s.k, n: s.n, threads: threadLimit)))"
    }
    fields.append(("matmul_gflops", "{" + entries.joined(separator: ", ") + "}"))
}

if selected.contains("clip") {
    let clip = runClipWorkload()
    note("W-CLIP: \(clip.parameterCount) parameters")
    fields.append(("clip_ms_per_step", jsonNumber(clip.millisecondsPerStep)))
    fields.append(("clip_loss_first", jsonLoss(clip.firstLoss)))
    fields.append(("clip_loss_last", jsonLoss(clip.lastLoss)))
    if measuresGrowth {
        let batches = [16, 64, 256]
        let ms = batches.map { batch in
            batch == 64 ? clip.millisecondsPerStep
                : runClipWorkload(batch: batch, warmUp: 3, steps: 15).millisecondsPerStep
        }
        clipGrowth = GrowthSeries(sizes: batches, milliseconds: ms)
        let growth = zip(batches, ms).map { "\"\($0)\": \(jsonNumber($1))" }
        fields.append(("clip_ms_per_step_by_batch", "{" + growth.joined(separator: ", ") + "}"))
    }
}

if selected.contains("vqa") {
    let vqa = runVqaWorkload()
    note("W-VQA: \(vqa.parameterCount) parameters")
    fields.append(("vqa_ms_per_step", jsonNumber(vqa.millisecondsPerStep)))
    fields.append(("vqa_loss_first", jsonLoss(vqa.firstLoss)))
    fields.append(("vqa_loss_last", jsonLoss(vqa.lastLoss)))
    // The same step with the whole batch through each operation (no halves), for comparison.
    let whole = runVqaWorkload(parts: 1)
    fields.append(("vqa_whole_batch_ms_per_step", jsonNumber(whole.millisecondsPerStep)))
    fields.append(("vqa_whole_batch_loss_last", jsonLoss(whole.lastLoss)))
    if measuresGrowth {
        let lengths = [26, 52, 104]
        let ms = lengths.map { tokens in
            tokens == 26 ? vqa.millisecondsPerStep
                : runVqaWorkload(questionLength: tokens - 16, warmUp: 3, steps: 15).millisecondsPerStep
        }
        vqaGrowth = GrowthSeries(sizes: lengths, milliseconds: ms)
        let growth = zip(lengths, ms).map { "\"\($0)\": \(jsonNumber($1))" }
        fields.append(("vqa_ms_per_step_by_tokens", "{" + growth.joined(separator: ", ") + "}"))
    }
}

if selected.contains("plot") {
    // W-PLOT writes its two PNG files into a scratch folder (PlotWorkload.swift).
    let directory = NSTemporaryDirectory() + "alignfuse-benchmark-plot"
    let plot = runPlotWorkload(directory: directory)
    fields.append(("plot_scatter_ms", jsonNumber(plot.scatterMs)))
    fields.append(("plot_heatmap_ms", jsonNumber(plot.heatmapMs)))
}

if selected.contains("data") {
    fields.append(("data_10k_scenes_s", jsonNumber(runDataWorkload())))
}

var figureFailed = false
if let figureDirectory {
    if let clipGrowth, let vqaGrowth {
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
            .split(separator: " ").first.map { "load average \($0)" } ?? "load unknown"
        do {
            note("benchmark: wrote " + (try writeGrowthFigure(clip: clipGrowth, vqa: vqaGrowth, directory: figureDirectory,
                                                             note: "\(threadCount) threads, \(load)")))
        } catch {
            note("benchmark: could not write the growth figure: \(error)")
            figureFailed = true
        }
    }
}

fields.append(("threads", "\(threadCount)"))
fields.append(("matmul_kernel", "\"\(matmulMicroKernel)\""))   // "avx512+fma", "avx2+fma" or "portable"
if let threadLimit { fields.append(("matmul_threads", "\(threadLimit)")) }
print("{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
if figureFailed { exit(1) }   // the figures were measured and printed; only the drawing failed
