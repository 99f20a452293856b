// The per-head products of `headScores` and `mixHeads` (HeadProducts.swift) on raw buffers: one gemm
// per (item, head) pair that reads and writes the head's block of columns in place, rows d apart
// (gemm's leading dimensions). Pairs are split across the cores; each pair's product is written by one
// thread, so the result never depends on the thread count.

/// Where each head lies: projections [B, T, d] hold h heads of dₕ = d/h columns side by side; scores
/// and weights are [B, h, Tq, Tk].
struct HeadLayout {
    let batch: Int, heads: Int, queries: Int, keys: Int, width: Int
    var headWidth: Int { width / heads }
    /// multiply-adds of one head's product
    var work: Int { queries * keys * headWidth }

    /// Where head j of item b starts in a [B, tokens, d] buffer.
    func head(_ b: Int, _ j: Int, tokens: Int) -> Int { b * tokens * width + j * headWidth }
    /// Where head j of item b starts in the [B, h, Tq, Tk] scores.
    func block(_ b: Int, _ j: Int) -> Int { (b * heads + j) * queries * keys }

    /// Calls `body(item, head)` for every pair, split across the cores when the products are large.
    func forEachHead(_ body: (Int, Int) -> Void) {
        forEachHead(scratch: 0) { b, j, _ in body(b, j) }
    }

    /// Like `forEachHead`, with a buffer of `scratch` Floats that each thread reuses for all its pairs:
    /// one allocation per thread, not one per head (a [26, 26] block is past what Swift puts on the
    /// stack, so each would be a heap block).
    func forEachHead(scratch count: Int, _ body: (Int, Int, UnsafeMutablePointer<Float>) -> Void) {
        let threads = batch * heads * work >= parallelThreshold ? availableCores : 1
        Kernels.splitWork(count: batch * heads, valuesPerItem: work, threads: threads) { range in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: Swift.max(1, count)) { scratch in
                for pair in range { body(pair / heads, pair % heads, scratch.baseAddress!) }
            }
        }
    }
}

extension Kernels {
    /// S_bj = Q_bj · K_bjᵀ: [Tq, dₕ] · [Tk, dₕ]ᵀ → [Tq, Tk], for every item and head.
    static func headScores(_ q: [Float], _ k: [Float], _ l: HeadLayout) -> [Float] {
        q.withUnsafeBufferPointer { qp in
            k.withUnsafeBufferPointer { kp in
                makeScalars(count: l.batch * l.heads * l.queries * l.keys) { s in
                    l.forEachHead { b, j in
                        gemm(qp.baseAddress! + l.head(b, j, tokens: l.queries), kp.baseAddress! + l.head(b, j, tokens: l.keys),
                             s + l.block(b, j), m: l.queries, k: l.headWidth, n: l.keys, transposeB: true, threads: 1,
                             leadingA: l.width, leadingB: l.width)
                    }
                }
            }
        }
    }

    /// dQ_bj = dS_bj · K_bj ([Tq, Tk] · [Tk, dₕ]) and dK_bj = dS_bjᵀ · Q_bj ([Tk, Tq] · [Tq, dₕ]),
    /// into q's and k's gradients in place.
    static func headScoresGradients(_ dS: [Float], q: Variable, k: Variable, _ l: HeadLayout) {
        let (qv, kv) = (q.value.scalars, k.value.scalars)
        dS.withUnsafeBufferPointer { gp in
            let g = gp.baseAddress!
            q.writeOrAccumulateGrad { gq, accumulate in
                kv.withUnsafeBufferPointer { kp in
                    l.forEachHead { b, j in
                        gemm(g + l.block(b, j), kp.baseAddress! + l.head(b, j, tokens: l.keys), gq + l.head(b, j, tokens: l.queries),
                             m: l.queries, k: l.keys, n: l.headWidth, accumulate: accumulate, threads: 1,
                             leadingB: l.width, leadingC: l.width)
                    }
                }
            }
            k.writeOrAccumulateGrad { gk, accumulate in
                qv.withUnsafeBufferPointer { qp in
                    l.forEachHead { b, j in
                        gemm(g + l.block(b, j), qp.baseAddress! + l.head(b, j, tokens: l.queries), gk + l.head(b, j, tokens: l.keys),
                             m: l.keys, k: l.queries, n: l.headWidth, transposeA: true, accumulate: accumulate, threads: 1,
                             leadingB: l.width, leadingC: l.width)
                    }
                }
            }
        }
    }

    /// Out_bj = P_bj · V_bj: [Tq, Tk] · [Tk, dₕ], written into columns j·dₕ… of out [B, Tq, d].
    static func mixHeads(_ p: [Float], _ v: [Float], _ l: HeadLayout) -> [Float] {
        p.withUnsafeBufferPointer { pp in
            v.withUnsafeBufferPointer { vp in
                makeScalars(count: l.batch * l.queries * l.width) { o in
                    l.forEachHead { b, j in
                        gemm(pp.baseAddress! + l.block(b, j), vp.baseAddress! + l.head(b, j, tokens: l.keys),
                             o + l.head(b, j, tokens: l.queries), m: l.queries, k: l.keys, n: l.headWidth, threads: 1,
                             leadingB: l.width, leadingC: l.width)
                    }
                }
            }
        }
    }

    /// dP_bj = dOut_bj · V_bjᵀ ([Tq, dₕ] · [Tk, dₕ]ᵀ) and dV_bj = P_bjᵀ · dOut_bj ([Tk, Tq] · [Tq, dₕ]),
    /// into the weights' and v's gradients.
    static func mixHeadsGradients(_ dOut: [Float], weights: Variable, v: Variable, _ l: HeadLayout) {
        let (pv, vv) = (weights.value.scalars, v.value.scalars)
        dOut.withUnsafeBufferPointer { gp in
            let g = gp.baseAddress!
            weights.writeOrAccumulateGrad { gw, accumulate in
                vv.withUnsafeBufferPointer { vp in
                    l.forEachHead { b, j in
                        gemm(g + l.head(b, j, tokens: l.queries), vp.baseAddress! + l.head(b, j, tokens: l.keys), gw + l.block(b, j),
                             m: l.queries, k: l.headWidth, n: l.keys, transposeB: true, accumulate: accumulate, threads: 1,
                             leadingA: l.width, leadingB: l.width)
                    }
                }
            }
            v.writeOrAccumulateGrad { gv, accumulate in
                pv.withUnsafeBufferPointer { pp in
                    l.forEachHead { b, j in
                        gemm(pp.baseAddress! + l.block(b, j), g + l.head(b, j, tokens: l.queries), gv + l.head(b, j, tokens: l.keys),
                             m: l.keys, k: l.queries, n: l.headWidth, transposeA: true, accumulate: accumulate, threads: 1,
                             leadingB: l.width, leadingC: l.width)
                    }
                }
            }
        }
    }
}
