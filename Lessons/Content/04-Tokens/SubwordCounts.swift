// Lesson 04, step 2: the captions a byte-pair encoding learns from, and how many tokens a caption
// becomes when it is cut by the word list, into characters, or into the learned pieces.

import Multimodal
import TeachingEngine

/// ToyWorld captions in English and Chinese (each scene captioned in both), from one seed: `train` to
/// learn from (both languages, one list), `test` to count on.
///
///     let corpus = CaptionCorpus(train: 2_000, test: 500, seed: 42)
///     corpus.train.count   // 4,000: every training scene's English and Chinese caption
struct CaptionCorpus {
    let train: [String]
    let test: [Caption]

    init(train: Int, test: Int, seed: UInt64) {
        var options = DatasetOptions()
        options.captions.attributeDropProbability = 0.3   // short captions too, as lesson 02's
        options.questionKinds = []
        let (trainSet, testSet) = ToyDataset.split(train: train, test: test, options: options, seed: seed)
        self.train = trainSet.samples.flatMap { [$0.caption.english, $0.caption.chinese] }
        self.test = testSet.samples.map(\.caption)
    }
}

/// Mean tokens per caption, per language and per way of cutting.
///
///     let counts = SubwordCounts(corpus.test, words: tokenizer, bpe: bpe)
///     counts.mean(.chinese, .characters)   // e.g. 12.3: one token per character
struct SubwordCounts {
    enum Method: String, CaseIterable { case words, characters, bpe }

    /// The metric names of the three ways, in table order.
    static let methods = Method.allCases.map(\.rawValue)

    private var means: [Multimodal.Language: [Method: Double]] = [:]

    init(_ captions: [Caption], words: Tokenizer, bpe: BytePairEncoding) {
        for language in Multimodal.Language.allCases {
            let texts = captions.map { $0.text(language) }
            let count = { (cut: (String) -> Int) in
                Double(texts.map(cut).reduce(0, +)) / Double(max(texts.count, 1))
            }
            means[language] = [.words: count { words.tokens($0).count },
                               .characters: count { BytePairEncoding.characters($0).count },
                               .bpe: count { bpe.encode($0).count }]
        }
    }

    func mean(_ language: Multimodal.Language, _ method: Method) -> Double { means[language]?[method] ?? 0 }

    /// ("en.words", 7.1), ("en.characters", …), …, ("zh.bpe", …): the numbers metrics.json records.
    var metrics: [(String, Double)] {
        [(Multimodal.Language.english, "en"), (.chinese, "zh")].flatMap { language, tag in
            Method.allCases.map { ("\(tag).\($0.rawValue)", mean(language, $0)) }
        }
    }
}
