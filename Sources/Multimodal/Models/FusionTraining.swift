// Training and measuring a fusion model: one loop and one evaluation for all three strategies, so the
// comparison differs only in the wiring. AdamW with warm-up and cosine decay (in prototypes of these
// models, warm-up + cosine beat a constant learning rate, and 1e-3 beat 2e-3 and 3e-3), batches drawn
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

/// The training loop and the measurements shared by the three strategies.
public enum FusionTraining {
    /// Trains `model` in place for `recipe.steps` steps; `afterStep(step, loss)` is called after each
    /// update (steps count from 1) and may throw to stop (a divergence).
    public static func train<M: FusionModel>(_ model: M, on data: FusionDataset, recipe: FusionRecipe,
                                             seed: UInt64,
                                             afterStep: (Int, Float) throws -> Void) rethrows {
        require(data.count > 0, "FusionTraining.train: the dataset is empty")
        var rng = SeededGenerator(seed: seed)
        var optimizer = AdamW(parameters: model.parameters, learningRate: recipe.learningRate,
                              weightDecay: recipe.weightDecay, decayPolicy: .matricesOnly)
        let schedule = WarmupCosineSchedule(peak: recipe.learningRate, warmupSteps: recipe.warmupSteps,
                                            totalSteps: max(recipe.steps, recipe.warmupSteps + 1))
        let length = model.sizes.text.length
        for step in 1...recipe.steps {
            let batch = (0..<recipe.batchSize).map { _ in rng.nextInt(below: data.count) }
            let loss = model.loss(images: data.images(batch), ids: FusionText.ids(batch.map { data.texts[$0] }, length: length),
                                  labels: batch.map { data.labels[$0] })
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
