// Early fusion, as the article puts it: "concatenate features". Each tower encodes its modality, each
// is pooled to one vector, the two vectors are concatenated, and one classifier reads both at once.
//   image tokens [B, N, d] ─mean─▶ [B, d] ─┐
//                                          ├─ concat [B, 2d] ─▶ head ─▶ logits [B, C]
//   text tokens  [B, T, d] ─mean─▶ [B, d] ─┘
// The joint head can learn interactions between the two vectors, but only those that survive pooling:
// after the mean over patches, "which colour sits where" is blurred into one vector.

import TeachingEngine

/// Pooled image and text features, concatenated, then one classifier.
///
///     var rng = SeededGenerator(seed: 1)
///     let model = EarlyFusion(FusionSizes(vocabularySize: 40, textLength: 8, classes: 8), using: &rng)
///     let scores = model.logits(images: data.images([0, 1]), ids: ids)   // [2, 8]
public struct EarlyFusion: FusionModel {
    public static let strategy = "early"
    public let sizes: FusionSizes
    public let encoders: FusionEncoders
    public let head: FusionHead    // 2d → hidden → C

    public init(_ sizes: FusionSizes, using rng: inout SeededGenerator) {
        self.sizes = sizes
        encoders = FusionEncoders(sizes, using: &rng)
        head = FusionHead(inputSize: 2 * sizes.width, hidden: sizes.headHidden, classes: sizes.classes,
                          name: "early.head", using: &rng)
    }

    public var parameters: [Variable] { encoders.parameters + head.parameters }

    public func logits(images: Tensor, ids: [[Int]]) -> Variable {
        let image = meanPool(encoders.image(images).output)                            // [B, d]
        let text = meanPool(encoders.text(ids).output, mask: encoders.text.keyMask(ids))   // [B, d]
        return head(concatenate([image, text], alongAxis: 1))                          // [B, 2d] → [B, C]
    }

    public func multiplyAdds(imageTokens: Int, textTokens: Int) -> Int {
        sizes.encoderMultiplyAdds(imageTokens: imageTokens, textTokens: textTokens) + head.multiplyAdds
    }
}
