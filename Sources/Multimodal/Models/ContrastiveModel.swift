// A tiny CLIP: an image tower and a text tower, each pooled and projected into one shared space where
// a picture and the sentence that describes it land close together.
// Radford et al. 2021, "Learning Transferable Visual Models From Natural Language Supervision", §2.3–2.4.
//   image  [B, S, S, 3] ─ImageEncoder→ [B, N, d] ─mean→ [B, d] ─W_i→ [B, e] ─┐
//   text   ids [B][T]   ─TextEncoder→  [B, T, d] ─masked mean→ [B, d] ─W_t→ [B, e] ─┴─ L2-normalise, cosine, loss
// With the default configuration this is exactly the model of the benchmark's W-CLIP (222,273 parameters).

import AlignFuseSupport
import Foundation
import TeachingEngine

/// The sizes of a `ContrastiveModel`: two towers and the shared space's width.
public struct ContrastiveConfiguration: Sendable, Hashable {
    public var image = ImageEncoderConfiguration()
    public var text = TextEncoderConfiguration()
    /// The width e of the shared space (W-CLIP: 32).
    public var embeddingWidth = 32
    /// The starting temperature τ; logits are cos / τ = exp(s)·cos with s = ln(1/τ) learned (CLIP: 0.07).
    public var initialTemperature: Float = 0.07

    public init(image: ImageEncoderConfiguration = ImageEncoderConfiguration(),
                text: TextEncoderConfiguration = TextEncoderConfiguration(),
                embeddingWidth: Int = 32, initialTemperature: Float = 0.07) {
        self.image = image
        self.text = text
        self.embeddingWidth = embeddingWidth
        self.initialTemperature = initialTemperature
    }
}

/// Two encoders and two projections into one e-dimensional space, with a learned temperature.
///
///     var rng = SeededGenerator(seed: 1)
///     let model = ContrastiveModel(ContrastiveConfiguration(), using: &rng)
///     model.parameterCount                                   // 222,273 (W-CLIP)
///     let result = model.loss(images: pixels, ids: ids)      // pixels [B, 32, 32, 3], ids [B][8]
///     result.loss.backward()
public struct ContrastiveModel: Module {
    public let configuration: ContrastiveConfiguration
    public let image: ImageEncoder        // [B, S, S, 3] → [B, N, d]
    public let imageProjection: Linear    // d → e, no bias
    public let text: TextEncoder          // [B][T] → [B, T, d]
    public let textProjection: Linear     // d → e, no bias
    public let logScale: Variable         // s: logits = exp(s) · cos

    /// Parameters are named "image.*", "image.projection.weight", "text.*", "text.projection.weight", "logScale".
    public init(_ configuration: ContrastiveConfiguration = ContrastiveConfiguration(), using rng: inout SeededGenerator,
                file: StaticString = #fileID, line: UInt = #line) {
        let c = configuration
        require(c.image.width == c.text.width,
                "ContrastiveModel: image width \(c.image.width) and text width \(c.text.width) differ", file: file, line: line)
        require(c.initialTemperature > 0, "ContrastiveModel: temperature must be positive, got \(c.initialTemperature)",
                file: file, line: line)
        self.configuration = c
        image = ImageEncoder(c.image, name: "image", using: &rng, file: file, line: line)
        imageProjection = Linear(inputSize: c.image.width, outputSize: c.embeddingWidth, bias: false,
                                 name: "image.projection", using: &rng)
        text = TextEncoder(c.text, name: "text", using: &rng)
        textProjection = Linear(inputSize: c.text.width, outputSize: c.embeddingWidth, bias: false,
                                name: "text.projection", using: &rng)
        logScale = Variable(name: "logScale", value: Tensor(scalar: Foundation.log(1 / c.initialTemperature)))
    }

    public var parameters: [Variable] {
        image.parameters + imageProjection.parameters + text.parameters + textProjection.parameters + [logScale]
    }

    /// The temperature τ = exp(−s) now.
    public var temperature: Float { Foundation.exp(-logScale.value.scalars[0]) }

    /// Keeps the logit scale exp(s) at or below `maxScale` (CLIP clips it at 100, §2.5), so the
    /// temperature cannot fall below 1/`maxScale`.
    public func capLogitScale(at maxScale: Float = 100) {
        let cap = Foundation.log(maxScale)
        if logScale.value.scalars[0] > cap { logScale.assign(Tensor(scalar: cap)) }
    }

    /// Images [B, S, S, 3] → embeddings [B, e] (not yet normalised): mean of the patch tokens, projected.
    public func imageEmbeddings(_ images: Tensor) -> Variable {
        let tokens = image(images).output        // [B, N, d]
        return imageProjection(meanPool(tokens)) // [B, e]
    }

    /// Ids [B][T] → embeddings [B, e] (not yet normalised): mean of the real tokens, projected.
    public func textEmbeddings(_ ids: [[Int]]) -> Variable {
        let tokens = text(ids).output                                  // [B, T, d]
        return textProjection(meanPool(tokens, mask: text.keyMask(ids))) // [B, e]
    }

    /// The symmetric contrastive loss of B matching pairs (image i goes with text i), and the logits [B, B].
    public func loss(images: Tensor, ids: [[Int]], file: StaticString = #fileID, line: UInt = #line) -> ContrastiveResult {
        require(images.shape.first == ids.count,
                "ContrastiveModel.loss: \(images.shape.first ?? 0) images but \(ids.count) texts", file: file, line: line)
        return contrastiveLoss(imageEmbeddings: imageEmbeddings(images), textEmbeddings: textEmbeddings(ids),
                               logScale: logScale, file: file, line: line)
    }

    // MARK: - Embedding for evaluation (no gradients, unit length)

    /// Unit-length image embeddings [B][e], computed in chunks of `chunk` without recording gradients.
    public func embedImages(_ images: Tensor, chunk: Int = 128) -> [[Float]] {
        images.chunks(of: chunk).flatMap { part in noGrad { rows(l2Normalize(imageEmbeddings(part)).value) } }
    }

    /// Unit-length text embeddings [B][e], computed in chunks of `chunk` without recording gradients.
    public func embedTexts(_ ids: [[Int]], chunk: Int = 256) -> [[Float]] {
        stride(from: 0, to: ids.count, by: chunk).flatMap { start -> [[Float]] in
            let part = Array(ids[start..<Swift.min(start + chunk, ids.count)])
            return noGrad { rows(l2Normalize(textEmbeddings(part)).value) }
        }
    }
}

/// The rows of a [B, e] tensor as arrays.
func rows(_ matrix: Tensor) -> [[Float]] {
    let width = matrix.shape[1]
    return (0..<matrix.shape[0]).map { Array(matrix.scalars[($0 * width)..<(($0 + 1) * width)]) }
}

/// Cosine similarity of unit vectors: their dot product. `a` [n][e] × `b` [m][e] → [n][m].
///
///     cosineSimilarities([[1, 0]], [[1, 0], [0, 1]])   // [[1, 0]]
public func cosineSimilarities(_ a: [[Float]], _ b: [[Float]]) -> [[Float]] {
    a.map { u in b.map { v in zip(u, v).reduce(0) { $0 + $1.0 * $1.1 } } }
}
