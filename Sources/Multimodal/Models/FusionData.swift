// The two tasks of lesson 03 (fusion), drawn from ToyWorld, and the corruptions its robustness test uses.
//
//   Task A, complementary evidence: "which animal is in the scene?" (4 classes). The image carries
//   sensor noise, so small animals are hard to tell apart; the caption sometimes says only "animal"
//   or is missing ("a picture"). Each modality alone is partly informative; together they are better.
//   Task B, interaction needed: "what colour is the cat?" over 2–4 objects of distinct kinds and colours
//   (8 classes). The text picks the object, the image holds its colour: neither answers alone.
import TeachingEngine

/// Examples for a fusion model: an image, a text and a class label, with the scene they came from.
///
///     let data = FusionDataset.interaction(count: 100, seed: 1)
///     data.texts[0], data.classNames[data.labels[0]]   // e.g. "what colour is the dog ?", "green"
public struct FusionDataset: Sendable {
    public let scenes: [ToyScene]
    /// The images as centred pixels (x/255 − 0.5)·2 plus the task's sensor noise, each [32, 32, 3] flattened.
    public let pixels: [[Float]]
    public let texts: [String]
    public let labels: [Int]
    public let classNames: [String]
    /// For Task B, the noun naming the object asked about ("cat"); nil for Task A.
    public let keyWords: [String?]

    public var count: Int { labels.count }

    /// The side of every image; one 8×8 patch per grid cell.
    public static let imageSize = 32
    /// The side of a patch.
    public static let patchSize = 8

    // MARK: - Task A

    /// Task A: one animal (and 0–2 shapes) per scene; the label is the animal.
    /// - `imageNoise`: standard deviation of Gaussian noise added to the centred pixels (sensor noise).
    /// - `vagueShare`: the chance that the caption calls the animal just "animal".
    /// - `missingShare`: the chance that there is no real caption ("a picture").
    public static func complementary(count: Int, seed: UInt64, imageNoise: Float = 0.6,
                                     vagueShare: Float = 0.35, missingShare: Float = 0.15) -> FusionDataset {
        var options = SceneOptions()
        options.objectCount = 1...2
        options.sunProbability = 0
        let base = SeededGenerator(seed: seed)
        var scenes: [ToyScene] = [], pixels: [[Float]] = [], texts: [String] = [], labels: [Int] = []
        for i in 0..<count {
            var rng = base.derived(stream: UInt64(i))
            // 1. One animal, then shapes in other cells.
            let animal = rng.pick(ObjectKind.animals)
            options.kinds = [animal] + ObjectKind.shapes
            var scene = SceneGenerator.scene(options, rng: &rng)
            if !scene.objects.contains(where: { $0.kind == animal }) {
                scene = ToyScene(objects: [ToyObject(kind: animal, color: rng.pick(ToyColor.allCases),
                                                     size: rng.pick(ObjectSize.allCases),
                                                     cell: freeCell(in: scene, rng: &rng))] + scene.objects)
            }
            // 2. A caption that may be vague or missing.
            var captionOptions = CaptionOptions()
            captionOptions.templates = [.list]
            let caption = Captioner.caption(for: scene, options: captionOptions, rng: &rng).english
            let draw = rng.nextFloat()
            let text: String
            if draw < missingShare {
                text = "a picture"
            } else if draw < missingShare + vagueShare {
                text = caption.split(separator: " ").map { $0 == animal.english ? "animal" : String($0) }
                    .joined(separator: " ")
            } else {
                text = caption
            }
            // 3. The image with sensor noise.
            let image = SceneRenderer.render(scene, size: imageSize)
            scenes.append(scene)
            pixels.append(image.centredScalars.map { $0 + imageNoise * rng.nextNormal() })
            texts.append(text)
            labels.append(animal.rawValue)
        }
        return FusionDataset(scenes: scenes, pixels: pixels, texts: texts, labels: labels,
                             classNames: ObjectKind.animals.map(\.english), keyWords: texts.map { _ in nil })
    }

    // MARK: - Task B

    /// Task B: 2–4 objects of distinct kinds and colours; "what colour is the X?" → X's colour.
    public static func interaction(count: Int, seed: UInt64) -> FusionDataset {
        var options = SceneOptions()
        options.objectCount = 2...4
        options.sizes = [.large]
        options.sunProbability = 0
        let base = SeededGenerator(seed: seed)
        var scenes: [ToyScene] = [], pixels: [[Float]] = [], texts: [String] = [], labels: [Int] = []
        var keyWords: [String?] = []
        for i in 0..<count {
            var rng = base.derived(stream: UInt64(i))
            let scene = SceneGenerator.scene(options, rng: &rng)
            let asked = rng.pick(scene.objects)
            scenes.append(scene)
            pixels.append(SceneRenderer.render(scene, size: imageSize).centredScalars)
            texts.append("what colour is the \(asked.kind.english) ?")
            labels.append(asked.color.rawValue)
            keyWords.append(asked.kind.english)
        }
        return FusionDataset(scenes: scenes, pixels: pixels, texts: texts, labels: labels,
                             classNames: ToyColor.allCases.map(\.english), keyWords: keyWords)
    }

    /// A cell of the grid that `scene` leaves free.
    static func freeCell(in scene: ToyScene, rng: inout SeededGenerator) -> GridCell {
        let n = ToyScene.gridSize
        let taken = Set(scene.objects.map(\.cell))
        let free = (0..<(n * n)).map { GridCell(row: $0 / n, column: $0 % n) }.filter { !taken.contains($0) }
        return rng.pick(free)
    }

    // MARK: - Slices and corruptions

    /// The examples at `indices`.
    public func subset(_ indices: [Int]) -> FusionDataset {
        FusionDataset(scenes: indices.map { scenes[$0] }, pixels: indices.map { pixels[$0] },
                      texts: indices.map { texts[$0] }, labels: indices.map { labels[$0] },
                      classNames: classNames, keyWords: indices.map { keyWords[$0] })
    }

    /// The same examples with Gaussian noise of standard deviation `sigma` added to every pixel value
    /// (in centred units, where the image spans −1…1).
    public func withImageNoise(_ sigma: Float, seed: UInt64) -> FusionDataset {
        var rng = SeededGenerator(seed: seed)
        let noisy = pixels.map { image in image.map { $0 + sigma * rng.nextNormal() } }
        return FusionDataset(scenes: scenes, pixels: noisy, texts: texts, labels: labels,
                             classNames: classNames, keyWords: keyWords)
    }

    /// The same examples with each caption word dropped with probability `p` (word dropout).
    ///
    ///     "a small orange cat" with p = 0.5 might become "small cat"
    public func withWordDropout(_ p: Float, seed: UInt64) -> FusionDataset {
        var rng = SeededGenerator(seed: seed)
        let dropped = texts.map { text in
            text.split(separator: " ").filter { _ in rng.nextFloat() >= p }.joined(separator: " ")
        }
        return FusionDataset(scenes: scenes, pixels: pixels, texts: dropped, labels: labels,
                             classNames: classNames, keyWords: keyWords)
    }

    /// The images of examples `indices` as one tensor for `ImageEncoder`: [B, 32, 32, 3].
    public func images(_ indices: [Int]) -> Tensor {
        let side = FusionDataset.imageSize
        return Tensor(stacking: indices.map { pixels[$0] }, shape: [indices.count, side, side, 3])   // [B, 32, 32, 3]
    }
}
