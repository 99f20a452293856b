// Byte-pair encoding, learned from a corpus: subword tokens (Sennrich, Haddow & Birch 2016, "Neural
// Machine Translation of Rare Words with Subword Units", Algorithm 1).
//
// Start from single characters; count every pair of neighbouring symbols over the corpus; merge the most
// frequent pair into one new symbol; repeat. Frequent words end up as one piece, rare words as a few
// pieces, and nothing is ever out of vocabulary as long as its characters were seen.
//
// Symbols here are Unicode characters, not UTF-8 bytes: ToyWorld's Chinese is a few dozen characters of
// three bytes each, and at the byte level the first merges would only rebuild those characters, in
// pieces that cannot be printed. The price of characters: one never seen in training has no piece
// (byte-level BPE, GPT-2's choice, never meets an unknown symbol).
//
// As in Sennrich's reference code, the end of a word is marked on its last character ("t</w>"), so a
// piece knows whether it ends a word and merges never cross a space. A run of Chinese characters has no
// spaces: it is one "word", and its merges may well cross what a dictionary would call word boundaries.

import AlignFuseSupport

/// Subword tokens learned by byte-pair encoding at the character level.
///
///     // the paper's corpus: low ×5, lower ×2, newest ×6, widest ×3
///     let bpe = BytePairEncoding(learningMerges: 10, from: ["low low low low low lower lower", …])
///     bpe.merges.prefix(3).map(\.symbol)   // ["es", "est</w>", "lo"]
///     bpe.encode("lowest")                 // ["low", "est</w>"]: an unseen word, cut into known pieces
public struct BytePairEncoding: Sendable {
    /// Marks the last symbol of a word.
    public static let endOfWord = "</w>"

    /// One learned merge: `left` and `right`, side by side, become `symbol`.
    public struct Merge: Sendable, Hashable {
        public let left: String
        public let right: String
        /// How often the pair stood side by side in the corpus when it was merged.
        public let count: Int
        /// The new symbol, `left + right`.
        public var symbol: String { left + right }
    }

    /// The starting symbols seen in the corpus (each character, and its end-of-word form), sorted.
    public let alphabet: [String]
    /// The merges, in the order they were learned (the first is the most frequent pair of characters).
    public let merges: [Merge]
    /// Merge rank by pair: the lower, the earlier it was learned.
    private let ranks: [Pair: Int]

    /// The alphabet followed by one new symbol per merge.
    public var vocabulary: [String] { alphabet + merges.map(\.symbol) }

    /// Learns up to `count` merges from `corpus` (lines of text). Each step merges the most frequent
    /// neighbouring pair; a tie goes to the pair whose left symbol, then right symbol, sorts first.
    /// Learning stops early when no pair occurs twice.
    public init(learningMerges count: Int, from corpus: [String]) {
        require(count >= 0, "BytePairEncoding: the number of merges must not be negative, got \(count)")
        var wordCounts: [String: Int] = [:]
        for line in corpus { for word in BytePairEncoding.words(line) { wordCounts[word, default: 0] += 1 } }
        // Symbols are numbered so that pairs count fast; `names[id]` is the symbol's text.
        var names: [String] = [], ids: [String: Int] = [:]
        func id(_ name: String) -> Int {
            if let known = ids[name] { return known }
            names.append(name)
            ids[name] = names.count - 1
            return names.count - 1
        }
        let types = wordCounts.keys.sorted()                                 // a fixed order, for determinism
        var words = types.map { BytePairEncoding.startingSymbols($0).map(id) }
        let weights = types.map { wordCounts[$0]! }
        alphabet = names.sorted()
        var merges: [Merge] = []
        while merges.count < count {
            // 1. Count every neighbouring pair, each word weighted by how often it occurs.
            var pairCounts: [Pair: Int] = [:]
            for (word, weight) in zip(words, weights) where word.count > 1 {
                for i in 0..<(word.count - 1) { pairCounts[Pair(word[i], word[i + 1]), default: 0] += weight }
            }
            // 2. The most frequent pair; ties in the order of the symbols' text.
            guard let best = pairCounts.max(by: { a, b in
                a.value != b.value ? a.value < b.value
                    : (names[a.key.left], names[a.key.right]) > (names[b.key.left], names[b.key.right])
            }), best.value >= 2 else { break }
            // 3. Merge it everywhere.
            let (left, right) = (best.key.left, best.key.right)
            let merged = id(names[left] + names[right])
            words = words.map { BytePairEncoding.merge(left, right, into: merged, in: $0) }
            merges.append(Merge(left: names[left], right: names[right], count: best.value))
        }
        self.merges = merges
        var ranks: [Pair: Int] = [:]
        var textIDs: [String: Int] = [:]
        func textID(_ s: String) -> Int {
            if let known = textIDs[s] { return known }
            textIDs[s] = textIDs.count
            return textIDs.count - 1
        }
        for (rank, merge) in merges.enumerated() {
            ranks[Pair(textID(merge.left), textID(merge.right))] = rank
        }
        self.ranks = ranks
        self.symbolIDs = textIDs
    }

    /// Ids of the symbols that take part in merges (for `encode`).
    private let symbolIDs: [String: Int]

    /// `text` cut into pieces: each word starts as its characters and the learned merges are applied in
    /// the order they were learned. Pieces keep their end-of-word mark ("cat</w>"); see `plain(_:)`.
    ///
    ///     bpe.encode("i like this orange cat").count   // ≤ 18, the number of letters
    public func encode(_ text: String) -> [String] {
        BytePairEncoding.words(text).flatMap(encodeWord)
    }

    private func encodeWord(_ word: String) -> [String] {
        var symbols = BytePairEncoding.startingSymbols(word)
        while symbols.count > 1 {
            // The neighbouring pair that was learned first, if any.
            var best: (rank: Int, index: Int)?
            for i in 0..<(symbols.count - 1) {
                guard let l = symbolIDs[symbols[i]], let r = symbolIDs[symbols[i + 1]],
                      let rank = ranks[Pair(l, r)] else { continue }
                if best == nil || rank < best!.rank { best = (rank, i) }
            }
            guard let best else { break }
            let (left, right) = (symbols[best.index], symbols[best.index + 1])
            var merged: [String] = []
            var i = 0
            while i < symbols.count {
                if i + 1 < symbols.count, symbols[i] == left, symbols[i + 1] == right {
                    merged.append(left + right)
                    i += 2
                } else {
                    merged.append(symbols[i])
                    i += 1
                }
            }
            symbols = merged
        }
        return symbols
    }

    // MARK: - Words and characters

    /// Text cut where BPE never merges: lowercased, split at spaces, each punctuation mark a word of
    /// its own. A run of Chinese characters is one word.
    ///
    ///     BytePairEncoding.words("a cat, a dog")   // ["a", "cat", ",", "a", "dog"]
    ///     BytePairEncoding.words("我喜欢这只猫")     // ["我喜欢这只猫"]
    public static func words(_ text: String) -> [String] {
        var words: [String] = [], current = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber || c == "'" {
                current.append(c)
            } else {
                if !current.isEmpty { words.append(current); current = "" }
                if !c.isWhitespace { words.append(String(c)) }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The characters of `text`, spaces left out: the tokens of a character-level model, and where
    /// BPE starts.
    ///
    ///     BytePairEncoding.characters("a cat").count   // 4
    public static func characters(_ text: String) -> [String] {
        words(text).flatMap { $0.map(String.init) }
    }

    /// A piece without its end-of-word mark, for printing: "cat</w>" → "cat".
    public static func plain(_ piece: String) -> String {
        piece.hasSuffix(endOfWord) ? String(piece.dropLast(endOfWord.count)) : piece
    }

    /// A word's starting symbols: its characters, the last one marked as the end of the word.
    static func startingSymbols(_ word: String) -> [String] {
        var symbols = word.map(String.init)
        if let last = symbols.popLast() { symbols.append(last + endOfWord) }
        return symbols
    }

    /// `word` with every `left right` (left to right, not overlapping) replaced by `merged`.
    private static func merge(_ left: Int, _ right: Int, into merged: Int, in word: [Int]) -> [Int] {
        guard word.count > 1 else { return word }
        var out: [Int] = []
        out.reserveCapacity(word.count)
        var i = 0
        while i < word.count {
            if i + 1 < word.count, word[i] == left, word[i + 1] == right {
                out.append(merged)
                i += 2
            } else {
                out.append(word[i])
                i += 1
            }
        }
        return out
    }
}

/// Two neighbouring symbols, by id.
private struct Pair: Hashable, Sendable {
    let left: Int
    let right: Int
    init(_ left: Int, _ right: Int) { self.left = left; self.right = right }
}
