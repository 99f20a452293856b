// Lesson 04's tables and the sentences that depend on what the run measured: presentation, kept out
// of the steps so each step shows its computation.

import Foundation
import Multimodal
import Walkthrough

enum TokensReport {
    typealias Say = Tokens.Say

    // MARK: - Step 2

    /// The first `count` merges: number, the two pieces, the new piece and how often the pair occurred.
    static func firstMerges(_ bpe: BytePairEncoding, count: Int) -> [[String]] {
        bpe.merges.prefix(count).enumerated().map { i, merge in
            ["\(i + 1)", shown(merge.left), shown(merge.right), shown(merge.symbol), "\(merge.count)"]
        }
    }

    /// A piece as printed: the end-of-word mark as "_" ("cat</w>" → "cat_").
    static func shown(_ piece: String) -> String {
        piece.hasSuffix(BytePairEncoding.endOfWord) ? BytePairEncoding.plain(piece) + "_" : piece
    }

    /// One sentence cut three ways: one row per way, the tokens in brackets, and their count.
    static func cutRows(_ sentence: String, _ cuts: [[String]], _ run: Run) -> [[String]] {
        zip(Say.methodNames, cuts).map { name, tokens in
            [run.text(name), tokens.map { "[\($0)]" }.joined(), "\(tokens.count)"]
        }
    }

    /// Mean tokens per held-out caption, one row per language.
    static func countRows(_ counts: SubwordCounts, _ run: Run) -> [[String]] {
        [(Multimodal.Language.english, Say.english), (.chinese, Say.chinese)].map { language, name in
            [run.text(name)] + SubwordCounts.Method.allCases.map { String(format: "%.2f", counts.mean(language, $0)) }
        }
    }

    // MARK: - Step 9

    /// Near, far and their difference for the four kinds of position vectors.
    static func gridRows(_ before: (near: Double, far: Double), _ after: (near: Double, far: Double),
                         _ change: (near: Double, far: Double), _ sines: (near: Double, far: Double),
                         _ run: Run) -> [[String]] {
        zip(Say.gridRows, [before, after, change, sines]).map { name, pair in
            [run.text(name), String(format: "%.3f", pair.near), String(format: "%.3f", pair.far),
             String(format: "%+.3f", pair.near - pair.far)]
        }
    }

    /// Whether a grid formed (in the raw vectors, or in what training added), and exactly what taught it.
    static func sayWhatTaughtTheGrid(after: (near: Double, far: Double), change: (near: Double, far: Double),
                                     sines: (near: Double, far: Double), _ lesson: Tokens, _ run: Run) {
        let (learned, added, fixed) = (after.near - after.far, change.near - change.far, sines.near - sines.far)
        if learned > 0.5 * fixed {
            run.say(Say.foundGrid, learned, fixed)
        } else if added > 0.1 {
            run.say(Say.startingGrid, learned, added)
        } else {
            run.say(Say.noGrid, learned, added)
        }
        let formed = learned > 0.5 * fixed || added > 0.1
        if !lesson.recipe.questionKinds.contains(.whereIs) {
            run.say(Say.noPlaceInAnswers)
        } else {
            formed ? run.say(Say.supervisedByAnswers) : run.say(Say.notYetSupervised, lesson.recipe.steps)
        }
    }

    // MARK: - Step 10

    /// Per block: the mean share on the cat's patch, against chance, and how often it is the top patch.
    static func blockRows(_ probes: [LearnedGrid.Probe], _ attention: [[[Double]]], _ shares: [Double],
                          chance: Double) -> [[String]] {
        shares.enumerated().map { block, share in
            let hits = zip(probes, attention).filter { probe, a in
                a[block].indices.max { a[block][$0] < a[block][$1] } == probe.catPatch
            }.count
            return ["\(block + 1)", String(format: "%.3f", share), String(format: "%.1f×", share / chance),
                    "\(hits)/\(probes.count)"]
        }
    }
}

extension Tokens {
    /// Rows of the toy beside real systems: the toy's sizes are this run's (the picture's patches, the
    /// trained model's grid, the word list and the byte-pair encoding step 2 learns, the positions, one
    /// attention layer's cost); the real side is from the papers (ViT, Dosovitskiy et al. 2021; LLaVA-1.5,
    /// Liu et al. 2023; GPT-2, Radford et al. 2019; CLIP, Radford et al. 2021).
    ///
    ///     run.table(Say.realColumns, lesson.toyBesideReal())
    ///     // image tokens | 224×224 picture → N = 224² / 16² = 196 patches of 16×16 (…) | ViT-B/16 at 224 px …
    func toyBesideReal() -> [[String]] {
        let t = { (en: String, zh: String) in self.run.text(L(en, zh)) }
        let (p, n, d) = (knobs.patch, patches.shape[0], knobs.width)
        let grid = model.configuration   // the trained model: 32×32 → 16 patches of 8×8
        let corpus = captions.train      // step 2's captions, its word list and byte-pair encoding
        let bpe = BytePairEncoding(learningMerges: knobs.merges, from: corpus)
        let words = Tokenizer(corpus: corpus).count - Tokenizer.specialTokens.count
        let flop = RawPositions.attentionFLOPs(tokens: n, width: d)
        let cost = (String(format: "%.1f", flop / 1e6), String(format: "%.1f", flop / 2e6))
        let supervised = knobs.questions == "where"
            ? L("supervised by answers that name rows and columns", "由说出行和列的答案监督")
            : L("trained on --questions \(knobs.questions)", "用 --questions \(knobs.questions) 训练")
        return [
            [t("image tokens", "图像词元"),
             t("224×224 picture → N = 224² / \(p)² = \(n) patches of \(p)×\(p) (the trained model: "
               + "\(grid.imageSize)×\(grid.imageSize) → \(grid.patchCount) of \(grid.patchSize)×\(grid.patchSize))",
               "224×224 的图 → N = 224² / \(p)² = \(n) 个 \(p)×\(p) 的图块（训练的模型："
               + "\(grid.imageSize)×\(grid.imageSize) → \(grid.patchCount) 个 \(grid.patchSize)×\(grid.patchSize)）"),
             t("ViT-B/16 at 224 px: 196 (+1 class token); LLaVA-1.5, CLIP ViT-L/14 at 336 px: (336 / 14)² = 576 "
               + "image tokens",
               "ViT-B/16，224 像素：196 个（另加 1 个分类词元）；LLaVA-1.5 用 CLIP ViT-L/14，336 像素："
               + "(336 / 14)² = 576 个图像词元")],
            [t("text tokens", "文本词元"),
             t("a word list of \(words) words; BPE with \(bpe.merges.count) merges, \(bpe.vocabulary.count) pieces, "
               + "learned in the run from \(corpus.count) captions",
               "\(words) 个词的词表；BPE 做 \(bpe.merges.count) 次合并，得到 \(bpe.vocabulary.count) 个片段，"
               + "在本次运行里从 \(corpus.count) 句描述学得"),
             t("GPT-2: byte-level BPE, a vocabulary of 50,257 (256 bytes, 50,000 merges, one end-of-text token); "
               + "CLIP's text encoder: BPE with a vocabulary of 49,408",
               "GPT-2：字节级 BPE，词表 50,257 个（256 个字节、50,000 次合并、一个文本结束词元）；"
               + "CLIP 的文本编码器：BPE，词表 49,408 个")],
            [t("positions", "位置"),
             t("fixed 1D and 2D sines; learned vectors for \(grid.patchCount) patches, \(recipe.steps) steps, ",
               "固定的一维和二维正弦编码；\(grid.patchCount) 个图块的位置向量是学出来的，\(recipe.steps) 步，")
                + run.text(supervised),
             t("ViT: learned vectors, no location labels, from classification on millions of images",
               "ViT：学出来的位置向量，没有位置标签，靠在数百万张图上做分类学得")],
            [t("attention cost", "注意力开销"),
             t("one layer, d = \(d): \(cost.0) MFLOP (\(cost.1) M multiply-adds) at \(n) tokens",
               "一层，d = \(d)：\(n) 个词元时 \(cost.0) MFLOP（\(cost.1) M 次乘加）"),
             t("the same 8Td² + 4T²d FLOP per layer, at d = 768 (ViT-B, 12 layers) or 1,024 (ViT-L, 24 layers)",
               "每层同样是 8Td² + 4T²d FLOP，d = 768（ViT-B，12 层）或 1,024（ViT-L，24 层）")],
        ]
    }
}
