// Attention's softmax against a plain scalar twin written from the formula:
//   s = scale·x + bias,  p[j] = e^{s[j] − m} / Σ_k e^{s[k] − m}  (m the row's largest s; a key whose bias
//   is −∞ gets 0);  backward dz = scale · p ⊙ (dp − Σ_j p[j]·dp[j]).
// The fast kernel promises the same bytes as the twin (same max, same expf, sums left to right).

import Foundation
import Testing
import TeachingEngine

/// Reference twin of the softmax forward, one row at a time: rows of `width` values, row r adding
/// `biasRow(r)` (nil: no mask).
func referenceSoftmax(_ x: [Float], width: Int, scale: Float, biasRow: ((Int) -> [Float])? = nil) -> [Float] {
    var p = [Float](repeating: 0, count: x.count)
    for r in 0..<(x.count / width) {
        let bias = biasRow?(r) ?? [Float](repeating: 0, count: width)
        let s = (0..<width).map { scale * x[r * width + $0] + bias[$0] }
        let largest = s.max()!
        if largest == -.infinity { continue }              // every key hidden: a row of zeros
        var total: Float = 0
        for j in 0..<width where s[j] != -.infinity {
            p[r * width + j] = Foundation.exp(s[j] - largest)
            total += p[r * width + j]
        }
        for j in 0..<width { p[r * width + j] *= 1 / total }
    }
    return p
}

@Suite("Softmax with a mask: scale, mask and normalise in one pass, bit-identical to the plain loops")
struct SoftmaxKernelTests {
    @Test("[1, 2, 3] → [0.090, 0.245, 0.665]; with the last key hidden → [0.269, 0.731, 0]")
    func smallRows() {
        let x = Variable(Tensor(shape: [2, 1, 3], scalars: [1, 2, 3, 1, 2, 3]))
        let p = softmax(x, mask: .keyPadding([[false, false, false], [false, false, true]])).value.scalars
        // e¹ : e² : e³ = 2.718 : 7.389 : 20.09 over 30.19;  e¹ : e² = 2.718 : 7.389 over 10.11
        #expect(close(p, [0.0900, 0.2447, 0.6652, 0.2689, 0.7311, 0], tolerance: 1e-4))
        #expect(p[5] == 0)
    }

    @Test("3 items × 2 heads × 4 queries × 11 keys, scale 0.5, padding plus causal: equals the twin exactly; an item with every key hidden gets zeros")
    func forwardMatchesTwin() {
        let (items, heads, queries, keys) = (3, 2, 4, 11)
        let x = randomLeaf([items, heads, queries, keys], seed: 31).value.scalars
        var padding = [[Bool]](repeating: [Bool](repeating: false, count: keys), count: items)
        padding[0][10] = true; padding[1][3] = true; padding[1][10] = true   // padding in items 0 and 1
        padding[2] = [Bool](repeating: true, count: keys)                    // item 2: every key hidden
        for mask in [AttentionMask.keyPadding(padding), .keyPadding(padding) + .causal(queries: queries, keys: keys)] {
            let p = softmax(Variable(Tensor(shape: [items, heads, queries, keys], scalars: x)), scale: 0.5, mask: mask)
            let twin = referenceSoftmax(x, width: keys, scale: 0.5) { r in
                let (item, query) = (r / (heads * queries), r % queries)
                return (0..<keys).map { mask.value(item: item, query: query, key: $0) }
            }
            #expect(p.value.scalars == twin)
            #expect(p.value.scalars[(2 * heads * queries * keys)...].allSatisfy { $0 == 0 })
        }
    }

    @Test("The vector exponential is libm's expf, bit for bit: 0 ↦ 1, −∞ ↦ 0, 100 ↦ +∞, −110 ↦ 0, NaN stays NaN, and 200,003 values across [−110, 90], sixteen lanes and eight",
          .enabled(if: matmulUsesFMA, "this processor has no AVX2 and FMA: the softmax rows use libm's expf itself"))
    func vectorExpIsExpf() throws {
        let edges: [Float] = [0, -0, 1, -1, .infinity, -.infinity, 100, -110, -103.97, -103.9721, 88.72, 88.73,
                              .leastNonzeroMagnitude, -.greatestFiniteMagnitude]
        let sweep = (0..<200_003).map { Float(-110) + Float($0) * (200 / 200_003) }   // every table entry, often
        for eightLanes in [false, true] {
            let mine = try #require(Kernels.vectorExp(edges + sweep + [.nan], eightLanes: eightLanes))
            let libm = (edges + sweep).map { Foundation.exp($0) }
            #expect(Array(mine.dropLast()).map(\.bitPattern) == libm.map(\.bitPattern))
            #expect(mine.last!.isNaN)
            #expect(mine[0] == 1 && mine[5] == 0 && mine[6] == .infinity && mine[7] == 0)
        }
    }

    @Test("Softmax rows on AVX-512, on AVX2 and in the Swift loop give the same bits: 2 items × 3 heads × 5 queries × 37 keys (16 + 16 + 5 lanes, or 8 · 4 + 5), padding plus causal, on one thread and split over two")
    func vectorRowsMatchLoop() {
        let (items, heads, queries, keys) = (2, 3, 5, 37)
        let rows = items * heads * queries
        let x = randomLeaf([rows, keys], seed: 37).value.scalars.map { 4 * $0 }
        var padding = [[Bool]](repeating: [Bool](repeating: false, count: keys), count: items)
        padding[1][30...] = ArraySlice(repeating: true, count: keys - 30)
        let mask = AttentionMask.keyPadding(padding) + .causal(queries: queries, keys: keys)
        let bias = (0..<items).flatMap { item in
            (0..<queries).flatMap { query in (0..<keys).map { mask.value(item: item, query: query, key: $0) } }
        }                                                                  // [items, queries, keys]
        let layout = Kernels.MaskLayout(rowsPerItem: heads * queries, queries: queries, itemStride: queries * keys,
                                        queryStride: keys)
        func run(portable: Bool, eightLanes: Bool = false, threads: Int) -> [Float] {
            var p = [Float](repeating: .nan, count: x.count)
            p.withUnsafeMutableBufferPointer { pp in
                x.withUnsafeBufferPointer { xp in
                    bias.withUnsafeBufferPointer { bp in
                        Kernels.softmaxForward(xp.baseAddress!, rows: rows, width: keys, scale: 0.25,
                                               mask: (bp.baseAddress!, layout), output: pp.baseAddress!,
                                               threads: threads, portable: portable, eightLanes: eightLanes)
                    }
                }
            }
            return p
        }
        let loop = run(portable: true, threads: 1)
        for threads in [1, 2] {
            #expect(run(portable: false, threads: threads) == loop)                    // AVX-512 where it runs
            #expect(run(portable: false, eightLanes: true, threads: threads) == loop)  // AVX2
        }
        #expect(loop[(rows - 1) * keys + 29] > 0 && loop[(rows - 1) * keys + 30] == 0)   // a padded key gets 0
    }

    @Test("p = [0.5, 0.5], dp = [1, 0]: dz = [0.25, −0.25]; 5 rows of width 13 at scale 0.25 equal the twin exactly")
    func backwardMatchesTwin() {
        let even = Variable(Tensor(shape: [2], scalars: [0, 0]), requiresGrad: true)    // softmax = [0.5, 0.5]
        (softmax(even) * Variable(Tensor(shape: [2], scalars: [1, 0]))).sum().backward()
        #expect(even.grad!.scalars == [0.25, -0.25])      // 0.5 · (1 − 0.5), 0.5 · (0 − 0.5)

        let (rows, width, scale): (Int, Int, Float) = (5, 13, 0.25)
        let x = randomLeaf([rows, width], seed: 41)
        let dp = randomLeaf([rows, width], seed: 42).value.scalars
        (softmax(x, scale: scale) * Variable(Tensor(shape: [rows, width], scalars: dp))).sum().backward()
        let p = referenceSoftmax(x.value.scalars, width: width, scale: scale)
        var twin = [Float](repeating: 0, count: rows * width)
        for r in 0..<rows {
            var dot: Float = 0
            for j in 0..<width { dot += p[r * width + j] * dp[r * width + j] }
            for j in 0..<width { twin[r * width + j] = scale * p[r * width + j] * (dp[r * width + j] - dot) }
        }
        #expect(x.grad!.scalars == twin)
    }

    @Test("The softmax backward with eight rows' sums side by side (SoftmaxFMA.c) equals the Swift loop bit for bit: 19 rows (8 + 8 + 3) of width 29 (8 · 3 + 5), scale 0.3, written and added, on one thread and split over two")
    func backwardKernelMatchesLoop() {
        let (rows, width, scale): (Int, Int, Float) = (19, 29, 0.3)
        let p = referenceSoftmax(randomLeaf([rows, width], seed: 43).value.scalars.map { 4 * $0 }, width: width,
                                 scale: 1)
        let dp = randomLeaf([rows, width], seed: 44).value.scalars
        let earlier = randomLeaf([rows, width], seed: 45).value.scalars       // a gradient already there
        func run(portable: Bool, accumulate: Bool, threads: Int) -> [Float] {
            var dz = accumulate ? earlier : [Float](repeating: .nan, count: rows * width)
            dz.withUnsafeMutableBufferPointer { dzp in
                Kernels.softmaxBackward(p, gradOutput: dp, rows: rows, width: width, scale: scale,
                                        gradInput: dzp.baseAddress!, accumulate: accumulate, threads: threads,
                                        portable: portable)
            }
            return dz
        }
        for accumulate in [false, true] {
            let loop = run(portable: true, accumulate: accumulate, threads: 1)
            #expect(!loop.contains { $0.isNaN })
            for threads in [1, 2] {
                #expect(run(portable: false, accumulate: accumulate, threads: threads) == loop)
            }
        }
    }
}
