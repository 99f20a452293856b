// `attention` (Attention.swift) on raw buffers, one head of one item at a time: its three products
// (gemm, reading the head's columns in place) and the softmax rows between them, while its [Tq, Tk]
// block is in cache. The (item, head) pairs are split across the cores; each pair's values are written
// by one thread with the same sums as headScores → softmax → mixHeads, so nothing depends on the
// thread count.

extension Kernels {
    /// (O, P): P_bj = softmax(scale · Q_bj·K_bjᵀ + bias) and O_bj = P_bj·V_bj for every item and head.
    static func attention(_ q: [Float], _ k: [Float], _ v: [Float], _ l: HeadLayout, scale: Float,
                          mask: (bias: [Float], layout: MaskLayout)?) -> (out: [Float], weights: [Float]) {
        var weights: [Float] = []
        let out = makeScalars(count: l.batch * l.queries * l.width) { o in
            weights = makeScalars(count: l.batch * l.heads * l.queries * l.keys) { p in
                q.withUnsafeBufferPointer { qp in
                    k.withUnsafeBufferPointer { kp in
                        v.withUnsafeBufferPointer { vp in
                            withOptionalPointer(mask?.bias) { bias in
                                let (q, k, v) = (qp.baseAddress!, kp.baseAddress!, vp.baseAddress!)
                                l.forEachHead { b, j in
                                    let block = p + l.block(b, j)                   // [Tq, Tk]
                                    // S = Q·Kᵀ, then P = softmax(scale·S + bias) in place
                                    gemm(q + l.head(b, j, tokens: l.queries), k + l.head(b, j, tokens: l.keys), block,
                                         m: l.queries, k: l.headWidth, n: l.keys, transposeB: true, threads: 1,
                                         leadingA: l.width, leadingB: l.width)
                                    let rows = bias.map { ($0 + mask!.layout.offset(row: (b * l.heads + j) * l.queries),
                                                           mask!.layout.forOneHead) }
                                    softmaxForward(block, rows: l.queries, width: l.keys, scale: scale, mask: rows,
                                                   output: block, threads: 1)
                                    // O = P·V into the head's columns
                                    gemm(block, v + l.head(b, j, tokens: l.keys), o + l.head(b, j, tokens: l.queries),
                                         m: l.queries, k: l.keys, n: l.headWidth, threads: 1,
                                         leadingB: l.width, leadingC: l.width)
                                }
                            }
                        }
                    }
                }
            }
        }
        return (out, weights)
    }

    /// Adds dQ, dK and dV into q's, k's and v's gradients (written when they have none yet), from
    /// dO [B, Tq, d] and the saved weights P.
    static func attentionGradients(_ dO: [Float], q: Variable, k: Variable, v: Variable, weights: [Float],
                                   _ l: HeadLayout, scale: Float) {
        let (qv, kv, vv) = (q.value.scalars, k.value.scalars, v.value.scalars)
        dO.withUnsafeBufferPointer { gp in
            weights.withUnsafeBufferPointer { pp in
                qv.withUnsafeBufferPointer { qp in
                    kv.withUnsafeBufferPointer { kp in
                        vv.withUnsafeBufferPointer { vp in
                            let (g, p, q0, k0, v0) = (gp.baseAddress!, pp.baseAddress!, qp.baseAddress!,
                                                      kp.baseAddress!, vp.baseAddress!)
                            withGradient(of: q) { gq, addQ in
                                withGradient(of: k) { gk, addK in
                                    withGradient(of: v) { gv, addV in
                                        l.forEachHead(scratch: l.queries * l.keys) { b, j, dS in   // dS: [Tq, Tk]
                                            let (atQ, atK) = (l.head(b, j, tokens: l.queries), l.head(b, j, tokens: l.keys))
                                            let block = p + l.block(b, j)
                                            // dP = dO·Vᵀ, then dS = scale·P ⊙ (dP − Σ P·dP) in place
                                            gemm(g + atQ, v0 + atK, dS, m: l.queries, k: l.headWidth, n: l.keys,
                                                 transposeB: true, threads: 1, leadingA: l.width, leadingB: l.width)
                                            softmaxBackward(block, gradOutput: dS, rows: l.queries, width: l.keys,
                                                            scale: scale, gradInput: dS, accumulate: false, threads: 1)
                                            // dQ = dS·K,  dK = dSᵀ·Q
                                            if let gq {
                                                gemm(dS, k0 + atK, gq + atQ, m: l.queries, k: l.keys, n: l.headWidth,
                                                     accumulate: addQ, threads: 1, leadingB: l.width, leadingC: l.width)
                                            }
                                            if let gk {
                                                gemm(dS, q0 + atQ, gk + atK, m: l.keys, k: l.queries, n: l.headWidth,
                                                     transposeA: true, accumulate: addK, threads: 1,
                                                     leadingB: l.width, leadingC: l.width)
                                            }
                                            // dV = Pᵀ·dO
                                            if let gv {
                                                gemm(block, g + atQ, gv + atK, m: l.keys, k: l.queries, n: l.headWidth,
                                                     transposeA: true, accumulate: addV, threads: 1,
                                                     leadingB: l.width, leadingC: l.width)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Calls `body` with `x`'s gradient buffer and whether to add into it (false: a fresh buffer every
    /// value of which `body` must write), or with nil when `x` takes no gradient.
    @inline(__always)
    static func withGradient(of x: Variable, _ body: (UnsafeMutablePointer<Float>?, Bool) -> Void) {
        guard x.requiresGrad else { return body(nil, false) }
        x.writeOrAccumulateGrad { body($0, $1) }
    }
}

extension Kernels.MaskLayout {
    /// The layout of one head's rows (row r is query r), for a bias pointer already at that head's item.
    var forOneHead: Kernels.MaskLayout {
        Kernels.MaskLayout(rowsPerItem: queries, queries: queries, itemStride: 0, queryStride: queryStride)
    }
}
