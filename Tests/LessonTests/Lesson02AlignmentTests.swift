// Worked examples for lesson 02 (contrastive alignment, a tiny CLIP): the model's sizes and shapes, the
// loss computed by hand, the measures on hand-checkable inputs, the bilingual captions and how Chinese is
// cut into tokens, and a short seeded training that aligns.

import Foundation
import Lessons
import Multimodal
import TeachingEngine
import Testing
import Walkthrough

/// A small CLIP (d = 32, one block per tower, shared space 16) trained 300 steps on 400 one-object scenes,
/// once for all tests that need it. Measured on seeds 1, 2, 3 (release): the loss falls from 3.9–4.4 to
/// 1.5–2.1; matched pairs score 0.43–0.72 against 0.14–0.26 for mismatched; exact-pair recall@1 among
/// 100 test pairs 0.21–0.31 against chance 0.01.
struct ShortTraining {
    let losses: [Float]
    let textToImage: [[Float]]   // [100 captions][100 pictures], test pairs on the diagonal

    static let seed1 = ShortTraining(seed: 1)

    init(seed: UInt64) {
        var options = DatasetOptions()
        options.scenes.objectCount = 1...1
        options.captions.attributeDropProbability = 0.3
        let train = ToyDataset(count: 400, options: options, seed: seed)
        options.captions.attributeDropProbability = 0
        let test = ToyDataset(count: 100, options: options, seed: seed + 1000)
        let captions = train.samples.map(\.caption.english), testCaptions = test.samples.map(\.caption.english)
        let tokenizer = Tokenizer(corpus: captions + testCaptions, lexicon: [])
        let pairs = ContrastivePairs(images: Batches.pixels(train.samples.map(\.image)),
                                     ids: Batches.tokens(captions, tokenizer: tokenizer, length: 8).ids,
                                     groups: train.samples.map { $0.scene.objects[0].color.rawValue })
        let configuration = ContrastiveConfiguration(
            image: ImageEncoderConfiguration(width: 32, depth: 1, headCount: 2, hiddenWidth: 64),
            text: TextEncoderConfiguration(vocabularySize: 64, width: 32, depth: 1, headCount: 2, hiddenWidth: 64),
            embeddingWidth: 16)
        var rng = SeededGenerator(seed: seed)
        let model = ContrastiveModel(configuration, using: &rng)
        var training = ContrastiveTrainingOptions()
        training.steps = 300
        training.batchSize = 32
        let trainer = ContrastiveTrainer(model: model, pairs: pairs, options: training, seed: seed)
        losses = (0..<training.steps).map { _ in trainer.step().loss }
        let pictures = model.embedImages(Batches.pixels(test.samples.map(\.image)))
        let texts = model.embedTexts(Batches.tokens(testCaptions, tokenizer: tokenizer, length: 8).ids)
        textToImage = cosineSimilarities(texts, pictures)
    }
}

@Suite("Lesson 02: contrastive alignment")
struct Lesson02AlignmentTests {
    @Test("the lesson's model is W-CLIP with a 128-word table: 115,520 image + 110,848 text parameters + 1 temperature = 226,369")
    func wClipSize() {
        var rng = SeededGenerator(seed: 1)
        let model = ContrastiveModel(Alignment.configuration, using: &rng)
        // image: 192·64 + 64 (patch) + 16·64 (positions) + 100,096 (2 blocks + LN) + 64·32 (projection)
        #expect(model.image.parameterCount + model.imageProjection.parameterCount == 115_520)
        // text: 128·64 (table, both languages) + 8·64 (positions) + 100,096 + 64·32; W-CLIP's 64-word table
        // would give 106,752: the second language costs 64·64 = 4,096 parameters and no compute
        #expect(model.text.parameterCount + model.textProjection.parameterCount == 110_848)
        #expect(model.parameterCount == 226_369)
    }

    @Test("the image encoder turns 2 pictures [2, 32, 32, 3] into 16 tokens each [2, 16, 64], with [2, 4, 16, 16] attention per block")
    func imageShapes() {
        var rng = SeededGenerator(seed: 3)
        let encoder = ImageEncoder(name: "image", using: &rng)
        let pictures = Tensor(randomUniform: [2, 32, 32, 3], in: -1...1, using: &rng)
        let out = encoder(pictures)
        #expect(out.output.shape == [2, 16, 64])
        #expect(out.attentionWeights.map(\.shape) == [[2, 4, 16, 16], [2, 4, 16, 16]])
    }

    @Test("padding does not change a caption's tokens: \"a cat\" padded to 8 and to 3 gives the same real tokens")
    func paddingIsMasked() {
        var rng = SeededGenerator(seed: 4)
        let encoder = TextEncoder(name: "text", using: &rng)
        let long = noGrad { encoder([[7, 9, 0, 0, 0, 0, 0, 0]]).output }   // [1, 8, 64]
        let short = noGrad { encoder([[7, 9, 0]]).output }                 // [1, 3, 64]
        let realLong = Array(long.value.scalars.prefix(2 * 64)), realShort = Array(short.value.scalars.prefix(2 * 64))
        let largest = zip(realLong, realShort).map { abs($0 - $1) }.max() ?? 1
        #expect(largest < 1e-5, "largest difference \(largest)")
    }

    @Test("two logits (1, 0): the first one's term is −log(e / (e + 1)) = log(1 + e⁻¹) ≈ 0.3133")
    func negativeLogSoftmaxByHand() {
        #expect(abs(negativeLogSoftmax([1, 0], at: 0) - 0.31326) < 1e-4)
        #expect(abs(negativeLogSoftmax([0, 0, 0, 0], at: 2) - Foundation.log(4)) < 1e-6)   // no preference: ln 4
    }

    @Test("a caption describes a scene when every attribute it states holds, in English and in Chinese")
    func captionMatching() {
        let cat = ToyScene(objects: [ToyObject(kind: .cat, color: .orange, size: .small, cell: GridCell(row: 1, column: 1))])
        #expect(AlignmentMeasures.captionDescribes("a photo of a cat", cat))
        #expect(AlignmentMeasures.captionDescribes("i like this small orange cat", cat))
        #expect(!AlignmentMeasures.captionDescribes("a photo of a large orange cat", cat))   // wrong size
        #expect(!AlignmentMeasures.captionDescribes("a photo of an orange dog", cat))        // wrong kind
        #expect(!AlignmentMeasures.captionDescribes("a cute orange cat basking in the sun", cat))   // no sun
        #expect(AlignmentMeasures.captionDescribes("一张猫的照片", cat))
        #expect(AlignmentMeasures.captionDescribes("我喜欢这只小的橘色猫", cat))
        #expect(!AlignmentMeasures.captionDescribes("一张大的橘色猫的照片", cat))            // wrong size
        #expect(!AlignmentMeasures.captionDescribes("一只橘色狗", cat))                      // wrong kind
        #expect(!AlignmentMeasures.captionDescribes("一只可爱的橘猫在晒太阳", cat))          // no sun
    }

    @Test("an English and a Chinese caption say the same thing when they state the same kind, colour, size and sun")
    func sameStatement() {
        let said = { (caption: String) in CaptionStatement(caption) }
        #expect(said("a photo of an orange cat") == said("我喜欢这只橘色猫"))            // the template does not matter
        #expect(said("a cute orange cat basking in the sun") == said("一只可爱的橘猫在晒太阳"))  // 橘猫: 橘 + 猫
        #expect(said("a small gray square under the sun") == said("太阳下有一个小的灰色方块"))
        #expect(said("a photo of an orange cat") != said("一张小的橘色猫的照片"))          // one says a size
        #expect(said("a red circle") != said("一个红色方块"))                                 // another kind
        #expect(said("一只可爱的白猫在晒太阳").colors == [.white] && said("一只可爱的白猫在晒太阳").sun)
    }

    @Test("caption → caption retrieval across languages: two queries, two candidates, both ranked right, chance 1/2")
    func crossLingualByHand() {
        // "a red cat" is nearest [0.9, 0.1] = 一只红色猫 (cos 0.99 against 0.24), "a blue dog" nearest 一只蓝色狗.
        let result = AlignmentMeasures.crossLingual(queries: [[1, 0], [0, 1]], candidates: [[0.9, 0.1], [0.2, 0.8]],
                                                    queryCaptions: ["a red cat", "a blue dog"],
                                                    candidateCaptions: ["一只红色猫", "一只蓝色狗"], pool: 2)
        #expect(result.recall == 1 && result.chance == 0.5)
        // Swap the candidates' captions: each query's nearest now says something else.
        let swapped = AlignmentMeasures.crossLingual(queries: [[1, 0], [0, 1]], candidates: [[0.9, 0.1], [0.2, 0.8]],
                                                     queryCaptions: ["a red cat", "a blue dog"],
                                                     candidateCaptions: ["一只蓝色狗", "一只红色猫"], pool: 2)
        #expect(swapped.recall == 0)
    }

    @Test("each training picture has one caption, English or Chinese, never both; --chinese 0 and 1 keep one language")
    func oneCaptionPerPicture() {
        let data = AlignmentData(pairs: 64, testPairs: 8, drop: 0.3, chinese: 0.5, heldOut: [], seed: 0)
        for (sample, (caption, language)) in zip(data.train.samples, zip(data.trainCaptions, data.trainLanguages)) {
            #expect(caption == sample.caption.text(language))
        }
        #expect(data.trainCount(.english) + data.trainCount(.chinese) == 64)
        #expect(data.trainCount(.english) > 16 && data.trainCount(.chinese) > 16,
                "\(data.trainCount(.english)) English, \(data.trainCount(.chinese)) Chinese")
        let english = AlignmentData(pairs: 64, testPairs: 8, drop: 0.3, chinese: 0, heldOut: [], seed: 0)
        let chinese = AlignmentData(pairs: 64, testPairs: 8, drop: 0.3, chinese: 1, heldOut: [], seed: 0)
        #expect(english.trainCount(.chinese) == 0 && chinese.trainCount(.english) == 0)
        #expect(english.fingerprint != data.fingerprint && chinese.fingerprint != data.fingerprint)
        #expect(data.testCaptions(.chinese).count == 8)   // every test scene keeps both captions, for measuring
    }

    @Test("Chinese is cut by the lexicon's longest match: the longest caption is 8 tokens (13 characters), every prompt known")
    func chineseTokens() {
        let data = AlignmentData(pairs: 300, testPairs: 0, drop: 0.3, heldOut: [], seed: 0)
        let longest = "太阳下有一个小的橘色三角形"
        #expect(data.tokenizer.tokens(longest) == ["太阳", "下", "有", "一个", "小", "的", "橘色", "三角形"])
        #expect(longest.count == 13)   // characters would not fit W-CLIP's 8 slots
        #expect(data.tokenizer.tokens(AlignmentPrompts.animal(.cat, in: .chinese)) == ["一张", "猫", "的", "照片"])
        for prompt in AlignmentPrompts.all {
            #expect(!data.tokenizer.encode(prompt).contains(Tokenizer.unknown), "\(prompt) has an unknown token")
        }
        #expect(data.tokenizer.count <= Alignment.vocabularySize)
    }

    @Test("chance levels and the modality gap on numbers a reader can check")
    func measuresByHand() {
        #expect(abs(AlignmentMeasures.chance(hits: 1, of: 100, k: 5) - 0.05) < 1e-12)    // 5 draws, 1 right of 100
        #expect(abs(AlignmentMeasures.chance(hits: 2, of: 4, k: 1) - 0.5) < 1e-12)
        #expect(abs(AlignmentMeasures.modalityGap(images: [[1, 0], [1, 0]], texts: [[0, 1], [0, 1]]) - Float(2).squareRoot()) < 1e-6)
        #expect(AlignmentMeasures.zeroShot(images: [[0.6, 0.8]], classes: [[1, 0], [0, 1]]) == [1])   // 0.8 > 0.6
    }

    @Test("a short seeded training lowers the loss well below chance, ln 32 ≈ 3.47")
    func lossFalls() {
        let losses = ShortTraining.seed1.losses
        let first = losses.prefix(10).reduce(0, +) / 10, last = losses.suffix(10).reduce(0, +) / 10
        #expect(last < 2.5 && last < first - 1, "first 10 steps \(first), last 10 steps \(last)")
    }

    @Test("after a short training, matched test pairs score higher than mismatched ones by a wide margin")
    func matchedAboveMismatched() {
        let s = ShortTraining.seed1.textToImage
        let n = s.count
        let matched = (0..<n).map { s[$0][$0] }.reduce(0, +) / Float(n)
        let mismatched = (s.joined().reduce(0, +) - matched * Float(n)) / Float(n * n - n)
        #expect(matched > mismatched + 0.2, "matched \(matched), mismatched \(mismatched)")
    }

    @Test("after a short training, a caption finds its own picture among 100 at least 10 times as often as chance (0.01)")
    func recallBeatsChance() {
        let recall = Metrics.recall(at: 1, similarities: ShortTraining.seed1.textToImage) { $0 == $1 }
        #expect(recall >= 0.1, "recall@1 \(recall)")
    }

    @Test("the checkpoint key follows the training data: the same recipe gives the same fingerprint, other captions or scenes another")
    func dataFingerprint() {
        let data = { (drop: Float, seed: UInt64, testPairs: Int) in
            AlignmentData(pairs: 64, testPairs: testPairs, drop: drop, heldOut: [], seed: seed).fingerprint
        }
        let key = data(0.3, 0, 8)
        #expect(key.count == 16 && key == data(0.3, 0, 8))
        #expect(key != data(0, 0, 8))     // every caption keeps its colour and size words
        #expect(key != data(0.3, 1, 8))   // other scenes
        #expect(key == data(0.3, 0, 16))  // test pairs are never trained on: they leave the key alone
    }

    @Test("a --quick run writes the notebook, README, metrics and seven figures, its smaller model visibly aligns, and its 1,200 pairs stand beside CLIP's")
    func quickRun() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("lesson02-quick-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = Walkthrough.runReporting(Alignment.self, arguments: ["--quick", "--out", out.path], console: .captured())
        #expect(result.exitCode == 0)
        for file in ["notebook.ipynb", "README.md", "metrics.json", "pairs.png", "similarity-before.png",
                     "similarity-after.png", "training.png", "space-pca.png", "space-tsne.png", "similarity-en-zh.png"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file) missing")
        }
        // --quick trains the smaller model (width 32, 1 block); the default run trains W-CLIP with a 128-word
        // table (226,369).
        // (its token table 128·32 for both languages)
        #expect(result.metrics["parameters"] == 30_305)
        // Seeds 0–3 measured (500 steps): loss 1.36–1.49 at the end (chance ln 64 ≈ 4.16), text→image
        // recall@1 0.78–0.88 against chance 0.028–0.036. Seed 0: loss 1.357, recall 0.875. At 250 steps three
        // of the four seeds were still at chance (loss ≈ 4.0): two languages take longer to start aligning.
        let loss = try #require(result.metrics["loss_last20"]), recall = try #require(result.metrics["recall_t2i_at1"])
        let chance = try #require(result.metrics["chance_t2i_at1"])
        #expect(loss < Foundation.log(64.0) - 1, "loss \(loss) still near chance")
        #expect(recall > 5 * chance, "recall@1 \(recall) against chance \(chance)")
        let byHand = try #require(result.metrics["loss_by_hand"]), engine = try #require(result.metrics["loss_engine"])
        #expect(abs(byHand - engine) < 1e-4)
        #expect(result.metrics["retrieval_test_pairs"] == 200)
        // The last table: the quick run's 1,200 pairs and 500 steps beside CLIP's 400 M pairs and batch 32,768.
        let table = try #require(try ToyBesideRealTable.last(in: out))
        let pairs = try #require(ToyBesideRealTable.row("pairs", in: table))
        let chinese = try #require(result.metrics["captions_zh"])
        #expect(pairs.contains("1200 generated pictures, one caption each (\(Int(chinese)) in Chinese)"), "\(pairs)")
        #expect(pairs.contains("400 M image–text pairs"))
        #expect(ToyBesideRealTable.row("training", in: table)?.contains("batch 64, 500 steps") == true)
        #expect(ToyBesideRealTable.row("training", in: table)?.contains("batch 32,768") == true)
        let tower = try #require(ToyBesideRealTable.row("image tower", in: table))
        #expect(tower.contains("depth 1, width 32") && tower.contains("CLIP ViT-L/14 at 336 px"), "\(tower)")
    }
}
