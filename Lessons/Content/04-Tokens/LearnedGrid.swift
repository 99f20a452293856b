// Lesson 04, steps 8–10, measured on a trained model: lesson 05's single-stream model
// (Multimodal's SingleStreamVQA: 16 patches + question + answer in one sequence, learned positions)
// trained briefly on ToyWorld. Step 9 asks whether its learned patch positions discovered the 4×4 grid
// (ViT, Dosovitskiy et al. 2021, Fig. 7 centre); step 10 asks where the word "cat" looks in the image.

import Multimodal
import TeachingEngine

/// The trained model of lesson 04 and what the lesson measures on it.
public enum LearnedGrid {
    /// The recipe: a 2-block single-stream model of width 64, AdamW with warm-up and cosine decay.
    public struct Recipe: Sendable, Hashable {
        public var steps: Int
        public var learningRate: Float = 2e-3
        public var trainScenes = 3_000
        public var testScenes = 600
        public var depth = 2
        /// Objects per scene (1–4 on the 4×4 grid).
        public var objectCount: ClosedRange<Int> = 1...4
        /// Large objects only (each nearly fills its 8×8 patch): in a scratch harness (seed 0, std 0.3),
        /// "where is the X?" reached 0.78 after 600 steps with them and 0.47 with both sizes.
        public var largeObjects = true
        /// Spread of the learned positions at the start (ViT: 0.02). Seed 0, 800 steps (`lesson04
        /// --position-std`): from 0.02 the where-question stays at chance (0.07); from 0.2 it reaches 0.94.
        public var positionStandardDeviation: Float = 0.2
        /// The question kinds trained on: "where is the cat?", whose answer is the place itself. (Of the six
        /// standard kinds only "is X left of Y?" depends on place, and it alone did not teach the grid.)
        public var questionKinds: [QuestionKind] = [.whereIs]
        public init(steps: Int) { self.steps = steps }
    }

    /// The `--questions` choices: where, mixed (where + the six standard kinds), all (the six), left-of.
    public static let questionMixes: [String: [QuestionKind]] = [
        "where": [.whereIs], "mixed": QuestionKind.allCases, "all": QuestionKind.standard, "left-of": [.isLeftOf],
    ]

    /// ToyWorld VQA data (1–4 objects, one per patch of the 4×4 grid) in one language.
    public static func data(_ recipe: Recipe, language: Language, seed: UInt64) -> (data: VQAData, test: [ToySample]) {
        var options = recipe.largeObjects ? VQAData.largeObjectOptions() : VQAData.datasetOptions()
        options.questionKinds = recipe.questionKinds
        options.scenes.objectCount = recipe.objectCount
        let (train, test) = ToyDataset.split(train: recipe.trainScenes, test: recipe.testScenes,
                                             options: options, seed: seed &+ 404)
        return (VQAData(train: train.samples, test: test.samples, language: language), test.samples)
    }

    /// A fresh model for `data` (drawn from `rng`; positions start at the recipe's spread, 0.2).
    public static func model(for data: VQAData, _ recipe: Recipe, using rng: inout SeededGenerator) -> SingleStreamVQA {
        var configuration = data.configuration()
        configuration.depth = recipe.depth
        configuration.positionStandardDeviation = recipe.positionStandardDeviation
        return SingleStreamVQA(configuration, using: &rng)
    }

    /// The training plan: batch 64, AdamW at the recipe's peak rate, a short warm-up, then cosine.
    public static func plan(_ recipe: Recipe) -> VQATrainingPlan {
        var plan = VQATrainingPlan(steps: recipe.steps)
        plan.peakLearningRate = recipe.learningRate
        plan.warmupSteps = min(30, recipe.steps / 5)
        return plan
    }

    /// Trains `model` in place (the loop lesson 04's step 8 writes out); `onStep(step, loss)` after each
    /// step (may throw to stop).
    public static func train(_ model: SingleStreamVQA, on data: VQAData, _ recipe: Recipe,
                             rng: inout SeededGenerator, onStep: (Int, Float) throws -> Void) rethrows {
        try VQATraining.train(model, on: data, plan: plan(recipe), rng: &rng, onStep: onStep)
    }

    /// The mean cosine similarity of each patch's learned position to its 4-neighbours and to patches
    /// two or more cells away (Chebyshev distance), on the 4×4 grid.
    ///
    ///     // untrained (std 0.02 noise): both ≈ 0; a learned grid: near clearly above far
    public static func neighbourAndFar(_ model: SingleStreamVQA) -> (near: Double, far: Double) {
        let side = model.configuration.imageSize / model.configuration.patchSize
        return RawPositions.neighbourAndFarSimilarity(RawPositions.rows(model.patchPositions), side: side)  // [16][d]
    }

    /// As `neighbourAndFar`, for what training added to the patch positions: `after − before`, with
    /// `before` the same model's positions at the start. The random start is gone from this difference.
    ///
    ///     // 500 steps of "where is the X?" from std 0.2: near − far +0.37, +0.39 (seeds 1, 2; see the tests)
    public static func neighbourAndFarOfChange(before: Tensor, after: Tensor) -> (near: Double, far: Double) {
        RawPositions.neighbourAndFarSimilarity(changeRows(before: before, after: after), side: gridSide(before))
    }

    /// The rows of `after − before` ([16][d]): one change vector per patch.
    public static func changeRows(before: Tensor, after: Tensor) -> [[Float]] {
        precondition(before.shape == after.shape, "LearnedGrid.changeRows: \(describe(shape: before.shape)) and \(describe(shape: after.shape)) differ")
        return RawPositions.rows(Tensor(shape: after.shape, scalars: zip(after.scalars, before.scalars).map { $0 - $1 }))
    }

    private static func gridSide(_ positions: Tensor) -> Int {
        Int(Double(positions.shape[0]).squareRoot().rounded())
    }

    // MARK: - Where a word looks

    /// A test question that names the cat, ready for the model.
    public struct Probe {
        public let sample: ToySample
        /// Question ids, padded to the data's question length.
        public let question: [Int]
        /// Where the cat's word sits in the question.
        public let wordIndex: Int
        /// The cat's patch, row-major on the 4×4 grid.
        public let catPatch: Int
    }

    /// The test scenes whose question names the cat — "where is the cat?" (猫在哪里？) or "what colour is
    /// the cat?" (猫是什么颜色？) — in test order.
    public static func catProbes(_ test: [ToySample], data: VQAData) -> [Probe] {
        let cat = data.language == .english ? ObjectKind.cat.english : ObjectKind.cat.chinese
        guard let catID = data.tokenizer.id(of: cat) else { return [] }
        let side = ToyScene.gridSize
        return test.compactMap { sample in
            guard let q = sample.question, q.kind == .whatColor || q.kind == .whereIs,
                  let object = sample.scene.objects.first(where: { $0.kind == .cat }) else { return nil }
            let ids = data.encodeQuestion(q.text(data.language))
            guard let index = ids.firstIndex(of: catID) else { return nil }
            return Probe(sample: sample, question: ids, wordIndex: index,
                         catPatch: object.cell.row * side + object.cell.column)
        }
    }

    /// For each probe and each block: the cat word's attention over the 16 patches, averaged over heads
    /// and rescaled to sum to 1 over the patches. Returns [probe][block][patch].
    public static func wordToPatches(_ model: SingleStreamVQA, data: VQAData, probes: [Probe]) -> [[[Double]]] {
        guard !probes.isEmpty else { return [] }
        let c = model.configuration
        let images = Tensor(shape: [probes.count, c.imageSize, c.imageSize, 3],
                            scalars: probes.flatMap(\.sample.image.centredScalars))   // [B, 32, 32, 3]
        let answerInputs = Array(repeating: VQASequence.answerInputs([[]], length: c.answerLength)[0], count: probes.count)
        let weights = noGrad {
            model(images: images, questions: probes.map(\.question), answerInputs: answerInputs).attentionWeights.map(\.value)
        }   // each [B, h, T, T]
        let (h, t, n) = (c.headCount, c.sequenceLength, c.patchCount)
        return probes.enumerated().map { b, probe in
            let query = n + probe.wordIndex
            return weights.map { w in
                var row = [Double](repeating: 0, count: n)
                for head in 0..<h {
                    let base = ((b * h + head) * t + query) * t
                    for key in 0..<n { row[key] += Double(w.scalars[base + key]) }
                }
                let total = row.reduce(0, +)
                return row.map { total > 0 ? $0 / total : 0 }
            }
        }
    }
}
