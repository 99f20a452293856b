// The mini-batches of a VQA training run: every training example once per epoch, in an order shuffled
// by the run's generator, 64 at a time; and the recipe's optimizer and learning-rate schedule.

import AlignFuseSupport
import TeachingEngine

/// One mini-batch: the examples, their images and their token ids, ready for `SingleStreamVQA.loss`.
public struct VQABatch {
    public let examples: [VQAExample]
    /// Centred pixels [B, S, S, 3] (a blind model ignores them).
    public let images: Tensor
    /// Question ids [B][Q], padded.
    public var questions: [[Int]] { examples.map(\.question) }
    /// Answer word ids [B][n], without specials.
    public var answers: [[Int]] { examples.map(\.answer) }
}

/// Batches drawn without replacement within an epoch: when fewer than `size` examples are left in
/// the order, a new shuffled epoch is appended to it.
///
///     var batches = VQABatches(data, size: 64, rng: rng)   // rng: the generator after the model's draw
///     let batch = batches.next()                             // 64 examples: images [64, 32, 32, 3]
public struct VQABatches {
    public let data: VQAData
    public let size: Int
    private var rng: SeededGenerator
    private var order: EpochOrder

    public init(_ data: VQAData, size: Int, rng: SeededGenerator, file: StaticString = #fileID, line: UInt = #line) {
        require(size > 0 && !data.train.isEmpty,
                "VQABatches: a batch of \(size) from \(data.train.count) training examples", file: file, line: line)
        self.data = data
        self.size = size
        self.rng = rng
        order = EpochOrder(count: data.train.count)
    }

    /// The generator as it stands after the batches drawn so far.
    public var generator: SeededGenerator { rng }

    /// The next `size` examples.
    public mutating func next() -> VQABatch {
        let examples = order.take(size, using: &rng).map { data.train[$0] }
        return VQABatch(examples: examples, images: data.images(examples))
    }
}

extension VQATrainingPlan {
    /// Warm-up over `warmupSteps`, then a cosine down to a twentieth of the peak.
    public var schedule: WarmupCosineSchedule {
        WarmupCosineSchedule(peak: peakLearningRate, warmupSteps: warmupSteps, totalSteps: steps,
                             floor: peakLearningRate / 20)
    }

    /// AdamW over every parameter of `model`, at the peak rate with this plan's weight decay.
    public func optimizer(for model: some Module) -> AdamW {
        AdamW(parameters: model.parameters, learningRate: peakLearningRate, weightDecay: weightDecay)
    }
}
