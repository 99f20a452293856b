// Attention's softmax kernel against a plain scalar twin written from the formula:
//   p[j] = e^{scale·x[j] − m} / Σ_k e^{scale·x[k] − m}, over the keys the row may see (m their max),
//   hidden keys 0;  backward dz = scale · p ⊙ (dp − Σ_j p[j]·dp[j]).
// The kernel promises the same bytes as the twin (same max, same expf, sums left to right).

import Foundation
import Testing
import TeachingEngine

/// Reference twin of the softmax forward: one row at a time, plain loops.
func referenceSoftmax(_ x: [Float], width: Int, scale: Float, mask: [Float]?, rowsPerMaskRow: Int,
                      causalQueries: Int?) -> [Float] {
    var p = [Float](repeating: 0, count: x.count)
    for r in 0..<(x.count / width) {
        let visible = causalQueries.map { min(width, r % $0 + 1 + (width - $0)) } ?? width
        func sees(_ j: Int) -> Bool { j < visible && (mask?[(r / rowsPerMaskRow) * width + j] ?? 1) != 0 }
        var largest = -Float.infinity
        for j in 0..<width where sees(j) { largest = max(largest, scale * x[r * width + j]) }
        var total: Float = 0
        for j in 0..<width where sees(j) {
            p[r * width + j] = Foundation.exp(scale * x[r * width + j] - largest)
            total += p[r * width + j]
        }
        let inverse = total > 0 ? 1 / total : 0
        for j in 0..<width { p[r * width + j] *= inverse }
    }
    return p
}

@Suite("Softmax kernel: scale, mask and normalise in one pass, bit-identical to the plain loops")
struct SoftmaxKernelTests {
    @Test("[1, 2, 3] → [0.090, 0.245, 0.665]; with the last key masked → [0.269, 0.731, 0]")
    func smallRows() {
        var p = [Float](repeating: 0, count: 6)
        Kernels.softmaxForward([1, 2, 3, 1, 2, 3], rows: 2, width: 3, scale: 1, keyMask: [1, 1, 1, 1, 1, 0],
                               rowsPerMaskRow: 1, causalQueries: nil, output: &p)
        #expect(close(p, [0.0900, 0.2447, 0.6652, 0.2689, 0.7311, 0], tolerance: 1e-4))
    }

    @Test("12 rows of width 11 (3 batch items × 4 queries), scale 0.5, key mask and causal: equals the twin exactly")
    func forwardMatchesTwin() {
        let (rows, width, queries) = (12, 11, 4)
        let x = randomLeaf([rows, width], seed: 31).value.scalars
        var mask = [Float](repeating: 1, count: 3 * width)
        mask[10] = 0; mask[width + 3] = 0; mask[width + 10] = 0            // padding in items 0 and 1
        for j in 0..<width { mask[2 * width + j] = 0 }                     // item 2: every key hidden → zeros
        for causal in [nil, queries] as [Int?] {
            var p = [Float](repeating: -1, count: rows * width)
            Kernels.softmaxForward(x, rows: rows, width: width, scale: 0.5, keyMask: mask, rowsPerMaskRow: queries,
                                   causalQueries: causal, output: &p)
            let twin = referenceSoftmax(x, width: width, scale: 0.5, mask: mask, rowsPerMaskRow: queries,
                                        causalQueries: causal)
            #expect(p == twin)
            #expect(p[(8 * width)..<(12 * width)].allSatisfy { $0 == 0 })
        }
    }

    @Test("p = [0.5, 0.5], dp = [1, 0]: dz = [0.25, −0.25]; 5 rows of width 13 equal the twin, written or added")
    func backwardMatchesTwin() {
        var dz = [Float](repeating: 0, count: 2)
        Kernels.softmaxBackward([0.5, 0.5], gradOutput: [1, 0], rows: 1, width: 2, scale: 1, gradInput: &dz,
                                accumulate: false)
        #expect(dz == [0.25, -0.25])

        let (rows, width, scale): (Int, Int, Float) = (5, 13, 0.25)
        let p = referenceSoftmax(randomLeaf([rows, width], seed: 41).value.scalars, width: width, scale: 1,
                                 mask: nil, rowsPerMaskRow: rows, causalQueries: nil)
        let dp = randomLeaf([rows, width], seed: 42).value.scalars
        var twin = [Float](repeating: 0.5, count: rows * width)
        for r in 0..<rows {
            var dot: Float = 0
            for j in 0..<width { dot += p[r * width + j] * dp[r * width + j] }
            for j in 0..<width { twin[r * width + j] += scale * p[r * width + j] * (dp[r * width + j] - dot) }
        }
        var added = [Float](repeating: 0.5, count: rows * width)
        Kernels.softmaxBackward(p, gradOutput: dp, rows: rows, width: width, scale: scale, gradInput: &added,
                                accumulate: true)
        #expect(added == twin)
        var written = [Float](repeating: 99, count: rows * width)
        Kernels.softmaxBackward(p, gradOutput: dp, rows: rows, width: width, scale: scale, gradInput: &written,
                                accumulate: false)
        #expect(zip(written, twin).allSatisfy { $0 + 0.5 == $1 })
    }
}
