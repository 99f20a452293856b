// Lesson 03's measurements, kept out of the step list so each step reads as a few calls: accuracy under
// corruption, where the cross-attention of the question's key word lands, and cost per example.

import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

/// Corruption levels of the robustness test.
enum Corruption {
    /// Standard deviations of Gaussian pixel noise, in centred units (the clean image spans −1…1).
    static let imageNoise: [Float] = [0, 0.5, 1, 1.5, 2]
    /// Probabilities of dropping each caption word.
    static let wordDropout: [Float] = [0, 0.2, 0.4, 0.6, 0.8]
}

extension Fusion {
    /// Accuracy of `model` on Task A's test set under each image-noise level and each word-dropout level.
    func robustness<M: FusionModel>(_ model: M) -> (image: [Double], text: [Double]) {
        let image = Corruption.imageNoise.enumerated().map { i, sigma in
            FusionTraining.accuracy(model, on: testA.withImageNoise(sigma, seed: run.seed &+ 100 &+ UInt64(i)))
        }
        let text = Corruption.wordDropout.enumerated().map { i, p in
            FusionTraining.accuracy(model, on: testA.withWordDropout(p, seed: run.seed &+ 200 &+ UInt64(i)))
        }
        return (image, text)
    }

    /// The position of `word` in the padded ids of `text`, or nil.
    func position(of word: String, in text: String) -> Int? {
        let ids = FusionText.ids([text], length: crossB.model.sizes.text.length)[0]
        return FusionText.tokenizer.id(of: word).flatMap { ids.firstIndex(of: $0) }
    }

    /// For each example of `data`: the key word's cross-attention over the 16 patches, averaged over
    /// heads, as a 4×4 grid; and whether its largest weight falls on the asked object's cell.
    func keyWordAttention(on data: FusionDataset) -> (grids: [[[Double]]], onTarget: [Bool]) {
        let model = crossB.model
        let weights = noGrad {
            model.forward(images: data.images(Array(0..<data.count)),
                          ids: FusionText.ids(data.texts, length: model.sizes.text.length)).attention.value
        }   // [B, h, T, N]
        let (heads, tokens, patches) = (weights.shape[1], weights.shape[2], weights.shape[3])
        let side = ToyScene.gridSize
        var grids: [[[Double]]] = [], onTarget: [Bool] = []
        for b in 0..<data.count {
            guard let word = data.keyWords[b], let t = position(of: word, in: data.texts[b]) else { continue }
            var mean = [Double](repeating: 0, count: patches)
            for h in 0..<heads {
                let base = ((b * heads + h) * tokens + t) * patches
                for n in 0..<patches { mean[n] += Double(weights.scalars[base + n]) / Double(heads) }
            }
            let target = data.scenes[b].objects.first { $0.kind.english == word }!.cell
            let best = mean.indices.max { mean[$0] < mean[$1] }!
            onTarget.append(best == target.row * side + target.column)
            grids.append((0..<side).map { row in Array(mean[(row * side)..<((row + 1) * side)]) })
        }
        return (grids, onTarget)
    }

    /// Milliseconds per example of one forward pass of each model over `data`: one warm-up pass each,
    /// then `rounds` rounds that time every model once in turn, and the median of each model's rounds
    /// (interleaved, so a busy moment of the machine falls on all models alike). Measured: varies run to run.
    func millisecondsPerExample(_ passes: [() -> Void], examples: Int, rounds: Int = 7) -> [Double] {
        for pass in passes { pass() }                                        // warm-up
        var times = [[Double]](repeating: [], count: passes.count)
        for _ in 0..<rounds {
            for (i, pass) in passes.enumerated() {
                let start = Date()
                pass()
                times[i].append(Date().timeIntervalSince(start) * 1000 / Double(examples))
            }
        }
        return times.map { $0.sorted()[$0.count / 2] }
    }

    /// One forward pass of `model` over all of `data`, for timing.
    func forwardPass<M: FusionModel>(_ model: M, on data: FusionDataset) -> () -> Void {
        let ids = FusionText.ids(data.texts, length: model.sizes.text.length)
        let images = data.images(Array(0..<data.count))                   // [B, 32, 32, 3]
        return { _ = noGrad { model.logits(images: images, ids: ids) } }
    }

    /// Text for a verdict cell.
    func verdict(_ agreed: Bool) -> String {
        run.text(agreed ? L("agreed", "相符") : L("NOT agreed", "不相符"))
    }
}

/// Formats an accuracy as 0.00.
func f2(_ value: Double) -> String { String(format: "%.2f", value) }
