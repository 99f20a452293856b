// Lesson 02 — Contrastive alignment: train a tiny CLIP and watch the shared space form (issue 7).
// The article's first core, 对齐: contrastive learning pulls an image of a cat and the text "a cat" together
// and pushes "a dog" away, until pictures and sentences share one space. The model is W-CLIP of
// shared/benchmarks.md (222,273 parameters); the recipe (centred pixels, warm-up + cosine, lr 1e-3,
// batch 64, captions that sometimes drop attribute words, same-colour hard negatives) is DESIGN.md's.

import ArgumentParser
import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

public final class Alignment: Lesson {
    public static let number = 2
    public static let slug = "alignment"
    public static let title = L("Contrastive alignment: a tiny CLIP", "对比对齐：一个迷你 CLIP")
    public static let summary = L("Two encoders, one for pictures and one for captions, learn one shared space from matching pairs alone.",
                                  "两个编码器，一个看图、一个读字，只靠成对的图文数据学出同一个共享空间。")
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
        @Option(help: "Training steps (batches of 64 pairs).") var steps = 600
        @Option(help: "Training pairs (image + caption).") var pairs = 3_000
        @Option(help: "Share of each batch drawn from scenes of one colour (hard negatives).") var hard = 0.5
        @Option(help: "Chance that a training caption drops its colour and size words.") var drop = 0.3
        public init() {}
        public func validate() throws {
            try Knob.inRange(steps, 2...100_000, "--steps")
            try Knob.inRange(pairs, 64...50_000, "--pairs")
            try Knob.inRange(hard, 0...1, "--hard")
            try Knob.inRange(drop, 0...1, "--drop")
        }
        public var settings: [String: String] {
            ["steps": "\(steps)", "pairs": "\(pairs)", "hard": "\(hard)", "drop": "\(drop)"]
        }
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
    lazy var trainingSteps = run.quick ? Alignment.quickSteps : knobs.steps
    lazy var learningRate: Float = run.quick ? Alignment.quickLearningRate : 1e-3
    lazy var data = AlignmentData(pairs: run.quick ? Alignment.quickPairs : knobs.pairs,
                                  testPairs: run.quick ? Alignment.quickTestPairs : 600,
                                  drop: Float(knobs.drop), heldOut: Alignment.heldOut, seed: run.seed)
    /// The model as initialised; `trained` starts from the same numbers.
    lazy var untrained: ContrastiveModel = {
        var rng = run.rng(2)
        return ContrastiveModel(configuration, using: &rng)
    }()
    /// The checkpoint key: the knobs and the training data's fingerprint (a recipe change never loads a stale model).
    lazy var checkpointSettings = knobs.settings.merging(["data": data.fingerprint]) { $1 }
    /// The trained weights and the loss and temperature of every step (from --out when already trained).
    lazy var checkpoint: [String: Tensor] = run.checkpoint("tiny-clip", settings: checkpointSettings) {
        try AlignmentTraining.train(from: configuration, rng: run.rng(2), pairs: data.trainPairs, steps: trainingSteps,
                                    learningRate: learningRate, hard: Float(knobs.hard), seed: run.seed, run: run)
    }
    lazy var trained: ContrastiveModel = {
        var rng = run.rng(2)
        let model = ContrastiveModel(configuration, using: &rng)
        do { try model.load(checkpoint) } catch { run.stop(error) }
        return model
    }()
    lazy var before = AlignmentSpace(model: untrained, data: data)
    lazy var after = AlignmentSpace(model: trained, data: data)

    // MARK: - The steps

    public static let steps: [Step<Alignment>] = [
        Step(L("Pairs", "成对的数据"),
             L("Each training example is a picture and the caption written for it. Nothing says which word is which part of the picture. Two combinations never appear in training: they test whether the model composes colour and animal.",
               "每个训练样本是一张图和为它写的一句描述，没有任何标注告诉模型哪个词对应图中哪一部分。有两种组合训练中从未出现，用来检验模型能否把颜色和动物自己组合起来。")) { lesson, run in
            let data = lesson.data
            run.table([run.text(L("split", "划分")), run.text(L("pairs", "对数")), run.text(L("held-out scenes", "留出组合场景"))],
                      [[run.text(L("train", "训练")), "\(data.train.count)", "\(data.heldOutCount(in: data.train))"],
                       [run.text(L("test", "测试")), "\(data.test.count)", "\(data.heldOutCount(in: data.test))"]])
            run.print(run.text(L("held out of training: ", "训练中留出："))
                      + Alignment.heldOut.map { run.text(L($0.description, $0.color.chinese + $0.kind.chinese)) }.joined(separator: ", "))
            run.print(run.text(L("vocabulary: ", "词表大小：")) + "\(data.tokenizer.count) / \(Alignment.configuration.text.vocabularySize)")
            try run.figure("pairs", png: AlignmentFigures.pairs(Array(data.train.samples.prefix(8)),
                                                                title: run.text(L("Training pairs: picture and caption", "训练样本：图与描述"))))
        },
        Step(L("Two encoders, one space", "两个编码器，一个空间"),
             L("The image encoder cuts the 32×32 picture into 16 patches and runs a small transformer; the text encoder does the same over word tokens. Each pools its tokens, projects them to 32 numbers and scales them to length 1, so comparing a picture with a sentence is one dot product.",
               "图像编码器把 32×32 的图切成 16 个图块，送进一个小 transformer；文本编码器对词元做同样的事。两边各自把词元取平均，投影成 32 个数，再缩放到长度 1，于是比较一张图和一句话只需一次点积。")) { lesson, run in
            run.table([run.text(L("stage", "阶段")), run.text(L("image", "图像")), run.text(L("text", "文本"))],
                      AlignmentShapes.trace(lesson.untrained, data: lesson.data, batch: 4, text: run.text))
            let m = lesson.untrained
            let (image, text) = (m.image.parameterCount + m.imageProjection.parameterCount, m.text.parameterCount + m.textProjection.parameterCount)
            run.print(L("parameters: \(m.parameterCount) (image \(image), text \(text), temperature 1)",
                        "参数量：\(m.parameterCount)（图像 \(image)，文本 \(text)，温度 1）"))
            run.metric("parameters", m.parameterCount)
            if run.quick { run.print(AlignmentReport.quickSettingNote(parameters: m.parameterCount, run: run)) }
        },
        Step(L("The loss by hand", "手算损失"),
             L("For 4 pairs: cosine similarities, divided by the temperature τ, then a softmax along each row (each picture picks a caption) and along each column (each caption picks a picture). The loss is the mean of the two cross-entropies.",
               "取 4 对样本：先算余弦相似度，再除以温度 τ，然后按行做 softmax（每张图挑一句描述），按列也做一次（每句描述挑一张图）。损失是两个交叉熵的平均。")) { lesson, run in
            let worked = LossByHand(model: lesson.untrained, data: lesson.data, batch: 4)
            for line in worked.lines(run) { run.print(line) }
            run.metric("loss_by_hand", worked.loss)
            run.metric("loss_engine", worked.engineLoss)
        },
        Step(L("Before training", "训练之前"),
             L("The article's example: the orange cat's picture against the texts \"a cat\" and \"a dog\". Untrained, the numbers are arbitrary, the similarity matrix has no diagonal, and images and texts sit in separate clouds.",
               "文章里的例子：橘猫的图分别对比文字 \"a cat\" 和 \"a dog\"。训练前这些数是随意的，相似度矩阵看不出对角线，图和文各聚成一团、互不相干。")) { lesson, run in
            try AlignmentReport.catAndDog(lesson.before, data: lesson.data, when: "before", run: run)
            try AlignmentReport.heatmap(lesson.before, data: lesson.data, when: "before", run: run)
        },
        Step(L("Train", "训练"),
             L("Batches of 64 pairs; a share of each batch (--hard, half by default) shares one colour, so colour alone cannot tell the pairs apart. The learning rate warms up, then follows a cosine down; the temperature is learned too.",
               "每批 64 对；每批里有一部分（--hard，默认一半）颜色相同，只看颜色分不开它们。学习率先预热再按余弦下降；温度也一起学习。")) { lesson, run in
            let history = AlignmentTraining.history(lesson.checkpoint)     // loss and τ of every step
            let (first, last20, chance) = (history.losses.first ?? 0, AlignmentTraining.meanOfLast(20, history.losses), Foundation.log(64.0))
            let (tauFirst, tauLast) = (history.temperatures.first ?? 0, history.temperatures.last ?? 0)
            run.print(String(format: run.text(L("loss %.3f → %.3f over %d steps (chance: ln 64 = %.3f); τ %.4f → %.4f",
                                                "损失 %.3f → %.3f，共 %d 步（随机水平 ln 64 = %.3f）；τ %.4f → %.4f")),
                             first, last20, history.losses.count, chance, tauFirst, tauLast))
            run.metric("loss_first", first)
            run.metric("loss_last20", last20)
            run.metric("temperature_final", tauLast)
            try run.figure("training", png: AlignmentFigures.training(losses: history.losses, temperatures: history.temperatures,
                                                                      chanceLoss: chance, run: run))
        },
        Step(L("After training", "训练之后"),
             L("The same measurements on the trained model. What to look for: the cat picture closer to \"a cat\" than to \"a dog\", a bright diagonal in the matrix, each picture next to its caption and the points grouped by content.",
               "对训练好的模型做同样的测量。要看的是：猫的图是否更靠近 \"a cat\" 而远离 \"a dog\"，矩阵是否亮出对角线，每张图是否挪到了它的描述旁边、点是否按内容成群。")) { lesson, run in
            try AlignmentReport.catAndDog(lesson.after, data: lesson.data, when: "after", run: run)
            try AlignmentReport.heatmap(lesson.after, data: lesson.data, when: "after", run: run)
            try AlignmentReport.spaces(before: lesson.before, after: lesson.after, data: lesson.data, run: run)
        },
        Step(L("Measure", "度量"),
             L("Retrieval: each caption ranks 100 test pictures, a hit is a picture the caption truly describes. Zero-shot: label a picture with the prompt it is closest to, never having trained a classifier. The modality gap: how far apart the centres of the picture and text clouds are.",
               "检索：每句描述给 100 张测试图排序，排在前面的图如果确实符合描述就算命中。零样本分类：把图归到离它最近的提示语那一类，从没训练过分类器。模态间隙：图像云和文本云两个中心之间的距离。")) { lesson, run in
            AlignmentReport.retrieval(lesson.after, data: lesson.data, run: run)
            AlignmentReport.zeroShot(lesson.trained, space: lesson.after, data: lesson.data, run: run)
            AlignmentReport.gap(before: lesson.before, after: lesson.after, run: run)
        },
    ]
}
