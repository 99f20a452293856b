// One pre-LN transformer block run with an arbitrary blocked-key mask (here the prefix-LM mask).
// The engine's TransformerBlock offers key padding and a fully causal mask; a prefix LM needs a mask
// in between, so this runs the same block's own layers with the scores masked explicitly:
//   x = x + W_o · softmax(q·kᵀ/√(d/h), hidden keys at −∞) · v     with q, k, v from LN₁(x)
//   x = x + MLP(LN₂(x))
// (Vaswani et al. 2017 §3.2.2; Xiong et al. 2020 for pre-LN.)

import TeachingEngine

extension TransformerBlock {
    /// The block applied to `x` [B, T, d] where `blocked` [B, 1, T, T] (1 = hidden key, see
    /// `SingleStreamMask`) decides what each query sees. Returns the new tokens and every head's
    /// weights [B, h, T, T]; a hidden key gets weight exactly 0.
    ///
    ///     with a mask that hides nothing, this equals `block(x)` (the engine's own forward)
    public func callAsFunction(_ x: Variable, blocked: Tensor) -> (output: Variable, weights: Variable) {
        let (batch, tokens, width) = (x.shape[0], x.shape[1], x.shape[2])
        require(blocked.shape == [batch, 1, tokens, tokens] || blocked.shape == [1, 1, tokens, tokens],
                "TransformerBlock(blocked:): mask \(describe(shape: blocked.shape)) does not fit tokens \(describe(shape: x.shape))")
        let heads = attention.headCount
        let headWidth = width / heads
        let normed = norm1(x)                                                         // [B, T, d]
        // Each head reads its d/h columns of the projections in place (the engine's HeadProducts).
        let q = attention.query(normed), k = attention.key(normed), v = attention.value(normed)  // [B, T, d]
        let scores = headScores(q, k, headCount: heads)                               // [B, h, T, T]
        let weights = softmax(scores.filled(with: -Float.infinity, where: blocked),
                              scale: 1 / Float(headWidth).squareRoot())               // [B, h, T, T]
        let mixed = mixHeads(weights, v)                                              // [B, T, d]
        let afterAttention = x + attention.output(mixed)                              // [B, T, d]
        let out = afterAttention + mlp(norm2(afterAttention))                         // [B, T, d]
        return (output: out, weights: weights)
    }
}
