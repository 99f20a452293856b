// Byte-pair encoding as worked examples: the corpus of Sennrich et al. 2016 (low ×5, lower ×2,
// newest ×6, widest ×3), whose merges can be followed by hand, and a tiny Chinese corpus.

import Multimodal
import Testing

@Suite("Byte-pair encoding: subword pieces learned from counts")
struct BytePairEncodingTests {
    /// low ×5, lower ×2, newest ×6, widest ×3.
    static let corpus = Array(repeating: "low", count: 5) + Array(repeating: "lower", count: 2)
        + Array(repeating: "newest", count: 6) + Array(repeating: "widest", count: 3)

    // By hand. Start: l o w</w> (5) · l o w e r</w> (2) · n e w e s t</w> (6) · w i d e s t</w> (3).
    //   e s: 6 + 3 = 9 and s t</w>: 9 tie; "e" sorts before "s"      → es
    //   es t</w>: 9                                                  → est</w>
    //   l o: 5 + 2 = 7                                               → lo
    //   e w, n e, w est</w>: 6 each; "e" sorts first                 → ew
    //   ew est</w>, n ew: 6 each; "ew" sorts before "n"             → ewest</w>
    //   n ewest</w>: 6                                               → newest</w>
    //   lo w</w>: 5                                                  → low</w>
    @Test("the paper's corpus: the first seven merges are es, est</w>, lo, ew, ewest</w>, newest</w>, low</w>")
    func firstMerges() {
        let bpe = BytePairEncoding(learningMerges: 7, from: Self.corpus)
        #expect(bpe.merges.map(\.symbol) == ["es", "est</w>", "lo", "ew", "ewest</w>", "newest</w>", "low</w>"])
        #expect(bpe.merges.map(\.count) == [9, 9, 7, 6, 6, 6, 5])
    }

    @Test("with merges to spare, learning stops when no pair occurs twice: 13 merges, every word one piece")
    func stopsAtSingletons() {
        let bpe = BytePairEncoding(learningMerges: 100, from: Self.corpus)
        #expect(bpe.merges.count == 13)
        for word in ["low", "lower", "newest", "widest"] { #expect(bpe.encode(word) == [word + "</w>"]) }
        #expect(bpe.alphabet.count == 11)   // d e i l n o s w, and r</w> t</w> w</w> at word ends
        #expect(bpe.vocabulary.count == 11 + 13)
    }

    @Test("an unseen word is cut into learned pieces: lowest → low + est</w>, as in the paper")
    func unseenWord() {
        let bpe = BytePairEncoding(learningMerges: 7, from: Self.corpus)
        // "low</w>" ends a word, so lowest starts from l o w e s t</w>: lo, then es, then est</w>, then…
        #expect(bpe.encode("lowest") == ["lo", "w", "est</w>"])
        let more = BytePairEncoding(learningMerges: 13, from: Self.corpus)
        #expect(more.encode("lowest") == ["low", "est</w>"])   // "low" (not at a word end) came with lower
    }

    @Test("Chinese has no spaces: 我喜欢这只猫 ×3 and 这只狗 ×2 learn 这只 first (5 times), across what a dictionary calls two words")
    func chinese() {
        let bpe = BytePairEncoding(learningMerges: 1, from: Array(repeating: "我喜欢这只猫", count: 3)
                                   + Array(repeating: "这只狗", count: 2))
        #expect(bpe.merges.map(\.symbol) == ["这只"] && bpe.merges[0].count == 5)
        #expect(bpe.encode("我喜欢这只猫").map(BytePairEncoding.plain) == ["我", "喜", "欢", "这只", "猫"])
        #expect(BytePairEncoding.characters("我喜欢这只猫").count == 6)
    }

    @Test("words split at spaces and punctuation; characters leave the spaces out")
    func words() {
        #expect(BytePairEncoding.words("A cat, a dog") == ["a", "cat", ",", "a", "dog"])
        #expect(BytePairEncoding.words("一只猫和一条狗、一个方块") == ["一只猫和一条狗", "、", "一个方块"])
        #expect(BytePairEncoding.characters("i like this orange cat").count == 18)
    }

    @Test("the same corpus learns the same merges, whatever order its lines come in")
    func deterministic() {
        let a = BytePairEncoding(learningMerges: 13, from: Self.corpus)
        let b = BytePairEncoding(learningMerges: 13, from: Self.corpus.reversed())
        #expect(a.merges == b.merges)
    }
}
