// Lesson 03 — Fusion: early, late and cross fusion trained side by side on the same ToyWorld data,
// and the article's claims about them (融合: 早期 / 晚期 / 交叉融合) measured instead of asserted.
// The models live in Sources/Multimodal/Models/Fusion*.swift; this file reads as the notebook it prints.

import ArgumentParser
import Multimodal
import TeachingEngine
import Walkthrough

public final class Fusion: Lesson {
    public static let number = 3
    public static let slug = "fusion"
    public static let narration = Narration.resource("03-fusion", in: .module)
    public static let tryThis = [
        TryThis(change: L("--steps-b 1500", "--steps-b 1500"),
                expect: L("early fusion climbs to about 0.78 on Task B (seed 0), still short of cross fusion; late fusion stays near 0.38",
                          "早期融合在任务 B 上升到约 0.78（种子 0），仍不及交叉融合；晚期融合停在 0.38 左右")),
        TryThis(change: L("--steps-b 200", "--steps-b 200"),
                expect: L("cross fusion has not yet found the asked object: its attention is still spread out",
                          "交叉融合还没学会找到被问的物体：注意力仍然分散")),
        TryThis(change: L("--seed 2", "--seed 2"),
                expect: L("other numbers, the same ordering on Task B", "数字不同，任务 B 上的排序不变")),
    ]
    public static let keyMetrics = ["b.cross.accuracy", "b.early.accuracy", "b.late.accuracy",
                                    "a.image_only.accuracy", "a.text_only.accuracy", "a.late.accuracy"]

    public struct Knobs: LessonKnobs {
        @Option(help: "Training steps on Task A (complementary evidence).") var stepsA = 300
        @Option(help: "Training steps on Task B (interaction needed).") var stepsB = 600
        @Option(help: "Peak learning rate (AdamW with warm-up and cosine decay).") var lr = 4e-3
        public init() {}
        public func validate() throws {
            try Knob.inRange(stepsA, 25...20_000, "--steps-a")
            try Knob.inRange(stepsB, 25...20_000, "--steps-b")
            try Knob.inRange(lr, 1e-5...0.1, "--lr")
        }
        public var settings: [String: String] { ["steps-a": "\(stepsA)", "steps-b": "\(stepsB)", "lr": "\(lr)"] }
    }

    let run: Run
    let knobs: Knobs
    public init(run: Run, knobs: Knobs) {
        self.run = run
        self.knobs = knobs
    }

    // MARK: - Shared state: data, sizes and the six trained models

    lazy var trainCount = run.quick ? 600 : 4000
    lazy var testCount = run.quick ? 200 : 500
    lazy var trainA = FusionDataset.complementary(count: trainCount, seed: seed(1))
    lazy var testA = FusionDataset.complementary(count: testCount, seed: seed(2))
    lazy var trainB = FusionDataset.interaction(count: trainCount, seed: seed(3))
    lazy var testB = FusionDataset.interaction(count: testCount, seed: seed(4))
    lazy var curveSetA = testA.subset(Array(0..<100))
    lazy var curveSet = testB.subset(Array(0..<(run.quick ? 100 : 200)))
    lazy var sizesA = FusionSizes(vocabularySize: FusionText.tokenizer.count, textLength: 16, classes: 4)
    lazy var sizesB = FusionSizes(vocabularySize: FusionText.tokenizer.count, textLength: 8, classes: 8)

    func seed(_ stream: UInt64) -> UInt64 { var rng = run.rng(stream); return rng.next() }
    func recipe(_ steps: Int) -> FusionRecipe {
        FusionRecipe(steps: run.quick ? min(steps, 50) : steps, batchSize: run.quick ? 32 : 64, learningRate: Float(knobs.lr))
    }
    func train<M: FusionModel>(_ name: String, _ make: (inout SeededGenerator) -> M, stream: UInt64,
                               on data: FusionDataset, curve: FusionDataset, steps: Int, points: Int) -> TrainedFusion<M> {
        var rng = run.rng(stream)
        return FusionTrainer.trained(name, model: make(&rng), data: data, curveSet: curve,
                                     recipe: recipe(steps), seed: seed(stream + 50), points: points, run: run)
    }

    lazy var earlyA = train("a-early", { EarlyFusion(sizesA, using: &$0) }, stream: 10, on: trainA, curve: curveSetA, steps: knobs.stepsA, points: 5)
    lazy var lateA = train("a-late", { LateFusion(sizesA, using: &$0) }, stream: 11, on: trainA, curve: curveSetA, steps: knobs.stepsA, points: 5)
    lazy var crossA = train("a-cross", { CrossFusion(sizesA, using: &$0) }, stream: 12, on: trainA, curve: curveSetA, steps: knobs.stepsA, points: 5)
    lazy var earlyB = train("b-early", { EarlyFusion(sizesB, using: &$0) }, stream: 20, on: trainB, curve: curveSet, steps: knobs.stepsB, points: 10)
    lazy var lateB = train("b-late", { LateFusion(sizesB, using: &$0) }, stream: 21, on: trainB, curve: curveSet, steps: knobs.stepsB, points: 10)
    lazy var crossB = train("b-cross", { CrossFusion(sizesB, using: &$0) }, stream: 22, on: trainB, curve: curveSet, steps: knobs.stepsB, points: 10)

    lazy var strategies = [run.text(L("early", "早期")), run.text(L("late", "晚期")), run.text(L("cross", "交叉"))]
    lazy var accuracyA = [FusionTraining.accuracy(earlyA.model, on: testA), FusionTraining.accuracy(lateA.model, on: testA),
                          FusionTraining.accuracy(crossA.model, on: testA)]
    lazy var accuracyB = [FusionTraining.accuracy(earlyB.model, on: testB), FusionTraining.accuracy(lateB.model, on: testB),
                          FusionTraining.accuracy(crossB.model, on: testB)]
    lazy var robustnessA = [robustness(earlyA.model), robustness(lateA.model), robustness(crossA.model)]

    public static let steps: [Step<Fusion>] = FusionSteps.all
}
