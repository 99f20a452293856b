// Lesson 05 — the VQA flow: the article's GPT-4V walkthrough run on ToyWorld.
// (1) the image becomes patches and the question becomes tokens, (2) one sequence, (3) transformer
// layers let patches and words attend to each other, (4) the answer is generated word by word.
// The model is Multimodal's SingleStreamVQA (ViLT's layout, Kim et al. 2021, with a prefix-LM mask as in
// SimVLM, Wang et al. 2022). This file holds the lesson's knobs and what its steps share; VQASteps.swift
// the steps in order; VQASay.swift what they print; VQAReport.swift and VQAFigures.swift the tables
// and drawings. The words of every step are in 05-vqa.en.md and 05-vqa.zh.md.

import ArgumentParser
import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

public final class VQALesson: Lesson {
    public static let number = 5
    public static let slug = "vqa"
    public static let narration = Narration.resource("05-vqa", in: .module)
    public static let tryThis = [
        TryThis(change: L("--steps 150", "--steps 150"),
                expect: L("training stops on the plateau of the loss curve, before the model learns where to look: "
                          + "over all questions it answers about as well as the blind model, a little better on four "
                          + "seeds, a little worse on one",
                          "训练停在损失曲线的平台上，模型还没学会该看哪里：全部问题上它和盲模型答得差不多，"
                          + "四个种子上略好，一个种子上略差"),
                bands: [Band("accuracy_overall", 0.21...0.25), Band("blind_accuracy_overall", 0.20...0.25)]),
        TryThis(change: L("--yes-no-only", "--yes-no-only"),
                expect: L("\"is X left of Y?\" answered with one word, without its working: on some seeds it stays near "
                          + "the coin, like the blind model (0.53 on seed 4), on others it gets most answers right "
                          + "(0.91 on seed 2), never all of them as with the working",
                          "“X 在 Y 左边吗？”只用一个词回答、不写推理过程：有的种子上它停在抛硬币附近，"
                          + "和盲模型一样（种子 4 上 0.53），有的种子上大多答对（种子 2 上 0.91），"
                          + "但不像写出推理过程时那样全对"),
                bands: [Band("accuracy.isleftof", 0.50...0.95), Band("blind_accuracy.isleftof", 0.51...0.59)]),
        TryThis(change: L("--steps 1000", "--steps 1000"),
                expect: L("half the training: \"left of\" writes a wrong column in a quarter to three quarters of its "
                          + "answers, though its yes or no is right more often; \"is there\" is anywhere from its "
                          + "plateau to solved",
                          "训练减半：“在左边吗”有四分之一到四分之三的答案写错了列，但结论“是/不是”对得更多；"
                          + "“有没有”从停在平台上到完全学会都有"),
                bands: [Band("accuracy.isleftof", 0.25...0.71), Band("verdict_accuracy.isleftof", 0.59...0.94),
                        Band("accuracy.isthere", 0.52...1)]),
        TryThis(change: L("--image my.png --question \"what colour is the cat?\"",
                          "--image my.png --question \"猫是什么颜色？\""),
                expect: L("the four steps on your own picture (the model only knows ToyWorld)",
                          "在你自己的图片上走一遍四个步骤（模型只认识 ToyWorld）")),
    ]
    public static let keyMetrics = ["accuracy_single_object", "blind_accuracy_single_object", "accuracy_overall",
                                    "blind_accuracy_overall"]

    public struct Knobs: LessonKnobs {
        @Option(help: "Training steps of the model that sees.") var steps = 2000
        @Option(help: "Questions per training step.") var batch = 64
        @Option(help: "Transformer blocks (the W-VQA benchmark uses 4).") var depth = 2
        @Option(help: "Token width d (the W-VQA benchmark uses 64); 2 heads below 64, else 4.") var width = 64
        @Option(help: "Peak learning rate (warm-up, then cosine).") var lr = 2e-3
        @Option(help: "An image file of your own for the last step.") var image: String?
        @Option(help: "Your question about that image (ToyWorld words).") var question: String?
        @Flag(help: "Answer \"is X left of Y?\" with yes or no alone, without first naming each object with its column.")
        var yesNoOnly = false
        public init() {}
        public func validate() throws {
            try Knob.positive(steps, "--steps")
            try Knob.inRange(batch, 1...512, "--batch")
            try Knob.inRange(depth, 1...8, "--depth")
            try Knob.inRange(width, 8...256, "--width")
            if width % 4 != 0 { throw ValidationError("--width must be a multiple of 4, got \(width)") }
            try Knob.positive(lr, "--lr")
            if (image == nil) != (question == nil) {
                throw ValidationError("--image and --question go together")
            }
            if let question, question.allSatisfy(\.isWhitespace) {
                throw ValidationError("--question is empty: ask about your picture in ToyWorld's words, "
                                      + "e.g. --question \"what colour is the cat?\"")
            }
            try Knob.image(image, "--image")   // a bad picture stops the run before any work
        }
        public var settings: [String: String] {
            ["steps": "\(steps)", "batch": "\(batch)", "depth": "\(depth)", "width": "\(width)", "lr": "\(lr)",
             "show-work": yesNoOnly ? "no" : "yes"]
        }
    }

    let run: Run
    let knobs: Knobs
    public init(run: Run, knobs: Knobs) {
        self.run = run
        self.knobs = knobs
    }

    // MARK: - What the steps share

    /// The ToyWorld language of the questions and answers: the run's language.
    var language: Multimodal.Language { run.language == .zh ? .chinese : .english }
    var trainSteps: Int { run.quick ? min(150, knobs.steps) : knobs.steps }
    /// The blind model learns only the language prior, which takes far fewer steps (at most 300).
    var blindSteps: Int { max(20, min(300, trainSteps / 3)) }

    /// Scenes of 1–4 large objects, one per 8×8 patch of the 4×4 grid; the same number of questions of
    /// each kind, twice as many for "what colour is the X?" (with them the model leaves the plateau for
    /// colours in time on every seed tried) and three times as many for "is X left of Y?". That one is
    /// answered with its working — both columns, then yes or no — unless --yes-no-only (Docs/05-vqa.md
    /// measures both).
    lazy var data: VQAData = {
        let perKind = run.quick ? 300 : 1_000
        var counts = Dictionary(uniqueKeysWithValues: QuestionKind.standard.map { ($0, perKind) })
        counts[.whatColor] = 2 * perKind
        counts[.isLeftOf] = 3 * perKind
        var options = VQAData.largeObjectOptions()
        options.showWork = !knobs.yesNoOnly
        let (train, test) = VQAData.balancedSplit(train: counts, test: run.quick ? 40 : 150,
                                                  options: options, seed: run.seed &+ 505)
        return VQAData(train: train, test: test, language: language)
    }()

    /// The checkpoint key: the knobs, the language, the data (its fingerprint) and the patch positions' start.
    lazy var settings: [String: String] = {
        knobs.settings.merging(["lang": run.language.rawValue, "data": data.fingerprint, "grid-start": "1"]) { $1 }
    }()

    /// The two models step 3 trains with one loop: the one that sees, and its blind twin.
    lazy var seeing = twin(seesImage: true, steps: trainSteps, stream: 51)
    lazy var blind = twin(seesImage: false, steps: blindSteps, stream: 52)

    /// A model drawn from the run's stream `stream`, its recipe, and its batches, which draw from the
    /// same stream after the model (so the same seed trains the same model, bit for bit).
    func twin(seesImage: Bool, steps: Int, stream: UInt64) -> VQATwin {
        var config = data.configuration(seesImage: seesImage)
        config.depth = knobs.depth
        config.width = knobs.width
        config.headCount = knobs.width < 64 ? 2 : 4
        config.hiddenWidth = 4 * knobs.width
        config.patchGridStart = 1   // patch positions start from the 2D sinusoidal grid code, then are learned
        var rng = run.rng(stream)
        let model = SingleStreamVQA(config, using: &rng)
        var plan = VQATrainingPlan(steps: steps)
        plan.batchSize = knobs.batch
        plan.peakLearningRate = Float(knobs.lr)
        plan.warmupSteps = min(30, steps / 5)
        return VQATwin(name: seesImage ? "vqa-sees" : "vqa-blind", model: model, plan: plan,
                       batches: VQABatches(data, size: knobs.batch, rng: rng))
    }

    /// Each model's greedy answers to the whole test, generated once for every measure that reads them.
    lazy var seeingAnswers = VQATraining.answers(seeing.model, data: data, examples: data.test)
    lazy var blindAnswers = VQATraining.answers(blind.model, data: data, examples: data.test)
    lazy var seeingScore = VQATraining.score(data.test, seeingAnswers)
    lazy var blindScore = VQATraining.score(data.test, blindAnswers)

    /// The question kinds of the test, in the order of `QuestionKind`.
    lazy var kinds = QuestionKind.allCases.filter { seeingScore.perKind[$0] != nil }
    /// Chance per kind: a uniform guess among the answers the test holds for that kind.
    lazy var chance: [QuestionKind: Double] = Dictionary(uniqueKeysWithValues: kinds.map { kind in
        (kind, 1 / Double(Set(data.test.filter { $0.kind == kind }.map(\.answer)).count))
    })
    /// "Is X left of Y?" judged by its last word (yes or no) alone, for both models; nil when the answer
    /// is that word alone (--yes-no-only) or the test asks no such question.
    lazy var leftOfVerdicts: (sees: Double, blind: Double)? = {
        guard !knobs.yesNoOnly, kinds.contains(.isLeftOf) else { return nil }
        let asked = data.test.indices.filter { data.test[$0].kind == .isLeftOf }
        let examples = asked.map { data.test[$0] }
        return (VQATraining.lastWordAccuracy(examples, asked.map { seeingAnswers[$0] }),
                VQATraining.lastWordAccuracy(examples, asked.map { blindAnswers[$0] }))
    }()
    /// Whether the model that sees is clearly above its blind twin over all questions (by 0.1 or more).
    var learnedToLook: Bool { seeingScore.overall >= blindScore.overall + 0.1 }

    /// Four test questions to answer aloud: "what is in this picture", one colour, one animal, one "left of".
    lazy var showcase: [VQAExample] = {
        let wanted: [QuestionKind] = [.whatIsInPicture, .whatColor, .whatAnimal, .isLeftOf]
        return wanted.compactMap { kind in data.test.first { $0.kind == kind } }
    }()

    func words(_ ids: [Int]) -> String { data.tokenizer.decode(ids) }
    func tokenStrings(_ ids: [Int]) -> [String] { ids.filter { $0 != Tokenizer.pad }.map { data.tokenizer.vocabulary[$0] } }

    /// The kinds whose answer is about one object.
    static let singleObjectKinds: [QuestionKind] = [.whatAnimal, .whatColor, .whatIsInPicture]

    /// The accuracy over several kinds together.
    static func pooled(_ score: VQAScore, _ kinds: [QuestionKind]) -> Double {
        let (correct, total) = kinds.compactMap { score.perKind[$0] }.reduce((0, 0)) { ($0.0 + $1.correct, $0.1 + $1.total) }
        return total == 0 ? 0 : Double(correct) / Double(total)
    }
}

/// One of the two models lesson 05 trains, with what its loop needs and, once trained, what it left.
final class VQATwin {
    /// Its checkpoint's name: "vqa-sees" or "vqa-blind".
    let name: String
    let model: SingleStreamVQA
    let plan: VQATrainingPlan
    /// The batches, drawing from the model's stream where the model's draw left it.
    let batches: VQABatches
    /// The losses of its loop (or of the loop that saved its checkpoint).
    var history = TrainingHistory(losses: [], curves: [:], reused: false)

    init(name: String, model: SingleStreamVQA, plan: VQATrainingPlan, batches: VQABatches) {
        self.name = name
        self.model = model
        self.plan = plan
        self.batches = batches
    }

    /// The losses as they were computed (Float32).
    var losses: [Float] { history.losses.map(Float.init) }
    /// The mean of the last 20 losses.
    var finalLoss: Float { movingAverage(losses, window: 20).last ?? 0 }
}
