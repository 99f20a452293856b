// Lesson 02's data: one-object ToyWorld scenes, each training picture paired with one caption in English
// or in Chinese (sometimes without colour and size words; test captions always complete, in both
// languages), the bilingual vocabulary, and the zero-shot prompts in both languages.
// Chinese is cut into words by longest match against the kit's lexicon (ChineseLexicon): the longest
// caption, 太阳下有一个小的橘色三角形, is 8 words — W-CLIP's 8 slots — but 13 characters.

import AlignFuseSupport
import Foundation
import Multimodal
import TeachingEngine

/// Train and test pairs: one object per 32×32 scene (one 8×8 patch), sometimes with the sun. Each
/// training picture is paired with its caption in one language only, so no English caption is ever
/// paired with its Chinese translation, not even through the same picture.
///
///     let data = AlignmentData(pairs: 4, testPairs: 0, drop: 0, heldOut: [], seed: 0)
///     data.trainCaptions   // e.g. ["a photo of a red fish", "一只大的白色狗", …]
public struct AlignmentData {
    public let train: ToyDataset
    public let test: ToyDataset
    /// The language of each training picture's caption.
    public let trainLanguages: [Language]
    public let tokenizer: Tokenizer
    public let heldOut: [Combination]
    /// Caption length in tokens (W-CLIP's 8; the longest caption has 8 words in either language).
    public let length: Int

    /// `chinese`: the chance that a training picture's caption is the Chinese one (0: English only).
    public init(pairs: Int, testPairs: Int, drop: Float, chinese: Float = 0.5, heldOut: [Combination],
                seed: UInt64, length: Int = 8) {
        var options = DatasetOptions()
        options.scenes.objectCount = 1...1
        options.captions.attributeDropProbability = drop
        train = ToyDataset.split(train: pairs, test: 0, options: options, seed: seed, heldOut: heldOut).train
        options.captions.attributeDropProbability = 0
        test = ToyDataset.split(train: 0, test: testPairs, options: options, seed: seed, heldOut: heldOut).test
        var coin = SeededGenerator(seed: seed).derived(stream: 3)        // one draw per picture, in order
        trainLanguages = train.samples.map { _ in coin.nextFloat() < chinese ? .chinese : .english }
        let corpus = zip(train.samples, trainLanguages).map { $0.caption.text($1) } + AlignmentPrompts.all
        tokenizer = Tokenizer(corpus: corpus, lexicon: ChineseLexicon.words)
        self.heldOut = heldOut
        self.length = length
    }

    /// Each training picture's caption, in its language.
    public var trainCaptions: [String] { zip(train.samples, trainLanguages).map { $0.caption.text($1) } }

    /// The test captions in one language (the same scenes, in order).
    public func testCaptions(_ language: Language) -> [String] { test.samples.map { $0.caption.text(language) } }

    /// The first `count` training pairs whose caption is in `language` (the first pairs of any language
    /// when there are none, as with --chinese 0 in a Chinese run).
    public func trainIndices(_ language: Language, count: Int) -> [Int] {
        let inLanguage = trainLanguages.indices.filter { trainLanguages[$0] == language }
        return Array((inLanguage.isEmpty ? Array(trainLanguages.indices) : inLanguage).prefix(count))
    }

    /// How many training captions are in `language`.
    public func trainCount(_ language: Language) -> Int { trainLanguages.filter { $0 == language }.count }

    /// The mean number of tokens of the training captions in `language` (of `length` slots).
    public func meanTokens(_ language: Language) -> Double {
        let captions = zip(trainCaptions, trainLanguages).filter { $0.1 == language }.map(\.0)
        let counts = captions.map { tokenizer.tokens($0).count }
        return Double(counts.reduce(0, +)) / Double(max(1, counts.count))
    }

    /// How many vocabulary words hold a Chinese character, and how many do not (the specials aside).
    public var vocabularyByLanguage: (english: Int, chinese: Int) {
        let words = tokenizer.vocabulary.dropFirst(Tokenizer.specialTokens.count)
        let chinese = words.filter { $0.unicodeScalars.contains { $0.value >= 0x3400 } }.count
        return (words.count - chinese, chinese)
    }

    /// How many samples show a held-out combination.
    public func heldOutCount(in data: ToyDataset) -> Int {
        data.samples.filter { heldOut.contains($0.scene.objects[0].combination) }.count
    }

    /// Ids [n][length] of `texts`.
    public func ids(_ texts: [String]) -> [[Int]] {
        Batches.tokens(texts, tokenizer: tokenizer, length: length).ids
    }

    /// A fingerprint of what training reads: the vocabulary, the caption length and every training pair's
    /// ids, colour group and pixels. Part of the checkpoint key, so a change of recipe (other scenes, captions
    /// or words) trains anew instead of loading a model trained on other data.
    ///
    ///     AlignmentData(pairs: 64, testPairs: 0, drop: 0.3, heldOut: [], seed: 0).fingerprint   // 16 hex digits
    public var fingerprint: String {
        let pairs = trainPairs
        var hash = FNV1a()                                          // one step per byte, id or pixel
        hash.mix(words: tokenizer.vocabulary)
        hash.mix(UInt64(length))
        for (ids, group) in zip(pairs.ids, pairs.groups) {
            for id in ids + [-1, group, -2] { hash.mix(UInt64(bitPattern: Int64(id))) }
        }
        hash.mix(floats: pairs.images.scalars)
        return hash.hex
    }

    /// The first `count` training pairs as one batch: pixels [count, 32, 32, 3], ids [count][length].
    public func firstPairs(_ count: Int) -> (pixels: Tensor, ids: [[Int]], captions: [String]) {
        let captions = Array(trainCaptions.prefix(count))
        return (Batches.pixels(train.samples.prefix(count).map(\.image)), ids(captions), captions)
    }

    /// The training pairs, each picture with its one caption, grouped by the object's colour for
    /// hard-negative batches.
    public var trainPairs: ContrastivePairs {
        ContrastivePairs(images: Batches.pixels(train.samples.map(\.image)), ids: ids(trainCaptions),
                         groups: train.samples.map { $0.scene.objects[0].color.rawValue })
    }
}

/// The prompts of zero-shot classification in both languages ("a photo of a cat", 一张猫的照片; colours
/// as an ensemble over the kinds), and the article's two texts.
public enum AlignmentPrompts {
    /// The English prompt, "a photo of a cat".
    public static func animal(_ kind: ObjectKind) -> String { animal(kind, in: .english) }
    /// "a photo of a cat" in English, 一张猫的照片 in Chinese.
    public static func animal(_ kind: ObjectKind, in language: Language) -> String {
        language == .english ? "a photo of a \(kind.english)" : "一张\(kind.chinese)的照片"
    }
    /// The English ensemble: "a photo of an orange cat", "… orange dog", …, one prompt per kind.
    public static func colour(_ color: ToyColor) -> [String] { colour(color, in: .english) }
    /// One prompt per kind in `language`: "a photo of an orange cat", …, or 一张橘色猫的照片, ….
    public static func colour(_ color: ToyColor, in language: Language) -> [String] {
        ObjectKind.allCases.map { kind in
            language == .english
                ? "a photo of \(AlignmentMeasures.article(before: color.english)) \(color.english) \(kind.english)"
                : "一张\(color.chinese)\(kind.chinese)的照片"
        }
    }
    /// The article's example: "a cat" and "a dog", in Chinese 一只猫 and 一条狗.
    public static func catAndDog(_ language: Language) -> (cat: String, dog: String) {
        language == .english ? ("a cat", "a dog") : ("一只猫", "一条狗")
    }
    /// Every prompt in both languages, so the vocabulary covers them.
    public static var all: [String] {
        Language.allCases.flatMap { language in
            ObjectKind.allCases.map { animal($0, in: language) }
                + ToyColor.allCases.flatMap { colour($0, in: language) }
                + [catAndDog(language).cat, catAndDog(language).dog]
        }
    }
}

