// Lesson 03's trained models: each strategy on each task, trained once per settings and seed and then
// loaded from its checkpoint, together with its learning curve (accuracy on held-out examples measured
// during training), so `--only 5` redraws the curves without training again.

import AlignFuseSupport
import Multimodal
import TeachingEngine
import Walkthrough

/// A trained fusion model and the accuracy it had at evenly spaced training steps.
public struct TrainedFusion<M: FusionModel> {
    public let model: M
    /// The steps at which `curve` was measured (the last one is the final step).
    public let curveSteps: [Int]
    /// Accuracy on the held-out curve set at each of `curveSteps`.
    public let curve: [Double]
}

/// Trains (or loads) one strategy on one task.
enum FusionTrainer {
    /// `name` is the checkpoint's name ("b-cross"); `points` how many curve measurements to take.
    static func trained<M: FusionModel>(_ name: String, model: M, data: FusionDataset, curveSet: FusionDataset,
                                        recipe: FusionRecipe, seed: UInt64, points: Int, run: Run) -> TrainedFusion<M> {
        let curveSteps = (1...points).map { recipe.steps * $0 / points }
        let settings = ["steps": "\(recipe.steps)", "batch": "\(recipe.batchSize)", "lr": "\(recipe.learningRate)",
                        "train": "\(data.count)", "points": "\(points)",
                        "data": Fusion.fingerprint(data), "curve-data": Fusion.fingerprint(curveSet)]
        let tensors = run.checkpoint(name, settings: settings) {
            var curve: [Float] = []
            let progress = run.training(steps: recipe.steps, lr: Double(recipe.learningRate))
            try FusionTraining.train(model, on: data, recipe: recipe, seed: seed) { step, loss in
                try progress.update(step: step, loss: loss)
                if curveSteps.contains(step) { curve.append(Float(FusionTraining.accuracy(model, on: curveSet))) }
            }
            progress.finish()
            return model.namedParameters.merging(["curve": Tensor(shape: [curve.count], scalars: curve)]) { a, _ in a }
        }
        do {
            try model.load(tensors)
        } catch {
            run.stop(error)
        }
        return TrainedFusion(model: model, curveSteps: curveSteps, curve: (tensors["curve"]?.scalars ?? []).map(Double.init))
    }
}

extension Fusion {
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
