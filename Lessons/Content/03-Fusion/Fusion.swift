// Lesson 03 — Fusion: early, late and cross fusion trained side by side on the same ToyWorld data,
// and the article's claims about them (融合: 早期 / 晚期 / 交叉融合) measured instead of asserted.
// The models live in Sources/Multimodal/Models/Fusion*.swift (Baltrušaitis et al. 2019, §5; cross
// fusion as ViLBERT's co-attention, Lu et al. 2019, one direction). The words of every step are in
// 03-fusion.en.md and 03-fusion.zh.md; what steps print, in FusionSay.swift; what the lesson shares
// (data, models, measurements), in FusionState.swift.

import ArgumentParser
import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

public final class Fusion: Lesson {
    public static let number = 3
    public static let slug = "fusion"
    public static let narration = Narration.resource("03-fusion", in: .module)
    public static let tryThis = [
        TryThis(change: L("--steps-b 1500", "--steps-b 1500"),
                expect: L("early fusion climbs on Task B, by very different amounts from seed to seed, and stays short "
                          + "of cross fusion, which answers every question; late fusion stays near 0.37",
                          "早期融合在任务 B 上有所上升，不同种子相差很大，但仍不及答对全部问题的交叉融合；"
                          + "晚期融合停在 0.37 左右"),
                bands: [Band("b.early.accuracy", 0.47...0.83), Band("b.cross.accuracy", 1...1),
                        Band("b.late.accuracy", 0.35...0.39)]),
        TryThis(change: L("--steps-b 200", "--steps-b 200"),
                expect: L("cross fusion is half-way on Task B: its key word's strongest patch is the asked object's in "
                          + "only about 55–65% of the questions (step 8)",
                          "交叉融合在任务 B 上只学到一半：关键词权重最大的图块只在约 55–65% 的问题里"
                          + "落在被问物体上（第 8 步）"),
                bands: [Band("b.cross.accuracy", 0.49...0.65), Band("b.cross.attention_on_target", 0.55...0.65)]),
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

    // MARK: - What the steps share

    /// The three strategies as metric keys, in the order of every table: early, late, cross.
    static let keys = ["early", "late", "cross"]
    /// The strategies' names in the run's language.
    lazy var strategies = Fusion.keys.map { Say.strategy($0, run) }

    lazy var trainCount = run.quick ? 600 : 4000
    lazy var testCount = run.quick ? 200 : 500
    lazy var trainA = FusionDataset.complementary(count: trainCount, seed: seed(1))
    lazy var testA = FusionDataset.complementary(count: testCount, seed: seed(2))
    lazy var trainB = FusionDataset.interaction(count: trainCount, seed: seed(3))
    lazy var testB = FusionDataset.interaction(count: testCount, seed: seed(4))
    /// Held-out examples whose accuracy is recorded during training: the learning curves.
    lazy var curveSetA = testA.subset(Array(0..<100))
    lazy var curveSetB = testB.subset(Array(0..<(run.quick ? 100 : 200)))
    lazy var sizesA = FusionSizes(vocabularySize: FusionText.tokenizer.count, textLength: 16, classes: 4)
    lazy var sizesB = FusionSizes(vocabularySize: FusionText.tokenizer.count, textLength: 8, classes: 8)

    /// The six models, untrained until step 3 trains them in place (each from its own stream).
    lazy var earlyA = Fusion.model(stream: 10, run) { EarlyFusion(sizesA, using: &$0) }
    lazy var lateA = Fusion.model(stream: 11, run) { LateFusion(sizesA, using: &$0) }
    lazy var crossA = Fusion.model(stream: 12, run) { CrossFusion(sizesA, using: &$0) }
    lazy var earlyB = Fusion.model(stream: 20, run) { EarlyFusion(sizesB, using: &$0) }
    lazy var lateB = Fusion.model(stream: 21, run) { LateFusion(sizesB, using: &$0) }
    lazy var crossB = Fusion.model(stream: 22, run) { CrossFusion(sizesB, using: &$0) }
    /// What step 3 trains, in order: each model with its data, recipe, batch seed and curve set.
    lazy var jobs: [FusionJob] = [
        job("a-early", earlyA, stream: 10, trainA, curveSetA, steps: knobs.stepsA, points: 5),
        job("a-late", lateA, stream: 11, trainA, curveSetA, steps: knobs.stepsA, points: 5),
        job("a-cross", crossA, stream: 12, trainA, curveSetA, steps: knobs.stepsA, points: 5),
        job("b-early", earlyB, stream: 20, trainB, curveSetB, steps: knobs.stepsB, points: 10),
        job("b-late", lateB, stream: 21, trainB, curveSetB, steps: knobs.stepsB, points: 10),
        job("b-cross", crossB, stream: 22, trainB, curveSetB, steps: knobs.stepsB, points: 10),
    ]
    /// What each training loop left (losses and held-out accuracy curves), by model name ("b-cross").
    var histories: [String: TrainingHistory] = [:]
    /// Milliseconds per example of the trained Task B models, as step 9 measured them (terminal only).
    var lastMeasuredMilliseconds: [Double]?

    /// Test accuracy of early, late and cross fusion on each task.
    lazy var accuracyA = [accuracy(earlyA, testA), accuracy(lateA, testA), accuracy(crossA, testA)]
    lazy var accuracyB = [accuracy(earlyB, testB), accuracy(lateB, testB), accuracy(crossB, testB)]
    /// Task A's image and text classifiers alone (late fusion's two halves), on clean input.
    lazy var aloneA = lateA.unimodalAccuracies(on: testA)
    /// Task A accuracy of early, late and cross fusion at each corruption level of each modality.
    lazy var robustnessA = [robustness(earlyA), robustness(lateA), robustness(crossA)]

    // MARK: - The steps

    public static let steps: [Step<Fusion>] = [
        Step { lesson, run in
            var rng = run.rng(99)                                     // fresh models, to count them
            let models: [any FusionModel] = [EarlyFusion(lesson.sizesB, using: &rng),
                                             LateFusion(lesson.sizesB, using: &rng),
                                             CrossFusion(lesson.sizesB, using: &rng)]
            run.table(Say.wiringColumns, Say.wiringRows(models.map(\.parameterCount), run))
            let shared = FusionEncoders(lesson.sizesB, using: &rng).parameterCount
            run.say(Say.sharedEncoders, shared, lesson.sizesB.width)
        },
        Step { lesson, run in
            let (a, b) = (lesson.trainA, lesson.trainB)
            run.say(Say.taskA, a.count, lesson.testA.count, a.classNames.count)
            run.say(Say.taskB, b.count, lesson.testB.count, b.classNames.count)
            try run.figure("task-a-examples", png: FusionFigures.examples(a, title: Say.taskATitle, run))
            try run.figure("task-b-examples", png: FusionFigures.examples(b, title: Say.taskBTitle, run))
        },
        Step(trains: true) { lesson, run in
            let histories = try run.sideBySide(lesson.jobs) { job, run in   // early, late, cross; A, B
                let (model, recipe) = (job.model, job.recipe)
                var batches = FusionBatches(job.data, size: recipe.batchSize,
                                            textLength: model.sizes.text.length, seed: job.seed)
                var optimizer = recipe.optimizer(for: model)          // AdamW, decay on matrices
                let history = try run.train(job.name, model, settings: job.settings,
                                            steps: recipe.steps, lr: Double(recipe.learningRate)) { progress in
                    for step in 1...recipe.steps {
                        let batch = batches.next()                    // [64, 32, 32, 3], [64][T], [64]
                        let loss = model.loss(images: batch.images, ids: batch.ids, labels: batch.labels)
                        model.zeroGrad()
                        loss.backward()
                        _ = clipGradientNorm(model.parameters, maxNorm: 1)
                        optimizer.learningRate = recipe.schedule(step - 1)   // warm-up, then cosine
                        optimizer.step()
                        try progress.update(step: step, loss: loss.item)
                        if job.curveSteps.contains(step) {            // held-out accuracy, for step 7
                            progress.record("accuracy", FusionTraining.accuracy(model, on: job.curveSet))
                        }
                    }
                }
                return history
            }
            lesson.histories = Dictionary(uniqueKeysWithValues: zip(lesson.jobs.map(\.name), histories))
            run.table(Say.trainedColumns, Say.trainedRows(lesson.jobs, lesson.histories, run))
        },
        Step { lesson, run in
            let alone = lesson.aloneA                                 // late fusion's two classifiers
            let majority = FusionTraining.majorityAccuracy(train: lesson.trainA, test: lesson.testA)
            run.table(Say.accuracyColumns, Say.taskARows(majority, alone, lesson.accuracyA, run))
            run.metric("a.majority.accuracy", majority)
            run.metric("a.image_only.accuracy", alone.image)
            run.metric("a.text_only.accuracy", alone.text)
            for (name, value) in zip(Fusion.keys, lesson.accuracyA) {
                run.metric("a.\(name).accuracy", value)
            }
        },
        Step { lesson, run in
            let (r, alone) = (lesson.robustnessA, lesson.aloneA)      // accuracy at each level
            try run.figure("noise-robustness", png: FusionFigures.robustness(r, alone: alone, run))
            run.table(Say.noiseColumns, Say.noiseRows(r, run))
            let margins = r.map { NoiseMargins($0, alone: alone) }    // worst level − other alone
            run.table(Say.marginColumns, Say.marginRows(margins, alone, run))
            for (name, (m, margin)) in zip(Fusion.keys, zip(r, margins)) {
                run.metric("a.\(name).image_noise_drop", m.image[0] - m.image[4])
                run.metric("a.\(name).word_dropout_drop", m.text[0] - m.text[4])
                run.metric("a.\(name).image_noise_margin", margin.image)
                run.metric("a.\(name).word_dropout_margin", margin.text)
            }
        },
        Step { lesson, run in
            let alone = lesson.lateB.unimodalAccuracies(on: lesson.testB)
            let majority = FusionTraining.majorityAccuracy(train: lesson.trainB, test: lesson.testB)
            let values = [majority, alone.text, alone.image] + lesson.accuracyB   // + early, late, cross
            try run.figure("task-b-accuracy", png: FusionFigures.accuracyBars(values, run))
            run.table(Say.accuracyColumns, zip(Say.taskBNames(run), values).map { [$0, f2($1)] })
            run.metric("b.majority.accuracy", majority)
            run.metric("b.text_only.accuracy", alone.text)
            run.metric("b.image_only.accuracy", alone.image)
            for (name, value) in zip(Fusion.keys, lesson.accuracyB) {
                run.metric("b.\(name).accuracy", value)
            }
        },
        Step { lesson, run in
            let curves = Fusion.keys.map { lesson.curve("b-\($0)") }  // early, late, cross
            let steps = lesson.jobs.last!.curveSteps
            try run.figure("learning-curves", png: FusionFigures.learningCurves(steps, curves, run))
            run.table(Say.curveColumns, Say.curveRows(steps, curves))
            for (name, curve) in zip(Fusion.keys, curves) {
                let reached = zip(steps, curve).first { $0.1 >= 0.9 }?.0   // first step at 0.90
                run.say(reached == nil ? Say.notReached : Say.reachedAt, Say.strategy(name, run), reached ?? 0)
                run.metric("b.\(name).steps_to_90", reached ?? 0)
            }
            let last = curves.map { $0.last ?? 0 }                     // early, late, cross at the end
            if last[2] > last[0] && last[0] > last[1] { run.say(Say.curvesMean, last[2], last[0], last[1]) }
        },
        Step { lesson, run in
            let examples = lesson.testB.subset(Array(0..<4))
            let shown = lesson.keyWordAttention(on: examples)         // 4 × [4][4], heads averaged
            let answers = FusionTraining.predictions(lesson.crossB, on: examples)
            try run.figure("cross-attention", png: FusionFigures.attention(examples, shown.grids,
                                                                           answers: answers, run))
            let all = lesson.keyWordAttention(on: lesson.testB).onTarget
            let share = Double(all.filter { $0 }.count) / Double(max(all.count, 1))
            run.say(Say.onTarget, all.count, share * 100)
            run.metric("b.cross.attention_on_target", share)
        },
        Step { lesson, run in
            let costs = FusionCosts(lesson)                           // counted from the layer sizes
            run.table(Say.costColumns, Say.costRows(costs, run))
            for (i, name) in Fusion.keys.enumerated() {
                run.metric("cost.\(name).parameters", costs.parameters[i])
                run.metric("cost.\(name).multiply_adds", costs.multiplyAdds[i])
            }
            lesson.noteMeasuredTimes(multiplyAdds: costs.multiplyAdds)   // terminal only: varies
            try run.figure("cost-vs-tokens", png: FusionFigures.cost(costs, run))
            let extra = costs.crossExtraShareAt1024
            run.say(Say.extraAt1024, extra * 100)
            run.metric("cost.cross_extra_share_at_1024", extra)
        },
        Step { lesson, run in
            let verdicts = FusionVerdicts(lesson)                     // each claim's test, this run
            run.table(Say.verdictColumns, verdicts.rows(run))
            for verdict in verdicts.all { run.metric("verdict.\(verdict.key)", verdict.agreed ? 1 : 0) }
            verdicts.explain(run, lesson: lesson)
            run.table(Say.realColumns, lesson.toyBesideReal())
        },
    ]
}
