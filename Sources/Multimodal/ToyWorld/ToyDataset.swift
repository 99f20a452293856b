// A dataset of ToyWorld samples (scene, rendered image, caption, question) drawn from a seed, and
// train/test splits that can hold attribute combinations out of training.
// Sample i is drawn from its own stream derived from (seed, i), so the first 100 samples of a dataset
// of 1,000 are the dataset of 100, and the same seed gives the same bytes on every run.

import AlignFuseSupport
import TeachingEngine

/// One example: a scene, its image at the dataset's size, a caption and a question.
public struct ToySample: Sendable {
    public let scene: ToyScene
    public let image: ToyImage
    public let caption: Caption
    /// A question about the scene, or nil when no allowed kind applies.
    public let question: Question?
}

/// What a dataset holds.
public struct DatasetOptions: Sendable {
    public var scenes = SceneOptions()
    public var captions = CaptionOptions()
    /// The side of the rendered images (a multiple of 4; 32 gives one 8×8 patch per cell).
    public var imageSize = 32
    /// The question kinds to draw from (add `.whereIs` to ask where things are).
    public var questionKinds: [QuestionKind] = QuestionKind.standard
    /// true: "is X left of Y?" is answered with its working first — each object's column, then yes or no
    /// ("cat column 1 square column 3 yes"; see `Questioner.question(_:about:kinds:showWork:rng:)`).
    public var showWork = false

    public init() {}
}

/// A list of samples generated from a seed.
///
///     let data = ToyDataset(count: 100, options: DatasetOptions(), seed: 1)
///     data.samples[0].caption.english   // e.g. "a small green bird left of a gray square"
public struct ToyDataset: Sendable {
    public let samples: [ToySample]

    /// `count` samples; when `heldOut` is not empty, a share `heldOutShare` of them is made to contain one
    /// of those combinations (for a test split that checks compositional generalisation).
    public init(count: Int, options: DatasetOptions, seed: UInt64,
                heldOut: [Combination] = [], heldOutShare: Float = 0) {
        require(count >= 0, "ToyDataset: count must not be negative, got \(count)")
        let base = SeededGenerator(seed: seed)
        func sample(_ i: Int) -> ToySample {
            var rng = base.derived(stream: UInt64(i))      // each sample its own stream
            var including: Combination?
            if !heldOut.isEmpty, rng.nextFloat() < heldOutShare { including = rng.pick(heldOut) }
            let scene = SceneGenerator.scene(options.scenes, including: including, rng: &rng)
            let caption = Captioner.caption(for: scene, options: options.captions, rng: &rng)
            let question = Questioner.randomQuestion(about: scene, allowed: options.questionKinds,
                                                      showWork: options.showWork, rng: &rng)
            return ToySample(scene: scene, image: SceneRenderer.render(scene, size: options.imageSize),
                             caption: caption, question: question)
        }
        // Since no sample reads another's stream, the cores can draw and render them side by side: the
        // same samples in the same places for any thread count.
        var made = [ToySample?](repeating: nil, count: count)
        made.withUnsafeMutableBufferPointer { out in
            let pixels = options.imageSize * options.imageSize
            Kernels.splitWork(count: count, valuesPerItem: pixels) { range in
                for i in range { out[i] = sample(i) }
            }
        }
        samples = made.map { $0! }
    }

    /// A train and a test split from one seed. No training scene contains a `heldOut` combination;
    /// a share `heldOutShareInTest` of the test scenes contains one.
    ///
    ///     let (train, test) = ToyDataset.split(train: 2000, test: 500, options: DatasetOptions(), seed: 7,
    ///                                          heldOut: [Combination(kind: .dog, color: .orange)])
    public static func split(train: Int, test: Int, options: DatasetOptions, seed: UInt64,
                             heldOut: [Combination] = [], heldOutShareInTest: Float = 0.2)
        -> (train: ToyDataset, test: ToyDataset) {
        var trainOptions = options
        trainOptions.scenes.excluded.formUnion(heldOut)
        let streams = SeededGenerator(seed: seed)
        var trainSeed = streams.derived(stream: 1), testSeed = streams.derived(stream: 2)
        return (ToyDataset(count: train, options: trainOptions, seed: trainSeed.next()),
                ToyDataset(count: test, options: options, seed: testSeed.next(),
                           heldOut: heldOut, heldOutShare: heldOutShareInTest))
    }

    /// The number of samples.
    public var count: Int { samples.count }

    /// Every caption, question and answer in both languages, in sample order: a corpus for `Tokenizer`.
    ///
    ///     let tokenizer = Tokenizer(corpus: train.texts)
    public var texts: [String] {
        samples.flatMap { s in
            [s.caption.english, s.caption.chinese]
                + (s.question.map { [$0.english, $0.chinese, $0.answerEnglish, $0.answerChinese] } ?? [])
        }
    }

    /// Every image byte and every caption and question in UTF-8, concatenated: two datasets are the
    /// same exactly when these bytes are equal.
    public func serialized() -> [UInt8] {
        var bytes: [UInt8] = []
        for sample in samples {
            bytes += sample.image.bytes
            bytes += Array(sample.caption.english.utf8) + [0] + Array(sample.caption.chinese.utf8) + [0]
            if let q = sample.question {
                for text in [q.english, q.chinese, q.answerEnglish, q.answerChinese] { bytes += Array(text.utf8) + [0] }
            }
        }
        return bytes
    }
}
