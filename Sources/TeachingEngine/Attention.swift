// Scaled dot-product attention of every head as one op (Vaswani et al. 2017, §3.2.1). For head j of
// item b, with Q_bj, K_bj, V_bj that head's d/h columns of the projections (read in place):
//   P_bj = softmax(scale · Q_bj·K_bjᵀ + mask)     [Tq, Tk], the attention weights
//   O_bj = P_bj · V_bj                           [Tq, dₕ], written into columns j·dₕ… of O [B, Tq, d]
// Backward, per head (the rules of HeadProducts.swift and Softmax.swift):
//   dP = dO·Vᵀ,  dS = scale · P ⊙ (dP − Σₖ Pₖ·dPₖ),  dQ = dS·K,  dK = dSᵀ·Q,  dV = Pᵀ·dO
// The values are those of headScores → softmax → mixHeads, bit for bit; done head by head, each
// head's [Tq, Tk] block is still in cache for its next step, and the cores are handed the work once
// per direction instead of five times.

import AlignFuseSupport

/// softmax(scale · q·kᵀ + mask)·v for each of `headCount` heads: q [B, Tq, d], k and v [B, Tk, d] →
/// output [B, Tq, d] (the heads' results side by side) and the weights [B, h, Tq, Tk].
///
/// The weights come back as values to look at (a constant): gradients flow through `output`.
///
///     one item, one head, q = [[1, 0]], k = [[1, 0], [0, 1]], v = [[4], [8]], scale 1
///       →  weights [[e/(e + 1), 1/(e + 1)]] ≈ [[0.731, 0.269]], output [[0.731·4 + 0.269·8]] ≈ [[5.08]]
public func attention(_ q: Variable, _ k: Variable, _ v: Variable, headCount: Int, scale: Float,
                      mask: AttentionMask? = nil, file: StaticString = #fileID, line: UInt = #line) -> AttentionOutput {
    require(q.rank == 3 && k.rank == 3 && v.shape == k.shape && q.shape[0] == k.shape[0] && q.shape[2] == k.shape[2]
                && headCount > 0 && q.shape[2] % headCount == 0,
            "attention: q \(describe(shape: q.shape)), k \(describe(shape: k.shape)) and v \(describe(shape: v.shape)) must be [B, T, d] with equal B and d, k and v of one shape, d divisible by \(headCount) heads",
            file: file, line: line)
    guard q !== k && q !== v && k !== v else {
        // One variable in two roles: its gradient gathers two parts, in the order the three ops add them.
        let weights = softmax(headScores(q, k, headCount: headCount), scale: scale, mask: mask, file: file, line: line)
        return AttentionOutput(output: mixHeads(weights, v), weights: weights)
    }
    let l = HeadLayout(batch: q.shape[0], heads: headCount, queries: q.shape[1], keys: k.shape[1], width: q.shape[2])
    let shape = [l.batch, l.heads, l.queries, l.keys]
    let layout = mask.map { maskLayout($0, scores: shape, operation: "attention", file: file, line: line) }
    // P = softmax(scale·Q·Kᵀ + mask),  O = P·V   (Kernels/AttentionKernel.swift)
    let (out, p) = Kernels.attention(q.value.scalars, k.value.scalars, v.value.scalars, l, scale: scale,
                                     mask: mask.map { ($0.bias.scalars, layout!) })
    let output = Variable.result(Tensor(shape: [l.batch, l.queries, l.width], scalars: out), inputs: [q, k, v]) { dO in
        // dP = dO·Vᵀ,  dS = scale·P ⊙ (dP − Σ P·dP),  dQ = dS·K,  dK = dSᵀ·Q,  dV = Pᵀ·dO
        Kernels.attentionGradients(dO, q: q, k: k, v: v, weights: p, l, scale: scale)
    }
    return AttentionOutput(output: output, weights: Variable(Tensor(shape: shape, scalars: p)))
}
