// What lesson 03's steps share, beside the class: seeds, the six training jobs, the learning curves,
// accuracy under corruption, and the data fingerprints that key the checkpoints.

import AlignFuseSupport
import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

/// One model for step 3 to train: its checkpoint name, the model, what it trains on, and when its
/// held-out accuracy is recorded.
struct FusionJob {
    /// "a-early" … "b-cross": the task and the strategy.
    let name: String
    let model: any FusionModel
    let data: FusionDataset
    /// Held-out examples whose accuracy makes the learning curve.
    let curveSet: FusionDataset
    let recipe: FusionRecipe
    /// The seed of the batch order.
    let seed: UInt64
    /// The steps at which the curve is recorded (the last one is the final step).
    let curveSteps: [Int]
    /// Everything that changes the trained weights, for the checkpoint key (run.train adds seed and steps).
    let settings: [String: String]
}

extension Fusion {
    /// A seed drawn from the run's stream `stream`.
    func seed(_ stream: UInt64) -> UInt64 { var rng = run.rng(stream); return rng.next() }

    /// A model built from the run's stream `stream`: the same initial numbers every time for one seed.
    static func model<M: FusionModel>(stream: UInt64, _ run: Run, _ make: (inout SeededGenerator) -> M) -> M {
        var rng = run.rng(stream)
        return make(&rng)
    }

    /// The training job of `model`: `steps` (50 under --quick, batches of 32), its batch seed from
    /// stream `stream + 50`, and `points` evenly spaced curve measurements.
    func job(_ name: String, _ model: any FusionModel, stream: UInt64, _ data: FusionDataset,
             _ curveSet: FusionDataset, steps: Int, points: Int) -> FusionJob {
        let recipe = FusionRecipe(steps: run.quick ? min(steps, 50) : steps, batchSize: run.quick ? 32 : 64,
                                  learningRate: Float(knobs.lr))
        let settings = ["batch": "\(recipe.batchSize)", "lr": "\(recipe.learningRate)", "train": "\(data.count)",
                        "points": "\(points)", "data": Fusion.fingerprint(data),
                        "curve-data": Fusion.fingerprint(curveSet)]
        return FusionJob(name: name, model: model, data: data, curveSet: curveSet, recipe: recipe,
                         seed: seed(stream + 50), curveSteps: (1...points).map { recipe.steps * $0 / points },
                         settings: settings)
    }

    /// The held-out accuracy curve recorded while training `name` (step 3).
    func curve(_ name: String) -> [Double] {
        histories[name]?.curves["accuracy"] ?? []
    }

    /// Test accuracy of `model` on `data`.
    func accuracy(_ model: some FusionModel, _ data: FusionDataset) -> Double {
        FusionTraining.accuracy(model, on: data)
    }

    /// Accuracy of `model` on Task A's test set under each image-noise level and each word-dropout level.
    func robustness(_ model: some FusionModel) -> (image: [Double], text: [Double]) {
        let image = Corruption.imageNoise.enumerated().map { i, sigma in
            FusionTraining.accuracy(model, on: testA.withImageNoise(sigma, seed: run.seed &+ 100 &+ UInt64(i)))
        }
        let text = Corruption.wordDropout.enumerated().map { i, p in
            FusionTraining.accuracy(model, on: testA.withWordDropout(p, seed: run.seed &+ 200 &+ UInt64(i)))
        }
        return (image, text)
    }

    /// A fingerprint of a dataset as a model reads it: the tokenizer's vocabulary, the class names and
    /// every text, label and pixel. Part of each model's checkpoint key, so a change of recipe (other
    /// scenes, noise or captions) trains anew instead of loading a model trained on other data.
    ///
    ///     Fusion.fingerprint(FusionDataset.interaction(count: 8, seed: 1))   // 16 hex digits, the same on every run
    public static func fingerprint(_ data: FusionDataset) -> String {
        var hash = FNV1a()                                          // one step per byte, label or pixel
        hash.mix(words: FusionText.tokenizer.vocabulary)
        for name in data.classNames { hash.mix(bytesOf: name); hash.mix(0xFE) }
        for (text, label) in zip(data.texts, data.labels) { hash.mix(bytesOf: text); hash.mix(0xFF); hash.mix(UInt64(label)) }
        for image in data.pixels { hash.mix(floats: image) }
        return hash.hex
    }
}

/// Corruption levels of the robustness test.
enum Corruption {
    /// Standard deviations of Gaussian pixel noise, in centred units (the clean image spans −1…1).
    static let imageNoise: [Float] = [0, 0.5, 1, 1.5, 2]
    /// Probabilities of dropping each caption word.
    static let wordDropout: [Float] = [0, 0.2, 0.4, 0.6, 0.8]
    /// How far below the clean other modality alone a fused model may fall and still count as near it.
    static let tolerance = 0.05
}

/// How a fused model fares at the worst corruption of one modality against the other modality's
/// classifier alone on clean input: above 0 it still gains from the corrupted input, below
/// −`Corruption.tolerance` the corrupted modality drags it below what the intact one gives alone.
///
///     NoiseMargins((image: [0.71, …, 0.65], text: [0.71, …, 0.46]), alone: (image: 0.67, text: 0.66))
///     // image −0.01 (σ = 2 against the text alone), text −0.21 (p = 0.8 against the image alone)
struct NoiseMargins {
    /// Accuracy at σ = 2 pixel noise minus the text classifier's clean accuracy.
    let image: Double
    /// Accuracy at p = 0.8 word dropout minus the image classifier's clean accuracy.
    let text: Double

    init(_ accuracies: (image: [Double], text: [Double]), alone: (image: Double, text: Double)) {
        image = accuracies.image.last! - alone.text
        text = accuracies.text.last! - alone.image
    }

    /// Falls below the intact modality alone under image noise or under word dropout.
    var contaminatedByImage: Bool { image < -Corruption.tolerance }
    var contaminatedByText: Bool { text < -Corruption.tolerance }
}
