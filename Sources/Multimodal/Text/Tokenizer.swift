// A word-level tokenizer for English and Chinese text.
// English: lowercased, split on spaces, punctuation marks are tokens of their own.
// Chinese: cut by longest match against the known words, falling back to single characters
// (Chinese has no spaces between words; see ChineseLexicon). A run of characters the vocabulary does
// not know becomes one <unk>.

import AlignFuseSupport

/// A vocabulary of words with six special tokens at fixed ids, and the encoding and decoding of text.
///
///     let tokenizer = Tokenizer(corpus: ["我喜欢这只猫", "a photo of a cat"])
///     tokenizer.tokens("我喜欢这只猫")   // ["我", "喜欢", "这只", "猫"]
///     tokenizer.decode(tokenizer.encode("a photo of a cat"))   // "a photo of a cat"
public struct Tokenizer: Sendable {
    /// Padding, id 0.
    public static let pad = 0
    /// An unknown word, id 1.
    public static let unknown = 1
    /// The beginning of a sequence, id 2.
    public static let begin = 2
    /// The end of a sequence, id 3.
    public static let end = 3
    /// A separator between two segments (question and answer), id 4.
    public static let separator = 4
    /// A place-holder for image tokens in a sequence, id 5.
    public static let image = 5
    /// The special tokens' strings, in id order.
    public static let specialTokens = ["<pad>", "<unk>", "<bos>", "<eos>", "<sep>", "<image>"]

    /// Every token string, indexed by id; the first six are the special tokens.
    public let vocabulary: [String]
    let ids: [String: Int]
    let longestWord: Int

    /// The number of tokens, specials included.
    public var count: Int { vocabulary.count }

    /// A tokenizer over an explicit vocabulary; the specials are put first if it does not start with them.
    public init(vocabulary words: [String]) {
        var vocabulary = Tokenizer.specialTokens
        for word in words where !vocabulary.contains(word) { vocabulary.append(word) }
        self.vocabulary = vocabulary
        var ids: [String: Int] = [:]
        for (i, word) in vocabulary.enumerated() { ids[word] = i }
        self.ids = ids
        self.longestWord = vocabulary.filter { $0.unicodeScalars.contains(where: Tokenizer.isCJK) }.map(\.count).max() ?? 1
    }

    /// Builds the vocabulary from `corpus`: each text is cut into words (Chinese by longest match against
    /// `lexicon`), and every word seen at least `minCount` times gets an id, most frequent first
    /// (ties in string order), after the six specials.
    public init(corpus: [String], lexicon: [String] = ChineseLexicon.words, minCount: Int = 1) {
        let known = Set(lexicon)
        let longest = lexicon.map(\.count).max() ?? 1
        var counts: [String: Int] = [:]
        for text in corpus {
            // While building, every single character is acceptable: the fallback of the longest match.
            let pieces = Tokenizer.segment(text, isWord: { $0.count == 1 || known.contains($0) }, longestWord: longest)
            for piece in pieces {
                counts[piece, default: 0] += 1
            }
        }
        let words = counts.filter { $0.value >= minCount }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        self.init(vocabulary: words)
    }

    /// The id of a token string, if it is in the vocabulary.
    public func id(of token: String) -> Int? { ids[token] }

    /// The text cut into tokens (a run of unknown Chinese characters stays together and will map to <unk>).
    public func tokens(_ text: String) -> [String] {
        Tokenizer.segment(text, isWord: { ids[$0] != nil }, longestWord: longestWord)
    }

    /// The ids of the text's tokens; unknown tokens map to `Tokenizer.unknown`.
    public func encode(_ text: String) -> [Int] {
        tokens(text).map { ids[$0] ?? Tokenizer.unknown }
    }

    /// The ids framed and fitted to `length`: optional <bos> first, optional <eos> last, padded with
    /// <pad> (0) or cut; `truncated` says whether tokens were cut off (the <eos> is kept when cutting).
    ///
    ///     tokenizer.encode("a cat", length: 5, begin: true, end: true)   // ([2, a, cat, 3, 0], false)
    public func encode(_ text: String, length: Int, begin: Bool = false, end: Bool = false) -> (ids: [Int], truncated: Bool) {
        require(length > (begin ? 1 : 0) + (end ? 1 : 0),
                     "Tokenizer.encode: length \(length) leaves no room for text with begin \(begin) and end \(end)")
        var body = encode(text)
        let room = length - (begin ? 1 : 0) - (end ? 1 : 0)
        let truncated = body.count > room
        if truncated { body = Array(body.prefix(room)) }
        var ids = (begin ? [Tokenizer.begin] : []) + body + (end ? [Tokenizer.end] : [])
        ids += [Int](repeating: Tokenizer.pad, count: length - ids.count)
        return (ids, truncated)
    }

    /// The text of the ids: padding is skipped, English words are joined by spaces, Chinese tokens and
    /// punctuation attach directly. For lowercased ToyWorld text, decode(encode(text)) == text.
    public func decode(_ ids: [Int]) -> String {
        var text = ""
        var previous: String?
        for id in ids where id != Tokenizer.pad {
            require(id >= 0 && id < vocabulary.count, "Tokenizer.decode: id \(id) is outside 0..<\(vocabulary.count)")
            let token = vocabulary[id]
            if let previous, Tokenizer.startsLatin(token),
               Tokenizer.endsLatin(previous) || previous == "," || previous == ";" || previous == ":" {
                text += " "
            }
            text += token
            previous = token
        }
        return text
    }

    // MARK: - Segmentation

    /// Cuts text into pieces: Latin words and numbers, single punctuation marks, and Chinese words by
    /// longest match (up to `longestWord` characters) with single characters as the fallback; adjacent
    /// characters that are neither words nor known single characters stay together as one piece.
    static func segment(_ text: String, isWord: (String) -> Bool, longestWord: Int) -> [String] {
        let chars = Array(text.lowercased())
        var pieces: [String] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                i += 1
            } else if isLatin(c) {
                var j = i
                while j < chars.count, isLatin(chars[j]) { j += 1 }
                pieces.append(String(chars[i..<j]))
                i = j
            } else if c.unicodeScalars.contains(where: isCJK) {
                var unknownRun = ""
                var j = i
                while j < chars.count, chars[j].unicodeScalars.contains(where: isCJK) {
                    var matched = 0
                    for n in stride(from: min(longestWord, chars.count - j), through: 1, by: -1) {
                        let candidate = String(chars[j..<(j + n)])
                        if candidate.unicodeScalars.allSatisfy(isCJK), isWord(candidate) {
                            matched = n
                            break
                        }
                    }
                    if matched == 0 {
                        unknownRun.append(chars[j])
                        j += 1
                        continue
                    }
                    if !unknownRun.isEmpty { pieces.append(unknownRun); unknownRun = "" }
                    pieces.append(String(chars[j..<(j + matched)]))
                    j += matched
                }
                if !unknownRun.isEmpty { pieces.append(unknownRun) }
                i = j
            } else {
                pieces.append(String(c))
                i += 1
            }
        }
        return pieces
    }

    /// Letters and digits outside the CJK ranges (and the apostrophe inside words such as "it's").
    static func isLatin(_ c: Character) -> Bool {
        (c.isLetter || c.isNumber || c == "'") && !c.unicodeScalars.contains(where: isCJK)
    }

    static func startsLatin(_ token: String) -> Bool { token.first.map(isLatin) == true || token.hasPrefix("<") }
    static func endsLatin(_ token: String) -> Bool { token.last.map(isLatin) == true || token.hasSuffix(">") }

    /// CJK Unified Ideographs and Extension A.
    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
    }
}
