// A learner's free text — an empty question, emoji, words ToyWorld never used,
// thousands of characters, control characters — always becomes a valid row of ids: unknown pieces
// map to <unk>, a long text is cut to the model's length and the cut is flagged. Never a crash.

import Multimodal
import Testing

@Suite("Free text becomes valid token ids: <unk> for the unknown, a flagged cut for the long")
struct ReliabilityFreeTextTests {
    /// The ToyWorld vocabulary, as lesson 05's questions use it.
    static let tokenizer = Tokenizer(corpus: ToyDataset(count: 300, options: DatasetOptions(), seed: 11).texts)
    static let unk = Tokenizer.unknown

    /// `text` fitted to 12 ids (lesson 05's question length is of this order), with the checks every
    /// input must pass: exactly 12 ids, each a vocabulary id.
    static func fitted(_ text: String) -> (ids: [Int], truncated: Bool) {
        let fitted = tokenizer.encode(text, length: 12, end: true)
        #expect(fitted.ids.count == 12)
        #expect(fitted.ids.allSatisfy { $0 >= 0 && $0 < tokenizer.count })
        return fitted
    }

    @Test("an empty or all-space question is just <eos> and padding, not cut")
    func empty() {
        for text in ["", "   ", "\n\t"] {
            let (ids, truncated) = Self.fitted(text)
            #expect(ids == [Tokenizer.end] + [Int](repeating: Tokenizer.pad, count: 11))
            #expect(!truncated)
        }
    }

    @Test("'what colour is the 🐱?' keeps its four known words and maps the emoji to <unk>")
    func emoji() {
        let ids = Self.tokenizer.encode("what colour is the 🐱?")
        #expect(ids.filter { $0 == Self.unk }.count == 1)
        #expect(Array(ids.prefix(4)) == ["what", "colour", "is", "the"].map { Self.tokenizer.id(of: $0)! })
        // a family emoji joined by zero-width joiners is one character, so one <unk>
        #expect(Self.tokenizer.encode("👨‍👩‍👧").filter { $0 == Self.unk }.count == 1)
        #expect(Self.fitted("🐱🐶🦊").ids.contains(Self.unk))
    }

    @Test("'is there a zebra?' and 企鹅 (penguin): each unknown word is one <unk>, the known words keep their ids")
    func unknownWords() {
        let ids = Self.tokenizer.encode("is there a zebra?")
        #expect(ids.count == 5)
        #expect(ids[3] == Self.unk)
        #expect(!ids.enumerated().contains { $0.offset != 3 && $0.element == Self.unk })
        #expect(Self.tokenizer.encode("企鹅") == [Self.unk])
    }

    @Test("a 5,000-character question is cut to 12 ids ending in <eos> and flagged as truncated")
    func veryLong() {
        let text = String(repeating: "what colour is the cat? ", count: 209).prefix(5_000)
        #expect(text.count == 5_000)
        let (ids, truncated) = Self.fitted(String(text))
        #expect(truncated)
        #expect(ids.last == Tokenizer.end)
        #expect(Array(ids.prefix(5)) == Self.tokenizer.encode("what colour is the cat"))
        // 5,000 Chinese characters with no spaces take the longest-match path: also cut, also flagged
        #expect(Self.fitted(String(repeating: "猫", count: 5_000)).truncated)
    }

    @Test("control characters, NUL, right-to-left text and combining accents give ids, never a crash")
    func oddCharacters() {
        for text in ["\u{0}\u{7}\u{1B}[31m", "ما لون القطة؟", "cafe\u{301} cat", "\u{200B}\u{FEFF}", String(repeating: "?", count: 40)] {
            _ = Self.fitted(text)
        }
        #expect(Self.tokenizer.decode(Self.tokenizer.encode("ما لون القطة؟")).isEmpty == false)
    }
}
