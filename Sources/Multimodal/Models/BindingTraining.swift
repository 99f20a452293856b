// Training a BindingModel: each step draws digits, then for each digit a picture and a recording (one
// batch) and a picture and a text (another batch), and lowers the sum of the two contrastive losses
// with AdamW, a short warm-up and a cosine decay. Recordings and texts are never in the same loss.

import Foundation
import TeachingEngine

/// How a `BindingModel` is trained.
public struct BindingTrainingOptions: Sendable, Hashable {
    public var steps = 500
    /// Pairs in each of the two batches of a step.
    public var batchSize = 64
    public var peakLearningRate: Float = 2e-3
    public var warmupShare: Float = 0.05
    public var weightDecay: Float = 0.01
    /// CLIP's cap on the logit scale exp(s).
    public var maxLogScale: Float = 100

    public init() {}
}

/// What one step reports.
public struct BindingStep: Sendable {
    public let step: Int
    public let loss: Float
    public let speechLoss: Float
    public let wordLoss: Float
}

/// Trains a model one step at a time, so a caller can show progress.
///
///     let trainer = BindingTrainer(model: model, data: set, options: BindingTrainingOptions(), seed: 0)
///     for _ in 0..<500 { print(trainer.step().loss) }
public final class BindingTrainer {
    public let model: BindingModel
    public let data: BindingSet
    public let options: BindingTrainingOptions
    public private(set) var stepsTaken = 0
    private var optimizer: AdamW
    private let schedule: WarmupCosineSchedule
    private var rng: SeededGenerator
    private let images: [[Int]], speech: [[Int]], texts: [[Int]]   // indices by digit

    public init(model: BindingModel, data: BindingSet, options: BindingTrainingOptions, seed: UInt64) {
        self.model = model
        self.data = data
        self.options = options
        optimizer = AdamW(parameters: model.parameters, learningRate: options.peakLearningRate,
                          weightDecay: options.weightDecay, decayPolicy: .matricesOnly)
        let warmup = Swift.max(1, Int(Float(options.steps) * options.warmupShare))
        schedule = WarmupCosineSchedule(peak: options.peakLearningRate, warmupSteps: Swift.min(warmup, Swift.max(options.steps - 1, 1)),
                                        totalSteps: options.steps)
        rng = SeededGenerator(seed: seed)
        images = data.images.byDigit
        speech = data.speech.byDigit
        texts = (0..<10).map { d in data.textDigits.indices.filter { data.textDigits[$0] == d } }
    }

    /// The next step's digits, and for each a picture and a recording, then for each a picture and a text.
    public func nextBatch() -> (images: [Int], speech: [Int], imagesForWords: [Int], texts: [Int]) {
        let b = options.batchSize
        let digits = (0..<b).map { _ in rng.nextInt(below: 10) }
        let pictures = digits.map { rng.pick(images[$0]) }, heard = digits.map { rng.pick(speech[$0]) }
        let wordDigits = (0..<b).map { _ in rng.nextInt(below: 10) }
        let pictures2 = wordDigits.map { rng.pick(images[$0]) }, read = wordDigits.map { rng.pick(texts[$0]) }
        return (pictures, heard, pictures2, read)
    }

    /// One step: two batches, the two losses, their sum's gradient, an AdamW update, the logit scales capped.
    @discardableResult
    public func step() -> BindingStep {
        let batch = nextBatch()
        optimizer.learningRate = schedule(stepsTaken)
        optimizer.zeroGrad()
        let loss = model.loss(images: data.images.rows(batch.images), speech: data.speech.rows(batch.speech),
                              imagesForWords: data.images.rows(batch.imagesForWords),
                              words: batch.texts.map { data.texts[$0] })
        loss.total.backward()
        optimizer.step()
        let cap = Foundation.log(options.maxLogScale)
        for scale in [model.speechScale, model.wordScale] where scale.value.scalars[0] > cap {
            scale.assign(Tensor(scalar: cap))
        }
        stepsTaken += 1
        return BindingStep(step: stepsTaken, loss: loss.total.item, speechLoss: loss.speech.item, wordLoss: loss.words.item)
    }
}
