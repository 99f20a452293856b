// Lesson 01 — Heterogeneity: pixels, tokens and waves do not speak the same language.
// The article's first difficulty, 模态表示的异构性: an image is a grid of numbers, a caption a sequence of
// arbitrary ids, a sound an amplitude over time. The run shows each (the drawn ToyWorld scene and a real
// photograph), measures how raw distances ignore meaning, and how untrained encoders of one output size
// still keep the modalities apart (Liang et al. 2022, "Mind the Gap", the cone effect). The words of every
// step are in 01-heterogeneity.en.md and 01-heterogeneity.zh.md; what steps print, in HeterogeneitySay.swift.

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
                expect: L("still every nearest neighbour in step 8 comes from the same modality",
                          "第 8 步里每个点的最近邻仍然来自同一模态"),
                bands: [Band("untrained_nn_same_modality", 1...1)], cheap: true),
        TryThis(change: L("--seed 3", "--seed 3"),
                expect: L("other random encoders and scenes, the same separation by modality", "换了随机编码器和场景，按模态分开的现象不变")),
        TryThis(change: L("--width 256", "--width 256"),
                expect: L("wider vectors do not mix the modalities either: every nearest neighbour in step 8 still "
                          + "comes from the same modality",
                          "向量更宽，模态也不会混在一起：第 8 步里每个点的最近邻仍然来自同一模态"),
                bands: [Band("untrained_nn_same_modality", 1...1)], cheap: true),
    ]
    public static let keyMetrics = ["distance_cat_to_square", "distance_cat_to_gray_cat",
                                    "untrained_nn_same_modality", "untrained_image_to_text_top1"]

    public struct Knobs: LessonKnobs {
        @Option(help: "Scenes encoded in step 8 (each gives an image, a caption and a sound).") var scenes = 60
        @Option(help: "Output width of the untrained encoders in step 8.") var width = 32
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
    lazy var imageRGB = RGBImage(width: image.size, height: image.size, pixels: image.bytes)
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
    /// STFT frames of 256 samples (32 ms), one every 128 samples (16 ms).
    static let (frameLength, hop) = (256, 128)
    lazy var spectrogram = Spectrogram.magnitudes(wave, frameLength: Heterogeneity.frameLength,
                                                  hop: Heterogeneity.hop)   // [45, 129]
    /// The photograph "Chelsea" (a tabby cat, 451×300; CC0, Stefan van der Walt; Lessons/Content/Photos).
    lazy var photo: RGBImage = {
        do { return try Photos.chelsea() } catch { run.stop(error) }
    }()
    /// The 8×8 window of the photograph that step 2 zooms into: the rim of the cat's left eye.
    static let photoZoom = (x: 140, y: 118)

    /// Seven one-object pictures: every object large in cell (row 1, column 1), except the last, the
    /// same orange cat moved one cell to the right.
    static let comparedObjects: [ToyObject] = [(ObjectKind.cat, ToyColor.orange), (.cat, .gray), (.dog, .orange), (.dog, .gray),
                                               (.square, .orange), (.circle, .orange), (.cat, .orange)].enumerated().map { i, pair in
        ToyObject(kind: pair.0, color: pair.1, size: .large, cell: GridCell(row: 1, column: i == 6 ? 2 : 1))
    }
    lazy var comparedImages = Heterogeneity.comparedObjects.map { SceneRenderer.render(ToyScene(objects: [$0]), size: 64) }

    /// Step 8's scenes: one object each, at 32×32, with caption and sound.
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
            run.say(Say.imageShape, image.size, image.size, Int(image.bytes.min()!), Int(image.bytes.max()!))
            let corner = RawMeasures.edgeWindow(in: image, region: (56, 112, 56, 56), side: 8, rgb: orange)
            let pixel = RawMeasures.firstPixel(in: image, window: corner, side: 8, rgb: orange)!
            let value = image.pixel(x: pixel.x, y: pixel.y)                        // the cat's edge
            run.say(Say.catPixel, pixel.x, pixel.y, Int(value.r), Int(value.g), Int(value.b))
            let share = RawMeasures.colorShare(image, rgb: orange)                  // exactly 255, 128, 64
            run.say(Say.orangeShare, share * 100)
            run.metric("orange_pixel_share", share)
            try run.figure("image-pixels", png: HeterogeneityFigures.pixels(image, zoomAt: corner, run: run))
        },
        Step { lesson, run in
            let photo = lesson.photo, zoom = Heterogeneity.photoZoom              // [300, 451, 3] bytes
            run.say(Say.photoShape, photo.height, photo.width, photo.width * photo.height * 3)
            let value = photo.pixel(x: zoom.x, y: zoom.y)                          // the eye's rim
            run.say(Say.photoPixel, zoom.x, zoom.y, Int(value.red), Int(value.green), Int(value.blue))
            let colours = PhotoMeasures.distinctColours(photo)                     // different RGB triples
            let toyColours = PhotoMeasures.distinctColours(lesson.imageRGB)
            let orange = PhotoMeasures.colourShare(photo, rgb: ToyColor.orange.rgb) // 255, 128, 64
            run.say(Say.photoColours, colours, photo.width * photo.height, toyColours, orange * 100)
            run.metric("photo_distinct_colours", colours)
            run.metric("toy_distinct_colours", toyColours)
            run.metric("photo_article_orange_share", orange)
            try run.figure("photo-pixels", png: HeterogeneityFigures.photo(photo, zoomAt: zoom,
                                                                             toy: lesson.imageRGB, run: run))
        },
        Step { lesson, run in
            let tokenizer = lesson.tokenizer
            var strip: [(token: String, id: Int, language: Int)] = []
            for (language, text) in [lesson.caption.chinese, lesson.caption.english].enumerated() {
                let tokens = tokenizer.tokens(text), ids = tokenizer.encode(text)
                run.say(Say.tokens, text, tokens.count, tokens.map { "[\($0)]" }.joined())
                run.say(Say.ids, "\(ids)")
                run.metric("caption_tokens_\(language == 0 ? "zh" : "en")", tokens.count)
                strip += zip(tokens, ids).map { ($0, $1, language) }
            }
            run.say(Say.vocabulary, tokenizer.count, Tokenizer.specialTokens.count)
            run.metric("vocabulary_size", tokenizer.count)
            try run.figure("text-tokens", png: HeterogeneityFigures.tokens(strip, run: run))
        },
        Step { lesson, run in
            let wave = lesson.wave, frames = lesson.spectrogram                   // [6000], [45, 129]
            let (rate, length, hop) = (SceneSound.sampleRate, Heterogeneity.frameLength, Heterogeneity.hop)
            run.say(Say.waveform, wave.count, rate, Double(wave.count) / Double(rate),
                    Double(wave.min()!), Double(wave.max()!))
            let count = 1 + (wave.count - length) / hop                           // F = 1 + ⌊(S − L)/H⌋
            let bins = length / 2 + 1                                             // 0 Hz … rate/2
            let loudest = RawMeasures.loudest(frames), peakHz = Spectrogram.frequency(ofBin: loudest.bin)
            run.say(Say.spectrogram, frames.shape[0], frames.shape[1], count, bins, rate, length)
            run.say(Say.loudest, loudest.frame, Int(peakHz))
            run.metric("sound_peak_hz", peakHz)
            try run.figure("sound", png: HeterogeneityFigures.sound(wave: wave, spectrogram: frames, run: run))
        },
        Step { lesson, run in
            let ids = lesson.tokenizer.encode(lesson.caption.chinese), wave = lesson.wave
            let bytes = lesson.image.bytes, side = lesson.image.size
            run.table(Say.sideColumns, [
                Say.imageRow(shape: [side, side, 3], Int(bytes.min()!), Int(bytes.max()!), run),
                Say.textRow(shape: [ids.count], ids.min()!, ids.max()!, lesson.tokenizer.count, run),
                Say.soundRow(shape: [wave.count], wave.min()!, wave.max()!, SceneSound.sampleRate, run),
            ])
        },
        Step { lesson, run in
            let images = lesson.comparedImages, objects = Heterogeneity.comparedObjects   // 7 × 64×64
            let distances = images.map { a in images.map { b in RawMeasures.pixelDistance(a, b) } }
            let same = objects.map { a in objects.map { b in a.kind == b.kind ? 1.0 : 0.0 } }  // [7, 7]
            let (row, names) = (distances[0], Say.objectNames(objects, run))      // from the orange cat
            for j in 1..<names.count { run.say(Say.distanceFromCat, names[j], row[j]) }
            for line in HeterogeneityReport.distanceReading(row, run: run) { run.print(line) }
            run.metric("distance_cat_to_square", row[4])
            run.metric("distance_cat_to_gray_cat", row[1])
            run.metric("distance_cat_to_orange_dog", row[2])
            run.metric("distance_cat_to_moved_cat", row[6])
            try run.figure("pixel-distances", png: HeterogeneityFigures.distances(distances, sameKind: same,
                                                                                  names: names, run: run))
            let id = { (word: String) in lesson.tokenizer.id(of: word) ?? Tokenizer.unknown }
            let (gapZh, gapEn) = (abs(id("猫") - id("狗")), abs(id("cat") - id("dog")))
            run.say(Say.tokenIds, id("猫"), id("狗"), id("橘"), id("cat"), id("dog"), id("orange"))
            run.say(Say.idGaps, gapZh, gapEn)
            run.metric("id_gap_cat_dog_zh", gapZh)
            run.metric("id_gap_cat_dog_en", gapEn)
        },
        Step { lesson, run in
            let photo = lesson.photo                                              // 451×300, the cat
            let copies = [PhotoMeasures.shifted(photo, by: 2), PhotoMeasures.brightened(photo, by: 20),
                          PhotoMeasures.mirrored(photo), PhotoMeasures.flat(photo)]
            let d = copies.map { PhotoMeasures.distance(photo, $0) }              // √Σ(aᵢ − bᵢ)²
            let rms = copies.map { PhotoMeasures.rmsDistance(photo, $0) }         // d / √(451·300·3)
            run.table(Say.photoDistanceColumns, Say.photoDistanceRows(d, rms, run))
            for (key, value) in zip(Say.photoCopyKeys, d) { run.metric("photo_distance_\(key)", value) }
            let nearest = d.indices.min { d[$0] < d[$1] }!                        // which copy is nearest
            run.say(Say.photoNearest, Say.photoCopyName(nearest, run), d[nearest])
            if d[3] < d[2] { run.say(Say.flatNearerThanMirror, d[3], d[2]) }      // no cat beats the cat
            try run.figure("photo-distances", png: HeterogeneityFigures.photoCopies(photo, copies, d, run: run))
        },
        Step { lesson, run in
            let (samples, width, tokenizer) = (lesson.encodedSamples, lesson.knobs.width, lesson.tokenizer)
            var rng = run.rng(6)
            let encoders = UntrainedEncoders(vocabularySize: tokenizer.count, width: width, using: &rng)
            let images = RawMeasures.rows(encoders.image(samples.map(\.image)))          // N × [width]
            let texts = RawMeasures.rows(encoders.text(samples.map { tokenizer.encode($0.caption.english) }))
            let sounds = RawMeasures.rows(encoders.sound(samples.map { SceneSound.waveform(for: $0.scene) }))
            let n = samples.count
            run.say(Say.encoded, n, 3 * n, width)
            let all = images + texts + sounds                                            // 3N × [width]
            let modality = (0..<3).flatMap { Array(repeating: $0, count: n) }   // image, caption, sound
            let neighbours = RawMeasures.nearestNeighbours(all)                          // by cosine
            let sameModality = RawMeasures.sameLabelShare(labels: modality, neighbours: neighbours)
            let topOne = RawMeasures.topOneShare(queries: images, candidates: texts)
            run.say(Say.sameModality, sameModality * 100)
            run.say(Say.topOne, n, topOne * 100, 100 / Double(n))
            run.metric("untrained_nn_same_modality", sameModality)
            run.metric("untrained_image_to_text_top1", topOne)
            let unit = RawMeasures.unitLength(all)                                       // as cosine sees them
            let pca = PCA(points: unit, components: 2).project(unit)                     // 3N × [2]
            let tsne = TSNE.embed(unit, options: Heterogeneity.tsneOptions(n: n, seed: run.seed))   // 3N × [2]
            try run.figure("untrained-space", png: HeterogeneityFigures.untrainedSpace(
                pca: pca, tsne: tsne, samples: samples, modality: modality, run: run))
            run.table(Say.realColumns, lesson.toyBesideReal(sameModality: sameModality))
        },
    ]

    /// t-SNE as step 8 runs it: the run's seed, perplexity min(30, N/2) for N scenes.
    static func tsneOptions(n: Int, seed: UInt64) -> TSNEOptions {
        var options = TSNEOptions()
        options.seed = seed
        options.perplexity = Double(min(30, n / 2))
        return options
    }
}
