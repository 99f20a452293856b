// Lesson 02 — Contrastive alignment: train a tiny CLIP and watch the shared space form.
// The article's first core, 对齐: contrastive learning pulls an image of a cat and the text "a cat" together
// and pushes "a dog" away, until pictures and sentences share one space. The model is the benchmark's
// W-CLIP (222,273 parameters); the recipe: centred pixels, warm-up + cosine, lr 1e-3, batch 64, captions
// that sometimes drop attribute words, same-colour hard negatives (Radford et al. 2021, CLIP).
// The words of every step are in 02-alignment.en.md and 02-alignment.zh.md; what steps print, in
// AlignmentSay.swift.

import ArgumentParser
import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

public final class Alignment: Lesson {
    public static let number = 2
    public static let slug = "alignment"
    public static let narration = Narration.resource("02-alignment", in: .module)
    public static let tryThis = [
        TryThis(change: L("--hard 0", "--hard 0"),
                expect: L("no same-colour batches: compare the zero-shot numbers of step 7", "不再放同色的难负样本：对比第 7 步的零样本准确率")),
        TryThis(change: L("--drop 0", "--drop 0"),
                expect: L("captions always name the colour; short prompts like \"a photo of a cat\" look unlike training text",
                          "描述总带颜色词，\"a photo of a cat\" 这类短提示不再像训练文本")),
        TryThis(change: L("--steps 150", "--steps 150"),
                expect: L("a quarter of the training: see which numbers of step 7 suffer first", "只训练四分之一：看第 7 步哪些数先掉下来")),
    ]
    public static let keyMetrics = ["recall_t2i_at1", "chance_t2i_at1", "zeroshot_animal", "zeroshot_animal_heldout",
                                    "zeroshot_colour", "zeroshot_colour_heldout", "modality_gap_after"]

    public struct Knobs: LessonKnobs {
        // Steps and pairs left out take their --quick sizes in a --quick run; given, they win.
        @Option(help: "Training steps (batches of 64 pairs); default 600, 250 with --quick.") var steps: Int?
        @Option(help: "Training pairs (image + caption); default 3000, 1200 with --quick.") var pairs: Int?
        @Option(help: "Share of each batch drawn from scenes of one colour (hard negatives).") var hard = 0.5
        @Option(help: "Chance that a training caption drops its colour and size words.") var drop = 0.3
        public init() {}
        public func validate() throws {
            if let steps { try Knob.inRange(steps, 2...100_000, "--steps") }
            if let pairs { try Knob.inRange(pairs, 64...50_000, "--pairs") }
            try Knob.inRange(hard, 0...1, "--hard")
            try Knob.inRange(drop, 0...1, "--drop")
        }
        /// The training steps in force: --steps when given, else 600, or 250 with --quick.
        func trainingSteps(quick: Bool) -> Int { steps ?? (quick ? Alignment.quickSteps : 600) }
        /// The training pairs in force: --pairs when given, else 3,000, or 1,200 with --quick.
        func trainingPairs(quick: Bool) -> Int { pairs ?? (quick ? Alignment.quickPairs : 3_000) }
        public func settings(quick: Bool) -> [String: String] {
            ["steps": "\(trainingSteps(quick: quick))", "pairs": "\(trainingPairs(quick: quick))",
             "hard": "\(hard)", "drop": "\(drop)"]
        }
        public var settings: [String: String] { settings(quick: false) }
    }

    let run: Run
    let knobs: Knobs
    public init(run: Run, knobs: Knobs) {
        self.run = run
        self.knobs = knobs
    }

    // MARK: - What the steps share

    /// Combinations never seen in training; a fifth of the test scenes show one.
    public static let heldOut = [Combination(kind: .dog, color: .orange), Combination(kind: .bird, color: .green)]
    /// The W-CLIP configuration: d = 64, 4 heads, 2 blocks, MLP 256, shared space 32, vocabulary 64, length 8.
    public static let configuration = ContrastiveConfiguration()

    /// The --quick setting: a narrower, shallower model (d = 32, 1 block, 2 heads, MLP 64; about a tenth
    /// of W-CLIP's parameters) at a higher learning rate, so alignment visibly forms within seconds.
    /// The default run trains W-CLIP and is the one the guide quotes.
    public static let quickConfiguration = ContrastiveConfiguration(
        image: ImageEncoderConfiguration(width: 32, depth: 1, headCount: 2, hiddenWidth: 64),
        text: TextEncoderConfiguration(width: 32, depth: 1, headCount: 2, hiddenWidth: 64))
    public static let quickSteps = 250
    public static let quickPairs = 1_200
    public static let quickTestPairs = 200
    public static let quickLearningRate: Float = 3e-3

    lazy var configuration = run.quick ? Alignment.quickConfiguration : Alignment.configuration
    lazy var data = AlignmentData(pairs: knobs.trainingPairs(quick: run.quick),
                                  testPairs: run.quick ? Alignment.quickTestPairs : 600,
                                  drop: Float(knobs.drop), heldOut: Alignment.heldOut, seed: run.seed)
    /// The training recipe: steps, batch 64, peak learning rate, warm-up share, weight decay, hard negatives.
    lazy var recipe: ContrastiveTrainingOptions = {
        var options = ContrastiveTrainingOptions()
        options.steps = knobs.trainingSteps(quick: run.quick)
        options.peakLearningRate = run.quick ? Alignment.quickLearningRate : 1e-3
        options.hardNegativeShare = Float(knobs.hard)
        return options
    }()
    /// The model as initialised; `trained` starts from the same numbers and step 5 trains it in place.
    lazy var untrained = Alignment.model(configuration, run: run)
    lazy var trained = Alignment.model(configuration, run: run)
    /// The checkpoint key: the knobs and the training data's fingerprint (a recipe change never loads a stale model).
    /// A run with the learner's code (`exercises lesson 2`) adds the fingerprint of their files.
    lazy var checkpointSettings = knobs.settings(quick: run.quick).merging(["data": data.fingerprint]) { $1 }
        .merging(learner.map { ["learner": $0.fingerprint] } ?? [:]) { $1 }
    /// The learner's functions when the run was started by `exercises lesson 2`, else nil.
    let learner = LearnerCode.current
    lazy var before = AlignmentSpace(model: untrained, data: data)
    lazy var after = AlignmentSpace(model: trained, data: data)

    /// A model drawn from the run's stream 2, the same numbers every time for one seed.
    static func model(_ configuration: ContrastiveConfiguration, run: Run) -> ContrastiveModel {
        var rng = run.rng(2)
        return ContrastiveModel(configuration, using: &rng)
    }

    // MARK: - The steps

    public static let steps: [Step<Alignment>] = [
        Step { lesson, run in
            let data = lesson.data
            let sample = data.train.samples[0]
            run.say(Say.onePair, sample.image.size, sample.image.size, sample.caption.english)
            run.table(Say.splitColumns, [
                [run.text(Say.train), "\(data.train.count)", "\(data.heldOutCount(in: data.train))"],
                [run.text(Say.test), "\(data.test.count)", "\(data.heldOutCount(in: data.test))"],
            ])
            run.say(Say.heldOut, Alignment.heldOut.map { $0.name(run) }.joined(separator: ", "))
            run.say(Say.vocabulary, data.tokenizer.count, lesson.configuration.text.vocabularySize)
            try run.figure("pairs", png: AlignmentFigures.pairs(Array(data.train.samples.prefix(8)), run))
        },
        Step { lesson, run in
            let (model, batch) = (lesson.untrained, lesson.data.firstPairs(4))
            let shapes = noGrad {
                let patches = Patches.patchify(batch.pixels, patchSize: 8)         // [4, 16, 192]
                let imageTokens = model.image(batch.pixels).output                // [4, 16, 64]
                let textTokens = model.text(batch.ids).output                     // [4, 8, 64]
                let imagePooled = meanPool(imageTokens)                           // [4, 64]
                let textPooled = meanPool(textTokens, mask: model.text.keyMask(batch.ids))  // [4, 64]
                let image = l2Normalize(model.imageProjection(imagePooled))       // [4, 32]
                let text = l2Normalize(model.textProjection(textPooled))          // [4, 32]
                return [batch.pixels.shape, patches.shape, imageTokens.shape, imagePooled.shape, image.shape,
                        [4, lesson.data.length], [4, lesson.data.length], textTokens.shape, textPooled.shape,
                        text.shape]
            }
            run.table(Say.shapeColumns, Say.shapeRows(shapes, run))
            let (image, text) = (model.image.parameterCount + model.imageProjection.parameterCount,
                                 model.text.parameterCount + model.textProjection.parameterCount)
            run.say(Say.parameters, model.parameterCount, image, text)
            run.metric("parameters", model.parameterCount)
            let recipe = lesson.recipe
            if run.quick {
                run.say(Say.quickSetting, model.parameterCount, recipe.steps, lesson.data.train.count,
                        Double(recipe.peakLearningRate))
            }
        },
        Step { lesson, run in
            let (model, batch) = (lesson.untrained, lesson.data.firstPairs(4))
            let s = cosineSimilarities(model.embedImages(batch.pixels), model.embedTexts(batch.ids))  // [4, 4]
            let tau = model.temperature
            let logits = s.map { row in row.map { $0 / tau } }                               // [4, 4]
            let rows = (0..<4).map { i in negativeLogSoftmax(logits[i], at: i) }             // image i picks
            let columns = (0..<4).map { j in negativeLogSoftmax(logits.map { $0[j] }, at: j) }  // text j picks
            let loss: Float = (rows.reduce(0, +) / 4 + columns.reduce(0, +) / 4) / 2
            let engine = noGrad { model.loss(images: batch.pixels, ids: batch.ids).loss.item }
            LossByHand.show(captions: batch.captions, s: s, tau: tau, rows: rows, columns: columns, run: run)
            run.say(Say.lossByHand, loss, engine, Foundation.log(4.0))
            run.metric("loss_by_hand", loss)
            run.metric("loss_engine", engine)
        },
        Step { lesson, run in
            let space = lesson.before                                   // every test pair, embedded
            let (cat, dog) = space.catAndDog(lesson.data)               // the orange cat ↔ "a cat", "a dog"
            run.say(Say.catAndDog, cat, dog, cat - dog)
            let s = space.similarities(AlignmentReport.heatmapIndices(lesson.data))   // [8, 8] image × text
            run.say(Say.matched, s.matched, s.mismatched)
            run.metric("cat_vs_a_cat_before", cat)
            run.metric("cat_vs_a_dog_before", dog)
            run.metric("matched_minus_mismatched_before", s.matched - s.mismatched)
            let figure = try AlignmentFigures.similarity(s, lesson.data, when: .before, run)
            try run.figure("similarity-before", png: figure)
        },
        Step(trains: true) { lesson, run in
            let (model, recipe) = (lesson.trained, lesson.recipe)
            var batches = ContrastiveBatches(lesson.data.trainPairs, size: recipe.batchSize,
                                             hardShare: recipe.hardNegativeShare, seed: run.seed &+ 7)
            var optimizer = recipe.optimizer(for: model)                  // AdamW, weight decay 0.01
            let history = try run.train("tiny-clip", model, settings: lesson.checkpointSettings,
                                        steps: recipe.steps, lr: Double(recipe.peakLearningRate)) { progress in
                for step in 1...recipe.steps {
                    let (images, ids) = batches.next()                          // [64, 32, 32, 3], [64][8]
                    let loss = try lesson.infoNCE(model, images, ids)           // symmetric InfoNCE
                    optimizer.zeroGrad()
                    loss.backward()
                    optimizer.learningRate = recipe.schedule(step - 1)          // warm-up, then cosine
                    optimizer.step()
                    model.capLogitScale(at: recipe.maxLogScale)                 // τ ≥ 1/100, as CLIP
                    try progress.update(step: step, loss: loss.item)
                    progress.record("temperature", model.temperature)
                }
            }
            let (temperatures, chance) = (history.curves["temperature"] ?? [], Foundation.log(64.0))
            run.say(Say.lossFell, history.losses.first ?? 0, history.finalLoss(last: 20), history.losses.count,
                    chance, temperatures.first ?? 0, temperatures.last ?? 0)
            run.metric("loss_first", history.losses.first ?? 0)
            run.metric("loss_last20", history.finalLoss(last: 20))
            run.metric("temperature_final", temperatures.last ?? 0)
            try run.figure("training", png: AlignmentFigures.training(history, chanceLoss: chance, run))
        },
        Step { lesson, run in
            let (space, data) = (lesson.after, lesson.data)
            let (cat, dog) = space.catAndDog(data)
            run.say(Say.catAndDog, cat, dog, cat - dog)
            run.say(cat - dog > 0.1 ? Say.catIsCloser : Say.notYet)
            let s = space.similarities(AlignmentReport.heatmapIndices(data))
            run.say(Say.matched, s.matched, s.mismatched)
            run.metric("cat_vs_a_cat_after", cat)
            run.metric("cat_vs_a_dog_after", dog)
            run.metric("matched_minus_mismatched_after", s.matched - s.mismatched)
            try run.figure("similarity-after", png: AlignmentFigures.similarity(s, data, when: .after, run))
            try AlignmentFigures.spaces(before: lesson.before, after: space, data: data, run)
        },
        Step { lesson, run in
            let (space, data) = (lesson.after, lesson.data)
            let recall = AlignmentMeasures.retrieval(space, data, pool: 100)  // each caption ranks 100 pictures
            AlignmentReport.show(recall, run)
            let prompts = ObjectKind.animals.map(AlignmentPrompts.animal)     // "a photo of a cat", …
            let animals = space.zeroShot(prompts: prompts.map { [$0] }, data) // nearest prompt, per picture
            let colours = space.zeroShot(prompts: ToyColor.allCases.map(AlignmentPrompts.colour), data)
            AlignmentReport.show(animals: animals, colours: colours, data, run)
            let gap = (before: try lesson.gap(lesson.before), after: try lesson.gap(space))  // ‖c_I − c_T‖
            run.say(Say.gap, gap.before, gap.after)
            run.say(gap.after < gap.before ? Say.gapShrank : Say.gapStayed)
            run.metric("modality_gap_before", gap.before)
            run.metric("modality_gap_after", gap.after)
        },
    ]
}
