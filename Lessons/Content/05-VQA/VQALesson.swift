// Lesson 05 — the VQA flow (issue 10): the article's GPT-4V walkthrough run on ToyWorld.
// (1) the image becomes patches and the question becomes tokens, (2) one sequence, (3) transformer
// layers let patches and words attend to each other, (4) the answer is generated word by word.
// The model is Multimodal's SingleStreamVQA; this file holds the lesson's knobs and shared state,
// VQASteps.swift the steps in order, VQAFigures.swift the drawings.

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
                expect: L("training stops on the plateau of the loss curve, before the model learns where to look: it answers no better than the blind model (all questions 0.25 against 0.22)",
                          "训练停在损失曲线的平台上，模型还没学会该看哪里：答得并不比盲模型好（全部问题 0.25 对 0.22）")),
        TryThis(change: L("--yes-no-only", "--yes-no-only"),
                expect: L("\"is X left of Y?\" answered with one word, without its working: it stays near the coin (0.51 against the blind model's 0.42 on seed 0; with the working shown, 1.00)",
                          "“X 在 Y 左边吗？”只用一个词回答、不写推理过程：它停在抛硬币附近（种子 0 上 0.51，盲模型 0.42；写出推理过程时是 1.00）")),
        TryThis(change: L("--steps 1000", "--steps 1000"),
                expect: L("half the training: \"is there\" is still on its plateau (0.66) and \"left of\" writes a wrong column in about a quarter of its answers (0.73 exact), though its yes or no is mostly right (0.94)",
                          "训练减半：“有没有”还停在平台上（0.66），“在左边吗”大约四分之一的答案写错了列（完全正确 0.73），但结论“是/不是”大多是对的（0.94）")),
        TryThis(change: L("--image my.png --question \"what colour is the cat?\"", "--image my.png --question \"猫是什么颜色？\""),
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

    /// Trains (or loads) one model; the loss history travels in the checkpoint as "history.loss".
    func trained(seesImage: Bool, steps: Int, stream: UInt64) -> (model: SingleStreamVQA, losses: [Float], seconds: Float) {
        var config = data.configuration(seesImage: seesImage)
        config.depth = knobs.depth
        config.width = knobs.width
        config.headCount = knobs.width < 64 ? 2 : 4
        config.hiddenWidth = 4 * knobs.width
        config.patchGridStart = 1   // patch positions start from the 2D sinusoidal grid code, then are learned
        var rng = run.rng(stream)
        let model = SingleStreamVQA(config, using: &rng)
        let name = seesImage ? "vqa-sees" : "vqa-blind"
        let tensors = run.checkpoint(name, settings: settings.merging(["steps": "\(steps)"]) { $1 }) {
            let progress = run.training(steps: steps, lr: knobs.lr)
            var plan = VQATrainingPlan(steps: steps)
            plan.batchSize = knobs.batch
            plan.peakLearningRate = Float(knobs.lr)
            plan.warmupSteps = min(30, steps / 5)
            var losses: [Float] = []
            let start = Date()
            try VQATraining.train(model, on: data, plan: plan, rng: &rng) { step, loss in
                losses.append(loss)
                try progress.update(step: step, loss: loss)
            }
            progress.finish()
            let seconds = Float(Date().timeIntervalSince(start))
            return model.namedParameters.merging([
                "history.loss": Tensor(shape: [losses.count], scalars: losses),
                "history.seconds": Tensor(shape: [1], scalars: [seconds]),
            ]) { $1 }
        }
        do { try model.load(tensors) } catch { run.stop(error) }
        return (model, tensors["history.loss"]?.scalars ?? [], tensors["history.seconds"]?.scalars.first ?? 0)
    }

    lazy var seeing = trained(seesImage: true, steps: trainSteps, stream: 51)
    lazy var blind = trained(seesImage: false, steps: blindSteps, stream: 52)

    lazy var seeingScore = VQATraining.score(seeing.model, data: data, examples: data.test)
    lazy var blindScore = VQATraining.score(blind.model, data: data, examples: data.test)

    /// Four test questions to answer aloud: "what is in this picture", one colour, one animal, one "left of".
    lazy var showcase: [VQAExample] = {
        let wanted: [QuestionKind] = [.whatIsInPicture, .whatColor, .whatAnimal, .isLeftOf]
        return wanted.compactMap { kind in data.test.first { $0.kind == kind } }
    }()

    /// The share of the test's "left of" questions whose generated answer ends in the right yes or no.
    func leftOfVerdicts(_ model: SingleStreamVQA) -> Double {
        VQATraining.lastWordAccuracy(model, data: data, examples: data.test.filter { $0.kind == .isLeftOf })
    }

    func words(_ ids: [Int]) -> String { data.tokenizer.decode(ids) }
    func tokenStrings(_ ids: [Int]) -> [String] { ids.filter { $0 != Tokenizer.pad }.map { data.tokenizer.vocabulary[$0] } }
}
