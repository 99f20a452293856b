// W-CLIP of shared/benchmarks.md: one contrastive-alignment training step (forward, backward, AdamW).
// Two small transformer encoders, one over image patches and one over caption tokens, trained so
// that matching pairs have the largest cosine similarity (Radford et al. 2021, CLIP).

import Foundation
import TeachingEngine

/// The model of W-CLIP: 222,273 parameters.
struct ClipBenchmarkModel {
    let patchEmbedding: Linear            // 192 → 64
    let imagePositions: Variable          // [16, 64]
    let imageEncoder: TransformerEncoder  // 2 pre-LN blocks + final LayerNorm
    let imageProjection: Linear           // 64 → 32, no bias
    let tokenEmbedding: Embedding         // 64 × 64
    let textPositions: Variable           // [8, 64]
    let textEncoder: TransformerEncoder
    let textProjection: Linear            // 64 → 32, no bias
    let logScale: Variable                // s, logits scale exp(s)

    init(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let width = 64
        patchEmbedding = Linear(inputSize: 192, outputSize: width, name: "image.patch", using: &rng)
        imagePositions = Variable(name: "image.positions",
                                  value: Tensor(randomNormal: [16, width], standardDeviation: 0.02, using: &rng))
        imageEncoder = TransformerEncoder(depth: 2, width: width, headCount: 4, hiddenWidth: 256,
                                          name: "image.encoder", using: &rng)
        imageProjection = Linear(inputSize: width, outputSize: 32, bias: false, name: "image.projection", using: &rng)
        tokenEmbedding = Embedding(vocabularySize: 64, width: width, name: "text.tokens", using: &rng)
        textPositions = Variable(name: "text.positions",
                                 value: Tensor(randomNormal: [8, width], standardDeviation: 0.02, using: &rng))
        textEncoder = TransformerEncoder(depth: 2, width: width, headCount: 4, hiddenWidth: 256,
                                         name: "text.encoder", using: &rng)
        textProjection = Linear(inputSize: width, outputSize: 32, bias: false, name: "text.projection", using: &rng)
        logScale = Variable(name: "logScale", value: Tensor(scalar: Foundation.log(1 / 0.07)))
    }

    var parameters: [Variable] {
        patchEmbedding.parameters + [imagePositions] + imageEncoder.parameters + imageProjection.parameters
            + tokenEmbedding.parameters + [textPositions] + textEncoder.parameters + textProjection.parameters
            + [logScale]
    }

    /// The symmetric contrastive loss of a batch of images [B, 32, 32, 3] and captions [B][8].
    func loss(images: Tensor, captions: [[Int]]) -> Variable {
        let patches = Variable(patchify(images, patch: 8))                       // [B, 16, 192]
        let imageTokens = patchEmbedding(patches) + imagePositions                // [B, 16, 64]
        let imageFeatures = meanPool(imageEncoder(imageTokens).output)            // [B, 64]
        let imageEmbeddings = imageProjection(imageFeatures)                      // [B, 32]

        let keep = paddingMask(captions, padID: 0)                                // [B, 8]
        let textTokens = tokenEmbedding(captions) + textPositions                 // [B, 8, 64]
        let textFeatures = meanPool(textEncoder(textTokens, keyMask: keep).output, mask: keep)   // [B, 64]
        let textEmbeddings = textProjection(textFeatures)                         // [B, 32]

        return contrastiveLoss(imageEmbeddings: imageEmbeddings, textEmbeddings: textEmbeddings,
                               logScale: logScale).loss
    }
}

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

/// What one run of a training workload reports.
struct StepTiming {
    let millisecondsPerStep: Double   // median over the timed steps
    let firstLoss: Float
    let lastLoss: Float
    let parameterCount: Int
}

/// W-CLIP at `batch` pairs: `warmUp` untimed steps, then the median of `steps` timed steps.
func runClipWorkload(batch: Int = 64, warmUp: Int = 5, steps: Int = 50) -> StepTiming {
    let model = ClipBenchmarkModel(seed: 1)
    let parameters = model.parameters
    let count = parameters.reduce(0) { $0 + $1.count }
    precondition(count == 222_273, "W-CLIP: the model has \(count) parameters; benchmarks.md specifies 222,273")
    var optimizer = AdamW(parameters: parameters, learningRate: 1e-3, weightDecay: 0.01)
    let data = makeClipBatch(batch: batch, seed: 2)
    var losses: [Float] = []
    var times: [Double] = []
    for step in 0..<(warmUp + steps) {
        let start = now()
        optimizer.zeroGrad()
        let loss = model.loss(images: data.images, captions: data.captions)
        loss.backward()
        optimizer.step()
        let elapsed = now() - start
        losses.append(loss.item)
        if step >= warmUp { times.append(elapsed) }
    }
    return StepTiming(millisecondsPerStep: median(times) * 1000, firstLoss: losses.first!, lastLoss: losses.last!,
                      parameterCount: count)
}
