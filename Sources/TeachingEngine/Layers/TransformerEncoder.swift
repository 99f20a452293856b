// A stack of pre-LN transformer blocks with a final LayerNorm — the body of both W-CLIP encoders and
// of the single-stream VQA model (W-CLIP and W-VQA in Tools/Benchmark). Token embedding and pooling are the caller's.

/// What the encoder produces: the normalised tokens and each block's attention weights.
public struct EncoderOutput {
    /// [B, T, d], after the final LayerNorm.
    public let output: Variable
    /// One [B, h, T, T] per block, first block first.
    public let attentionWeights: [Variable]
}

/// `depth` pre-LN blocks, then LayerNorm: [B, T, d] → [B, T, d].
///
///     var rng = SeededGenerator(seed: 0)
///     let encoder = TransformerEncoder(depth: 2, width: 64, headCount: 4, hiddenWidth: 256, name: "image", using: &rng)
///     encoder.parameterCount   // 2 · 49,984 + 128 = 100,096
public struct TransformerEncoder: Module {
    public let blocks: [TransformerBlock]
    public let finalNorm: LayerNorm

    /// Parameters are named "\(name).blocks.\(i)...." and "\(name).ln".
    public init(depth: Int, width: Int, headCount: Int, hiddenWidth: Int, name: String, using rng: inout SeededGenerator) {
        blocks = (0..<depth).map { i in
            TransformerBlock(width: width, headCount: headCount, hiddenWidth: hiddenWidth,
                             name: "\(name).blocks.\(i)", using: &rng)
        }
        finalNorm = LayerNorm(width: width, name: name + ".ln")
    }

    public var parameters: [Variable] { blocks.flatMap(\.parameters) + finalNorm.parameters }

    /// Every block reads with the same `mask`.
    public func callAsFunction(_ x: Variable, mask: AttentionMask? = nil) -> EncoderOutput {
        var tokens = x
        var weights: [Variable] = []
        for block in blocks {
            let result = block(tokens, mask: mask)
            tokens = result.output
            weights.append(result.weights)
        }
        return EncoderOutput(output: finalNorm(tokens), attentionWeights: weights)
    }
}
