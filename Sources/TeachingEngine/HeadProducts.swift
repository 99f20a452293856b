// The two matrix products of multi-head attention, reading the heads where they lie.
// A projection [B, T, d] holds h heads side by side: head j of item b is the block of columns
// j·dₕ ..< (j+1)·dₕ of item b's [T, d] rows, dₕ = d/h. Splitting heads by permuting to
// [B, h, T, dₕ] would copy every value (and its gradient) once more; instead each head's product
// is one gemm that reads (and writes) its block in place, rows d apart (gemm's leading dimensions).
//   scores[b, j] = Q_bj · K_bjᵀ   [Tq, Tk]       (headScores)
//   out_bj      = P_bj · V_bj    [Tq, dₕ], written into columns j·dₕ… of out [B, Tq, d]   (mixHeads)
// Backward, per head (the rule of Matmul.swift): for C = A·Bᵀ, dA = dC·B and dB = dCᵀ·A;
// for C = A·B, dA = dC·Bᵀ and dB = Aᵀ·dC.
// The values are those of permute + batched matmul + permute back, bit for bit (the same sums in
// the same order); Tests/TeachingEngineTests/HeadProductTests.swift checks it against that path.

/// Calls `body(item, head)` for every (item, head) pair, split across the cores when the products
/// are large enough (each pair's product is written by one thread, so the result never depends on
/// the thread count).
private func forEachHead(items: Int, heads: Int, multiplyAdds: Int, _ body: (Int, Int) -> Void) {
    let threads = items * heads * multiplyAdds >= parallelThreshold ? availableCores : 1
    Kernels.splitWork(count: items * heads, valuesPerItem: multiplyAdds, threads: threads) { range in
        for pair in range { body(pair / heads, pair % heads) }
    }
}

/// Every head's attention scores: q [B, Tq, d] and k [B, Tk, d], split into `headCount` heads of
/// width d/h along the last axis, give scores [B, h, Tq, Tk] with scores[b, j] = Q_bj · K_bjᵀ
/// (unscaled; softmax takes the scale).
///
///     one item, one head, q = [[1, 0]], k = [[1, 0], [0, 1]]  →  [[[[1, 0]]]]
public func headScores(_ q: Variable, _ k: Variable, headCount: Int,
                       file: StaticString = #fileID, line: UInt = #line) -> Variable {
    require(q.rank == 3 && k.rank == 3 && q.shape[0] == k.shape[0] && q.shape[2] == k.shape[2]
                && headCount > 0 && q.shape[2] % headCount == 0,
            "headScores: q \(describe(shape: q.shape)) and k \(describe(shape: k.shape)) must be [B, T, d] with equal B and d, d divisible by \(headCount) heads",
            file: file, line: line)
    let (batch, queries, width, keys) = (q.shape[0], q.shape[1], q.shape[2], k.shape[1])
    let headWidth = width / headCount
    let (qv, kv) = (q.value.scalars, k.value.scalars)
    /// Where head j of item b starts in a [B, T, d] buffer, and in the [B, h, Tq, Tk] scores.
    func head(_ b: Int, _ j: Int, tokens: Int) -> Int { b * tokens * width + j * headWidth }
    func block(_ b: Int, _ j: Int) -> Int { (b * headCount + j) * queries * keys }
    let work = queries * keys * headWidth
    let scores = makeScalars(count: batch * headCount * queries * keys) { s in
        qv.withUnsafeBufferPointer { qp in
            kv.withUnsafeBufferPointer { kp in
                forEachHead(items: batch, heads: headCount, multiplyAdds: work) { b, j in
                    // [Tq, dₕ] · [Tk, dₕ]ᵀ → [Tq, Tk]
                    gemm(qp.baseAddress! + head(b, j, tokens: queries), kp.baseAddress! + head(b, j, tokens: keys),
                         s + block(b, j), m: queries, k: headWidth, n: keys, transposeB: true, threads: 1,
                         leadingA: width, leadingB: width)
                }
            }
        }
    }
    return Variable.result(Tensor(shape: [batch, headCount, queries, keys], scalars: scores), inputs: [q, k]) { gs in
        gs.withUnsafeBufferPointer { gp in
            let g = gp.baseAddress!
            // dQ_bj = dS_bj · K_bj: [Tq, Tk] · [Tk, dₕ], into q's gradient in place.
            q.writeOrAccumulateGrad { gq, accumulate in
                kv.withUnsafeBufferPointer { kp in
                    forEachHead(items: batch, heads: headCount, multiplyAdds: work) { b, j in
                        gemm(g + block(b, j), kp.baseAddress! + head(b, j, tokens: keys), gq + head(b, j, tokens: queries),
                             m: queries, k: keys, n: headWidth, accumulate: accumulate, threads: 1,
                             leadingB: width, leadingC: width)
                    }
                }
            }
            // dK_bj = dS_bjᵀ · Q_bj: [Tk, Tq] · [Tq, dₕ].
            k.writeOrAccumulateGrad { gk, accumulate in
                qv.withUnsafeBufferPointer { qp in
                    forEachHead(items: batch, heads: headCount, multiplyAdds: work) { b, j in
                        gemm(g + block(b, j), qp.baseAddress! + head(b, j, tokens: queries), gk + head(b, j, tokens: keys),
                             m: keys, k: queries, n: headWidth, transposeA: true, accumulate: accumulate, threads: 1,
                             leadingB: width, leadingC: width)
                    }
                }
            }
        }
    }
}

/// Every head's weighted sum of values, merged back into one sequence: weights [B, h, Tq, Tk] and
/// v [B, Tk, d] give out [B, Tq, d], whose columns j·dₕ ..< (j+1)·dₕ are P_bj · V_bj.
///
///     one item, one head, weights = [[[[0.25, 0.75]]]], v = [[[4], [8]]]  →  [[[7]]]
public func mixHeads(_ weights: Variable, _ v: Variable,
                     file: StaticString = #fileID, line: UInt = #line) -> Variable {
    require(weights.rank == 4 && v.rank == 3 && weights.shape[0] == v.shape[0] && weights.shape[3] == v.shape[1]
                && v.shape[2] % weights.shape[1] == 0,
            "mixHeads: weights \(describe(shape: weights.shape)) must be [B, h, Tq, Tk] for values \(describe(shape: v.shape)) [B, Tk, d], d divisible by h",
            file: file, line: line)
    let (batch, headCount, queries, keys, width) = (weights.shape[0], weights.shape[1], weights.shape[2], v.shape[1], v.shape[2])
    let headWidth = width / headCount
    let (pv, vv) = (weights.value.scalars, v.value.scalars)
    func head(_ b: Int, _ j: Int, tokens: Int) -> Int { b * tokens * width + j * headWidth }
    func block(_ b: Int, _ j: Int) -> Int { (b * headCount + j) * queries * keys }
    let work = queries * keys * headWidth
    let out = makeScalars(count: batch * queries * width) { o in
        pv.withUnsafeBufferPointer { pp in
            vv.withUnsafeBufferPointer { vp in
                forEachHead(items: batch, heads: headCount, multiplyAdds: work) { b, j in
                    // [Tq, Tk] · [Tk, dₕ] → columns j·dₕ… of [Tq, d]
                    gemm(pp.baseAddress! + block(b, j), vp.baseAddress! + head(b, j, tokens: keys), o + head(b, j, tokens: queries),
                         m: queries, k: keys, n: headWidth, threads: 1, leadingB: width, leadingC: width)
                }
            }
        }
    }
    return Variable.result(Tensor(shape: [batch, queries, width], scalars: out), inputs: [weights, v]) { go in
        go.withUnsafeBufferPointer { gp in
            let g = gp.baseAddress!
            // dP_bj = dOut_bj · V_bjᵀ: [Tq, dₕ] · [Tk, dₕ]ᵀ → [Tq, Tk].
            weights.writeOrAccumulateGrad { gw, accumulate in
                vv.withUnsafeBufferPointer { vp in
                    forEachHead(items: batch, heads: headCount, multiplyAdds: work) { b, j in
                        gemm(g + head(b, j, tokens: queries), vp.baseAddress! + head(b, j, tokens: keys), gw + block(b, j),
                             m: queries, k: headWidth, n: keys, transposeB: true, accumulate: accumulate, threads: 1,
                             leadingA: width, leadingB: width)
                    }
                }
            }
            // dV_bj = P_bjᵀ · dOut_bj: [Tk, Tq] · [Tq, dₕ].
            v.writeOrAccumulateGrad { gv, accumulate in
                pv.withUnsafeBufferPointer { pp in
                    forEachHead(items: batch, heads: headCount, multiplyAdds: work) { b, j in
                        gemm(pp.baseAddress! + block(b, j), g + head(b, j, tokens: queries), gv + head(b, j, tokens: keys),
                             m: keys, k: queries, n: headWidth, transposeA: true, accumulate: accumulate, threads: 1,
                             leadingB: width, leadingC: width)
                    }
                }
            }
        }
    }
}
