// matmul's products on raw buffers: the forward with the bias fused in, and both gradients, each a
// call to gemm (MatmulGemm.swift) with the right transposes. The formulas are in Matmul.swift.
// Threads: a large product is split across the cores inside gemm; when both gradients are wanted,
// the two products go to the cores as one job of four parts (one hand-off instead of two). Every
// element is summed by one thread in the same order, so results never depend on the thread count.

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
                    // The bias is added as gemm stores each tile, not in a pass of its own over C.
                    bias.withUnsafeBufferPointer { bp in
                        gemm(a, b, c, m: rows, k: k, n: n, transposeA: s.transposeA, transposeB: s.transposeB,
                             bias: bp.baseAddress!)
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
                    // dA [m, k] = dC·op(B)ᵀ; stored transposed [k, m]: op(B)·dCᵀ.
                    let productA = s.transposeA
                        ? GradientProduct(p: w, q: g, m: k, depth: n, n: rows, transposeP: s.transposeB, transposeQ: true)
                        : GradientProduct(p: g, q: w, m: rows, depth: n, n: k, transposeP: false, transposeQ: !s.transposeB)
                    // dB [k, n] = op(A)ᵀ·dC; stored transposed [n, k]: dCᵀ·op(A).
                    let productB = s.transposeB
                        ? GradientProduct(p: g, q: x, m: n, depth: rows, n: k, transposeP: true, transposeQ: s.transposeA)
                        : GradientProduct(p: x, q: g, m: k, depth: rows, n: n, transposeP: !s.transposeA, transposeQ: false)
                    func gradientOfA(threads: Int?) {
                        a.writeOrAccumulateGrad { productA.compute(into: $0, accumulate: $1, products: products, threads: threads) }
                    }
                    func gradientOfB(threads: Int?) {
                        b.writeOrAccumulateGrad { productB.compute(into: $0, accumulate: $1, products: products, threads: threads) }
                    }
                    let sideBySide = a.requiresGrad && b.requiresGrad && a !== b && availableCores > 1
                        && s.batch * s.m * k * n >= parallelThreshold
                    if sideBySide && products == 1 {
                        // One job of four parts, two of each product, taken by whichever thread is free:
                        // dA and dB cost the same multiply-adds but not the same time.
                        a.writeOrAccumulateGrad { da, addA in
                            b.writeOrAccumulateGrad { db, addB in
                                concurrently(4) { part in
                                    if part < 2 {
                                        productA.compute(into: da, accumulate: addA, part: part, of: 2)
                                    } else {
                                        productB.compute(into: db, accumulate: addB, part: part - 2, of: 2)
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

/// One of matmul's two gradient products, out (+)= op(P)·op(Q) of [m, depth]·[depth, n], for each of
/// `products` items laid out one after another.
private struct GradientProduct {
    let p: UnsafePointer<Float>, q: UnsafePointer<Float>
    let m: Int, depth: Int, n: Int
    let transposeP: Bool, transposeQ: Bool

    /// The whole product, on `threads` threads (nil: gemm's choice).
    func compute(into out: UnsafeMutablePointer<Float>, accumulate: Bool, products: Int, threads: Int?) {
        gemmBatched(p, q, out, batch: products, m: m, k: depth, n: n, strideA: m * depth, strideB: depth * n,
                    strideC: m * n, transposeA: transposeP, transposeB: transposeQ, accumulate: accumulate,
                    threads: threads)
    }

    /// Part `part` of `parts` of a single product (`gemmPart`).
    func compute(into out: UnsafeMutablePointer<Float>, accumulate: Bool, part: Int, of parts: Int) {
        gemmPart(p, q, out, m: m, k: depth, n: n, transposeA: transposeP, transposeB: transposeQ,
                 accumulate: accumulate, part: part, of: parts)
    }
}
