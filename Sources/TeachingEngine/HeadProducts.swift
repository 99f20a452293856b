// The two matrix products of multi-head attention, reading the heads where they lie.
// A projection [B, T, d] holds h heads side by side: head j of item b is the block of columns
// j·dₕ ..< (j+1)·dₕ of item b's [T, d] rows, dₕ = d/h. Splitting heads by permuting to
// [B, h, T, dₕ] would copy every value (and its gradient) once more; instead each head's product
// is one gemm that reads (and writes) its block in place, rows d apart (gemm's leading dimensions).
//   scores[b, j] = Q_bj · K_bjᵀ   [Tq, Tk]       (headScores)
//   out_bj      = P_bj · V_bj    [Tq, dₕ], written into columns j·dₕ… of out [B, Tq, d]   (mixHeads)
// Backward, per head (the rule of Matmul.swift): for C = A·Bᵀ, dA = dC·B and dB = dCᵀ·A;
// for C = A·B, dA = dC·Bᵀ and dB = Aᵀ·dC. The per-head gemm calls: Kernels/HeadProductsKernel.swift.
// The values are those of permute + batched matmul + permute back, bit for bit (the same sums in
// the same order); Tests/TeachingEngineTests/HeadProductTests.swift checks it against that path.

import AlignFuseSupport

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
    let l = HeadLayout(batch: q.shape[0], heads: headCount, queries: q.shape[1], keys: k.shape[1], width: q.shape[2])
    // S_bj = Q_bj · K_bjᵀ
    let scores = Kernels.headScores(q.value.scalars, k.value.scalars, l)
    return Variable.result(Tensor(shape: [l.batch, l.heads, l.queries, l.keys], scalars: scores), inputs: [q, k]) { dS in
        // dQ_bj = dS_bj · K_bj,  dK_bj = dS_bjᵀ · Q_bj
        Kernels.headScoresGradients(dS, q: q, k: k, l)
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
    let l = HeadLayout(batch: v.shape[0], heads: weights.shape[1], queries: weights.shape[2], keys: v.shape[1],
                       width: v.shape[2])
    // Out_bj = P_bj · V_bj
    let out = Kernels.mixHeads(weights.value.scalars, v.value.scalars, l)
    return Variable.result(Tensor(shape: [l.batch, l.queries, l.width], scalars: out), inputs: [weights, v]) { dOut in
        // dP_bj = dOut_bj · V_bjᵀ,  dV_bj = P_bjᵀ · dOut_bj
        Kernels.mixHeadsGradients(dOut, weights: weights, v: v, l)
    }
}
