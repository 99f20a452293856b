// Cross fusion: the text queries the image. Every text token sends a query to every image token by
// cross-attention (Lu et al. 2019, ViLBERT §3.1, one direction here), so the word "cat" can look at the
// cat's patch and bring back what is there, its colour included.
//   text tokens [B, T, d] ──q──┐
//                              ├─ attention [B, h, T, N] ─▶ + text (residual) ─▶ LayerNorm ─▶ mean ─▶ head ─▶ [B, C]
//   image tokens [B, N, d] ─k,v┘
// The weights are returned so a lesson can show where each word looked.

import TeachingEngine

/// What the cross-fusion model computes: class scores and the cross-attention weights.
public struct CrossFusionOutput {
    /// [B, C]
    public let logits: Variable
    /// [B, h, T, N]: how much text token t of head h takes from image patch n; each row sums to 1.
    public let attention: Variable
}

/// Text tokens attend to image tokens; the attended text is pooled and classified.
///
///     var rng = SeededGenerator(seed: 1)
///     let model = CrossFusion(FusionSizes(vocabularySize: 40, textLength: 8, classes: 8), using: &rng)
///     let out = model.forward(images: data.images([0]), ids: ids)   // out.attention [1, 2, 8, 16]
public struct CrossFusion: FusionModel {
    public static let strategy = "cross"
    public let sizes: FusionSizes
    public let encoders: FusionEncoders
    public let crossAttention: MultiHeadAttention   // queries from text, keys and values from image
    public let norm: LayerNorm
    public let head: FusionHead                     // d → hidden → C

    public init(_ sizes: FusionSizes, using rng: inout SeededGenerator) {
        self.sizes = sizes
        encoders = FusionEncoders(sizes, using: &rng)
        crossAttention = MultiHeadAttention(width: sizes.width, headCount: sizes.image.headCount,
                                            name: "cross.attention", using: &rng)
        norm = LayerNorm(width: sizes.width, name: "cross.norm")
        head = FusionHead(inputSize: sizes.width, hidden: sizes.headHidden, classes: sizes.classes,
                          name: "cross.head", using: &rng)
    }

    public var parameters: [Variable] {
        encoders.parameters + crossAttention.parameters + norm.parameters + head.parameters
    }

    /// Class scores and the cross-attention weights.
    public func forward(images: Tensor, ids: [[Int]]) -> CrossFusionOutput {
        let image = encoders.image(images).output                       // [B, N, d]
        let text = encoders.text(ids).output                            // [B, T, d]
        let attended = crossAttention(text, context: image)             // output [B, T, d], weights [B, h, T, N]
        let fused = norm(text + attended.output)                        // [B, T, d]
        let pooled = meanPool(fused, mask: encoders.text.keyMask(ids))  // [B, d]
        return CrossFusionOutput(logits: head(pooled), attention: attended.weights)
    }

    public func logits(images: Tensor, ids: [[Int]]) -> Variable {
        forward(images: images, ids: ids).logits
    }

    /// The encoders, then the cross-attention: q and output projections over T text tokens (2·T·d²),
    /// k and v over N image tokens (2·N·d²), scores and mixing (2·T·N·d), then the head.
    public func multiplyAdds(imageTokens n: Int, textTokens t: Int) -> Int {
        let d = sizes.width
        return sizes.encoderMultiplyAdds(imageTokens: n, textTokens: t)
            + 2 * t * d * d + 2 * n * d * d + 2 * t * n * d + head.multiplyAdds
    }
}
