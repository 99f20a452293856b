// What the three fusion strategies of lesson 03 share: the same two unimodal encoders (a small ViT
// image tower and a text tower, ImageEncoder and TextEncoder), the same kind of classifier head, and
// one interface the training loop, the evaluation and the cost count use.
// Baltrušaitis et al. 2019, "Multimodal Machine Learning: A Survey and Taxonomy", §5 (fusion).

import TeachingEngine

/// The sizes every fusion model of one task uses.
///
///     let sizes = FusionSizes(vocabularySize: 40, textLength: 8, classes: 8)
///     sizes.image.width   // 32: every token is 32 numbers
public struct FusionSizes: Sendable, Hashable {
    public var image: ImageEncoderConfiguration
    public var text: TextEncoderConfiguration
    /// The classifier heads' hidden width.
    public var headHidden: Int
    public var classes: Int

    /// One block per tower, d = 32 with 2 heads (small enough to train three models in seconds).
    public init(vocabularySize: Int, textLength: Int, classes: Int, width: Int = 32, depth: Int = 1,
                headCount: Int = 2, headHidden: Int = 64) {
        image = ImageEncoderConfiguration(width: width, depth: depth, headCount: headCount, hiddenWidth: 2 * width)
        text = TextEncoderConfiguration(vocabularySize: vocabularySize, length: textLength, width: width,
                                        depth: depth, headCount: headCount, hiddenWidth: 2 * width)
        self.headHidden = headHidden
        self.classes = classes
    }

    /// d, the width of every token.
    public var width: Int { image.width }
}

/// The two unimodal encoders, built the same way (and from the same seed) in every strategy.
public struct FusionEncoders: Module {
    public let image: ImageEncoder
    public let text: TextEncoder

    public init(_ sizes: FusionSizes, using rng: inout SeededGenerator) {
        image = ImageEncoder(sizes.image, name: "image", using: &rng)
        text = TextEncoder(sizes.text, name: "text", using: &rng)
    }

    public var parameters: [Variable] { image.parameters + text.parameters }
}

/// The classifier head: Linear(in → hidden), GELU, Linear(hidden → classes).
///
///     FusionHead(inputSize: 64, hidden: 64, classes: 8, …).parameterCount   // 64·64 + 64 + 64·8 + 8 = 4,744
public struct FusionHead: Module {
    public let hidden: Linear
    public let output: Linear

    public init(inputSize: Int, hidden: Int, classes: Int, name: String, using rng: inout SeededGenerator) {
        self.hidden = Linear(inputSize: inputSize, outputSize: hidden, name: name + ".fc1", using: &rng)
        output = Linear(inputSize: hidden, outputSize: classes, name: name + ".fc2", using: &rng)
    }

    public var parameters: [Variable] { hidden.parameters + output.parameters }

    /// [B, in] → logits [B, classes].
    public func callAsFunction(_ x: Variable) -> Variable {
        output(gelu(matmul(x, hidden.weight), bias: hidden.bias))   // [B, hidden] → [B, classes]
    }

    /// Multiply-adds for one example.
    public var multiplyAdds: Int { hidden.weight.count + output.weight.count }
}

/// A fusion strategy: images and texts in, class scores out.
public protocol FusionModel: Module {
    /// "early", "late" or "cross".
    static var strategy: String { get }
    var sizes: FusionSizes { get }
    /// Images [B, 32, 32, 3] and padded ids [B][T] → class scores [B, classes] (the argmax is the answer).
    func logits(images: Tensor, ids: [[Int]]) -> Variable
    /// The training loss for `labels`.
    func loss(images: Tensor, ids: [[Int]], labels: [Int]) -> Variable
    /// Multiply-adds for one example with `imageTokens` patches and `textTokens` text tokens.
    func multiplyAdds(imageTokens: Int, textTokens: Int) -> Int
}

extension FusionModel {
    /// Cross-entropy of `logits` (late fusion trains its two classifiers separately instead).
    public func loss(images: Tensor, ids: [[Int]], labels: [Int]) -> Variable {
        crossEntropy(logits(images: images, ids: ids), targets: labels)
    }
}

/// Multiply-adds of the shared encoders for one example: the patch embedding, and per block the
/// four projections (4·n·d²), the scores and the mixing (2·n²·d) and the MLP (2·n·d·hidden).
///
///     encoderMultiplyAdds(tokens: 16, width: 32, hidden: 64, depth: 1)   // 16·(4·1024 + 2·16·32 + 2·32·64) = 147,456
public func encoderMultiplyAdds(tokens n: Int, width d: Int, hidden: Int, depth: Int) -> Int {
    depth * (4 * n * d * d + 2 * n * n * d + 2 * n * d * hidden)
}

extension FusionSizes {
    /// Both encoders for one example with `imageTokens` patches and `textTokens` tokens.
    public func encoderMultiplyAdds(imageTokens: Int, textTokens: Int) -> Int {
        let patchEmbedding = imageTokens * image.patchValues * image.width
        return patchEmbedding
            + Multimodal.encoderMultiplyAdds(tokens: imageTokens, width: image.width, hidden: image.hiddenWidth,
                                             depth: image.depth)
            + Multimodal.encoderMultiplyAdds(tokens: textTokens, width: text.width, hidden: text.hiddenWidth,
                                             depth: text.depth)
    }
}
