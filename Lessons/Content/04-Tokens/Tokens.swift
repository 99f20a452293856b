// Lesson 04 — One sequence: image patches and words as tokens, and why positions matter.
// ViT (Dosovitskiy et al. 2021) cuts an image into 16×16 patches; the article joins them with the words
// of a sentence into one token sequence; text is cut into learned subwords by byte-pair encoding
// (Sennrich et al. 2016); positional encodings (Vaswani et al. 2017, §3.5) say where each token came
// from. Steps 8–10 train lesson 05's single-stream model briefly: do learned positions find the grid,
// and where does the word "cat" look? This file holds the knobs and what the steps share; TokensSteps
// the steps; TokensSay what they print; TokensFigures, TokensReport, PatchSequenceChart, PositionMaps,
// LearnedGrid and SubwordCounts the drawings, tables and measures. The words of every step are in
// 04-tokens.en.md and 04-tokens.zh.md.

import ArgumentParser
import Figures
import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

public final class Tokens: Lesson {
    public static let number = 4
    public static let slug = "tokens"
    public static let narration = Narration.resource("04-tokens", in: .module)
    public static let tryThis = TokensTryThis.all
    public static let keyMetrics = ["patch_tokens", "sequence_tokens", "tokens_per_caption.en.bpe",
                                    "tokens_per_caption.zh.bpe", "equivariance_error_without_positions",
                                    "equivariance_error_with_positions", "sinusoidal_2d_neighbour_similarity",
                                    "where_accuracy", "learned_neighbour_similarity", "learned_far_similarity",
                                    "learned_change_neighbour_similarity", "learned_change_far_similarity",
                                    "cat_word_attention_on_cat_patch"]

    public struct Knobs: LessonKnobs {
        @Option(help: "Patch side in pixels (must divide 224).") var patch = 16
        @Option(help: "Token width d.") var width = 64
        @Option(help: "Your own picture instead of the photograph (its largest centred square, at 224×224).")
        var image: String?
        @Option(help: "Merges the byte-pair encoding learns from the captions (step 2).") var merges = 150
        @Option(help: "Training steps of the small single-stream model (step 8; batch 64).") var trainSteps = 800
        @Option(help: "Questions it trains on: where (\"where is the cat?\" → \"row 2 column 3\"), mixed (where + the six standard kinds), all (the six standard kinds, as lesson 05), or left-of.") var questions = "where"
        @Option(help: "Spread (std) of the learned positions at the start; ViT uses 0.02.") var positionStd = 0.2
        public init() {}
        public func validate() throws {
            try Knob.inRange(patch, 1...224, "--patch")
            guard 224 % patch == 0 else { throw ValidationError("--patch must divide 224, got \(patch)") }
            try Knob.inRange(width, 4...512, "--width")
            guard width % 4 == 0 else { throw ValidationError("--width must be a multiple of 4, got \(width)") }
            try Knob.inRange(merges, 0...5_000, "--merges")
            try Knob.positive(trainSteps, "--train-steps")
            try Knob.inRange(positionStd, 0.001...10, "--position-std")
            guard LearnedGrid.questionMixes[questions] != nil else {
                throw ValidationError("--questions must be where, mixed, all or left-of, got \(questions)")
            }
            try Knob.image(image, "--image")   // a bad picture stops the run before any work
        }
        public var settings: [String: String] {
            ["patch": "\(patch)", "width": "\(width)", "image": image ?? "-", "merges": "\(merges)",
             "train-steps": "\(trainSteps)", "questions": questions, "position-std": "\(positionStd)"]
        }
    }

    let run: Run
    let knobs: Knobs
    public init(run: Run, knobs: Knobs) {
        self.run = run
        self.knobs = knobs
    }

    // MARK: - What the steps share

    /// The picture as 224×224 RGB bytes: the photograph of a cat, or the learner's own; the largest
    /// centred square of either, scaled.
    lazy var picture: RGBImage = {
        do {
            let source = try knobs.image.map { try RGBImage(contentsOf: $0) } ?? Photos.chelsea()
            return ToyImage(fitting: source, size: 224).rgbImage
        } catch { run.stop(error) }
    }()
    /// [224, 224, 3] pixel values centred to [−1, 1]: (x / 255 − 0.5) · 2.
    lazy var pixels = Tensor(shape: [224, 224, 3], scalars: picture.pixels.map { (Float($0) / 255 - 0.5) * 2 })
    /// [N, P·P·3]: the patches, row by row.
    lazy var patches: Tensor = Patches.patchify(pixels, patchSize: knobs.patch)
    /// The article's sentence, and the tokenizer that knows its four words.
    static let sentence = "我喜欢这只猫"
    lazy var tokenizer = Tokenizer(corpus: [Tokens.sentence])
    /// The two sentences step 2 cuts three ways.
    static let sentences = [(language: "zh", text: "我喜欢这只猫"), (language: "en", text: "i like this orange cat")]
    /// ToyWorld captions in both languages: the byte-pair encoding learns from `train`, tokens are counted
    /// on `test`.
    lazy var captions = CaptionCorpus(train: run.quick ? 600 : 2_000, test: run.quick ? 200 : 500,
                                      seed: run.seed &+ 42)

    /// The embedding layers, drawn once from the run's seed.
    lazy var layers: (patch: Linear, words: Embedding, type: Embedding, attention: MultiHeadAttention) = {
        var rng = run.rng(2)
        let d = knobs.width
        return (Linear(inputSize: patches.shape[1], outputSize: d, name: "patch", using: &rng),
                Embedding(vocabularySize: tokenizer.count, width: d, name: "words", using: &rng),
                Embedding(vocabularySize: 2, width: d, standardDeviation: 0.02, name: "type", using: &rng),
                MultiHeadAttention(width: d, headCount: 4, name: "attention", using: &rng))
    }()
    /// The joined sequence [1, N + 4, d]: patch tokens then word tokens, each plus its modality-type vector.
    lazy var sequence: Tensor = noGrad {
        let (n, ids) = (patches.shape[0], tokenizer.encode(Tokens.sentence))
        let imageTokens = layers.patch(Variable(patches.reshaped(to: [1] + patches.shape)))    // [1, N, d]
        let wordTokens = layers.words([ids])                                                      // [1, 4, d]
        let kinds = [Int](repeating: 0, count: n) + [Int](repeating: 1, count: ids.count)        // image 0, text 1
        return (concatenate([imageTokens, wordTokens], alongAxis: 1) + layers.type([kinds])).value  // [1, N + 4, d]
    }

    /// Steps 8–10: the small single-stream model, its data in the run's language, and the test scenes.
    lazy var recipe: LearnedGrid.Recipe = {
        var recipe = LearnedGrid.Recipe(steps: run.quick ? min(40, knobs.trainSteps) : knobs.trainSteps)
        if run.quick { (recipe.trainScenes, recipe.testScenes) = (600, 300) }
        recipe.questionKinds = LearnedGrid.questionMixes[knobs.questions] ?? [.whereIs]
        recipe.positionStandardDeviation = Float(knobs.positionStd)
        return recipe
    }()
    lazy var vqa = LearnedGrid.data(recipe, language: run.language == .zh ? .chinese : .english, seed: run.seed)
    lazy var plan = LearnedGrid.plan(recipe)
    /// The model step 8 trains in place, and its batches: both from stream 6, the batches where the
    /// model's draw left it (the same seed trains the same model, bit for bit).
    lazy var draw: (model: SingleStreamVQA, batches: VQABatches) = {
        var rng = run.rng(6)
        let model = LearnedGrid.model(for: vqa.data, recipe, using: &rng)
        return (model, VQABatches(vqa.data, size: plan.batchSize, rng: rng))
    }()
    var model: SingleStreamVQA { draw.model }
    /// The same draw, never trained: where the positions started.
    lazy var untrained: SingleStreamVQA = {
        var rng = run.rng(6)
        return LearnedGrid.model(for: vqa.data, recipe, using: &rng)
    }()
    /// The checkpoint key: everything that changes the trained weights.
    lazy var settings: [String: String] = [
        "train-steps": "\(recipe.steps)", "questions": knobs.questions, "lang": run.language.rawValue,
        "objects": recipe.largeObjects ? "large" : "both sizes",
        "position-std": "\(recipe.positionStandardDeviation)", "data": vqa.data.fingerprint,
    ]
    /// Exact-match accuracy of the trained model on the test questions.
    lazy var score = VQATraining.score(model, data: vqa.data, examples: vqa.data.test)
}
