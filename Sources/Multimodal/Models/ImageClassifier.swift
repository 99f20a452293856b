// An image classifier trained end to end from its first weights: the image encoder, mean-pooled,
// then one linear layer. The baseline a pretrained encoder must beat when labels are few
// ("from scratch" in the label-efficiency comparisons of Radford et al. 2021, §3.2).
//   images [B, S, S, 3] ─ImageEncoder→ [B, N, d] ─mean→ [B, d] ─Linear→ logits [B, C]

import AlignFuseSupport
import TeachingEngine

/// An `ImageEncoder` with a linear head, trained on labelled images only.
///
///     var rng = SeededGenerator(seed: 4)
///     let model = ImageClassifier(ImageEncoderConfiguration(), classes: 7, using: &rng)
///     model.train(images: pixels, labels: kinds, steps: 100)   // pixels [n, 32, 32, 3]
///     model.predict(testPixels)                                           // one class per image
public struct ImageClassifier: Module {
    public let encoder: ImageEncoder
    public let head: Linear   // d → C

    public init(_ configuration: ImageEncoderConfiguration, classes: Int, using rng: inout SeededGenerator) {
        encoder = ImageEncoder(configuration, name: "scratch.image", using: &rng)
        head = Linear(inputSize: configuration.width, outputSize: classes, name: "scratch.head", using: &rng)
    }

    public var parameters: [Variable] { encoder.parameters + head.parameters }

    /// Class scores [B, C] of images [B, S, S, 3].
    public func logits(_ images: Tensor) -> Variable {
        head(meanPool(encoder(images).output))   // [B, d] → [B, C]
    }

    /// Full-batch AdamW on all labelled `images` [n, S, S, 3] for `steps` steps (warm-up, then cosine).
    /// Returns the loss of every step.
    @discardableResult
    public func train(images: Tensor, labels: [Int], steps: Int, learningRate: Float = 1e-3) -> [Float] {
        require(images.shape.first == labels.count, "ImageClassifier.train: \(images.shape.first ?? 0) images, \(labels.count) labels")
        let schedule = WarmupCosineSchedule(peak: learningRate, warmupSteps: Swift.max(1, steps / 10), totalSteps: steps + 1)
        var optimizer = AdamW(parameters: parameters, learningRate: learningRate, weightDecay: 0.01,
                              decayPolicy: .matricesOnly)
        var losses: [Float] = []
        for step in 0..<steps {
            optimizer.learningRate = schedule(step)
            optimizer.zeroGrad()
            let loss = crossEntropy(logits(images), targets: labels)
            loss.backward()
            optimizer.step()
            losses.append(loss.item)
        }
        return losses
    }

    /// The most likely class of each image, computed in chunks without recording gradients.
    public func predict(_ images: Tensor, chunk: Int = 256) -> [Int] {
        images.chunks(of: chunk).flatMap { part in
            rows(noGrad { logits(part).value }).map { z in                              // [b][C]
                BindingMeasures.argmax(z)                                              // the first of equals
            }
        }
    }
}
