// Lesson 02's data and what a model makes of it: one-object ToyWorld scenes with captions (training
// captions sometimes without colour and size words, test captions always complete), the vocabulary,
// the embeddings of the test pairs, and the seeded training run with its history.

import AlignFuseSupport
import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

/// Train and test pairs: one object per 32×32 scene (one 8×8 patch), sometimes with the sun.
public struct AlignmentData {
    public let train: ToyDataset
    public let test: ToyDataset
    public let tokenizer: Tokenizer
    public let heldOut: [Combination]
    /// Caption length in tokens (W-CLIP's 8; the longest caption has 8 words).
    public let length: Int

    public init(pairs: Int, testPairs: Int, drop: Float, heldOut: [Combination], seed: UInt64, length: Int = 8) {
        var options = DatasetOptions()
        options.scenes.objectCount = 1...1
        options.captions.attributeDropProbability = drop
        train = ToyDataset.split(train: pairs, test: 0, options: options, seed: seed, heldOut: heldOut).train
        options.captions.attributeDropProbability = 0
        test = ToyDataset.split(train: 0, test: testPairs, options: options, seed: seed, heldOut: heldOut).test
        tokenizer = Tokenizer(corpus: train.samples.map(\.caption.english) + AlignmentPrompts.all, lexicon: [])
        self.heldOut = heldOut
        self.length = length
    }

    /// How many samples show a held-out combination.
    public func heldOutCount(in data: ToyDataset) -> Int {
        data.samples.filter { heldOut.contains($0.scene.objects[0].combination) }.count
    }

    /// Ids [n][length] of `texts`.
    public func ids(_ texts: [String]) -> [[Int]] {
        Batches.tokens(texts, tokenizer: tokenizer, length: length).ids
    }

    /// A fingerprint of what training reads: the vocabulary, the caption length and every training pair's
    /// ids, colour group and pixels. Part of the checkpoint key, so a change of recipe (other scenes, captions
    /// or words) trains anew instead of loading a model trained on other data.
    ///
    ///     AlignmentData(pairs: 64, testPairs: 0, drop: 0.3, heldOut: [], seed: 0).fingerprint   // 16 hex digits
    public var fingerprint: String {
        let pairs = trainPairs
        var hash = FNV1a()                                          // one step per byte, id or pixel
        hash.mix(words: tokenizer.vocabulary)
        hash.mix(UInt64(length))
        for (ids, group) in zip(pairs.ids, pairs.groups) {
            for id in ids + [-1, group, -2] { hash.mix(UInt64(bitPattern: Int64(id))) }
        }
        hash.mix(floats: pairs.images.scalars)
        return hash.hex
    }

    /// The training pairs, grouped by the object's colour for hard-negative batches.
    public var trainPairs: ContrastivePairs {
        ContrastivePairs(images: Batches.pixels(train.samples.map(\.image)), ids: ids(train.samples.map(\.caption.english)),
                         groups: train.samples.map { $0.scene.objects[0].color.rawValue })
    }
}

/// The prompts of zero-shot classification ("a photo of a cat"; colours as an ensemble over the kinds).
public enum AlignmentPrompts {
    public static func animal(_ kind: ObjectKind) -> String { "a photo of a \(kind.english)" }
    public static func colour(_ color: ToyColor) -> [String] {
        ObjectKind.allCases.map { "a photo of \(AlignmentMeasures.article(before: color.english)) \(color.english) \($0.english)" }
    }
    /// Every prompt, so the vocabulary covers them.
    public static var all: [String] {
        ObjectKind.allCases.map(animal) + ToyColor.allCases.flatMap(colour) + ["a cat", "a dog"]
    }
}

/// The test pairs in one model's space: unit-length embeddings [n][32] of every test image and caption.
public struct AlignmentSpace {
    public let model: ContrastiveModel
    public let images: [[Float]]
    public let texts: [[Float]]

    public init(model: ContrastiveModel, data: AlignmentData) {
        self.model = model
        images = model.embedImages(Batches.pixels(data.test.samples.map(\.image)))
        texts = model.embedTexts(data.ids(data.test.samples.map(\.caption.english)))
    }

    /// Unit-length embeddings of any texts.
    public func embed(_ texts: [String], data: AlignmentData) -> [[Float]] { model.embedTexts(data.ids(texts)) }
}

/// The training run of lesson 02 and the history it stores beside the weights.
public enum AlignmentTraining {
    /// Trains a fresh model (drawn from `rng`) for `steps` steps, reporting progress through `run`, and returns its
    /// parameters plus "history.loss" and "history.temperature" [steps].
    public static func train(from configuration: ContrastiveConfiguration, rng: SeededGenerator, pairs: ContrastivePairs,
                             steps: Int, learningRate: Float = 1e-3, hard: Float, seed: UInt64,
                             run: Run) throws -> [String: Tensor] {
        var rng = rng
        let model = ContrastiveModel(configuration, using: &rng)
        var options = ContrastiveTrainingOptions()
        options.steps = steps
        options.peakLearningRate = learningRate
        options.hardNegativeShare = hard
        let trainer = ContrastiveTrainer(model: model, pairs: pairs, options: options, seed: seed &+ 7)
        let progress = run.training(steps: steps, lr: Double(options.peakLearningRate))
        var losses: [Float] = [], temperatures: [Float] = []
        for step in 1...steps {
            let report = trainer.step()
            try progress.update(step: step, loss: report.loss)
            losses.append(report.loss)
            temperatures.append(report.temperature)
        }
        progress.finish()
        var tensors = model.namedParameters
        tensors["history.loss"] = Tensor(shape: [steps], scalars: losses)
        tensors["history.temperature"] = Tensor(shape: [steps], scalars: temperatures)
        return tensors
    }

    /// The mean of the last `count` values (all of them when fewer): the loss at the end of training
    /// without one batch's noise.
    ///
    ///     meanOfLast(2, [4, 3, 1, 2])   // 1.5
    public static func meanOfLast(_ count: Int, _ values: [Float]) -> Float {
        values.suffix(count).reduce(0, +) / Float(max(1, min(count, values.count)))
    }

    /// The loss and temperature of every step, from a checkpoint written by `train`.
    public static func history(_ tensors: [String: Tensor]) -> (losses: [Float], temperatures: [Float]) {
        (tensors["history.loss"]?.scalars ?? [], tensors["history.temperature"]?.scalars ?? [])
    }
}

/// The shapes of a batch as it flows through both towers.
public enum AlignmentShapes {
    /// Rows (stage, image shape, text shape) for the first `batch` training pairs, computed by running them;
    /// `t` translates the labels (`run.text` for the run's language).
    public static func trace(_ model: ContrastiveModel, data: AlignmentData, batch: Int,
                             text t: (L) -> String = { $0.en }) -> [[String]] {
        let samples = Array(data.train.samples.prefix(batch))
        let pixels = Batches.pixels(samples.map(\.image))                                     // [B, 32, 32, 3]
        let ids = data.ids(samples.map(\.caption.english))                                   // [B][8]
        return noGrad {
            let patches = Patches.patchify(pixels, patchSize: model.configuration.image.patchSize)   // [B, 16, 192]
            let imageTokens = model.image(pixels).output                                    // [B, 16, 64]
            let textTokens = model.text(ids).output                                         // [B, 8, 64]
            let imagePooled = meanPool(imageTokens)                                         // [B, 64]
            let textPooled = meanPool(textTokens, mask: model.text.keyMask(ids))            // [B, 64]
            let imageOut = l2Normalize(model.imageProjection(imagePooled))                  // [B, 32]
            let textOut = l2Normalize(model.textProjection(textPooled))                     // [B, 32]
            let s = { (shape: [Int]) in describe(shape: shape) }
            return [[t(L("input", "输入")), s(pixels.shape) + t(L(" pixels", " 像素")), "[\(batch), \(data.length)]" + t(L(" ids", " 编号"))],
                    [t(L("tokens", "词元")), s(patches.shape) + t(L(" patches", " 图块")), s([batch, data.length]) + t(L(" → embedding", " → 嵌入"))],
                    [t(L("encoder", "编码器")), s(imageTokens.shape), s(textTokens.shape)],
                    [t(L("pool", "池化")), s(imagePooled.shape) + t(L(" mean", " 平均")), s(textPooled.shape) + t(L(" masked mean", " 带掩码平均"))],
                    [t(L("project + L2", "投影 + L2")), s(imageOut.shape), s(textOut.shape)]]
        }
    }
}
