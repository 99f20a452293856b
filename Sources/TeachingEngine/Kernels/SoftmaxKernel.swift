// Attention's softmax on raw rows: scale, mask and normalise in one pass per row, and its backward.
// (The formulas and the Variable op: Softmax.swift.) Rows are split across the cores; the max, the
// exponentials and the left-to-right sum of each row are those of the plain loop, so results are
// bit-identical to it for every thread count. The scalar twin is in Tests/…/SoftmaxKernelTests.swift.

import Foundation
import MatmulFMA

extension Kernels {
    /// Where a row of scores finds its row of an attention mask's bias [B or 1, Tq or 1, Tk]: score row
    /// r belongs to item r / rowsPerItem and query r mod queries; a shared size has stride 0.
    package struct MaskLayout {
        let rowsPerItem: Int, queries: Int, itemStride: Int, queryStride: Int

        package init(rowsPerItem: Int, queries: Int, itemStride: Int, queryStride: Int) {
            (self.rowsPerItem, self.queries) = (rowsPerItem, queries)
            (self.itemStride, self.queryStride) = (itemStride, queryStride)
        }

        @inline(__always)
        func offset(row r: Int) -> Int { (r / rowsPerItem) * itemStride + (r % queries) * queryStride }
    }

    /// softmax(scale·x + bias) of `rows` rows of `width`, as a new array (see `softmaxForward`).
    static func softmax(_ x: [Float], rows: Int, width: Int, scale: Float,
                        mask: (bias: [Float], layout: MaskLayout)?) -> [Float] {
        makeScalars(count: x.count) { p in
            x.withUnsafeBufferPointer { xp in
                withOptionalPointer(mask?.bias) { bias in
                    softmaxForward(xp.baseAddress!, rows: rows, width: width, scale: scale,
                                   mask: bias.map { ($0, mask!.layout) }, output: p)
                }
            }
        }
    }

    /// For each of `rows` rows of `width` scores: s = scale·x + bias, then p[j] = e^{s[j] − m} / Σ e^{s[k] − m}
    /// with m the row's largest s. A key whose bias is −∞ gets exactly 0 and adds nothing to the sum;
    /// a row with no visible key is all 0.
    ///
    ///     x = [1, 2, 3], scale 1, no mask   →  p ≈ [0.090, 0.245, 0.665]
    ///     x = [1, 2, 3], bias [0, 0, −∞]    →  p ≈ [0.269, 0.731, 0]
    ///
    /// Where the processor has AVX2 and FMA the rows go to SoftmaxFMA.c (sixteen lanes with AVX-512,
    /// unless `eightLanes`), which gives the same bits; `portable` keeps the loop below (the tests
    /// compare them).
    package static func softmaxForward(
        _ x: UnsafePointer<Float>, rows: Int, width: Int, scale: Float,
        mask: (bias: UnsafePointer<Float>, layout: MaskLayout)?,
        output p: UnsafeMutablePointer<Float>, threads: Int? = nil, portable: Bool = false,
        eightLanes: Bool = false
    ) {
        splitWork(count: rows, valuesPerItem: 4 * width, threads: threads) { range in
            if matmulUsesFMA && !portable && width <= 4096 {   // the same steps, 8 or 16 scores at a time
                let kernel = matmulUsesAVX512 && !eightLanes
                    ? alignfuse_softmax_rows_avx512 : alignfuse_softmax_rows_avx2
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 4) { layout in
                    let l = mask?.layout
                    (layout[0], layout[1]) = (l?.rowsPerItem ?? 1, l?.queries ?? 1)
                    (layout[2], layout[3]) = (l?.itemStride ?? 0, l?.queryStride ?? 0)
                    kernel(x, range.lowerBound, range.count, width, scale, mask?.bias, layout.baseAddress!, p)
                }
                return
            }
            for r in range {
                let (row, result) = (x + r * width, p + r * width)
                // 1. Scaled (and masked) scores and their largest value (a max is exact in any order).
                var rowMax = -Float.infinity
                if let mask {
                    let bias = mask.bias + mask.layout.offset(row: r)
                    for j in 0..<width {
                        let s = scale * row[j] + bias[j]
                        result[j] = s
                        if s > rowMax { rowMax = s }
                    }
                } else {
                    for j in 0..<width {
                        let s = scale * row[j]
                        result[j] = s
                        if s > rowMax { rowMax = s }
                    }
                }
                guard rowMax > -.infinity else {
                    result.update(repeating: 0, count: width)      // every key hidden
                    continue
                }
                // 2. Exponentials (libm's expf, one value at a time), summed left to right;
                //    hidden keys (−∞) are 0 and add nothing.
                var total: Float = 0
                for j in 0..<width {
                    let e = result[j] == -.infinity ? 0 : Foundation.exp(result[j] - rowMax)
                    result[j] = e
                    total += e
                }
                // 3. Normalise.
                scaleRow(result, by: 1 / total, count: width)
            }
        }
    }

    /// dz = scale · p ⊙ (dp − Σ_j p[j]·dp[j]) per row, the softmax's backward; written into `gradInput`
    /// (overwriting it), or added to it when `accumulate`. Each row's sum runs left to right. Where AVX2
    /// runs, SoftmaxFMA.c computes the same bits with eight rows' sums side by side; `portable` asks
    /// for the Swift loop below (the tests compare the two).
    ///
    ///     p = [0.5, 0.5], dp = [1, 0], scale 1  →  dz = [0.25, −0.25]
    package static func softmaxBackward(
        _ p: UnsafePointer<Float>, gradOutput dp: UnsafePointer<Float>, rows: Int, width: Int, scale: Float,
        gradInput dz: UnsafeMutablePointer<Float>, accumulate: Bool, threads: Int? = nil, portable: Bool = false
    ) {
        splitWork(count: rows, valuesPerItem: width, threads: threads) { range in
            if matmulUsesFMA && !portable {
                let at = range.lowerBound * width
                alignfuse_softmax_backward_avx2(p + at, dp + at, range.count, width, scale, dz + at, accumulate ? 1 : 0)
                return
            }
            for r in range {
                let (pr, gr, target) = (p + r * width, dp + r * width, dz + r * width)
                let dot = Kernels.dot(pr, gr, count: width)
                let (scale8, dot8) = (SIMD8(repeating: scale), SIMD8(repeating: dot))
                var j = 0
                while j + 8 <= width {
                    let d = scale8 * load8(pr + j) * (load8(gr + j) - dot8)
                    store8(accumulate ? load8(target + j) + d : d, target + j)
                    j += 8
                }
                while j < width {
                    let d = scale * pr[j] * (gr[j] - dot)
                    target[j] = accumulate ? target[j] + d : d
                    j += 1
                }
            }
        }
    }

    /// e^x of every value by SoftmaxFMA.c's vector exponential (sixteen lanes where AVX-512 runs, unless
    /// `eightLanes`), or nil on a processor without AVX2 and FMA. It gives libm's expf bits, which is
    /// what lets the softmax rows there match the plain loop.
    package static func vectorExp(_ x: [Float], eightLanes: Bool = false) -> [Float]? {
        guard matmulUsesFMA else { return nil }
        return makeScalars(count: x.count) { out in
            x.withUnsafeBufferPointer { xp in
                let kernel = matmulUsesAVX512 && !eightLanes ? alignfuse_exp_avx512 : alignfuse_exp_avx2
                kernel(xp.baseAddress!, x.count, out)
            }
        }
    }

    /// row[j] ·= factor for j < count, eight at a time.
    @inline(__always)
    static func scaleRow(_ row: UnsafeMutablePointer<Float>, by factor: Float, count: Int) {
        var j = 0
        let factor8 = SIMD8(repeating: factor)
        while j + 8 <= count { store8(load8(row + j) * factor8, row + j); j += 8 }
        while j < count { row[j] *= factor; j += 1 }
    }
}
