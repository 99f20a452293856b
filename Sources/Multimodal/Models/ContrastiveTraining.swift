// Training a ContrastiveModel: batches of image–caption pairs (with a share of "hard negatives" that
// look alike, so the model must read more than the obvious cue), AdamW, warm-up then cosine decay,
// and CLIP's cap on the logit scale (Radford et al. 2021, §2.5: exp(s) clipped at 100).

import AlignFuseSupport
import Foundation
import TeachingEngine

/// How a contrastive model is trained. The defaults are the recipe that learned fastest in trial runs
/// of this model: batch 64 (better than 128 or 256 for the same time), peak learning rate 1e-3 (better
/// than 2e-3 and 3e-3) after a short warm-up, cosine decay, weight decay 0.01.
public struct ContrastiveTrainingOptions: Sendable {
    public var steps = 600
    public var batchSize = 64
    public var peakLearningRate: Float = 1e-3
    /// Warm-up steps as a share of `steps`.
    public var warmupShare: Float = 0.05
    public var weightDecay: Float = 0.01
    /// The share of each batch drawn from one group (e.g. scenes of one colour): pairs that differ only
    /// in what the group does not fix, so the loss cannot be lowered by the group's cue alone.
    public var hardNegativeShare: Float = 0.25
    /// The largest logit scale exp(s); CLIP clips at 100.
    public var maxLogScale: Float = 100

    public init() {}
}

/// The pairs to learn from: centred images [N, S, S, 3], their caption ids [N][T], and a group per pair
/// for hard negatives (any Int; pairs of one group are put into a batch together).
public struct ContrastivePairs: Sendable {
    public let images: Tensor
    public let ids: [[Int]]
    public let groups: [Int]

    public init(images: Tensor, ids: [[Int]], groups: [Int], file: StaticString = #fileID, line: UInt = #line) {
        require(images.shape.first == ids.count && ids.count == groups.count,
                "ContrastivePairs: \(images.shape.first ?? 0) images, \(ids.count) texts, \(groups.count) groups",
                file: file, line: line)
        self.images = images
        self.ids = ids
        self.groups = groups
    }

    public var count: Int { ids.count }

    /// The pairs at `indices`: images [b, S, S, 3] and ids [b][T].
    public func batch(_ indices: [Int]) -> (images: Tensor, ids: [[Int]]) {
        let size = images.count / Swift.max(count, 1)
        var scalars: [Float] = []
        scalars.reserveCapacity(indices.count * size)
        for i in indices { scalars += images.scalars[(i * size)..<((i + 1) * size)] }
        return (Tensor(shape: [indices.count] + Array(images.shape.dropFirst()), scalars: scalars),
                indices.map { ids[$0] })
    }
}

/// What one training step reports.
public struct ContrastiveStep: Sendable {
    public let step: Int
    public let loss: Float
    public let temperature: Float
    public let learningRate: Float
}

/// The batches of a contrastive training run: `hardNegativeShare` of each batch from one random group
/// (pairs that look alike, e.g. one colour), the rest drawn from all pairs, no index twice.
///
///     var batches = ContrastiveBatches(pairs, size: 64, hardShare: 0.5, seed: 7)
///     let (images, ids) = batches.next()   // [64, 32, 32, 3], [64][8]
public struct ContrastiveBatches {
    public let pairs: ContrastivePairs
    public let size: Int
    public let hardShare: Float
    private var rng: SeededGenerator
    private let members: [Int: [Int]]   // group → indices of its pairs

    public init(_ pairs: ContrastivePairs, size: Int, hardShare: Float, seed: UInt64,
                file: StaticString = #fileID, line: UInt = #line) {
        require(pairs.count >= size, "ContrastiveBatches: \(pairs.count) pairs cannot fill a batch of \(size)",
                file: file, line: line)
        self.pairs = pairs
        self.size = size
        self.hardShare = hardShare
        rng = SeededGenerator(seed: seed)
        members = Dictionary(grouping: pairs.groups.indices, by: { pairs.groups[$0] })
    }

    /// The indices of the next batch.
    public mutating func nextIndices() -> [Int] {
        var chosen: [Int] = []
        var taken = Set<Int>()
        let hard = Int(Float(size) * hardShare)
        if hard > 1, !members.isEmpty {
            var pool = members[rng.pick(members.keys.sorted())]!
            rng.shuffle(&pool)
            for i in pool.prefix(hard) where taken.insert(i).inserted { chosen.append(i) }
        }
        while chosen.count < size {
            let i = rng.nextInt(below: pairs.count)
            if taken.insert(i).inserted { chosen.append(i) }
        }
        return chosen
    }

    /// The next batch: images [B, S, S, 3] and ids [B][T].
    public mutating func next() -> (images: Tensor, ids: [[Int]]) { pairs.batch(nextIndices()) }
}

/// The learning-rate schedule of `ContrastiveTrainingOptions`: a warm-up over `warmupShare` of the
/// steps (at least one), then a cosine down to 0.
extension ContrastiveTrainingOptions {
    public var schedule: WarmupCosineSchedule {
        let warmup = Swift.max(1, Int(Float(steps) * warmupShare))
        return WarmupCosineSchedule(peak: peakLearningRate, warmupSteps: Swift.min(warmup, steps - 1), totalSteps: steps)
    }

    /// AdamW over `model`'s parameters with this recipe's rate and weight decay (not on biases and norms).
    public func optimizer(for model: some Module) -> AdamW {
        AdamW(parameters: model.parameters, learningRate: peakLearningRate, weightDecay: weightDecay,
              decayPolicy: .matricesOnly)
    }
}

/// Trains a model one step at a time, so a caller can show progress and stop on divergence.
///
///     let trainer = ContrastiveTrainer(model: model, pairs: pairs, options: ContrastiveTrainingOptions(), seed: 3)
///     for step in 0..<600 { let report = trainer.step(); print(report.loss) }
public final class ContrastiveTrainer {
    public let model: ContrastiveModel
    public let pairs: ContrastivePairs
    public let options: ContrastiveTrainingOptions
    public private(set) var stepsTaken = 0
    private var optimizer: AdamW
    private let schedule: WarmupCosineSchedule
    private var batches: ContrastiveBatches

    public init(model: ContrastiveModel, pairs: ContrastivePairs, options: ContrastiveTrainingOptions, seed: UInt64,
                file: StaticString = #fileID, line: UInt = #line) {
        self.model = model
        self.pairs = pairs
        self.options = options
        optimizer = options.optimizer(for: model)
        schedule = options.schedule
        batches = ContrastiveBatches(pairs, size: options.batchSize, hardShare: options.hardNegativeShare, seed: seed,
                                     file: file, line: line)
    }

    /// The indices of the next batch (see `ContrastiveBatches`).
    public func nextBatch() -> [Int] { batches.nextIndices() }

    /// One step: a batch, the loss, its gradient, an AdamW update at the scheduled learning rate, and the
    /// logit scale kept at or below `maxLogScale`.
    @discardableResult
    public func step() -> ContrastiveStep {
        let (images, ids) = pairs.batch(nextBatch())      // [B, S, S, 3], [B][T]
        optimizer.learningRate = schedule(stepsTaken)
        optimizer.zeroGrad()
        let loss = model.loss(images: images, ids: ids).loss
        loss.backward()
        optimizer.step()
        model.capLogitScale(at: options.maxLogScale)
        stepsTaken += 1
        return ContrastiveStep(step: stepsTaken, loss: loss.item, temperature: model.temperature,
                               learningRate: optimizer.learningRate)
    }
}
