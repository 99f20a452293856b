// W-CLIP: one contrastive-alignment training step (forward, backward, AdamW).
// The model is lesson 02's own `ContrastiveModel` in its default configuration — two small transformer
// encoders, one over image patches and one over caption tokens (Radford et al. 2021, CLIP) — so the
// benchmark measures exactly what the lesson trains.

import Foundation
import Multimodal
import TeachingEngine

/// A fixed batch: images uniform in [0, 1], captions of 4…8 tokens from 1…63, padded with 0 to 8.
func makeClipBatch(batch: Int, seed: UInt64) -> (images: Tensor, captions: [[Int]]) {
    var rng = SeededGenerator(seed: seed)
    let images = Tensor(randomUniform: [batch, 32, 32, 3], in: 0...1, using: &rng)
    let captions = (0..<batch).map { _ -> [Int] in
        let length = 4 + rng.nextInt(below: 5)
        return (0..<8).map { t in t < length ? 1 + rng.nextInt(below: 63) : 0 }
    }
    return (images, captions)
}

/// W-CLIP at `batch` pairs: `warmUp` untimed steps, then the median of `steps` timed steps.
func runClipWorkload(batch: Int = 64, warmUp: Int = 5, steps: Int = 50) -> StepTiming {
    var rng = SeededGenerator(seed: 1)
    let model = ContrastiveModel(ContrastiveConfiguration(), using: &rng)   // W-CLIP: d 64, 2 + 2 blocks, e 32
    let parameters = model.parameters
    let count = parameters.reduce(0) { $0 + $1.count }
    precondition(count == 222_273, "W-CLIP: the model has \(count) parameters; the W-CLIP model has 222,273")
    let data = makeClipBatch(batch: batch, seed: 2)
    return timeTraining(parameters, warmUp: warmUp, steps: steps) {
        model.loss(images: data.images, ids: data.captions).loss
    }
}
