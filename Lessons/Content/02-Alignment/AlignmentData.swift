// Lesson 02's data: one-object ToyWorld scenes with captions (training captions sometimes without
// colour and size words, test captions always complete), the vocabulary, and the zero-shot prompts.

import AlignFuseSupport
import Foundation
import Multimodal
import TeachingEngine

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

    /// The first `count` training pairs as one batch: pixels [count, 32, 32, 3], ids [count][length].
    public func firstPairs(_ count: Int) -> (pixels: Tensor, ids: [[Int]], captions: [String]) {
        let samples = Array(train.samples.prefix(count))
        let captions = samples.map(\.caption.english)
        return (Batches.pixels(samples.map(\.image)), ids(captions), captions)
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

