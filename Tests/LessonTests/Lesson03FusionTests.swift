// Lesson 03 (fusion): worked examples of the claims the lesson prints — the data needs both modalities,
// late fusion averages two probability vectors, cross-attention rows are distributions, the counted
// cost grows as stated, and on Task B cross fusion beats late fusion by a wide margin.

import Foundation
import Lessons
import Multimodal
import TeachingEngine
import Testing
import Walkthrough

@Suite("Lesson 03: fusion")
struct Lesson03FusionTests {
    @Test("Task B needs both modalities: one question has many answers, one image has several")
    func taskBNeedsBoth() {
        let data = FusionDataset.interaction(count: 300, seed: 5)
        // The text alone: the question about the cat is answered with several different colours.
        let catColours = Set(data.texts.indices.filter { data.keyWords[$0] == "cat" }.map { data.labels[$0] })
        #expect(catColours.count >= 5)
        // The image alone: every scene has 2–4 objects of distinct colours, so asking about another
        // object of the same image would give another answer.
        let ambiguous = data.scenes.filter { Set($0.objects.map(\.color)).count != $0.objects.count || $0.objects.count < 2 }
        #expect(ambiguous.isEmpty)
        // The label is the colour of the object the question names.
        let first = data.scenes[0].objects.first { $0.kind.english == data.keyWords[0] }!
        #expect(data.labels[0] == first.color.rawValue)
    }

    @Test("Task A: the label is the scene's one animal; captions are full, vague ('animal') or missing")
    func taskAComplementary() {
        let data = FusionDataset.complementary(count: 400, seed: 3)
        for i in 0..<data.count {
            let animals = data.scenes[i].objects.filter(\.kind.isAnimal)
            #expect(animals.count == 1 && animals[0].kind.rawValue == data.labels[i])
        }
        let vague = data.texts.filter { $0.contains("animal") }.count
        let missing = data.texts.filter { $0 == "a picture" }.count
        // Expected shares 0.35 and 0.15 of 400: about 140 and 60.
        #expect((100...180).contains(vague), "vague captions: \(vague)")
        #expect((35...85).contains(missing), "missing captions: \(missing)")
    }

    @Test("Word dropout with p = 0 changes nothing and with p = 1 leaves empty captions")
    func wordDropout() {
        let data = FusionDataset.complementary(count: 20, seed: 1)
        #expect(data.withWordDropout(0, seed: 9).texts == data.texts)
        let emptied = data.withWordDropout(1, seed: 9).texts.filter { !$0.isEmpty }
        #expect(emptied.isEmpty)
    }

    @Test("Late fusion's score is log((p_image + p_text) / 2), the two classifiers' probabilities averaged, computed here from each classifier alone")
    func lateFusionAverages() {
        var rng = SeededGenerator(seed: 2)
        let sizes = FusionSizes(vocabularySize: FusionText.tokenizer.count, textLength: 8, classes: 8)
        let model = LateFusion(sizes, using: &rng)
        let data = FusionDataset.interaction(count: 3, seed: 1)
        let ids = FusionText.ids(data.texts, length: 8)
        let images = data.images([0, 1, 2])
        let (scores, image, text) = noGrad {
            (model.logits(images: images, ids: ids).value.scalars, model.imageLogits(images).value.scalars,
             model.textLogits(ids).value.scalars)                                   // each [3, 8]
        }
        func probabilities(_ logits: ArraySlice<Float>) -> [Double] {
            let e = logits.map { Foundation.exp(Double($0)) }
            return e.map { $0 / e.reduce(0, +) }
        }
        for row in 0..<3 {
            let p = probabilities(image[(row * 8)..<(row * 8 + 8)]), q = probabilities(text[(row * 8)..<(row * 8 + 8)])
            for c in 0..<8 {
                let byHand = Foundation.log((p[c] + q[c]) / 2)
                #expect(abs(Double(scores[row * 8 + c]) - byHand) < 1e-4, "row \(row), class \(c)")
            }
        }
    }

    @Test("Cross-attention weights are [B, heads, text tokens, 16 patches], and each example's are its own: the same with a batch of 2 as alone")
    func crossAttentionRows() {
        var rng = SeededGenerator(seed: 4)
        let sizes = FusionSizes(vocabularySize: FusionText.tokenizer.count, textLength: 8, classes: 8)
        let model = CrossFusion(sizes, using: &rng)
        let data = FusionDataset.interaction(count: 2, seed: 1)
        let ids = FusionText.ids(data.texts, length: 8)
        let both = noGrad { model.forward(images: data.images([0, 1]), ids: ids) }.attention.value
        let second = noGrad { model.forward(images: data.images([1]), ids: [ids[1]]) }.attention.value
        #expect(both.shape == [2, 2, 8, 16])
        let perItem = 2 * 8 * 16
        let difference = zip(both.scalars[perItem...], second.scalars).map { abs($0 - $1) }.max()!
        #expect(difference < 1e-6, "example 1 alone differs by \(difference)")
        #expect(both.scalars[..<perItem] != both.scalars[perItem...])   // two examples, two attention maps
    }

    @Test("Counted cost: one encoder block over 16 tokens of width 32 is 147,456 multiply-adds")
    func encoderCost() {
        // 16·(4·32² projections + 2·16·32 scores and mixing + 2·32·64 MLP) = 16·(4,096 + 1,024 + 4,096)
        #expect(encoderMultiplyAdds(tokens: 16, width: 32, hidden: 64, depth: 1) == 147_456)
    }

    @Test("Cross fusion's extra cost over early fusion grows linearly with the image tokens")
    func crossExtraCostIsLinear() {
        var rng = SeededGenerator(seed: 0)
        let sizes = FusionSizes(vocabularySize: FusionText.tokenizer.count, textLength: 8, classes: 8)
        let early = EarlyFusion(sizes, using: &rng), cross = CrossFusion(sizes, using: &rng)
        let extra = { (n: Int) in cross.multiplyAdds(imageTokens: n, textTokens: 8) - early.multiplyAdds(imageTokens: n, textTokens: 8) }
        #expect(extra(16) > 0)
        // Per extra image token: k and v projections 2·d² plus scores and mixing 2·T·d = 2·1024 + 2·8·32 = 2,560.
        #expect(extra(32) - extra(16) == 16 * 2_560)
        #expect(extra(48) - extra(32) == extra(32) - extra(16))
    }

    // Checked on three seeds (data 101/201/301, models 1/2/3): cross 0.59, 0.94, 0.89; late 0.30–0.38.
    @Test("Task B: after 350 equal steps cross fusion answers far better than late fusion (≥ 0.2 apart)")
    func crossBeatsLate() {
        let train = FusionDataset.interaction(count: 2000, seed: 201)
        let test = FusionDataset.interaction(count: 300, seed: 202)
        let sizes = FusionSizes(vocabularySize: FusionText.tokenizer.count, textLength: 8, classes: 8)
        var rng = SeededGenerator(seed: 2)
        let late = LateFusion(sizes, using: &rng), cross = CrossFusion(sizes, using: &rng)
        let recipe = FusionRecipe(steps: 350)
        FusionTraining.train(late, on: train, recipe: recipe, seed: 2) { _, _ in }
        FusionTraining.train(cross, on: train, recipe: recipe, seed: 2) { _, _ in }
        let (lateAccuracy, crossAccuracy) = (FusionTraining.accuracy(late, on: test), FusionTraining.accuracy(cross, on: test))
        #expect(lateAccuracy < 0.5, "late fusion cannot tell which object is asked about: \(lateAccuracy)")
        #expect(crossAccuracy - lateAccuracy >= 0.2, "cross \(crossAccuracy) vs late \(lateAccuracy)")
    }

    @Test("A model's checkpoint key follows its data: the same examples give the same fingerprint, other pixels or words another")
    func dataFingerprint() {
        let data = FusionDataset.interaction(count: 16, seed: 1)
        let key = Fusion.fingerprint(data)
        #expect(key.count == 16 && key == Fusion.fingerprint(FusionDataset.interaction(count: 16, seed: 1)))
        #expect(key != Fusion.fingerprint(FusionDataset.interaction(count: 16, seed: 2)))   // other scenes
        #expect(key != Fusion.fingerprint(data.withImageNoise(0.1, seed: 0)))                // the same scenes, other pixels
        #expect(key != Fusion.fingerprint(data.withWordDropout(1, seed: 0)))                 // the same scenes, no words
    }

    @Test("lesson03 --quick writes every file, ends with its own 50 steps of 32 beside real systems, and its noise verdicts follow their stated test: early fusion is contaminated when a corrupted modality drags it more than 0.05 below the clean other modality alone, late fusion robust when neither does")
    func quickRun() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("lesson03-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = Walkthrough.runReporting(Fusion.self, arguments: ["--quick", "--out", out.path], console: .captured())
        #expect(result.exitCode == 0)
        let files = ["notebook.ipynb", "README.md", "metrics.json", "task-a-examples.png", "task-b-examples.png",
                     "noise-robustness.png", "task-b-accuracy.png", "learning-curves.png", "cross-attention.png",
                     "cost-vs-tokens.png"]
        for file in files {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "missing \(file)")
        }
        let m = result.metrics
        // The margin is the accuracy at the worst level minus the other modality's classifier alone, on clean input.
        let earlyImage = try #require(m["a.early.image_noise_margin"]), earlyText = try #require(m["a.early.word_dropout_margin"])
        let lateImage = try #require(m["a.late.image_noise_margin"]), lateText = try #require(m["a.late.word_dropout_margin"])
        let earlyAtP08 = try #require(m["a.early.accuracy"]) - (try #require(m["a.early.word_dropout_drop"]))
        #expect(abs(earlyText - (earlyAtP08 - (try #require(m["a.image_only.accuracy"])))) < 1e-9)
        #expect(m["verdict.early_contaminated"] == (min(earlyImage, earlyText) < -0.05 ? 1 : 0))
        #expect(m["verdict.late_robust"] == (min(lateImage, lateText) >= -0.05 ? 1 : 0))
        #expect(m["verdict.cross_costliest"] == 1)
        // The last table: the quick run's own steps, batch and examples (the default run: 300 and 600 of 64,
        // on 4,000), its models' parameters, beside CLIP ViT-L/14 and Flamingo.
        let table = try #require(try ToyBesideRealTable.last(in: out))
        let training = try #require(ToyBesideRealTable.row("training", in: table))
        #expect(training.contains("50 (Task A) and 50 (Task B) steps of 32 examples, on 600 generated"), "\(training)")
        let parameters = try ["early", "late", "cross"].map { Int(try #require(m["cost.\($0).parameters"])) }
        let encoders = try #require(ToyBesideRealTable.row("encoders", in: table))
        #expect(encoders.contains("\(parameters[0]) / \(parameters[1]) / \(parameters[2]) parameters"), "\(encoders)")
        #expect(encoders.contains("CLIP ViT-L/14: 24 blocks"))
        #expect(ToyBesideRealTable.row("cross fusion", in: table)?.contains("Flamingo") == true)
    }
}
