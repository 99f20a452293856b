// Lesson 01's claims as worked examples: the orange pixel, the photograph's pixels and distances, the
// token count, the spectrogram peak, the pixel-distance ordering, and modality clusters before training.

import Figures
import Foundation
import Lessons
import Multimodal
import TeachingEngine
import Testing
import Walkthrough

@Suite("Lesson 01: pixels, tokens and waves are different kinds of numbers")
struct Lesson01HeterogeneityTests {
    @Test("the orange cat's body pixels read RGB 255, 128, 64, the article's orange")
    func orangePixel() {
        let image = SceneRenderer.render(SceneGenerator.orangeCatInTheSun, size: 224)
        // The cat is large in cell (row 2, column 1): x 56..<112, y 112..<168, its centre (84, 140).
        #expect(image.bytes.count == 224 * 224 * 3)
        let centre = image.pixel(x: 84, y: 140)
        #expect(centre == (255, 128, 64))
        // The zoom window found by the lesson holds both cat pixels and others.
        let corner = RawMeasures.edgeWindow(in: image, region: (56, 112, 56, 56), side: 8, rgb: (255, 128, 64))
        let orange = (0..<64).filter { image.pixel(x: corner.x + $0 % 8, y: corner.y + $0 / 8) == (255, 128, 64) }.count
        #expect(orange > 0 && orange < 64)
    }

    @Test("the shipped photograph is 451×300 RGB with tens of thousands of colours, none the article's orange")
    func photograph() throws {
        let photo = try Photos.chelsea()
        #expect(photo.width == 451 && photo.height == 300 && photo.pixels.count == 451 * 300 * 3)
        #expect(PhotoMeasures.distinctColours(photo) > 10_000)
        #expect(PhotoMeasures.colourShare(photo, rgb: (255, 128, 64)) == 0)
    }

    @Test("photo edits by hand: a 2-pixel shift repeats the left column, +20 caps at 255, mirroring reverses a row")
    func photoEditsByHand() {
        // One row of four pixels: black, 100, 200, 250 (grey levels).
        let row = RGBImage(width: 4, height: 1, pixels: [0, 0, 0, 100, 100, 100, 200, 200, 200, 250, 250, 250])
        #expect(PhotoMeasures.shifted(row, by: 2).pixels == [0, 0, 0, 0, 0, 0, 0, 0, 0, 100, 100, 100])
        #expect(PhotoMeasures.brightened(row, by: 20).pixels.suffix(3) == [255, 255, 255])
        #expect(PhotoMeasures.mirrored(row).pixels.prefix(3) == [250, 250, 250])
        #expect(PhotoMeasures.flat(row).pixels.prefix(3) == [138, 138, 138])       // (0 + 100 + 200 + 250) / 4 = 137.5
        // Brighter by 20 everywhere except the capped pixel (+5): √(3·(3·(20/255)² + (5/255)²)).
        let expected = (3 * (3 * pow(20.0 / 255, 2) + pow(5.0 / 255, 2))).squareRoot()
        #expect(abs(PhotoMeasures.distance(row, PhotoMeasures.brightened(row, by: 20)) - expected) < 1e-12)
    }

    @Test("in pixel space a flat picture with no cat is nearer the cat photograph than the same cat mirrored")
    func photoDistances() throws {
        let photo = try Photos.chelsea()
        let flat = PhotoMeasures.distance(photo, PhotoMeasures.flat(photo))
        let mirrored = PhotoMeasures.distance(photo, PhotoMeasures.mirrored(photo))
        let shifted = PhotoMeasures.distance(photo, PhotoMeasures.shifted(photo, by: 2))
        #expect(flat < mirrored, "flat \(flat), mirrored \(mirrored)")
        #expect(shifted < flat, "shifted \(shifted), flat \(flat)")
    }

    @Test("一只可爱的橘猫在晒太阳 is 7 tokens: [一只][可爱][的][橘][猫][在][晒太阳]")
    func tokenCount() {
        let tokenizer = Tokenizer(corpus: ["一只可爱的橘猫在晒太阳", "a cute orange cat basking in the sun"])
        #expect(tokenizer.tokens("一只可爱的橘猫在晒太阳") == ["一只", "可爱", "的", "橘", "猫", "在", "晒太阳"])
        // Ids are row numbers in the vocabulary: 6 special tokens come first.
        #expect(tokenizer.encode("一只可爱的橘猫在晒太阳").allSatisfy { $0 >= 6 })
    }

    @Test("a circle hums at 440 Hz: its spectrogram peaks in bin 14 (440·256/8000 = 14.08)")
    func spectrogramPeak() {
        let circle = ToyScene(objects: [ToyObject(kind: .circle, color: .blue, size: .large, cell: GridCell(row: 0, column: 0))])
        let frames = Spectrogram.magnitudes(SceneSound.waveform(for: circle), frameLength: 256, hop: 128)   // [45, 129]
        #expect(frames.shape == [45, 129])
        let peak = frames.scalars.indices.max { frames.scalars[$0] < frames.scalars[$1] }!
        #expect(peak % 129 == 14)
        // The cat's meow glides between 500 and 900 Hz: its loudest bin lies there.
        let meow = Spectrogram.magnitudes(SceneSound.waveform(for: SceneGenerator.orangeCatInTheSun))
        let loudest = meow.scalars.indices.max { meow.scalars[$0] < meow.scalars[$1] }!
        #expect((500.0...900.0).contains(Spectrogram.frequency(ofBin: loudest % 129)))
    }

    @Test("pixel distance sees colour and place: the orange square is nearer the orange cat than the orange dog, the moved cat farthest")
    func pixelDistanceOrdering() {
        func render(_ kind: ObjectKind, _ color: ToyColor, column: Int = 1) -> ToyImage {
            SceneRenderer.render(ToyScene(objects: [ToyObject(kind: kind, color: color, size: .large,
                                                               cell: GridCell(row: 1, column: column))]), size: 64)
        }
        let cat = render(.cat, .orange)
        let toSquare = RawMeasures.pixelDistance(cat, render(.square, .orange))
        let toDog = RawMeasures.pixelDistance(cat, render(.dog, .orange))
        let toGrayCat = RawMeasures.pixelDistance(cat, render(.cat, .gray))
        let toMoved = RawMeasures.pixelDistance(cat, render(.cat, .orange, column: 2))
        #expect(toSquare < toDog, "orange square \(toSquare), orange dog \(toDog)")
        #expect(toMoved > 2 * max(toSquare, toDog, toGrayCat), "moved cat \(toMoved)")
        // The distance itself, checked by hand on one pixel: black against white is √3.
        let black = ToyImage(size: 1, bytes: [0, 0, 0]), white = ToyImage(size: 1, bytes: [255, 255, 255])
        #expect(abs(RawMeasures.pixelDistance(black, white) - 3.0.squareRoot()) < 1e-12)
    }

    @Test("untrained encoders: every vector's nearest neighbour is from its own modality (seeds 0, 1, 2)",
          arguments: [UInt64(0), 1, 2])
    func modalityClusters(seed: UInt64) {
        var options = DatasetOptions()
        options.scenes.objectCount = 1...1
        let samples = ToyDataset(count: 20, options: options, seed: seed).samples
        let tokenizer = Tokenizer(corpus: samples.map(\.caption.english))
        var rng = SeededGenerator(seed: seed)
        let encoders = UntrainedEncoders(vocabularySize: tokenizer.count, width: 32, using: &rng)
        let images = RawMeasures.rows(encoders.image(samples.map(\.image)))                       // 20 × [32]
        let texts = RawMeasures.rows(encoders.text(samples.map { tokenizer.encode($0.caption.english) }))
        let sounds = RawMeasures.rows(encoders.sound(samples.map { SceneSound.waveform(for: $0.scene) }))
        #expect(images[0].count == 32 && texts[0].count == 32 && sounds[0].count == 32)
        let labels = (0..<3).flatMap { Array(repeating: $0, count: 20) }
        let share = RawMeasures.sameLabelShare(labels: labels, neighbours: RawMeasures.nearestNeighbours(images + texts + sounds))
        #expect(share == 1, "seed \(seed): \(share)")
    }

    @Test("nearest neighbours and the same-label share, by hand")
    func neighboursByHand() {
        #expect(RawMeasures.nearestNeighbours([[1, 0], [0.9, 0.1], [0, 1]]) == [1, 0, 1])
        #expect(abs(RawMeasures.sameLabelShare(labels: [0, 0, 1], neighbours: [1, 0, 1]) - 2.0 / 3) < 1e-12)
    }

    @Test("a --quick run writes the notebook, README, metrics and the seven figures, and ends with its own 24 scenes beside CLIP")
    func quickRun() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("lesson01-quick-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = Walkthrough.runReporting(Heterogeneity.self, arguments: ["--quick", "--out", out.path],
                                              console: .captured())
        #expect(result.exitCode == 0)
        for file in ["notebook.ipynb", "README.md", "metrics.json", "image-pixels.png", "photo-pixels.png",
                     "text-tokens.png", "sound.png", "pixel-distances.png", "photo-distances.png",
                     "untrained-space.png"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file) missing")
        }
        #expect(result.metrics["caption_tokens_zh"] == 7)
        let square = try #require(result.metrics["distance_cat_to_square"])
        let dog = try #require(result.metrics["distance_cat_to_orange_dog"])
        #expect(square < dog)
        #expect(result.metrics["untrained_nn_same_modality"] == 1)
        // The last table: --quick encodes 24 scenes (the default run 60); the vocabulary is the run's.
        let table = try #require(try ToyBesideRealTable.last(in: out))
        let encoders = try #require(ToyBesideRealTable.row("encoders", in: table))
        #expect(encoders.contains("widths 64 → 32, 24 scenes: no neighbour crosses a modality"), "\(encoders)")
        #expect(encoders.contains("400 M pairs"))
        let vocabulary = try #require(result.metrics["vocabulary_size"])
        #expect(ToyBesideRealTable.row("text", in: table)?.contains("\(Int(vocabulary)) whole words") == true)
        #expect(ToyBesideRealTable.row("image", in: table)?.contains("CLIP ViT-B/16") == true)
    }
}
