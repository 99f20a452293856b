import Multimodal
import TeachingEngine
import Testing

@Suite("Tokenizer: words in English and Chinese")
struct TokenizerTests {
    /// A vocabulary built from a small corpus of ToyWorld-like text.
    let tokenizer = Tokenizer(corpus: ["我喜欢这只猫", "一只可爱的橘猫在晒太阳", "a photo of a cat",
                                       "what is in this picture?", "这张图片里有什么？", "图片中有一只猫",
                                       "a small orange cat, a blue square and a red circle"])

    @Test("我喜欢这只猫 becomes four tokens [我][喜欢][这只][猫], as in the article")
    func articleSentence() {
        #expect(tokenizer.tokens("我喜欢这只猫") == ["我", "喜欢", "这只", "猫"])
        #expect(tokenizer.encode("我喜欢这只猫").count == 4)
    }

    @Test("一只可爱的橘猫在晒太阳 splits into [一只][可爱][的][橘][猫][在][晒太阳]")
    func baskingSentence() {
        #expect(tokenizer.tokens("一只可爱的橘猫在晒太阳") == ["一只", "可爱", "的", "橘", "猫", "在", "晒太阳"])
    }

    @Test("English is lowercased and punctuation is a token: 'What is in this picture?' → 6 tokens")
    func english() {
        #expect(tokenizer.tokens("What is in this picture?") == ["what", "is", "in", "this", "picture", "?"])
    }

    @Test("the six special tokens hold ids 0…5 with pad = 0")
    func specials() {
        #expect(Array(tokenizer.vocabulary.prefix(6)) == ["<pad>", "<unk>", "<bos>", "<eos>", "<sep>", "<image>"])
        #expect(Tokenizer.pad == 0 && Tokenizer.unknown == 1 && Tokenizer.image == 5)
    }

    @Test("unknown words map to <unk>: 'a zebra' → [a, <unk>], 企鹅 (penguin) → one <unk>")
    func unknown() {
        #expect(tokenizer.encode("a zebra") == [tokenizer.id(of: "a")!, Tokenizer.unknown])
        #expect(tokenizer.encode("企鹅") == [Tokenizer.unknown])
        // Known words around an unknown run are still found: 我喜欢企鹅 → [我][喜欢][<unk>]
        #expect(tokenizer.encode("我喜欢企鹅") == [tokenizer.id(of: "我")!, tokenizer.id(of: "喜欢")!, Tokenizer.unknown])
    }

    @Test("decode(encode(text)) gives the text back in both languages")
    func roundTrip() {
        for text in ["a small orange cat, a blue square and a red circle", "what is in this picture?",
                     "这张图片里有什么？", "一只可爱的橘猫在晒太阳", "我喜欢这只猫"] {
            #expect(tokenizer.decode(tokenizer.encode(text)) == text)
        }
    }

    @Test("fitting to a length pads with 0, frames with <bos>/<eos>, and flags a cut")
    func padAndTruncate() {
        let a = tokenizer.id(of: "a")!, cat = tokenizer.id(of: "cat")!
        let short = tokenizer.encode("a cat", length: 6, begin: true, end: true)
        #expect(short.ids == [Tokenizer.begin, a, cat, Tokenizer.end, 0, 0])
        #expect(!short.truncated)
        let long = tokenizer.encode("a photo of a cat", length: 4, end: true)
        #expect(long.ids == [a, tokenizer.id(of: "photo")!, tokenizer.id(of: "of")!, Tokenizer.end])
        #expect(long.truncated)
    }

    @Test("a vocabulary built from ToyWorld captions and questions covers them without <unk>")
    func toyWorldCoverage() {
        let data = ToyDataset(count: 300, options: DatasetOptions(), seed: 11)
        let texts = data.texts
        let t = Tokenizer(corpus: texts)
        #expect(texts.allSatisfy { !t.encode($0).contains(Tokenizer.unknown) })
        #expect(texts.allSatisfy { t.decode(t.encode($0)) == $0 })
        #expect(t.count < 160, "vocabulary of \(t.count) tokens")
    }
}
