// Lesson 01 — Heterogeneity: pixels, tokens and waves do not speak the same language (issue 6).
// The article's first difficulty, 模态表示的异构性: an image is a grid of numbers, a caption a sequence of
// arbitrary ids, a sound an amplitude over time. The run shows each, measures how raw distances ignore
// meaning, and how untrained encoders of one output size still keep the modalities apart.

import ArgumentParser
import Figures
import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

public final class Heterogeneity: Lesson {
    public static let number = 1
    public static let slug = "heterogeneity"
    public static let narration = Narration.resource("01-heterogeneity", in: .module)
    public static let tryThis = [
        TryThis(change: L("--scenes 120", "--scenes 120"),
                expect: L("still every nearest neighbour in step 6 comes from the same modality", "第 6 步里每个点的最近邻仍然来自同一模态")),
        TryThis(change: L("--seed 3", "--seed 3"),
                expect: L("other random encoders and scenes, the same separation by modality", "换了随机编码器和场景，按模态分开的现象不变")),
        TryThis(change: L("--width 256", "--width 256"),
                expect: L("wider vectors do not mix the modalities either", "向量更宽，模态也不会混在一起")),
    ]
    public static let keyMetrics = ["distance_cat_to_square", "distance_cat_to_gray_cat",
                                    "untrained_nn_same_modality", "untrained_image_to_text_top1"]

    public struct Knobs: LessonKnobs {
        @Option(help: "Scenes encoded in step 6 (each gives an image, a caption and a sound).") var scenes = 60
        @Option(help: "Output width of the untrained encoders in step 6.") var width = 32
        public init() {}
        public func validate() throws {
            try Knob.inRange(scenes, 4...1_000, "--scenes")
            try Knob.inRange(width, 2...1_024, "--width")
        }
        public var settings: [String: String] { ["scenes": "\(scenes)", "width": "\(width)"] }
    }

    let run: Run
    let knobs: Knobs
    public init(run: Run, knobs: Knobs) {
        self.run = run
        self.knobs = knobs
    }

    // MARK: - What the steps share

    /// 一只可爱的橘猫在晒太阳: a large orange cat in cell (row 2, column 1), the sun in the corner.
    let scene = SceneGenerator.orangeCatInTheSun
    lazy var image = SceneRenderer.render(scene, size: 224)   // [224, 224, 3] bytes
    lazy var caption: Caption = {
        var options = CaptionOptions()
        options.sizeProbability = 0
        var rng = run.rng(1)
        return Captioner.caption(for: scene, options: options, template: .basking, rng: &rng)
    }()
    /// A vocabulary built from captions of ToyWorld scenes in both languages, most frequent words first.
    lazy var tokenizer: Tokenizer = {
        let data = ToyDataset(count: run.quick ? 100 : 400, options: DatasetOptions(), seed: run.seed)
        return Tokenizer(corpus: data.samples.flatMap { [$0.caption.chinese, $0.caption.english] }
                         + [caption.chinese, caption.english])
    }()
    lazy var wave = SceneSound.waveform(for: scene)   // [6000] samples at 8 kHz
    lazy var spectrogram = Spectrogram.magnitudes(wave, frameLength: 256, hop: 128)   // [45, 129]

    /// Seven one-object pictures: every object large in cell (row 1, column 1), except the last, the
    /// same orange cat moved one cell to the right.
    static let comparedObjects: [ToyObject] = [(ObjectKind.cat, ToyColor.orange), (.cat, .gray), (.dog, .orange), (.dog, .gray),
                                               (.square, .orange), (.circle, .orange), (.cat, .orange)].enumerated().map { i, pair in
        ToyObject(kind: pair.0, color: pair.1, size: .large, cell: GridCell(row: 1, column: i == 6 ? 2 : 1))
    }
    lazy var comparedImages = Heterogeneity.comparedObjects.map { SceneRenderer.render(ToyScene(objects: [$0]), size: 64) }

    /// Step 6's scenes: one object each, at 32×32, with caption and sound.
    lazy var encodedSamples: [ToySample] = {
        var options = DatasetOptions()
        options.scenes.objectCount = 1...1
        options.scenes.sunProbability = 0
        return ToyDataset(count: run.quick ? min(knobs.scenes, 24) : knobs.scenes, options: options,
                          seed: run.seed &+ 1).samples
    }()

    // MARK: - The steps

    public static let steps: [Step<Heterogeneity>] = [
        Step { lesson, run in
            let image = lesson.image, orange = ToyColor.orange.rgb                 // [224, 224, 3] bytes
            run.print(L("image shape: [\(image.size), \(image.size), 3], values \(image.bytes.min()!)…\(image.bytes.max()!) (UInt8)",
                        "图像形状：[\(image.size), \(image.size), 3]，数值 \(image.bytes.min()!)…\(image.bytes.max()!)（UInt8）"))
            let corner = RawMeasures.edgeWindow(in: image, region: (56, 112, 56, 56), side: 8, rgb: orange)   // the cat's edge
            let pixel = RawMeasures.firstPixel(in: image, window: corner, side: 8, rgb: orange)!
            let value = image.pixel(x: pixel.x, y: pixel.y)
            run.print(L("a cat pixel at (x \(pixel.x), y \(pixel.y)): RGB \(value.r), \(value.g), \(value.b)",
                        "猫身上的一个像素 (x \(pixel.x), y \(pixel.y))：RGB \(value.r), \(value.g), \(value.b)"))
            let share = RawMeasures.colorShare(image, rgb: orange)
            run.print(L(String(format: "%.1f%% of the pixels are exactly the cat's orange", share * 100),
                        String(format: "%.1f%% 的像素恰好是猫的橘色", share * 100)))
            run.metric("orange_pixel_share", share)
            try run.figure("image-pixels", png: HeterogeneityFigures.pixels(image, zoomAt: corner, run: run))
        },
        Step { lesson, run in
            let tokenizer = lesson.tokenizer
            var labels: [String] = [], modalities: [Int] = []
            for (index, (name, text)) in [("zh", lesson.caption.chinese), ("en", lesson.caption.english)].enumerated() {
                let tokens = tokenizer.tokens(text), ids = tokenizer.encode(text)
                run.print(run.text(L("\"\(text)\" → \(tokens.count) tokens ", "\"\(text)\" → \(tokens.count) 个词元 ")) + tokens.map { "[\($0)]" }.joined())
                run.print(L("    ids: \(ids)", "    编号：\(ids)"))
                run.metric("caption_tokens_\(name)", tokens.count)
                labels += zip(tokens, ids).map { "\($0)·\($1)" }
                modalities += Array(repeating: index, count: tokens.count)
            }
            let strip = TokenStrip(tokens: labels, modalities: modalities,
                                   modalityNames: [run.text(L("Chinese token·id", "中文词元·编号")), run.text(L("English token·id", "英文词元·编号"))],
                                   title: run.text(L("Text becomes token ids", "文本变成词元编号")))
            run.print(L("vocabulary: \(tokenizer.count) tokens (\(Tokenizer.specialTokens.count) special, then the words of the ToyWorld captions, most frequent first)",
                        "词表：\(tokenizer.count) 个词元（\(Tokenizer.specialTokens.count) 个特殊词元，然后是 ToyWorld 描述里的词，按出现次数从多到少）"))
            run.metric("vocabulary_size", tokenizer.count)
            try run.figure("text-tokens", png: Figure(strip, width: 1000, height: 130).pngData())
        },
        Step { lesson, run in
            let wave = lesson.wave, frames = lesson.spectrogram          // [6000], [45, 129]
            let rate = SceneSound.sampleRate, seconds = Double(wave.count) / Double(rate)
            let range = String(format: "%.3f…%.3f", wave.min()!, wave.max()!)
            run.print(L("waveform: \(wave.count) samples at \(rate) Hz = \(seconds) s, values \(range)",
                        "波形：\(wave.count) 个采样点，采样率 \(rate) Hz = \(seconds) 秒，数值 \(range)"))
            let (f, bins) = (frames.shape[0], frames.shape[1])
            let loudest = RawMeasures.loudest(frames), peakHz = Spectrogram.frequency(ofBin: loudest.bin)
            run.print(L("spectrogram: [\(f) frames, \(bins) bins], bin k = k·\(rate)/\(2 * (bins - 1)) Hz; loudest: frame \(loudest.frame), \(Int(peakHz)) Hz",
                        "频谱图：[\(f) 帧, \(bins) 个频段]，第 k 个频段 = k·\(rate)/\(2 * (bins - 1)) Hz；最响处：第 \(loudest.frame) 帧，\(Int(peakHz)) Hz"))
            run.metric("sound_peak_hz", peakHz)
            try run.figure("sound", png: HeterogeneityFigures.sound(wave: wave, spectrogram: frames, run: run))
        },
        Step { lesson, run in
            let ids = lesson.tokenizer.encode(lesson.caption.chinese)
            let bytes = lesson.image.bytes, wave = lesson.wave
            let t = { (l: L) in run.text(l) }
            run.table([t(L("modality", "模态")), t(L("shape", "形状")), t(L("values", "数值")),
                       t(L("structure", "结构")), t(L("a neighbour is", "“相邻”指"))], [
                [t(L("image", "图像")), "[\(lesson.image.size), \(lesson.image.size), 3]", "UInt8 \(bytes.min()!)…\(bytes.max()!)",
                 t(L("2D grid", "二维网格")), t(L("the pixel beside it", "旁边的像素"))],
                [t(L("text", "文本")), "[\(ids.count)]", t(L("id", "编号")) + " \(ids.min()!)…\(ids.max()!) / \(lesson.tokenizer.count)",
                 t(L("discrete sequence", "离散序列")), t(L("the next word", "下一个词"))],
                [t(L("sound", "声音")), "[\(wave.count)]", String(format: "Float %.2f…%.2f", wave.min()!, wave.max()!),
                 t(L("continuous time", "连续时间")), t(L("the next 1/\(SceneSound.sampleRate) s", "下一个 1/\(SceneSound.sampleRate) 秒"))],
            ])
        },
        Step { lesson, run in
            let images = lesson.comparedImages, objects = Heterogeneity.comparedObjects
            let names = objects.enumerated().map { i, o in
                (run.language == .zh ? o.color.chineseShort + o.kind.chinese : "\(o.color.english) \(o.kind.english)")
                    + (i == 6 ? run.text(L(", moved", "（右移）")) : "")
            }
            let distances = images.map { a in images.map { b in RawMeasures.pixelDistance(a, b) } }   // [7, 7]
            let same = objects.map { a in objects.map { b in a.kind == b.kind ? 1.0 : 0.0 } }          // [7, 7]
            let row = distances[0]                                                                         // from the orange cat
            for j in 1..<names.count { run.print(String(format: run.text(L("  orange cat ↔ %@: %.2f", "  橘猫 ↔ %@：%.2f")), names[j], row[j])) }
            for line in HeterogeneityReport.distanceReading(row, run: run) { run.print(line) }
            run.metric("distance_cat_to_square", row[4])
            run.metric("distance_cat_to_gray_cat", row[1])
            run.metric("distance_cat_to_orange_dog", row[2])
            run.metric("distance_cat_to_moved_cat", row[6])
            try run.figure("pixel-distances", png: HeterogeneityFigures.distances(distances, sameKind: same, names: names, run: run))
            let tokenizer = lesson.tokenizer
            let id = { (word: String) in tokenizer.id(of: word) ?? Tokenizer.unknown }
            run.print(run.text(L("token ids: ", "词元编号：")) + "猫 \(id("猫")), 狗 \(id("狗")), 橘 \(id("橘")) · cat \(id("cat")), dog \(id("dog")), orange \(id("orange"))")
            let (gapZh, gapEn) = (abs(id("猫") - id("狗")), abs(id("cat") - id("dog")))
            run.print(L("|id(猫) − id(狗)| = \(gapZh) but |id(cat) − id(dog)| = \(gapEn): the same pair, another gap — ids are row numbers, not meanings",
                        "|id(猫) − id(狗)| = \(gapZh)，而 |id(cat) − id(dog)| = \(gapEn)：同一对词，差距却不同——编号只是行号，不代表含义"))
            run.metric("id_gap_cat_dog_zh", gapZh)
            run.metric("id_gap_cat_dog_en", gapEn)
        },
        Step { lesson, run in
            let samples = lesson.encodedSamples
            var rng = run.rng(6)
            let encoders = UntrainedEncoders(vocabularySize: lesson.tokenizer.count, width: lesson.knobs.width, using: &rng)
            let images = RawMeasures.rows(encoders.image(samples.map(\.image)))                                      // N × [width]
            let texts = RawMeasures.rows(encoders.text(samples.map { lesson.tokenizer.encode($0.caption.english) }))  // N × [width]
            let sounds = RawMeasures.rows(encoders.sound(samples.map { SceneSound.waveform(for: $0.scene) }))        // N × [width]
            let n = samples.count, width = lesson.knobs.width
            run.print(L("\(n) scenes → \(3 * n) vectors of \(width) values (image, caption, sound)",
                        "\(n) 个场景 → \(3 * n) 个向量，每个 \(width) 个数（图像、描述、声音）"))
            let all = images + texts + sounds
            let modality = (0..<3).flatMap { Array(repeating: $0, count: n) }                          // 0 image, 1 caption, 2 sound
            let sameModality = RawMeasures.sameLabelShare(labels: modality, neighbours: RawMeasures.nearestNeighbours(all))
            let topOne = RawMeasures.topOneShare(queries: images, candidates: texts)
            run.print(L(String(format: "nearest neighbour from the same modality: %.0f%% of the points", sameModality * 100),
                        String(format: "最近邻来自同一模态的点：%.0f%%", sameModality * 100)))
            run.print(L(String(format: "image → its own caption ranked first among %d captions: %.1f%% (chance %.1f%%)", n, topOne * 100, 100 / Double(n)),
                        String(format: "图像 → 自己的描述在 %d 句描述中排第一：%.1f%%（随机水平 %.1f%%）", n, topOne * 100, 100 / Double(n))))
            run.metric("untrained_nn_same_modality", sameModality)
            run.metric("untrained_image_to_text_top1", topOne)
            let unit = RawMeasures.unitLength(all)                                                        // as cosine sees them
            let pca = PCA(points: unit, components: 2).project(unit)                                     // 3N × [2]
            var options = TSNEOptions()
            options.seed = run.seed
            options.perplexity = Double(min(30, n / 2))
            let tsne = TSNE.embed(unit, options: options)                                              // 3N × [2]
            let objectIndex = (0..<3).flatMap { _ in samples.map { ObjectKind.allCases.firstIndex(of: $0.scene.objects[0].kind)! } }
            try run.figure("untrained-space", png: HeterogeneityFigures.untrainedSpace(pca: pca, tsne: tsne, objectIndex: objectIndex,
                                                                                       modality: modality, run: run))
        },
    ]
}
