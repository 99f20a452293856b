// Attention's softmax on raw rows: scale, mask and normalise in one pass per row, and its backward.
// (The formulas and the Variable op: Softmax.swift.) Rows are split across the cores; the max, the
// exponentials and the left-to-right sum of each row are those of the plain loop, so results are
// bit-identical to it for every thread count. The scalar twin is in Tests/…/SoftmaxKernelTests.swift.

import Foundation

extension Kernels {
    /// For each of `rows` rows of `width` scores: p[j] = e^{scale·x[j] − m} / Σ e^{scale·x[k] − m},
    /// m the row's largest visible scaled score, over the visible keys only; hidden keys get 0, and a
    /// row with no visible key is all 0.
    ///
    /// - `keyMask`: nil (every key visible) or [rows / rowsPerMaskRow, width], 1 for a visible key:
    ///   row r reads mask row r / rowsPerMaskRow (the rows of one batch item share its mask).
    /// - `causalQueries`: nil, or Tq for rows that are [..., Tq, Tk] blocks: query i = r mod Tq sees
    ///   keys j ≤ i + (Tk − Tq).
    ///
    ///     x = [1, 2, 3], scale 1, no mask  →  p ≈ [0.090, 0.245, 0.665]
    public static func softmaxForward(
        _ x: UnsafePointer<Float>, rows: Int, width: Int, scale: Float,
        keyMask: UnsafePointer<Float>?, rowsPerMaskRow: Int, causalQueries: Int?,
        output p: UnsafeMutablePointer<Float>, threads: Int? = nil
    ) {
        precondition(keyMask == nil || rowsPerMaskRow > 0, "softmaxForward: rowsPerMaskRow \(rowsPerMaskRow) must be positive")
        splitWork(count: rows, valuesPerItem: 4 * width, threads: threads) { range in
            for r in range {
                let (row, result) = (x + r * width, p + r * width)
                let mask = keyMask.map { $0 + (r / rowsPerMaskRow) * width }
                // Keys this row may see: not padding, and (if causal) not in the future.
                let visible = causalQueries.map { Swift.min(width, r % $0 + 1 + (width - $0)) } ?? width
                // 1. Scaled scores and their largest visible value (a max is exact in any order).
                var rowMax = -Float.infinity
                if let mask {
                    for j in 0..<visible {
                        let s = scale * row[j]
                        result[j] = s
                        if mask[j] != 0 && s > rowMax { rowMax = s }
                    }
                } else {
                    for j in 0..<visible {
                        let s = scale * row[j]
                        result[j] = s
                        if s > rowMax { rowMax = s }
                    }
                }
                // 2. Exponentials (libm's expf, one value at a time), summed left to right;
                //    hidden keys are 0 and add nothing.
                var total: Float = 0
                if let mask {
                    for j in 0..<visible {
                        let e = mask[j] != 0 ? Foundation.exp(result[j] - rowMax) : 0
                        result[j] = e
                        total += e
                    }
                } else {
                    for j in 0..<visible {
                        let e = Foundation.exp(result[j] - rowMax)
                        result[j] = e
                        total += e
                    }
                }
                for j in visible..<width { result[j] = 0 }
                // 3. Normalise.
                let inverse = total > 0 ? 1 / total : 0
                scaleRow(result, by: inverse, count: visible)
            }
        }
    }

    /// dz = scale · p ⊙ (dp − Σ_j p[j]·dp[j]) per row, the softmax's backward; written into `gradInput`
    /// (overwriting it), or added to it when `accumulate`. Each row's sum runs left to right.
    ///
    ///     p = [0.5, 0.5], dp = [1, 0], scale 1  →  dz = [0.25, −0.25]
    public static func softmaxBackward(
        _ p: UnsafePointer<Float>, gradOutput dp: UnsafePointer<Float>, rows: Int, width: Int, scale: Float,
        gradInput dz: UnsafeMutablePointer<Float>, accumulate: Bool, threads: Int? = nil
    ) {
        splitWork(count: rows, valuesPerItem: width, threads: threads) { range in
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

    /// row[j] ·= factor for j < count, eight at a time.
    @inline(__always)
    static func scaleRow(_ row: UnsafeMutablePointer<Float>, by factor: Float, count: Int) {
        var j = 0
        let factor8 = SIMD8(repeating: factor)
        while j + 8 <= count { store8(load8(row + j) * factor8, row + j); j += 8 }
        while j < count { row[j] *= factor; j += 1 }
    }
}
