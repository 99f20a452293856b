// W-MATMUL: C = A·B, row-major Float32, GFLOP/s = 2·M·K·N / seconds.

import TeachingEngine

/// The shapes (M, K, N) the workload measures, with their JSON keys.
let matmulShapes: [(m: Int, k: Int, n: Int)] = [(64, 64, 64), (256, 256, 256), (512, 512, 512), (64, 192, 64)]

func matmulKey(_ s: (m: Int, k: Int, n: Int)) -> String { "\(s.m)x\(s.k)x\(s.n)" }

/// GFLOP/s of `gemm` at one shape: the median over timed batches of calls, each batch at least ~20 ms
/// so the clock's resolution does not matter at small sizes.
func measureMatmul(m: Int, k: Int, n: Int, threads: Int?) -> Double {
    var rng = SeededGenerator(seed: 7)
    let a = (0..<(m * k)).map { _ in rng.nextFloat(in: -1...1) }
    let b = (0..<(k * n)).map { _ in rng.nextFloat(in: -1...1) }
    var c = [Float](repeating: 0, count: m * n)
    let flop = 2.0 * Double(m * k * n)
    let callsPerBatch = max(1, Int(4e8 / flop))   // ~20 ms at 20 GFLOP/s
    let seconds = a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
            c.withUnsafeMutableBufferPointer { pc in
                timeRuns(warmUp: 1, repeats: 9) {
                    for _ in 0..<callsPerBatch {
                        gemm(pa.baseAddress!, pb.baseAddress!, pc.baseAddress!, m: m, k: k, n: n, threads: threads)
                    }
                }
            }
        }
    }
    return flop * Double(callsPerBatch) / median(seconds) / 1e9
}
