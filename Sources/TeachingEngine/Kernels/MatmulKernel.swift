// matmul's products on raw buffers: the forward with the bias fused in, and both gradients, each a
// call to gemm (MatmulGemm.swift) with the right transposes. The formulas are in Matmul.swift.
// Threads: a large product is split across the cores inside gemm; when both gradients are wanted,
// the two products go to the cores as one job of four parts (one hand-off instead of two). Every element is summed by one thread in the same order, so results never depend
// on the thread count.

extension Kernels {
    /// C = op(A)·op(B), plus `bias` on every row when given (a shared weight only).
    static func matmul(_ x: [Float], _ w: [Float], bias: [Float]?, _ s: MatmulShape) -> [Float] {
        let (rows, k, n) = (s.productRows, s.k, s.n)
        return x.withUnsafeBufferPointer { xp in
            w.withUnsafeBufferPointer { wp in
                makeScalars(count: s.rows * n) { c in
                    let (a, b) = (xp.baseAddress!, wp.baseAddress!)
                    guard let bias else {
                        gemmBatched(a, b, c, batch: s.products, m: rows, k: k, n: n, strideA: rows * k,
                                    strideB: k * n, strideC: rows * n, transposeA: s.transposeA,
                                    transposeB: s.transposeB)
                        return
                    }
                    // Slabs of whole micro-tile rows: each thread computes its rows, then adds the bias
                    // to them while they are still in cache.
                    let threads = rows * k * n >= parallelThreshold ? availableCores : 1
                    splitWork(count: (rows + microRows - 1) / microRows, valuesPerItem: 1, threads: threads) { slab in
                        let part = (slab.lowerBound * microRows)..<Swift.min(rows, slab.upperBound * microRows)
                        let target = c + part.lowerBound * n
                        gemm(a + part.lowerBound * (s.transposeA ? 1 : k), b, target, m: part.count, k: k, n: n,
                             transposeA: s.transposeA, transposeB: s.transposeB, threads: 1,
                             leadingA: s.transposeA ? rows : k)
                        addToEveryRow(target, bias, rows: part.count, width: n, output: target, threads: 1)
                    }
                }
            }
        }
    }

    /// Adds dA = dC·op(B)ᵀ into a's gradient and dB = op(A)ᵀ·dC into b's (written, not added, when
    /// the input has no gradient yet).
    static func matmulGradients(_ dC: [Float], a: Variable, b: Variable, _ s: MatmulShape) {
        let (rows, k, n, products) = (s.productRows, s.k, s.n, s.products)
        let (x, w) = (a.value.scalars, b.value.scalars)
        dC.withUnsafeBufferPointer { gp in
            x.withUnsafeBufferPointer { xp in
                w.withUnsafeBufferPointer { wp in
                    let (g, x, w) = (gp.baseAddress!, xp.baseAddress!, wp.baseAddress!)
                    func product(_ p: UnsafePointer<Float>, _ q: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>,
                                 m: Int, k: Int, n: Int, transposeP: Bool, transposeQ: Bool,
                                 accumulate: Bool, threads: Int?) {
                        gemmBatched(p, q, out, batch: products, m: m, k: k, n: n, strideA: m * k, strideB: k * n,
                                    strideC: m * n, transposeA: transposeP, transposeB: transposeQ,
                                    accumulate: accumulate, threads: threads)
                    }
                    // dA [m, k] = dC·op(B)ᵀ; stored transposed [k, m]: op(B)·dCᵀ.
                    func gradientOfA(threads: Int?) {
                        a.writeOrAccumulateGrad { da, accumulate in
                            if s.transposeA {
                                product(w, g, into: da, m: k, k: n, n: rows, transposeP: s.transposeB, transposeQ: true,
                                        accumulate: accumulate, threads: threads)
                            } else {
                                product(g, w, into: da, m: rows, k: n, n: k, transposeP: false, transposeQ: !s.transposeB,
                                        accumulate: accumulate, threads: threads)
                            }
                        }
                    }
                    // dB [k, n] = op(A)ᵀ·dC; stored transposed [n, k]: dCᵀ·op(A).
                    func gradientOfB(threads: Int?) {
                        b.writeOrAccumulateGrad { db, accumulate in
                            if s.transposeB {
                                product(g, x, into: db, m: n, k: rows, n: k, transposeP: true, transposeQ: s.transposeA,
                                        accumulate: accumulate, threads: threads)
                            } else {
                                product(x, g, into: db, m: k, k: rows, n: n, transposeP: !s.transposeA, transposeQ: false,
                                        accumulate: accumulate, threads: threads)
                            }
                        }
                    }
                    let sideBySide = a.requiresGrad && b.requiresGrad && a !== b && availableCores > 1
                        && s.batch * s.m * k * n >= parallelThreshold
                    if sideBySide && products == 1 {
                        // One job of four parts, two of each product, taken by whichever thread is free:
                        // dA and dB cost the same multiply-adds but not the same time.
                        a.writeOrAccumulateGrad { da, addA in
                            b.writeOrAccumulateGrad { db, addB in
                                concurrently(4) { part in
                                    switch (part, s.transposeA, s.transposeB) {
                                    case (0...1, true, _):
                                        gemmPart(w, g, da, m: k, k: n, n: rows, transposeA: s.transposeB, transposeB: true,
                                                 accumulate: addA, part: part, of: 2)
                                    case (0...1, false, _):
                                        gemmPart(g, w, da, m: rows, k: n, n: k, transposeB: !s.transposeB,
                                                 accumulate: addA, part: part, of: 2)
                                    case (_, _, true):
                                        gemmPart(g, x, db, m: n, k: rows, n: k, transposeA: true, transposeB: s.transposeA,
                                                 accumulate: addB, part: part - 2, of: 2)
                                    default:
                                        gemmPart(x, g, db, m: k, k: rows, n: n, transposeA: !s.transposeA,
                                                 accumulate: addB, part: part - 2, of: 2)
                                    }
                                }
                            }
                        }
                    } else if sideBySide {
                        // Each product on one thread: the same sums in the same order as when split.
                        splitWork(count: 2, valuesPerItem: 1, threads: 2) { which in
                            for i in which { if i == 0 { gradientOfA(threads: 1) } else { gradientOfB(threads: 1) } }
                        }
                    } else {
                        gradientOfA(threads: nil)
                        gradientOfB(threads: nil)
                    }
                }
            }
        }
    }
}
