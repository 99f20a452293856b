// The benchmark executable of shared/benchmarks.md: runs the workloads and prints one JSON object.
//
//   swift run -c release benchmark                      every workload
//   swift run -c release benchmark --only matmul,clip   a subset (matmul, clip, vqa, plot, data)
//   swift run -c release benchmark --threads 1          limit gemm to one thread (default: all cores)

import Foundation
import TeachingEngine

let arguments = Array(CommandLine.arguments.dropFirst())
let allWorkloads = ["matmul", "clip", "vqa", "plot", "data"]

func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}

let selected = option("--only").map { $0.split(separator: ",").map(String.init) } ?? allWorkloads
for name in selected where !allWorkloads.contains(name) {
    FileHandle.standardError.write("benchmark: unknown workload '\(name)'; choose from \(allWorkloads.joined(separator: ","))\n".data(using: .utf8)!)
    exit(2)
}
let threadLimit = option("--threads").flatMap(Int.init)
let threadCount = threadLimit ?? ProcessInfo.processInfo.activeProcessorCount

var fields: [(String, String)] = []

if selected.contains("matmul") {
    let entries = matmulShapes.map { s in
        "\"\(matmulKey(s))\": \(jsonNumber(measureMatmul(m: s.m, k: s.k, n: s.n, threads: threadLimit)))"
    }
    fields.append(("matmul_gflops", "{" + entries.joined(separator: ", ") + "}"))
}

fields.append(("threads", "\(threadCount)"))
print("{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")

/// A JSON number with three decimals.
func jsonNumber(_ x: Double) -> String { String(format: "%.3f", x) }
