// Every operation's backward against central finite differences (GradientCheck.swift).
// Inputs are small seeded random tensors; a relative error below 1e-3 passes.

import Testing
import TeachingEngine

@Suite("Gradient check: every operation")
struct OperationGradientTests {
    func expectPasses(_ result: GradientCheckResult) {
        #expect(result.maxRelativeError < gradientTolerance, "\(result)")
    }

    @Test("+, −, ×, ÷ with broadcasting ([2, 3] with [3], [2, 1] and a scalar)")
    func arithmetic() {
        let a = randomLeaf([2, 3], seed: 1)
        let row = randomLeaf([3], seed: 2)
        let column = randomLeaf([2, 1], seed: 3)
        let positive = Variable(Tensor(shape: [3], scalars: [1.5, 2, 3]), requiresGrad: true)
        expectPasses(checkGradients([a, row]) { a + row })
        expectPasses(checkGradients([a, column]) { a - column })
        expectPasses(checkGradients([a, column]) { column * a })
        expectPasses(checkGradients([a, positive]) { a / positive })
        expectPasses(checkGradients([a]) { 2 - a * 3 + 1 })
    }

    @Test("matmul: plain, transposed, a shared weight over [B, T, k] and batched")
    func matmulGradients() {
        let a = randomLeaf([3, 4], seed: 1), b = randomLeaf([4, 2], seed: 2)
        let aT = randomLeaf([4, 3], seed: 3), bT = randomLeaf([2, 4], seed: 4)
        expectPasses(checkGradients([a, b]) { matmul(a, b) })
        expectPasses(checkGradients([a, bT]) { matmul(a, bT, transposeB: true) })
        expectPasses(checkGradients([aT, b]) { matmul(aT, b, transposeA: true) })
        expectPasses(checkGradients([aT, bT]) { matmul(aT, bT, transposeA: true, transposeB: true) })
        let tokens = randomLeaf([2, 3, 4], seed: 5)
        expectPasses(checkGradients([tokens, b]) { matmul(tokens, b) })
        let q = randomLeaf([2, 2, 3, 4], seed: 6), k = randomLeaf([2, 2, 5, 4], seed: 7)
        expectPasses(checkGradients([q, k]) { matmul(q, k, transposeB: true) })
    }

    @Test("sum, mean and max: over everything and along each axis")
    func reductions() {
        let x = randomLeaf([2, 3, 4], seed: 8)
        expectPasses(checkGradients([x]) { x.sum() })
        expectPasses(checkGradients([x]) { x.mean() })
        for axis in 0..<3 {
            expectPasses(checkGradients([x]) { x.sum(alongAxis: axis) })
            expectPasses(checkGradients([x]) { x.mean(alongAxis: axis, keepingAxis: true) })
            expectPasses(checkGradients([x]) { x.max(alongAxis: axis) })
        }
    }

    @Test("reshape, permute, transpose, concatenate, slice, index select and gather")
    func movingValues() {
        let x = randomLeaf([2, 3, 4], seed: 9)
        let y = randomLeaf([2, 1, 4], seed: 10)
        expectPasses(checkGradients([x]) { x.reshaped(to: [6, -1]) })
        expectPasses(checkGradients([x]) { x.permuted([2, 0, 1]) })
        expectPasses(checkGradients([x]) { x.transposed() })
        expectPasses(checkGradients([x, y]) { concatenate([x, y, x], alongAxis: 1) })
        expectPasses(checkGradients([x]) { x.slice(alongAxis: 2, 1..<3) })
        expectPasses(checkGradients([x]) { x.indexSelect(alongAxis: 1, [2, 0, 2]) })
        let m = randomLeaf([3, 4], seed: 11)
        expectPasses(checkGradients([m]) { m.gather(columns: [3, 0, 3]) })
    }

    @Test("exp, log, sqrt, tanh, relu, square and GELU with and without a bias")
    func elementwise() {
        let x = Variable(Tensor(shape: [2, 3], scalars: [0.3, -1.2, 0.8, 1.7, -0.4, 2.1]), requiresGrad: true)
        let positive = Variable(Tensor(shape: [3], scalars: [0.5, 1.5, 3]), requiresGrad: true)
        let bias = randomLeaf([3], seed: 12)
        expectPasses(checkGradients([x]) { exp(x) })
        expectPasses(checkGradients([positive]) { log(positive) })
        expectPasses(checkGradients([positive]) { sqrt(positive) })
        expectPasses(checkGradients([x]) { tanh(x) })
        expectPasses(checkGradients([x]) { relu(x) })      // no value within ε of the kink at 0
        expectPasses(checkGradients([x]) { square(x) })
        expectPasses(checkGradients([x]) { gelu(x) })
        expectPasses(checkGradients([x, bias]) { gelu(x, bias: bias) })
    }

    @Test("softmax (scaled, key-masked, causal) and log-softmax")
    func softmaxes() {
        let scores = randomLeaf([2, 2, 3, 3], seed: 13)
        let padding = AttentionMask.keyPadding([[false, false, true], [false, true, false]])
        expectPasses(checkGradients([scores]) { softmax(scores) })
        expectPasses(checkGradients([scores]) { softmax(scores, scale: 0.5, mask: padding) })
        expectPasses(checkGradients([scores]) { softmax(scores, scale: 2, mask: .causal(length: 3)) })
        expectPasses(checkGradients([scores]) { logSoftmax(scores) })
    }

    @Test("layer norm, L2 normalisation, seeded dropout and masked mean pooling")
    func normalisations() {
        let x = randomLeaf([2, 3, 4], seed: 14)
        let gamma = randomLeaf([4], seed: 15), beta = randomLeaf([4], seed: 16)
        expectPasses(checkGradients([x, gamma, beta]) { layerNorm(x, gamma: gamma, beta: beta) })
        expectPasses(checkGradients([x]) { l2Normalize(x) })
        expectPasses(checkGradients([x]) {
            var rng = SeededGenerator(seed: 3)   // the same dropped values on every call
            return dropout(x, probability: 0.5, using: &rng)
        })
        let tokenMask = Tensor(shape: [2, 3], scalars: [1, 1, 0, 1, 1, 1])
        expectPasses(checkGradients([x]) { meanPool(x, mask: tokenMask) })
    }

    @Test("losses: cross-entropy with an ignored row, mean squared error, CLIP's contrastive loss")
    func losses() {
        let logits = randomLeaf([4, 5], seed: 17)
        expectPasses(checkGradients([logits]) { crossEntropy(logits, targets: [1, -100, 4, 0], ignoreIndex: -100) })
        let prediction = randomLeaf([2, 3], seed: 18)
        let target = randomLeaf([2, 3], seed: 99).value
        expectPasses(checkGradients([prediction]) { meanSquaredError(prediction, target: target) })
        let image = randomLeaf([3, 4], seed: 19), text = randomLeaf([3, 4], seed: 20)
        let logScale = leaf([], [0.7])
        expectPasses(checkGradients([image, text, logScale]) {
            contrastiveLoss(imageEmbeddings: image, textEmbeddings: text, logScale: logScale).loss
        })
    }
}
