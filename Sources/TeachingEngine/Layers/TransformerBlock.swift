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
}
