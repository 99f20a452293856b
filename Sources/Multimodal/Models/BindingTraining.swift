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

    /// The forward pass of a batch: both contrastive losses and their sum.
    public func loss(_ batch: (images: [Int], speech: [Int], imagesForWords: [Int], texts: [Int])) -> BindingLoss {
        model.loss(images: data.images.rows(batch.images), speech: data.speech.rows(batch.speech),
                   imagesForWords: data.images.rows(batch.imagesForWords), words: batch.texts.map { data.texts[$0] })
    }

    /// After `backward()`: one AdamW step at the scheduled learning rate, the logit scales capped at
    /// `maxLogScale`, and the gradients cleared for the next step.
    public func update() {
        optimizer.learningRate = schedule(stepsTaken)
        optimizer.step()
        optimizer.zeroGrad()
        let cap = Foundation.log(options.maxLogScale)
        for scale in [model.speechScale, model.wordScale] where scale.value.scalars[0] > cap {
            scale.assign(Tensor(scalar: cap))
        }
        stepsTaken += 1
    }

    /// One whole step: a batch, its losses, their gradient, an update.
    @discardableResult
    public func step() -> BindingStep {
        let loss = loss(nextBatch())
        loss.total.backward()
        update()
        return BindingStep(step: stepsTaken, loss: loss.total.item, speechLoss: loss.speech.item, wordLoss: loss.words.item)
    }

    /// The lowest mean loss a batch allows when pairs of one digit cannot be told apart: a pair whose
    /// digit appears K times in the batch (itself included) can at best split its choice evenly among
    /// K equal candidates, a loss of ln K. With B pairs of `classes` equally likely digits,
    /// K = 1 + Binomial(B − 1, 1/classes), and the floor is the mean of ln K.
    ///
    ///     BindingTrainer.duplicateFloor(batchSize: 2, classes: 2)   // ½·ln 1 + ½·ln 2 ≈ 0.347
    public static func duplicateFloor(batchSize b: Int, classes: Int = 10) -> Double {
        let p = 1 / Double(classes)
        var probability = Foundation.pow(1 - p, Double(b - 1))       // P(no other pair shares the digit)
        var floor = 0.0
        for others in 0..<b {
            floor += probability * Foundation.log(Double(others + 1))
            probability *= Double(b - 1 - others) / Double(others + 1) * p / (1 - p)
        }
        return floor
    }
}
