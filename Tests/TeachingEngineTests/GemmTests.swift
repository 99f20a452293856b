// The fast gemm checked against its reference twin: the plain triple loop, obvious and slow.

import Testing
import TeachingEngine

/// The reference twin: C (+)= op(A)·op(B) by the definition, one product at a time.
func referenceGemm(
    _ a: [Float], _ b: [Float], _ c: inout [Float], m: Int, k: Int, n: Int,
    transposeA: Bool = false, transposeB: Bool = false, accumulate: Bool = false
) {
    for i in 0..<m {
        for j in 0..<n {
            var sum: Float = 0
            for p in 0..<k {
                let aip = transposeA ? a[p * m + i] : a[i * k + p]
                let bpj = transposeB ? b[j * k + p] : b[p * n + j]
                sum += aip * bpj
            }
            c[i * n + j] = accumulate ? c[i * n + j] + sum : sum
        }
    }
}

/// Calls the fast `gemm` on arrays.
func fastGemm(
    _ a: [Float], _ b: [Float], _ c: inout [Float], m: Int, k: Int, n: Int,
    transposeA: Bool = false, transposeB: Bool = false, accumulate: Bool = false, threads: Int? = nil
) {
    c.withUnsafeMutableBufferPointer { pc in
        gemm(a, b, pc.baseAddress!, m: m, k: k, n: n, transposeA: transposeA, transposeB: transposeB,
             accumulate: accumulate, threads: threads)
    }
}

/// `count` small integers in -4…4: every product and sum below is exact in Float32, so the fast
/// kernel and the reference must agree bit for bit whatever order they add in.
func smallIntegers(_ count: Int, _ rng: inout SeededGenerator) -> [Float] {
    (0..<count).map { _ in Float(rng.nextInt(below: 9) - 4) }
}

@Suite("gemm: the fast matrix multiply equals the plain loop")
struct GemmTests {
    @Test("[[1, 2], [3, 4]] · [[5, 6], [7, 8]] = [[19, 22], [43, 50]]")
    func twoByTwo() {
        var c = [Float](repeating: 0, count: 4)
        fastGemm([1, 2, 3, 4], [5, 6, 7, 8], &c, m: 2, k: 2, n: 2)
        #expect(c == [19, 22, 43, 50])
    }

    @Test("Transposed storage reads the same matrices: Aᵀ stored [[1, 3], [2, 4]], Bᵀ stored [[5, 7], [6, 8]]")
    func twoByTwoTransposed() {
        var c = [Float](repeating: 0, count: 4)
        fastGemm([1, 3, 2, 4], [5, 7, 6, 8], &c, m: 2, k: 2, n: 2, transposeA: true, transposeB: true)
        #expect(c == [19, 22, 43, 50])
    }

    @Test("accumulate adds into C: [[1, 1], [1, 1]] + A·B = [[20, 23], [44, 51]]")
    func accumulateAdds() {
        var c: [Float] = [1, 1, 1, 1]
        fastGemm([1, 2, 3, 4], [5, 6, 7, 8], &c, m: 2, k: 2, n: 2, accumulate: true)
        #expect(c == [20, 23, 44, 51])
    }

    @Test("Odd and edge sizes, every transpose and accumulate: equal to the plain loop bit for bit",
          arguments: [(1, 1, 1), (3, 5, 7), (17, 3, 33), (6, 16, 16), (7, 17, 15), (33, 65, 17),
                      (65, 33, 3), (12, 300, 20), (1, 64, 100), (100, 2, 1), (40, 50, 70)])
    func oddShapes(shape: (Int, Int, Int)) {
        let (m, k, n) = shape
        var rng = SeededGenerator(seed: UInt64(m * 10_000 + k * 100 + n))
        let a = smallIntegers(m * k, &rng), b = smallIntegers(k * n, &rng)
        let start = smallIntegers(m * n, &rng)
        for transposeA in [false, true] {
            for transposeB in [false, true] {
                for accumulate in [false, true] {
                    var expected = start, actual = start
                    referenceGemm(a, b, &expected, m: m, k: k, n: n,
                                  transposeA: transposeA, transposeB: transposeB, accumulate: accumulate)
                    fastGemm(a, b, &actual, m: m, k: k, n: n,
                             transposeA: transposeA, transposeB: transposeB, accumulate: accumulate)
                    #expect(actual == expected, "[\(m), \(k), \(n)] tA \(transposeA) tB \(transposeB) acc \(accumulate)")
                }
            }
        }
    }

    @Test("Real-valued inputs: within 1e-5 of the plain loop, relative to Σ|a·b|")
    func realValues() {
        let (m, k, n) = (37, 513, 29)   // k spans three depth blocks of 256
        var rng = SeededGenerator(seed: 11)
        let a = (0..<(m * k)).map { _ in rng.nextFloat(in: -1...1) }
        let b = (0..<(k * n)).map { _ in rng.nextFloat(in: -1...1) }
        var expected = [Float](repeating: 0, count: m * n), actual = expected
        referenceGemm(a, b, &expected, m: m, k: k, n: n)
        fastGemm(a, b, &actual, m: m, k: k, n: n)
        let worst = (0..<(m * n)).map { abs(actual[$0] - expected[$0]) }.max()!
        #expect(worst <= 1e-5 * Float(k), "largest difference \(worst)")   // Σ|a·b| ≤ k
    }

    @Test("With fused multiply-adds every element is one chain from 0, restarted every 256 steps and added to C, bit for bit: real values at the edges of the tiles (64 rows: ten 6-row tiles and 4 left; 40 columns: two 16-column panels and 8), every transpose, written or added",
          .enabled(if: matmulUsesFMA, "this processor has no FMA: gemm adds products rounded one by one"),
          arguments: [(64, 64, 40), (70, 300, 50), (5, 17, 33), (13, 64, 16), (64, 100, 64)])
    func fusedChainTwin(shape: (Int, Int, Int)) {
        let (m, k, n) = shape
        var rng = SeededGenerator(seed: UInt64(m * 10_000 + k * 100 + n))
        let a = (0..<(m * k)).map { _ in rng.nextFloat(in: -1...1) }
        let b = (0..<(k * n)).map { _ in rng.nextFloat(in: -1...1) }
        let start = (0..<(m * n)).map { _ in rng.nextFloat(in: -1...1) }
        for (transposeA, transposeB) in [(false, false), (true, false), (false, true), (true, true)] {
            for accumulate in [false, true] {
                var expected = start, actual = start
                for i in 0..<m {
                    for j in 0..<n {
                        var value = expected[i * n + j]
                        for block in stride(from: 0, to: k, by: 256) {
                            var sum: Float = 0
                            for p in block..<min(k, block + 256) {
                                let aip = transposeA ? a[p * m + i] : a[i * k + p]
                                let bpj = transposeB ? b[j * k + p] : b[p * n + j]
                                sum = sum.addingProduct(aip, bpj)          // one rounding: a fused multiply-add
                            }
                            value = block == 0 && !accumulate ? sum : value + sum
                        }
                        expected[i * n + j] = value
                    }
                }
                fastGemm(a, b, &actual, m: m, k: k, n: n, transposeA: transposeA, transposeB: transposeB,
                         accumulate: accumulate, threads: 2)
                #expect(actual == expected, "[\(m), \(k), \(n)] tA \(transposeA) tB \(transposeB) acc \(accumulate)")
            }
        }
    }

    @Test("The same bits with 1, 2 and 3 threads (each element is summed by one thread, in one order)")
    func threadCountDoesNotMatter() {
        var rng = SeededGenerator(seed: 5)
        for (m, k, n) in [(70, 300, 50), (20, 40, 200)] {
            let a = (0..<(m * k)).map { _ in rng.nextFloat(in: -1...1) }
            let b = (0..<(k * n)).map { _ in rng.nextFloat(in: -1...1) }
            var one = [Float](repeating: 0, count: m * n), two = one, three = one
            fastGemm(a, b, &one, m: m, k: k, n: n, threads: 1)
            fastGemm(a, b, &two, m: m, k: k, n: n, threads: 2)
            fastGemm(a, b, &three, m: m, k: k, n: n, threads: 3)
            #expect(one == two && one == three, "[\(m), \(k), \(n)]")
        }
    }

    @Test("gemmPart: [70, 300]·[300, 50] cut in two by rows (0..<34, 34..<70) and [20, 40]·[40, 200] by columns (0..<104, 104..<200), parts computed last first, written or added, every transpose: gemm's bytes")
    func partsMakeTheWholeProduct() {
        var rng = SeededGenerator(seed: 8)
        for (m, k, n) in [(70, 300, 50), (20, 40, 200), (4, 4, 4)] {
            let a = (0..<(m * k)).map { _ in rng.nextFloat(in: -1...1) }
            let b = (0..<(k * n)).map { _ in rng.nextFloat(in: -1...1) }
            let start = (0..<(m * n)).map { _ in rng.nextFloat(in: -1...1) }
            for (transposeA, transposeB, accumulate) in [(false, false, false), (true, false, true), (false, true, false),
                                                         (true, true, true)] {
                var whole = start, parts = start
                fastGemm(a, b, &whole, m: m, k: k, n: n, transposeA: transposeA, transposeB: transposeB,
                         accumulate: accumulate, threads: 1)
                parts.withUnsafeMutableBufferPointer { c in
                    for part in [1, 0] {
                        gemmPart(a, b, c.baseAddress!, m: m, k: k, n: n, transposeA: transposeA, transposeB: transposeB,
                                 accumulate: accumulate, part: part, of: 2)
                    }
                }
                #expect(parts == whole, "[\(m), \(k), \(n)] transposeA \(transposeA) transposeB \(transposeB)")
            }
        }
    }

    @Test("One head of attention, [26, 16]·[16, 26]: the small product equals the first 26 rows of a [1664, 16]·[16, 26] one, bit for bit, every transpose, written or added")
    func smallProductMatchesLargeOne() {
        let (rows, small, k, n) = (1664, 26, 16, 26)
        var rng = SeededGenerator(seed: 13)
        let a = (0..<(rows * k)).map { _ in rng.nextFloat(in: -1...1) }   // [1664, 16], or [16, 1664] transposed
        let b = (0..<(k * n)).map { _ in rng.nextFloat(in: -1...1) }
        let start = (0..<(rows * n)).map { _ in rng.nextFloat(in: -1...1) }
        for transposeA in [false, true] {
            for transposeB in [false, true] {
                for accumulate in [false, true] {
                    var large = start, part = Array(start[0..<(small * n)])
                    a.withUnsafeBufferPointer { pa in
                        large.withUnsafeMutableBufferPointer { pc in
                            gemm(pa.baseAddress!, b, pc.baseAddress!, m: rows, k: k, n: n, transposeA: transposeA,
                                 transposeB: transposeB, accumulate: accumulate)
                        }
                        part.withUnsafeMutableBufferPointer { pc in
                            gemm(pa.baseAddress!, b, pc.baseAddress!, m: small, k: k, n: n, transposeA: transposeA,
                                 transposeB: transposeB, accumulate: accumulate, leadingA: transposeA ? rows : k)
                        }
                    }
                    #expect(part == Array(large[0..<(small * n)]), "tA \(transposeA) tB \(transposeB) acc \(accumulate)")
                }
            }
        }
    }

    @Test("One head's 16 columns of V read in place: [26, 26]·[26, 16] with B's rows 64 apart equals the first 26 rows of a [1664, 26]·[26, 16] product of the copied columns, bit for bit, written or added")
    func smallProductReadsWholeVectorRowsInPlace() {
        let (rows, small, k, n, wide) = (1664, 26, 26, 16, 64)
        var rng = SeededGenerator(seed: 23)
        let a = (0..<(rows * k)).map { _ in rng.nextFloat(in: -1...1) }
        let values = (0..<(k * wide)).map { _ in rng.nextFloat(in: -1...1) }      // V [26, 64]: four heads
        let head = (0..<k).flatMap { p in values[(p * wide + 16)..<(p * wide + 32)] }   // head 1's columns, copied
        let start = (0..<(rows * n)).map { _ in rng.nextFloat(in: -1...1) }
        for accumulate in [false, true] {
            var large = start, part = Array(start[0..<(small * n)])
            fastGemm(a, head, &large, m: rows, k: k, n: n, accumulate: accumulate)
            values.withUnsafeBufferPointer { pv in
                part.withUnsafeMutableBufferPointer { pc in
                    gemm(a, pv.baseAddress! + 16, pc.baseAddress!, m: small, k: k, n: n, accumulate: accumulate,
                         leadingB: wide)
                }
            }
            #expect(part == Array(large[0..<(small * n)]), "accumulate \(accumulate)")
        }
    }

    @Test("The small-product kernel gives the same bits on sixteen lanes (AVX-512) as on eight (AVX2): m 1…26 rows, n 1…40 columns, depth 1…300 (past a depth block of 256), every transpose, B read in place from wider rows, written or added",
          .enabled(if: matmulUsesAVX512, "this processor has no AVX-512: the small products run on AVX2 only"))
    func smallProductOnSixteenLanes() {
        // Row counts around the tiles' heights (6 and 12), column counts around a vector's 16 lanes.
        var rng = SeededGenerator(seed: 29)
        for k in [1, 16, 26, 300] {
            for m in [1, 5, 6, 7, 12, 13, 26] {
                for n in [1, 7, 8, 16, 17, 26, 32, 40] {
                    let ldb = n + 3       // B's rows sit in a wider matrix, so a row's end is not B's end
                    let a = (0..<(m * k)).map { _ in rng.nextFloat(in: -1...1) }
                    let b = (0..<(k * ldb + n * k)).map { _ in rng.nextFloat(in: -1...1) }
                    let start = (0..<(m * n)).map { _ in rng.nextFloat(in: -1...1) }
                    for (transposeA, transposeB, accumulate) in [(false, false, false), (true, false, true),
                                                                 (false, true, true), (true, true, false)] {
                        func run(eightLanes: Bool) -> [Float] {
                            var c = start
                            c.withUnsafeMutableBufferPointer { pc in
                                smallGemm(a, b, pc.baseAddress!, m: m, k: k, n: n, lda: transposeA ? m : k,
                                          ldb: transposeB ? k : ldb, ldc: n, transposeA: transposeA,
                                          transposeB: transposeB, accumulate: accumulate, eightLanes: eightLanes)
                            }
                            return c
                        }
                        #expect(run(eightLanes: false) == run(eightLanes: true),
                                "[\(m), \(k)]·[\(k), \(n)] tA \(transposeA) tB \(transposeB) add \(accumulate)")
                    }
                }
            }
        }
    }

    @Test("A few rows read B in place, many rows read it packed: [64, 300]·[300, 40] equals the first 64 rows of a [640, 300]·[300, 40] product bit for bit, written or added")
    func fewRowsReadBInPlace() {
        // 64 rows (at most 96 on a thread) take B's two whole 16-column panels from B itself and pack
        // only the last 8 columns; 640 rows pack all of B. Both add the same products in the same order.
        let (rows, few, k, n) = (640, 64, 300, 40)
        var rng = SeededGenerator(seed: 17)
        let a = (0..<(rows * k)).map { _ in rng.nextFloat(in: -1...1) }
        let b = (0..<(k * n)).map { _ in rng.nextFloat(in: -1...1) }
        let start = (0..<(rows * n)).map { _ in rng.nextFloat(in: -1...1) }
        for accumulate in [false, true] {
            var many = start, part = Array(start[0..<(few * n)])
            fastGemm(a, b, &many, m: rows, k: k, n: n, accumulate: accumulate, threads: 1)
            fastGemm(Array(a[0..<(few * k)]), b, &part, m: few, k: k, n: n, accumulate: accumulate, threads: 1)
            #expect(part == Array(many[0..<(few * n)]), "accumulate \(accumulate)")
        }
    }

    @Test("AVX-512's 6×32 tiles give the bits of 6×16 tiles: two tiles one below the other (twelve rows of A, in place or transposed) against two panels of B, packed or read in place, written or added",
          .enabled(if: matmulUsesAVX512, "this processor has no AVX-512: gemm runs 6×16 tiles only"))
    func wideTilesAreNarrowTiles() {
        // Real values, so the sums round: equal bits mean the same multiply-adds in the same order.
        let depth = 70
        var rng = SeededGenerator(seed: 19)
        let a = (0..<(12 * depth)).map { _ in rng.nextFloat(in: -1...1) }    // [12, 70], or [70, 12] read transposed
        let b = (0..<(depth * 40)).map { _ in rng.nextFloat(in: -1...1) }    // [70, 40] in place, or two packed panels
        let start = (0..<(13 * 40)).map { _ in rng.nextFloat(in: -1...1) }  // C [13, 40]: the tiles are [0..<12, 0..<32]
        for (rowStride, stepStride) in [(depth, 1), (1, 12)] {
            for (bStride, rightAt) in [(40, 16), (16, 16 * depth)] {
                for addToC in [false, true] {
                    func run(wide: Bool) -> [Float] {
                        var c = start
                        b.withUnsafeBufferPointer { pb in
                            c.withUnsafeMutableBufferPointer { pc in
                                wideTiles(2, depth: depth, a: a, rowStride: rowStride, stepStride: stepStride,
                                          left: pb.baseAddress!, right: pb.baseAddress! + rightAt, bStride: bStride,
                                          c: pc.baseAddress!, ldc: 40, addToC: addToC, wide: wide)
                            }
                        }
                        return c
                    }
                    let wide = run(wide: true), narrow = run(wide: false)
                    #expect(wide == narrow, "A strides (\(rowStride), \(stepStride)), B stride \(bStride), add \(addToC)")
                    #expect(wide[(12 * 40)...] == start[(12 * 40)...], "row 12, below the tiles, stays as it was")
                    for row in 0..<12 {
                        #expect(wide[(row * 40 + 32)..<(row * 40 + 40)] == start[(row * 40 + 32)..<(row * 40 + 40)],
                                "columns past the tiles stay as they were (row \(row))")
                    }
                }
            }
        }
    }

    @Test("A bias added as gemm stores C has the bits of adding it to every row afterwards: real values, AVX-512's wide tiles and their edges (64 × 40), a single 16-column panel (13 × 16), two depth blocks (k 300), a split by columns (20 × 200), the small-product kernel (5 × 33) and k = 0, every transpose, written or added, on 1 and 2 threads",
          arguments: [(64, 64, 40), (70, 300, 50), (13, 64, 16), (20, 40, 200), (5, 17, 33), (2, 0, 3)])
    func biasAsTilesAreStored(shape: (Int, Int, Int)) {
        let (m, k, n) = shape
        var rng = SeededGenerator(seed: UInt64(7 + m * 1_000 + k * 10 + n))
        let a = (0..<(m * k)).map { _ in rng.nextFloat(in: -1...1) }
        let b = (0..<(k * n)).map { _ in rng.nextFloat(in: -1...1) }
        let bias = (0..<n).map { _ in rng.nextFloat(in: -1...1) }
        let start = (0..<(m * n)).map { _ in rng.nextFloat(in: -1...1) }
        for (transposeA, transposeB) in [(false, false), (true, false), (false, true), (true, true)] {
            for accumulate in [false, true] {
                var expected = start
                fastGemm(a, b, &expected, m: m, k: k, n: n, transposeA: transposeA, transposeB: transposeB,
                         accumulate: accumulate, threads: 1)
                for i in 0..<m { for j in 0..<n { expected[i * n + j] += bias[j] } }
                for threads in [1, 2] {
                    var actual = start
                    actual.withUnsafeMutableBufferPointer { c in
                        gemm(a, b, c.baseAddress!, m: m, k: k, n: n, transposeA: transposeA, transposeB: transposeB,
                             accumulate: accumulate, threads: threads, bias: bias)
                    }
                    #expect(actual == expected,
                            "[\(m), \(k), \(n)] tA \(transposeA) tB \(transposeB) acc \(accumulate), \(threads) threads")
                }
            }
        }
    }

    @Test("k = 0: C becomes zeros, or stays as it was when accumulating")
    func emptyDepth() {
        var c: [Float] = [1, 2, 3, 4]
        fastGemm([], [], &c, m: 2, k: 0, n: 2, accumulate: true)
        #expect(c == [1, 2, 3, 4])
        fastGemm([], [], &c, m: 2, k: 0, n: 2)
        #expect(c == [0, 0, 0, 0])
    }
}

@Suite("gemmBatched: one product per item")
struct GemmBatchedTests {
    @Test("batch 2 of 1×1 products: [2, 3] · [4, 5] = [8, 15]")
    func scalars() {
        var c: [Float] = [0, 0]
        c.withUnsafeMutableBufferPointer { pc in
            gemmBatched([2, 3], [4, 5], pc.baseAddress!, batch: 2, m: 1, k: 1, n: 1,
                        strideA: 1, strideB: 1, strideC: 1)
        }
        #expect(c == [8, 15])
    }

    @Test("Attention-shaped scores Q·Kᵀ [8·4, 16, 16], and a shared B (stride 0), equal per-item gemm",
          arguments: [16, 0])
    func attentionScores(strideB: Int) {
        let (batch, t, d) = (32, 16, 16)
        var rng = SeededGenerator(seed: 3)
        let q = (0..<(batch * t * d)).map { _ in rng.nextFloat(in: -1...1) }
        let k = (0..<(batch * t * d)).map { _ in rng.nextFloat(in: -1...1) }
        let strideK = strideB == 0 ? 0 : t * d
        var batched = [Float](repeating: 0, count: batch * t * t)
        batched.withUnsafeMutableBufferPointer { ps in
            gemmBatched(q, k, ps.baseAddress!, batch: batch, m: t, k: d, n: t,
                        strideA: t * d, strideB: strideK, strideC: t * t, transposeB: true, threads: 2)
        }
        for item in 0..<batch {
            var single = [Float](repeating: 0, count: t * t)
            fastGemm(Array(q[(item * t * d)..<((item + 1) * t * d)]),
                     Array(k[(item * strideK)..<(item * strideK + t * d)]),
                     &single, m: t, k: d, n: t, transposeB: true)
            #expect(Array(batched[(item * t * t)..<((item + 1) * t * t)]) == single, "item \(item)")
        }
    }
}
