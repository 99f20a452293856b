// ToyWorld samples turned into what the single-stream model reads: centred pixels, question ids
// padded to a fixed length, and answer word ids — in one language. The tokenizer is built from the
// training questions and answers, so a test question can only use words seen in training.

import AlignFuseSupport
import TeachingEngine

/// One VQA example ready for the model.
public struct VQAExample: Sendable {
    public let kind: QuestionKind
    /// Centred pixels ((x/255 − 0.5)·2) of the 32×32 image, [32·32·3] channel-last.
    public let pixels: [Float]
    /// Question ids, padded with `Tokenizer.pad` to the set's question length.
    public let question: [Int]
    /// Answer word ids, no specials ("a cat" → [a, cat]).
    public let answer: [Int]
}

/// A list of examples in one language, with the tokenizer and lengths they were encoded with.
///
///     let (train, test) = ToyDataset.split(train: 3000, test: 600, options: VQAData.datasetOptions(), seed: 1)
///     let data = VQAData(train: train.samples, test: test.samples, language: .english)
///     data.train[0].question.count == data.questionLength   // true
public struct VQAData: Sendable {
    public let language: Language
    public let tokenizer: Tokenizer
    public let questionLength: Int
    /// Answer-side positions: <sep> + the longest answer's words (its last target is <eos>).
    public let answerLength: Int
    public let imageSize: Int
    public let train: [VQAExample]
    public let test: [VQAExample]

    /// ToyWorld scenes for VQA: 1–4 objects on the 4×4 grid (one object per 8×8 patch), every question kind.
    public static func datasetOptions() -> DatasetOptions { DatasetOptions() }

    /// Scenes for lesson 05's recipe: large objects only (each nearly fills its 8×8 patch), 1–4 of them.
    public static func largeObjectOptions() -> DatasetOptions {
        var options = DatasetOptions()
        options.scenes.sizes = [.large]
        return options
    }

    /// Train and test samples with a set number of questions of each kind, each kind drawn from its own
    /// seeded split (a plain split asks whichever kind applies, so "what is in this picture?" — one-object
    /// scenes only — and "is X left of Y?" come out rare). "What is in this picture?" is asked about
    /// one-object scenes; a kind that does not apply to a scene drops that sample, so counts are upper bounds.
    ///
    ///     let (train, test) = VQAData.balancedSplit(train: [.isLeftOf: 1200, .howMany: 600], test: 100,
    ///                                               options: VQAData.largeObjectOptions(), seed: 5)
    ///     VQAData(train: train, test: test, language: .english).train.count   // ≤ 1800
    public static func balancedSplit(train: [QuestionKind: Int], test: Int, options: DatasetOptions,
                                     seed: UInt64) -> (train: [ToySample], test: [ToySample]) {
        var trainSamples: [ToySample] = [], testSamples: [ToySample] = []
        for (index, kind) in QuestionKind.allCases.enumerated() {   // the six standard kinds first, then whereIs
            guard let count = train[kind], count > 0 else { continue }
            var kindOptions = options
            kindOptions.questionKinds = [kind]
            if kind == .whatIsInPicture { kindOptions.scenes.objectCount = 1...1 }
            let (tr, te) = ToyDataset.split(train: count, test: test, options: kindOptions,
                                            seed: seed &+ UInt64(index) &* 1_000)
            trainSamples += tr.samples
            testSamples += te.samples
        }
        return (trainSamples, testSamples)
    }

    /// Encodes the samples that have a question; the tokenizer comes from the training questions and answers.
    public init(train: [ToySample], test: [ToySample], language: Language) {
        let asked = train.compactMap(\.question)
        let tokenizer = Tokenizer(corpus: asked.flatMap { [$0.text(language), $0.answer(language)] })
        let all = (train + test).compactMap(\.question)
        self.language = language
        self.tokenizer = tokenizer
        questionLength = all.map { tokenizer.encode($0.text(language)).count }.max() ?? 1
        answerLength = (all.map { tokenizer.encode($0.answer(language)).count }.max() ?? 1) + 1
        imageSize = train.first?.image.size ?? 32
        let encode = { (samples: [ToySample], q: Int) -> [VQAExample] in
            samples.compactMap { sample in
                guard let question = sample.question else { return nil }
                return VQAExample(kind: question.kind, pixels: sample.image.centredScalars,
                                  question: tokenizer.encode(question.text(language), length: q).ids,
                                  answer: tokenizer.encode(question.answer(language)))
            }
        }
        self.train = encode(train, questionLength)
        self.test = encode(test, questionLength)
    }

    /// Encodes a learner's own question at this set's question length (longer questions are cut).
    public func encodeQuestion(_ text: String) -> [Int] { encodeQuestionNoting(text).ids }

    /// The question as ids of the model's question length, and whether words past that length were cut.
    public func encodeQuestionNoting(_ text: String) -> (ids: [Int], truncated: Bool) {
        let encoded = tokenizer.encode(text, length: questionLength)
        return (encoded.ids, encoded.truncated)
    }

    /// 16 hex digits that change whenever the data a model would learn from changes: the vocabulary
    /// and its order, the lengths, and every training example (kind, ids and pixels). Lessons put it in
    /// their checkpoint settings, so a model saved for other data (say, before a recipe changed the mix
    /// of questions, which reorders the vocabulary) is trained again instead of loaded.
    public var fingerprint: String {
        var hash = FNV1a()                                          // one step per byte, id or pixel
        hash.mix(words: tokenizer.vocabulary)
        for length in [questionLength, answerLength, imageSize] { hash.mix(UInt64(length)) }
        for example in train {
            hash.mix(bytesOf: example.kind.rawValue)
            for id in example.question + [-1] + example.answer + [-2] { hash.mix(UInt64(bitPattern: Int64(id))) }
            hash.mix(floats: example.pixels)
        }
        return hash.hex
    }

    /// A model configuration that fits these lengths and this vocabulary.
    public func configuration(seesImage: Bool = true) -> SingleStreamConfiguration {
        var c = SingleStreamConfiguration(vocabularySize: tokenizer.count, questionLength: questionLength,
                                          answerLength: answerLength, seesImage: seesImage)
        c.imageSize = imageSize
        return c
    }

    /// The pixels of `examples` as one tensor [B, S, S, 3].
    public func images(_ examples: [VQAExample]) -> Tensor {
        Tensor(stacking: examples.map(\.pixels), shape: [examples.count, imageSize, imageSize, 3])
    }
}

extension ToySample {
    /// The same sample asked "what is in this picture?" (这张图片里有什么？) and answered with its whole
    /// caption: the image–text pairs of contrastive training turned into a captioning task, as LLaVA's
    /// first stage turns caption pairs into instructions (Liu et al. 2023, §4.2).
    public var askingForItsCaption: ToySample {
        ToySample(scene: scene, image: image, caption: caption,
                  question: Question(kind: .whatIsInPicture, english: "what is in this picture?",
                                     chinese: "这张图片里有什么？",
                                     answerEnglish: caption.english, answerChinese: caption.chinese))
    }
}

extension ToySample {
    /// The same sample asked "what is in this picture?" and answered by saying what colour each thing is:
    /// "the bird is gray and the fish is pink", 鸟是灰色的，鱼是粉色的 (see `Captioner.colourStatements`).
    public var askingForItsColours: ToySample {
        let text = Captioner.colourStatements(for: scene)
        return ToySample(scene: scene, image: image, caption: caption,
                         question: Question(kind: .whatIsInPicture, english: "what is in this picture?",
                                            chinese: "这张图片里有什么？",
                                            answerEnglish: text.english, answerChinese: text.chinese))
    }
}
