// Lesson 04 — One sequence: image patches and words as tokens, and why positions matter (issue 9).
// ViT (Dosovitskiy et al. 2021) cuts an image into 16×16 patches; the article joins them with the words
// of a sentence into one token sequence; positional encodings (Vaswani et al. 2017, §3.5) say where each
// token came from. Steps 6 and 8 train lesson 05's single-stream model briefly (LearnedGrid.swift,
// LearnedGridSteps.swift): do learned positions find the grid, and where does the word "cat" look?

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
    public static let tryThis = [
        TryThis(change: L("--patch 32", "--patch 32"), expect: L("49 patch tokens, 53 in the sequence", "49 个图像块词元，序列共 53 个")),
        TryThis(change: L("--width 128", "--width 128"), expect: L("the same equivariance, to float precision", "同样的置换等变性，误差在浮点精度内")),
        TryThis(change: L("--train-steps 1200", "--train-steps 1200"),
                expect: L("the where-question answered perfectly and a sharper grid (seed 0: 1.00, near − far +0.300, against 0.94 and +0.250 after 800 steps)",
                          "“在哪里”全部答对，网格更清楚（种子 0：1.00，邻近 − 远处 +0.300；800 步时是 0.94 和 +0.250）")),
        TryThis(change: L("--position-std 0.02", "--position-std 0.02"),
                expect: L("ViT's starting spread: the positions still turn grid-shaped (seed 0: near − far +0.210), yet the model never learns to answer where (0.07, chance 0.06) — beside the patch content such faint positions are not read",
                          "ViT 的初始离散度：位置向量照样长成网格形（种子 0：邻近 − 远处 +0.210），模型却始终答不出“在哪里”（0.07，随机 0.06）——和图像块内容相比，这么弱的位置信号没有被读出来")),
        TryThis(change: L("--questions all", "--questions all"),
                expect: L("trained on the six standard questions, whose answers never name a place: no grid at all (seed 0: near − far −0.005, what training added −0.046)",
                          "用六类标准问题训练，它们的答案从不说位置：完全没有网格（种子 0：邻近 − 远处 −0.005，训练加上的部分 −0.046）")),
    ]
    public static let keyMetrics = ["patch_tokens", "sequence_tokens", "equivariance_error_without_positions",
                                    "equivariance_error_with_positions", "sinusoidal_2d_neighbour_similarity",
                                    "where_accuracy", "learned_neighbour_similarity", "learned_far_similarity",
                                    "learned_change_neighbour_similarity", "learned_change_far_similarity",
                                    "cat_word_attention_on_cat_patch"]

    public struct Knobs: LessonKnobs {
        @Option(help: "Patch side in pixels (must divide 224).") var patch = 16
        @Option(help: "Token width d.") var width = 64
        @Option(help: "Your own picture instead of the ToyWorld scene (resized to 224×224).") var image: String?
        @Option(help: "Training steps of the small single-stream model (steps 6 and 8; batch 64).") var trainSteps = 800
        @Option(help: "Questions it trains on: where (\"where is the cat?\" → \"row 2 column 3\"), mixed (where + the six standard kinds), all (the six standard kinds, as lesson 05), or left-of.") var questions = "where"
        @Option(help: "Spread (std) of the learned positions at the start; ViT uses 0.02.") var positionStd = 0.2
        public init() {}
        public func validate() throws {
            try Knob.inRange(patch, 1...224, "--patch")
            guard 224 % patch == 0 else { throw ValidationError("--patch must divide 224, got \(patch)") }
            try Knob.inRange(width, 4...512, "--width")
            guard width % 4 == 0 else { throw ValidationError("--width must be a multiple of 4, got \(width)") }
            try Knob.positive(trainSteps, "--train-steps")
            try Knob.inRange(positionStd, 0.001...10, "--position-std")
            guard LearnedGrid.questionMixes[questions] != nil else {
                throw ValidationError("--questions must be where, mixed, all or left-of, got \(questions)")
            }
            try Knob.image(image, "--image")   // a bad picture stops the run before any work
        }
        public var settings: [String: String] {
            ["patch": "\(patch)", "width": "\(width)", "image": image ?? "-", "train-steps": "\(trainSteps)", "questions": questions,
             "position-std": "\(positionStd)"]
        }
    }

    let run: Run
    let knobs: Knobs
    public init(run: Run, knobs: Knobs) {
        self.run = run
        self.knobs = knobs
    }

    // MARK: - What the steps share

    /// The picture as 224×224 RGB bytes: the orange cat in the sun, or the learner's own (resized).
    lazy var picture: RGBImage = {
        guard let path = knobs.image else {
            let toy = SceneRenderer.render(SceneGenerator.orangeCatInTheSun, size: 224)
            return RGBImage(width: 224, height: 224, pixels: toy.bytes)
        }
        do { return try RGBImage(contentsOf: path).resized(width: 224, height: 224) } catch { run.stop(error) }
    }()
    /// [N, P·P·3] patch values, centred to [−1, 1].
    lazy var patches: Tensor = Patches.patchify(
        Tensor(shape: [224, 224, 3], scalars: picture.pixels.map { (Float($0) / 255 - 0.5) * 2 }), patchSize: knobs.patch)
    let sentence = "我喜欢这只猫"
    lazy var tokenizer = Tokenizer(corpus: [sentence])
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
        let n = patches.shape[0], ids = tokenizer.encode(sentence)
        let imageTokens = layers.patch(Variable(patches.reshaped(to: [1] + patches.shape)))     // [1, N, d]
        let wordTokens = layers.words([ids])                                                       // [1, 4, d]
        let types = layers.type([Array(repeating: 0, count: n) + Array(repeating: 1, count: ids.count)])   // [1, N + 4, d]
        return (concatenate([imageTokens, wordTokens], alongAxis: 1) + types).value               // [1, N + 4, d]
    }

    /// Steps 6 and 8: the small single-stream model, its data in the run's language, and the test
    /// scenes (for the questions about the cat).
    lazy var recipe: LearnedGrid.Recipe = {
        var recipe = LearnedGrid.Recipe(steps: run.quick ? min(40, knobs.trainSteps) : knobs.trainSteps)
        if run.quick { (recipe.trainScenes, recipe.testScenes) = (600, 300) }
        recipe.questionKinds = LearnedGrid.questionMixes[knobs.questions] ?? [.whereIs]
        recipe.positionStandardDeviation = Float(knobs.positionStd)
        return recipe
    }()
    lazy var vqa = LearnedGrid.data(recipe, language: run.language == .zh ? .chinese : .english, seed: run.seed)
    /// Trained once per settings and seed, then loaded from --out/checkpoints.
    lazy var trained: (model: SingleStreamVQA, seconds: Float) = {
        var rng = run.rng(6)
        let model = LearnedGrid.model(for: vqa.data, recipe, using: &rng)
        let settings = ["train-steps": "\(recipe.steps)", "questions": knobs.questions, "lang": run.language.rawValue,
                        "objects": recipe.largeObjects ? "large" : "both sizes",
                        "position-std": "\(recipe.positionStandardDeviation)", "data": vqa.data.fingerprint]
        let tensors = run.checkpoint("single-stream", settings: settings) {
            let progress = run.training(steps: recipe.steps, lr: Double(recipe.learningRate))
            let start = Date()
            try LearnedGrid.train(model, on: vqa.data, recipe, rng: &rng) { try progress.update(step: $0, loss: $1) }
            progress.finish()
            return model.namedParameters.merging(["history.seconds": Tensor(shape: [1], scalars: [Float(Date().timeIntervalSince(start))])]) { $1 }
        }
        do { try model.load(tensors) } catch { run.stop(error) }
        return (model, tensors["history.seconds"]?.scalars.first ?? 0)
    }()

    // MARK: - The steps

    public static let steps: [Step<Tokens>] = [
        Step { lesson, run in
            let (n, values) = (lesson.patches.shape[0], lesson.patches.shape[1])
            let side = 224 / lesson.knobs.patch
            run.print(L("[224, 224, 3] → \(side)×\(side) = \(n) patches of \(lesson.knobs.patch)×\(lesson.knobs.patch)×3 = \(values) values: [\(n), \(values)]",
                        "[224, 224, 3] → \(side)×\(side) = \(n) 个图像块，每块 \(lesson.knobs.patch)×\(lesson.knobs.patch)×3 = \(values) 个数：[\(n), \(values)]"))
            run.metric("patch_tokens", n)
            var whole = ImageChart(lesson.picture, title: run.text(L("\(n) patches of \(lesson.knobs.patch)×\(lesson.knobs.patch)", "\(n) 个 \(lesson.knobs.patch)×\(lesson.knobs.patch) 的图像块")),
                                   patchSize: lesson.knobs.patch)
            whole.showPatchNumbers = n <= 256
            let p = lesson.knobs.patch, first = min(side, 16), startRow = side * 2 / 3   // one row of patches, through the cat
            var strip = [UInt8](repeating: 255, count: first * (p + 2) * p * 3)   // the first patches side by side, 2 px apart
            let stripWidth = first * (p + 2)
            for k in 0..<first {
                let (r, c) = (startRow, k)
                for y in 0..<p { for x in 0..<p { for ch in 0..<3 {
                    strip[(y * stripWidth + k * (p + 2) + x) * 3 + ch] = lesson.picture.pixels[((r * p + y) * 224 + c * p + x) * 3 + ch]
                } } }
            }
            var row = ImageChart(RGBImage(width: stripWidth, height: p, pixels: strip),
                                 title: run.text(L("patches \(startRow * side)–\(startRow * side + first - 1) as a row of tokens", "第 \(startRow * side)–\(startRow * side + first - 1) 块排成一行词元")))
            row.showAxes = false
            try run.figure("patches", png: Figure(whole, width: 820, height: 820).pngData())
            try run.figure("patch-row", png: Figure(row, width: 1100, height: 200).pngData())
        },
        Step { lesson, run in
            let d = lesson.knobs.width, n = lesson.patches.shape[0]
            let words = lesson.tokenizer.tokens(lesson.sentence), ids = lesson.tokenizer.encode(lesson.sentence)
            run.print("patches [\(n), \(lesson.patches.shape[1])] → Linear(\(lesson.patches.shape[1])→\(d)) → [\(n), \(d)]")
            run.print("\"\(lesson.sentence)\" → " + words.map { "[\($0)]" }.joined() + " → ids \(ids) → Embedding(\(lesson.tokenizer.count), \(d)) → [\(ids.count), \(d)]")
            run.metric("word_tokens", ids.count)
        },
        Step { lesson, run in
            let shape = lesson.sequence.shape, n = lesson.patches.shape[0]
            run.print("[1, \(n), \(shape[2])] ⧺ [1, 4, \(shape[2])] + type embeddings → \(describe(shape: shape))")
            run.metric("sequence_tokens", shape[1])
            let words = lesson.tokenizer.tokens(lesson.sentence)
            let strip = TokenStrip(tokens: (0..<n).map { "p\($0)" } + words, modalities: Array(repeating: 0, count: n) + Array(repeating: 1, count: words.count),
                                   modalityNames: [run.text(L("image patch", "图像块")), run.text(L("text token", "文本词元"))],
                                   title: run.text(L("One sequence of \(shape[1]) tokens", "一个含 \(shape[1]) 个词元的序列")))
            try run.figure("sequence", png: Figure(strip, width: 1100, height: 400).pngData())
        },
        Step { lesson, run in
            let x = lesson.sequence, total = x.shape[1], d = x.shape[2], n = lesson.patches.shape[0]
            var rng = run.rng(4)
            var order = Array(0..<n)
            rng.shuffle(&order)
            let permutation = order + Array(n..<total)   // words stay in place
            let positions = PositionalEncoding.sinusoidal1D(positions: total, dimension: d).reshaped(to: [1, total, d])
            func error(_ input: Tensor) -> Double {
                noGrad {
                    let out = lesson.layers.attention(Variable(input)).output.value                                // [1, T, d]
                    let shuffledOut = lesson.layers.attention(Variable(input).indexSelect(alongAxis: 1, permutation)).output.value
                    let reordered = Variable(out).indexSelect(alongAxis: 1, permutation).value
                    return Double(zip(shuffledOut.scalars, reordered.scalars).map { abs($0 - $1) }.max()!)
                }
            }
            let without = error(x)
            // With positions: positions belong to slots, so the shuffled input gets the same positions as before.
            let withPositions = noGrad { () -> Double in
                let plain = lesson.layers.attention(Variable(x) + Variable(positions)).output.value
                let shuffled = lesson.layers.attention(Variable(x).indexSelect(alongAxis: 1, permutation) + Variable(positions)).output.value
                let reordered = Variable(plain).indexSelect(alongAxis: 1, permutation).value
                return Double(zip(shuffled.scalars, reordered.scalars).map { abs($0 - $1) }.max()!)
            }
            run.print(String(format: run.text(L("no positions: max |attn(shuffled x) − shuffle(attn(x))| = %.2e (float rounding)",
                                                 "没有位置编码：max |attn(打乱的 x) − 打乱(attn(x))| = %.2e（浮点舍入）")), without))
            run.print(String(format: run.text(L("with sinusoidal positions: %.3f — the shuffled image now reads differently",
                                                 "加上正弦位置编码：%.3f——打乱后的图像读起来不一样了")), withPositions))
            run.metric("equivariance_error_without_positions", without)
            run.metric("equivariance_error_with_positions", withPositions)
        },
        Step { lesson, run in
            let d = lesson.knobs.width, side = 224 / lesson.knobs.patch, n = side * side
            let pe1 = RawPositions.rows(PositionalEncoding.sinusoidal1D(positions: n + 4, dimension: d))   // [T][d]
            let pe2 = RawPositions.rows(PositionalEncoding.sinusoidal2D(rows: side, columns: side, dimension: d))   // [N][d]
            let (near, far) = RawPositions.neighbourAndFarSimilarity(pe2, side: side)
            run.print(String(format: run.text(L("2D code, cosine similarity: 4-neighbours %.3f on average, patches ≥ %d apart %.3f",
                                                 "二维编码的余弦相似度：上下左右邻居平均 %.3f，相隔 ≥ %d 格的块 %.3f")), near, side / 2, far))
            run.metric("sinusoidal_2d_neighbour_similarity", near)
            run.metric("sinusoidal_2d_far_similarity", far)
            var heat = Heatmap(pe1.map { $0.map(Double.init) }, title: run.text(L("1D sinusoidal code (rows: positions)", "一维正弦编码（行：位置）")))
            heat.squareCells = false; heat.colorMap = .diverging; heat.range = -1...1
            heat.xLabel = run.text(L("dimension", "维度")); heat.yLabel = run.text(L("position", "位置"))
            var cosine = Heatmap(RawPositions.cosineMatrix(pe1), title: run.text(L("cosine similarity between positions", "位置之间的余弦相似度")))
            cosine.colorMap = .diverging; cosine.range = -1...1
            cosine.xLabel = run.text(L("position", "位置")); cosine.yLabel = run.text(L("position", "位置"))
            var one = Figure(width: 1400, height: 650, columns: 2, title: run.text(L("1D sinusoidal positions", "一维正弦位置编码")))
            one.add(heat); one.add(cosine)
            try run.figure("positions-1d", png: one.pngData())
            try run.figure("positions-2d", png: RawPositions.similarityMaps(pe2, side: side,
                title: run.text(L("2D sinusoidal code: similarity of a few patches to every patch", "二维正弦编码：几个图像块与所有块的相似度")),
                patchWord: run.text(L("patch", "图像块")), colorBarLabel: run.text(L("cosine", "余弦相似度"))).pngData())
        },
        learnedPositions,   // Step 6, in LearnedGridSteps.swift
        Step { lesson, run in
            let settings = [(224, 32), (224, 16), (336, 14)]
            run.table([run.text(L("image", "图像")), run.text(L("patch", "块")), run.text(L("tokens", "词元数"))],
                      settings.map { ["\($0.0)×\($0.0)", "\($0.1)×\($0.1)", "\(($0.0 / $0.1) * ($0.0 / $0.1))"] })
            let d = lesson.knobs.width
            let lengths = run.quick ? [49, 100, 196] : [49, 100, 196, 400, 576]
            var rng = run.rng(7)
            let attention = MultiHeadAttention(width: d, headCount: 4, name: "cost", using: &rng)
            var flops: [Double] = []
            for t in lengths {
                let cost = RawPositions.attentionFLOPs(tokens: t, width: d)
                flops.append(cost)
                let x = Tensor(randomNormal: [1, t, d], using: &rng)
                let start = Date()
                _ = noGrad { attention(Variable(x)).output.value }
                let ms = Date().timeIntervalSince(start) * 1000
                // Durations vary between runs: terminal only, never in the notebook or metrics.
                run.note(String(format: "  (measured: T = %d, %.2f ms on this machine)", t, ms))
                run.print(String(format: run.text(L("T = %4d: %.1f MFLOP computed", "T = %4d：计算得 %.1f MFLOP")), t, cost / 1e6))
            }
            run.metric("attention_flop_ratio_576_to_196", RawPositions.attentionFLOPs(tokens: 576, width: d) / RawPositions.attentionFLOPs(tokens: 196, width: d))
            var chart = LineChart(title: run.text(L("self-attention cost (one layer, d = \(d))", "自注意力代价（一层，d = \(d)）")),
                                  xLabel: run.text(L("tokens T", "词元数 T")), yLabel: "MFLOP")
            chart.add(run.text(L("computed", "计算值")), x: lengths.map(Double.init), y: flops.map { $0 / 1e6 }, showPoints: true)
            try run.figure("attention-cost", png: Figure(chart).pngData())
        },
        crossModalAttention,   // Step 8, in LearnedGridSteps.swift
    ]
}
