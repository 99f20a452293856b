// The pre-LN transformer block (Xiong et al. 2020, "On Layer Normalization in the Transformer
// Architecture"; the layout of GPT-2 and ViT): normalise before each sublayer, add its result back.
//   x = x + Attention(LN₁(x))
//   x = x + MLP(LN₂(x))

/// One pre-LN block: [B, T, d] → [B, T, d], with the attention weights of every head.
public struct TransformerBlock: Module {
    public let norm1: LayerNorm
    public let attention: MultiHeadAttention
    public let norm2: LayerNorm
    public let mlp: MLP

    public init(width: Int, headCount: Int, hiddenWidth: Int, name: String, using rng: inout SeededGenerator) {
        norm1 = LayerNorm(width: width, name: name + ".ln1")
        attention = MultiHeadAttention(width: width, headCount: headCount, name: name + ".attn", using: &rng)
        norm2 = LayerNorm(width: width, name: name + ".ln2")
        mlp = MLP(width: width, hiddenWidth: hiddenWidth, name: name + ".mlp", using: &rng)
    }

    public var parameters: [Variable] { norm1.parameters + attention.parameters + norm2.parameters + mlp.parameters }

    /// The block over `x` [B, T, d]; `mask` says which keys each token's attention reads.
    public func callAsFunction(_ x: Variable, mask: AttentionMask? = nil) -> AttentionOutput {
        let attended = attention(norm1(x), mask: mask)
        let afterAttention = x + attended.output                       // [B, T, d]
        let out = afterAttention + mlp(norm2(afterAttention))          // [B, T, d]
        return AttentionOutput(output: out, weights: attended.weights)
    }

    /// The block's output at the positions `rows` only, [B, rows.count, d]: every token is still a key
    /// and a value, but only the queries in `rows` go on through attention's projection, the MLP and
    /// the residual adds. The numbers are those of `self(x, mask: mask)` at `rows` (up to the order of
    /// float sums); a model whose loss reads only some positions of its last block (a decoder's answer
    /// words) saves the work on the others. The weights are [B, h, rows.count, T].
    ///
    ///     // 16 patches + 8 question words + 8 answer positions; the loss reads the answer rows:
    ///     lastBlock(tokens, mask: mask, rows: 24..<32).output.shape   // [B, 8, d]
    public func callAsFunction(_ x: Variable, mask: AttentionMask?, rows: Range<Int>) -> AttentionOutput {
        let normed = norm1(x)                                           // keys and values: every token
        let attended = attention(normed.slice(alongAxis: 1, rows), context: normed, mask: mask?.queries(rows))
        let afterAttention = x.slice(alongAxis: 1, rows) + attended.output             // [B, rows, d]
        let out = afterAttention + mlp(norm2(afterAttention))
        return AttentionOutput(output: out, weights: attended.weights)
    }
}
