// Late fusion: two independent classifiers, one per modality, whose decisions are combined at the end.
//   image tokens [B, N, d] ─mean─▶ image head ─▶ p_image [B, C] ─┐
//                                                                ├─ average ─▶ p [B, C]
//   text tokens  [B, T, d] ─mean─▶ text head  ─▶ p_text  [B, C] ─┘
// Each classifier is trained on its own loss (neither sees the other modality), so a corrupted input
// can spoil only its own vote; but no part of the model ever sees image and text together.

import TeachingEngine

/// One classifier per modality; the answer averages their probabilities.
///
///     var rng = SeededGenerator(seed: 1)
///     let model = LateFusion(FusionSizes(vocabularySize: 40, textLength: 8, classes: 8), using: &rng)
///     let scores = model.logits(images: data.images([0, 1]), ids: ids)   // [2, 8], log of the averaged probabilities
public struct LateFusion: FusionModel {
    public static let strategy = "late"
    public let sizes: FusionSizes
    public let encoders: FusionEncoders
    public let imageHead: FusionHead   // d → hidden → C
    public let textHead: FusionHead    // d → hidden → C

    public init(_ sizes: FusionSizes, using rng: inout SeededGenerator) {
        self.sizes = sizes
        encoders = FusionEncoders(sizes, using: &rng)
        imageHead = FusionHead(inputSize: sizes.width, hidden: sizes.headHidden, classes: sizes.classes,
                               name: "late.image_head", using: &rng)
        textHead = FusionHead(inputSize: sizes.width, hidden: sizes.headHidden, classes: sizes.classes,
                              name: "late.text_head", using: &rng)
    }

    public var parameters: [Variable] { encoders.parameters + imageHead.parameters + textHead.parameters }

    /// The image classifier alone: logits [B, C].
    public func imageLogits(_ images: Tensor) -> Variable {
        imageHead(meanPool(encoders.image(images).output))                             // [B, d] → [B, C]
    }

    /// The text classifier alone: logits [B, C].
    public func textLogits(_ ids: [[Int]]) -> Variable {
        textHead(meanPool(encoders.text(ids).output, mask: encoders.text.keyMask(ids)))   // [B, d] → [B, C]
    }

    /// log((p_image + p_text) / 2): the log of the averaged probabilities, [B, C].
    public func logits(images: Tensor, ids: [[Int]]) -> Variable {
        let average = (softmax(imageLogits(images)) + softmax(textLogits(ids))) * 0.5   // [B, C]
        return log(average + 1e-9)
    }

    /// The sum of the two classifiers' own cross-entropies: each learns as if it were alone.
    public func loss(images: Tensor, ids: [[Int]], labels: [Int]) -> Variable {
        crossEntropy(imageLogits(images), targets: labels) + crossEntropy(textLogits(ids), targets: labels)
    }

    public func multiplyAdds(imageTokens: Int, textTokens: Int) -> Int {
        sizes.encoderMultiplyAdds(imageTokens: imageTokens, textTokens: textTokens)
            + imageHead.multiplyAdds + textHead.multiplyAdds
    }

    /// The accuracy of each classifier alone: how informative each modality is on its own.
    public func unimodalAccuracies(on data: FusionDataset, chunk: Int = 250) -> (image: Double, text: Double) {
        var imageAnswers: [Int] = [], textAnswers: [Int] = []
        noGrad {
            for start in stride(from: 0, to: data.count, by: chunk) {
                let indices = Array(start..<min(start + chunk, data.count))
                imageAnswers += FusionTraining.argmaxRows(imageLogits(data.images(indices)).value)
                textAnswers += FusionTraining.argmaxRows(
                    textLogits(FusionText.ids(indices.map { data.texts[$0] }, length: sizes.text.length)).value)
            }
        }
        return (Metrics.accuracy(predicted: imageAnswers, actual: data.labels),
                Metrics.accuracy(predicted: textAnswers, actual: data.labels))
    }
}
