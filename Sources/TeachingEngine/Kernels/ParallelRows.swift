// Splitting elementwise work across the cores by rows (or by columns for sums down the rows).
// gemm already runs large products on every core (MatmulGemm.swift); the row kernels — GELU, LayerNorm,
// softmax, the row adds — used to run on one core while the other waited. Each chunk here is a
// run of whole rows, so no sum ever crosses two threads: every value is computed by one thread in
// the same order as the plain loop, and results are bit-identical for every thread count.

import Foundation
import MatmulFMA

/// Kernels over fewer values than this stay on one thread: about what one core spends on 32k values of
/// GELU is what a helper costs when it has gone to sleep (25–40 µs to wake on this project's 2-vCPU
/// virtual machines, Docs/performance.md). Quarter and four times this moved no benchmark beyond noise.
let parallelValueThreshold = 1 << 15

extension Kernels {
    /// Calls `body` on contiguous pieces of `0..<count` that together cover it once, on up to
    /// `threads` threads at the same time (`nil`: every core when `count · valuesPerItem` reaches
    /// 32k values, else one thread). Each item is handed to exactly one call, in increasing order
    /// inside a piece, so a kernel that treats items independently gives the same bytes for any count.
    ///
    ///     splitWork(count: 10, valuesPerItem: 64, threads: 2) { range in … }   // 0..<5 and 5..<10
    @inline(__always)
    package static func splitWork(count: Int, valuesPerItem: Int, threads: Int? = nil,
                                 _ body: (Range<Int>) -> Void) {
        guard count > 0 else { return }
        let wanted = threads ?? (count * valuesPerItem >= parallelValueThreshold ? availableCores : 1)
        let pieces = Swift.min(count, Swift.max(1, wanted))
        if pieces == 1 {
            body(0..<count)
            return
        }
        let size = (count + pieces - 1) / pieces
        concurrently((count + size - 1) / size) { piece in
            body((piece * size)..<Swift.min(count, (piece + 1) * size))
        }
    }

    /// Runs `body(0)`, `body(1)`, … `body(iterations − 1)` on the cores at the same time and returns
    /// when all have finished. The kernels hand each iteration its own rows, columns or products to
    /// write, never a value another iteration reads or writes: that is what makes sharing their buffers
    /// across threads safe, which the compiler cannot check here. The engine's own helper threads
    /// (WorkerPool.c) and the calling thread take the iterations one by one, whoever is free; the
    /// helpers stay awake for a moment after each job, so the next one does not wait for a thread to
    /// wake up. A split inside a split, or a second task splitting at the same time, finds the helpers
    /// busy and goes to libdispatch's `concurrentPerform` instead.
    static func concurrently(_ iterations: Int, _ body: (Int) -> Void) {
        withoutActuallyEscaping(body) { body in
            var task = body
            let ran = withUnsafeMutablePointer(to: &task) { task in
                alignfuse_pool_run(iterations, { context, item in
                    context!.assumingMemoryBound(to: ((Int) -> Void).self).pointee(item)
                }, task)
            }
            if ran == 1 { return }
            let shared = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: iterations) { shared.value($0) }
        }
    }

    /// Like `splitWork`, over the columns of a [rows, width] block in groups of eight (one SIMD
    /// register): for sums down the rows (bias and γ gradients), where each column's sum stays whole
    /// on one thread.
    @inline(__always)
    static func splitColumns(rows: Int, width: Int, threads: Int?, _ body: (Range<Int>) -> Void) {
        let groups = (width + 7) / 8
        splitWork(count: groups, valuesPerItem: 8 * rows, threads: threads) { range in
            body((range.lowerBound * 8)..<Swift.min(width, range.upperBound * 8))
        }
    }
}

/// A value handed to the threads of `Kernels.concurrently` (see there why that is safe).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
