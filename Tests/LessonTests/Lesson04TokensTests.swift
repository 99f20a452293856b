// Lesson 04's claims as worked examples: 196 patches, a 200-token sequence, permutation equivariance
// without positions and its loss with them, nearby 2D positions more similar than far ones.

import Foundation
import Lessons
import Multimodal
import TeachingEngine
import Testing
import Walkthrough

@Suite("Lesson 04: patches and words in one sequence, and why positions matter")
struct Lesson04TokensTests {
    @Test("a 224×224 image cut into 16×16 patches gives 196 tokens of 768 values")
    func patchCount() {
        let image = Tensor(zeros: [224, 224, 3])
        #expect(Patches.patchify(image, patchSize: 16).shape == [196, 768])   // (224/16)² = 14² = 196; 16·16·3 = 768
        #expect(Patches.patchify(image, patchSize: 32).shape == [49, 3072])
    }

    @Test("self-attention without positions is permutation-equivariant; with positions it is not (seeds 0, 1, 2)",
          arguments: [UInt64(0), 1, 2])
    func equivariance(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let attention = MultiHeadAttention(width: 16, headCount: 4, name: "a", using: &rng)
        let x = Variable(Tensor(randomNormal: [1, 6, 16], using: &rng))        // [1, 6, 16]
        let order = [3, 0, 5, 1, 4, 2]
        let positions = Variable(PositionalEncoding.sinusoidal1D(positions: 6, dimension: 16).reshaped(to: [1, 6, 16]))
        func gap(_ a: Variable, _ b: Variable) -> Float {
            zip(a.value.scalars, b.value.scalars).map { abs($0 - $1) }.max()!
        }
        let plain = noGrad { gap(attention(x.indexSelect(alongAxis: 1, order)).output,
                                 attention(x).output.indexSelect(alongAxis: 1, order)) }
        let placed = noGrad { gap(attention(x.indexSelect(alongAxis: 1, order) + positions).output,
                                  attention(x + positions).output.indexSelect(alongAxis: 1, order)) }
        #expect(plain < 1e-5)
        #expect(placed > 1e-3)
    }

    @Test("2D sinusoidal code of the 14×14 grid: neighbours are more similar than patches 7 or more apart")
    func twoDimensionalNeighbours() {
        let codes = RawPositions.rows(PositionalEncoding.sinusoidal2D(rows: 14, columns: 14, dimension: 64))
        let (near, far) = RawPositions.neighbourAndFarSimilarity(codes, side: 14)
        #expect(near > far + 0.1, "near \(near), far \(far)")
        #expect(RawPositions.attentionFLOPs(tokens: 196, width: 64) == 16_257_024)
    }

    @Test("a --quick run writes the notebook and figures; the sequence is 196 + 4 = 200 tokens; it ends with its own 40 steps and 1,200 captions beside ViT and GPT-2")
    func quickRun() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("lesson04-quick-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = Walkthrough.runReporting(Tokens.self, arguments: ["--quick", "--out", out.path], console: .captured())
        #expect(result.exitCode == 0)
        for file in ["notebook.ipynb", "README.md", "metrics.json", "patches.png", "tokens-per-caption.png",
                     "sequence.png", "positions-1d.png", "positions-2d.png", "positions-learned.png",
                     "attention-cost.png", "cat-attention.png"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file) missing")
        }
        #expect(result.metrics["patch_tokens"] == 196)
        #expect(result.metrics["sequence_tokens"] == 200)
        #expect((result.metrics["equivariance_error_without_positions"] ?? 1) < 1e-5)
        #expect(result.metrics["learned_neighbour_similarity"] != nil)
        #expect(result.metrics["cat_word_attention_chance"] == 0.0625)   // 1/16: the 4×4 grid
        // the article's sentence: 4 words, 6 characters; "i like this orange cat": 5 words, 18 letters
        #expect(result.metrics["sentence.zh.words"] == 4 && result.metrics["sentence.zh.characters"] == 6)
        #expect(result.metrics["sentence.en.words"] == 5 && result.metrics["sentence.en.characters"] == 18)
        // tokens per held-out caption, both languages, three ways; learned pieces never outnumber characters
        for language in ["en", "zh"] {
            let characters = result.metrics["tokens_per_caption.\(language).characters"] ?? 0
            let bpe = result.metrics["tokens_per_caption.\(language).bpe"] ?? .infinity
            #expect(result.metrics["tokens_per_caption.\(language).words"] != nil)
            #expect(bpe < characters, "\(language): BPE \(bpe) against characters \(characters)")
        }
        // The last table: --quick learns its merges from 600 scenes' captions in two languages and trains 40
        // steps (the default run: 4,000 captions, 800 steps); one attention layer at 196 tokens, d = 64.
        let table = try #require(try ToyBesideRealTable.last(in: out))
        let image = try #require(ToyBesideRealTable.row("image tokens", in: table))
        #expect(image.contains("N = 224² / 16² = 196 patches") && image.contains("(336 / 14)² = 576"), "\(image)")
        let text = try #require(ToyBesideRealTable.row("text tokens", in: table))
        #expect(text.contains("BPE with 150 merges") && text.contains("from 1200 captions"), "\(text)")
        #expect(text.contains("GPT-2: byte-level BPE, a vocabulary of 50,257"))
        #expect(ToyBesideRealTable.row("positions", in: table)?.contains("16 patches, 40 steps") == true)
        #expect(ToyBesideRealTable.row("attention cost", in: table)?.contains("16.3 MFLOP (8.1 M multiply-adds) at 196 tokens") == true)
    }
}
