// Training and measuring a fusion model: one loop and one evaluation for all three strategies, so the
// comparison differs only in the wiring. AdamW with warm-up and cosine decay (in earlier trial runs
// of these models, warm-up + cosine beat a constant learning rate, and 1e-3 beat 2e-3 and 3e-3), batches drawn
// from a seeded generator.

import AlignFuseSupport
import TeachingEngine

/// The words of both fusion tasks, as one fixed tokenizer.
///
///     FusionText.tokenizer.encode("what colour is the cat ?")   // six ids
public enum FusionText {
    /// Every word Task A captions and Task B questions can use, after the six special tokens.
    public static let tokenizer: Tokenizer = {
        let words = ["a", "an", "and", "the", ",", "?", "animal", "picture", "what", "colour", "is"]
            + ObjectKind.allCases.map(\.english) + ToyColor.allCases.map(\.english)
            + ObjectSize.allCases.map(\.english)
        return Tokenizer(vocabulary: words)
    }()

    /// `texts` as padded ids of `length` (cut if longer).
    public static func ids(_ texts: [String], length: Int) -> [[Int]] {
        Batches.tokens(texts, tokenizer: tokenizer, length: length).ids
    }
}

/// How a fusion model is trained.
public struct FusionRecipe: Sendable, Hashable {
    public var steps: Int
    public var batchSize = 64
    public var learningRate: Float = 4e-3
    public var warmupSteps = 20
    public var weightDecay: Float = 0.01

    public init(steps: Int, batchSize: Int = 64, learningRate: Float = 4e-3) {
        self.steps = steps
        self.batchSize = batchSize
        self.learningRate = learningRate
    }
}

extension FusionRecipe {
    /// AdamW over `model`'s parameters at the peak rate, weight decay on matrices only.
    public func optimizer(for model: some Module) -> AdamW {
        AdamW(parameters: model.parameters, learningRate: learningRate, weightDecay: weightDecay,
              decayPolicy: .matricesOnly)
    }

    /// Warm-up over `warmupSteps`, then a cosine down to 0 at `steps`.
    public var schedule: WarmupCosineSchedule {
        WarmupCosineSchedule(peak: learningRate, warmupSteps: warmupSteps, totalSteps: Swift.max(steps, warmupSteps + 1))
    }
}

/// Training batches of a fusion dataset: `size` examples drawn with replacement by a seeded generator.
///
///     var batches = FusionBatches(data, size: 64, textLength: 8, seed: 3)
///     let batch = batches.next()   // images [64, 32, 32, 3], ids [64][8], labels [64]
public struct FusionBatches {
    public let data: FusionDataset
    public let size: Int
    public let textLength: Int
    /// Every text of `data` as padded ids [N][T], read once here rather than again in every batch.
    private let textIds: [[Int]]
    private var rng: SeededGenerator

    public init(_ data: FusionDataset, size: Int, textLength: Int, seed: UInt64) {
        require(data.count > 0, "FusionBatches: the dataset is empty")
        self.data = data
        self.size = size
        self.textLength = textLength
        textIds = FusionText.ids(data.texts, length: textLength)
        rng = SeededGenerator(seed: seed)
    }

    /// The next batch: images [B, 32, 32, 3], padded ids [B][T] and labels [B].
    public mutating func next() -> (images: Tensor, ids: [[Int]], labels: [Int]) {
        let batch = (0..<size).map { _ in rng.nextInt(below: data.count) }
        return (data.images(batch), batch.map { textIds[$0] },
                batch.map { data.labels[$0] })
    }
}

/// The training loop and the measurements shared by the three strategies.
public enum FusionTraining {
    /// Trains `model` in place for `recipe.steps` steps; `afterStep(step, loss)` is called after each
    /// update (steps count from 1) and may throw to stop (a divergence). Lesson 03 shows this loop.
    public static func train<M: FusionModel>(_ model: M, on data: FusionDataset, recipe: FusionRecipe,
                                             seed: UInt64,
                                             afterStep: (Int, Float) throws -> Void) rethrows {
        var batches = FusionBatches(data, size: recipe.batchSize, textLength: model.sizes.text.length, seed: seed)
        var optimizer = recipe.optimizer(for: model)
        let schedule = recipe.schedule
        for step in 1...recipe.steps {
            let batch = batches.next()
            let loss = model.loss(images: batch.images, ids: batch.ids, labels: batch.labels)
            model.zeroGrad()
            loss.backward()
            _ = clipGradientNorm(model.parameters, maxNorm: 1)
            optimizer.learningRate = schedule(step - 1)
            optimizer.step()
            try afterStep(step, loss.item)
        }
    }

    /// The predicted class of every example, computed in chunks without recording gradients.
    public static func predictions<M: FusionModel>(_ model: M, on data: FusionDataset, chunk: Int = 250) -> [Int] {
        noGrad {
            stride(from: 0, to: data.count, by: chunk).flatMap { start -> [Int] in
                let indices = Array(start..<min(start + chunk, data.count))
                let scores = model.logits(images: data.images(indices),
                                          ids: FusionText.ids(indices.map { data.texts[$0] }, length: model.sizes.text.length))
                return argmaxRows(scores.value)
            }
        }
    }

    /// The share of examples whose predicted class is the label.
    public static func accuracy<M: FusionModel>(_ model: M, on data: FusionDataset) -> Double {
        Metrics.accuracy(predicted: predictions(model, on: data), actual: data.labels)
    }

    /// The index of the largest value of each row of `scores` [B, C].
    ///
    ///     argmaxRows([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2]])   // [1, 0]
    public static func argmaxRows(_ scores: Tensor) -> [Int] {
        require(scores.rank == 2, "argmaxRows: expected [B, C], got \(describe(shape: scores.shape))")
        let classes = scores.shape[1]
        return (0..<scores.shape[0]).map { row in
            let values = scores.scalars[(row * classes)..<((row + 1) * classes)]
            return values.indices.max { values[$0] < values[$1] }! - row * classes
        }
    }

    /// The accuracy of always answering the most frequent label of `train` on `test`.
    public static func majorityAccuracy(train: FusionDataset, test: FusionDataset) -> Double {
        var counts: [Int: Int] = [:]
        for label in train.labels { counts[label, default: 0] += 1 }
        let majority = counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 0
        return Metrics.accuracy(predicted: test.labels.map { _ in majority }, actual: test.labels)
    }
}
