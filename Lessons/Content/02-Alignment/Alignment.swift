// Lesson 02 — Contrastive alignment: train a tiny CLIP and watch the shared space form.
// The article's first core, 对齐: contrastive learning pulls an image of a cat and the text "a cat" (一只猫)
// together and pushes "a dog" (一条狗) away, until pictures and sentences share one space. The model is the
// benchmark's W-CLIP with a bilingual vocabulary of 128 (226,369 parameters); each training picture has
// one caption, in English or in Chinese, so the two languages meet only through pictures. The recipe:
// 900 steps (600 for English alone: each language sees only half the captions), centred pixels, warm-up +
// cosine, lr 1e-3, batch 64, captions that sometimes drop attribute words, same-colour hard negatives
// (Radford et al. 2021, CLIP; in Chinese, Yang et al. 2022, Chinese-CLIP).
// The words of every step are in 02-alignment.en.md and 02-alignment.zh.md; what steps print, in
// AlignmentSay.swift.

import AlignFuseSupport
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
        TryThis(change: L("--steps 225", "--steps 225"),
                expect: L("a quarter of the training: colour and the bridge between the languages suffer first, "
                          + "the animal least (the default run: colour 0.89–0.97, English → Chinese 0.97–1.00)",
                          "只训练四分之一：颜色和两种语言之间的桥最先掉下来，动物掉得最少"
                          + "（默认训练：颜色 0.89–0.97，英→中 0.97–1.00）"),
                bands: [Band("zeroshot_colour", 0.315...0.535), Band("recall_en2zh_at1", 0.043...0.422),
                        Band("zeroshot_animal", 0.547...0.936)]),
        TryThis(change: L("--chinese 0", "--chinese 0"),
                expect: L("English captions only: English colour stays high, while Chinese colour prompts and step "
                          + "8's English → Chinese recall fall to about chance (0.125 and 0.02); the Chinese animal "
                          + "prompts, never trained, land anywhere from far below to far above their chance of 0.25",
                          "只用英文描述：英文颜色提示语照样准，中文颜色提示语和第 8 步的英→中检索却掉到随机水平附近"
                          + "（0.125 和 0.02）；没训练过的中文动物提示语高低不定，可远低于也可远高于随机水平 0.25"),
                bands: [Band("zeroshot_colour", 0.883...1), Band("zeroshot_colour_zh", 0.06...0.322),
                        Band("recall_en2zh_at1", 0.001...0.037), Band("zeroshot_animal_zh", 0.048...0.699)]),
    ]
    public static let keyMetrics = ["recall_t2i_at1", "chance_t2i_at1", "zeroshot_animal", "zeroshot_animal_zh",
                                    "zeroshot_animal_heldout", "zeroshot_colour", "zeroshot_colour_zh",
                                    "zeroshot_colour_heldout", "recall_en2zh_at1", "chance_en2zh_at1",
                                    "modality_gap_after"]

    public struct Knobs: LessonKnobs {
        // Steps and pairs left out take their --quick sizes in a --quick run; given, they win.
        @Option(help: "Training steps (batches of 64 pairs); default 900, 500 with --quick.") var steps: Int?
        @Option(help: "Training pairs (image + caption); default 3000, 1200 with --quick.") var pairs: Int?
        @Option(help: "Share of each batch drawn from scenes of one colour (hard negatives).") var hard = 0.5
        @Option(help: "Chance that a training caption drops its colour and size words.") var drop = 0.3
        @Option(help: "Chance that a training picture's caption is the Chinese one (0: English only).")
        var chinese = 0.5
        public init() {}
        public func validate() throws {
            if let steps { try Knob.inRange(steps, 2...100_000, "--steps") }
            if let pairs { try Knob.inRange(pairs, 64...50_000, "--pairs") }
            try Knob.inRange(hard, 0...1, "--hard")
            try Knob.inRange(drop, 0...1, "--drop")
            try Knob.inRange(chinese, 0...1, "--chinese")
        }
        /// The training steps in force: --steps when given, else 900, or 500 with --quick.
        func trainingSteps(quick: Bool) -> Int { steps ?? (quick ? Alignment.quickSteps : 900) }
        /// The training pairs in force: --pairs when given, else 3,000, or 1,200 with --quick.
        func trainingPairs(quick: Bool) -> Int { pairs ?? (quick ? Alignment.quickPairs : 3_000) }
        public func settings(quick: Bool) -> [String: String] {
            ["steps": "\(trainingSteps(quick: quick))", "pairs": "\(trainingPairs(quick: quick))",
             "hard": "\(hard)", "drop": "\(drop)", "chinese": "\(chinese)"]
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
    /// Room in the token table for both languages' words (about 40 English and 40 Chinese, with the specials).
    public static let vocabularySize = 128
    /// The W-CLIP configuration — d = 64, 4 heads, 2 blocks, MLP 256, shared space 32, length 8 — with a
    /// token table of 128 rows instead of 64, for the words of both languages.
    public static let configuration = ContrastiveConfiguration(text: TextEncoderConfiguration(vocabularySize: vocabularySize))

    /// The --quick setting: a narrower, shallower model (d = 32, 1 block, 2 heads, MLP 64; about a seventh
    /// of W-CLIP's parameters) at a higher learning rate, so alignment visibly forms within seconds.
    /// The default run trains W-CLIP and is the one the guide quotes.
    public static let quickConfiguration = ContrastiveConfiguration(
        image: ImageEncoderConfiguration(width: 32, depth: 1, headCount: 2, hiddenWidth: 64),
        text: TextEncoderConfiguration(vocabularySize: vocabularySize, width: 32, depth: 1, headCount: 2,
                                       hiddenWidth: 64))
    public static let quickSteps = 500
    public static let quickPairs = 1_200
    public static let quickTestPairs = 200
    public static let quickLearningRate: Float = 3e-3

    lazy var configuration = run.quick ? Alignment.quickConfiguration : Alignment.configuration
    lazy var data: AlignmentData = {
        let data = AlignmentData(pairs: knobs.trainingPairs(quick: run.quick),
                                 testPairs: run.quick ? Alignment.quickTestPairs : 600, drop: Float(knobs.drop),
                                 chinese: Float(knobs.chinese), heldOut: Alignment.heldOut, seed: run.seed)
        require(data.tokenizer.count <= configuration.text.vocabularySize,
                "lesson 02: \(data.tokenizer.count) words do not fit a token table of \(configuration.text.vocabularySize)")
        return data
    }()
    /// The language of the captions the figures and examples show: the run's.
    lazy var language: Multimodal.Language = run.language == .zh ? .chinese : .english
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
            let (data, shown) = (lesson.data, lesson.data.trainIndices(lesson.language, count: 8))
            let (sample, caption) = (data.train.samples[shown[0]], data.trainCaptions[shown[0]])  // one each
            run.say(Say.onePair, sample.image.size, sample.image.size, caption)
            run.table(Say.splitColumns, Say.splitRows(data, run))
            run.say(Say.heldOut, Alignment.heldOut.map { $0.name(run) }.joined(separator: ", "))
            let words = data.vocabularyByLanguage                       // Chinese cut by the lexicon
            run.say(Say.vocabulary, data.tokenizer.count, words.english, words.chinese,
                    lesson.configuration.text.vocabularySize)
            let chinese = data.testCaptions(.chinese).max { $0.count < $1.count } ?? ""
            let pieces = data.tokenizer.tokens(chinese)                 // longest match, not characters
            run.say(Say.longestMatch, chinese, pieces.map { "[\($0)]" }.joined(), chinese.count, pieces.count)
            let tokens = (english: data.meanTokens(.english), chinese: data.meanTokens(.chinese))
            run.say(Say.tokens, tokens.english, tokens.chinese, data.length)
            run.metric("captions_zh", data.trainCount(.chinese))
            run.metric("tokens_per_caption_en", tokens.english)
            run.metric("tokens_per_caption_zh", tokens.chinese)
            try run.figure("pairs", png: AlignmentFigures.pairs(shown.map { data.train.samples[$0] },
                                                                shown.map { data.trainCaptions[$0] }, run))
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
            let (space, data) = (lesson.before, lesson.data)            // every test pair, embedded
            let shown = AlignmentReport.heatmapIndices(data)            // 8 test pairs, one per kind first
            for language in Multimodal.Language.allCases {              // "a cat", "a dog"; 一只猫, 一条狗
                let (cat, dog) = space.catAndDog(data, language)        // the orange cat ↔ the two texts
                let s = space.similarities(shown, language)             // [8, 8] image × caption
                AlignmentReport.show(cat: cat, dog: dog, s, language, when: .before, run)
            }
            let s = space.similarities(shown, lesson.language)          // the run's language
            let figure = try AlignmentFigures.similarity(s, data, lesson.language, when: .before, run)
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
            let shown = AlignmentReport.heatmapIndices(data)
            for language in Multimodal.Language.allCases {
                let (cat, dog) = space.catAndDog(data, language)
                let s = space.similarities(shown, language)
                AlignmentReport.show(cat: cat, dog: dog, s, language, when: .after, run)
            }
            let s = space.similarities(shown, lesson.language)
            try run.figure("similarity-after", png: AlignmentFigures.similarity(s, data, lesson.language,
                                                                                when: .after, run))
            try AlignmentFigures.spaces(before: lesson.before, after: space, data: data, lesson.language, run)
        },
        Step { lesson, run in
            let (space, data) = (lesson.after, lesson.data)
            let recall = Multimodal.Language.allCases.map { language in   // each caption ranks 100 pictures
                AlignmentMeasures.retrieval(space, data, language, pool: 100)
            }
            AlignmentReport.show(recall, run)
            let guesses = Multimodal.Language.allCases.map { language in  // prompts in each language
                let prompts = ObjectKind.animals.map { AlignmentPrompts.animal($0, in: language) }
                let animals = space.zeroShot(prompts: prompts.map { [$0] }, data)  // nearest prompt
                let colours = space.zeroShot(prompts: ToyColor.allCases.map {     // ensemble of 7 kinds
                    AlignmentPrompts.colour($0, in: language)
                }, data)
                return (animals: animals, colours: colours)
            }
            AlignmentReport.show(zeroShot: guesses, data, run)
            let gap = (before: try lesson.gap(lesson.before), after: try lesson.gap(space))  // ‖c_I − c_T‖
            run.say(Say.gap, gap.before, gap.after)
            run.say(gap.after < gap.before ? Say.gapShrank : Say.gapStayed)
            run.metric("modality_gap_before", gap.before)
            run.metric("modality_gap_after", gap.after)
        },
        Step { lesson, run in
            let data = lesson.data                                       // no caption pair was ever trained
            let after = AlignmentMeasures.crossLingual(lesson.after, data, pool: 100)
            let before = AlignmentMeasures.crossLingual(lesson.before, data, pool: 100)
            AlignmentReport.show(crossLingual: after, before: before, run)
            let (english, chinese) = (lesson.after.texts, lesson.after.chineseTexts)   // [600][32] each
            let shown = AlignmentReport.heatmapIndices(data)
            let s = cosineSimilarities(shown.map { english[$0] }, chinese)            // [8, 600]
            let nearest = s.map { row in row.indices.max { row[$0] < row[$1] } ?? 0 }  // a Chinese caption
            AlignmentReport.show(nearest: nearest, of: shown, s, data, run)
            let block = s.map { row in shown.map { row[$0] } }                       // [8, 8]
            try run.figure("similarity-en-zh", png: AlignmentFigures.languages(block, shown, data, run))
            run.table(Say.realColumns, lesson.toyBesideReal())
        },
    ]
}
