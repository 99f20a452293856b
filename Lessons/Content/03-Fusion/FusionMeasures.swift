// Lesson 03's measurements, kept out of the step list so each step reads as a few calls: where the
// cross-attention of the question's key word lands, and how long a forward pass takes.

import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

extension Fusion {
    /// The position of `word` in the padded ids of `text`, or nil.
    func position(of word: String, in text: String) -> Int? {
        let ids = FusionText.ids([text], length: crossB.sizes.text.length)[0]
        return FusionText.tokenizer.id(of: word).flatMap { ids.firstIndex(of: $0) }
    }

    /// For each example of `data`: the key word's cross-attention over the 16 patches, averaged over
    /// heads, as a 4×4 grid; and whether its largest weight falls on the asked object's cell.
    func keyWordAttention(on data: FusionDataset) -> (grids: [[[Double]]], onTarget: [Bool]) {
        let model = crossB
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
}
