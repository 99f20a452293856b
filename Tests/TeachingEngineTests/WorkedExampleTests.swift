// Worked examples a reader can follow with pencil and paper.

import Foundation
import Testing
import TeachingEngine

@Suite("Worked examples")
struct WorkedExampleTests {
    @Test("softmax of [1, 2, 3] is [0.090, 0.245, 0.665]")
    func softmaxOfOneTwoThree() {
        // e¹, e², e³ = 2.718, 7.389, 20.086; their sum is 30.193; each divided by it:
        let p = softmax(Variable(Tensor(shape: [3], scalars: [1, 2, 3]))).value.scalars
        #expect(close(p, [0.090, 0.245, 0.665], tolerance: 5e-4))
        #expect(abs(p.reduce(0, +) - 1) < 1e-6)
    }

    @Test("three images of two values each, [1, 2], [3, 4] and [5, 6], stack into one [3, 2] tensor in order")
    func stackingItems() {
        let batch = Tensor(stacking: [[1, 2], [3, 4], [5, 6]], shape: [3, 2])
        #expect(batch.shape == [3, 2])
        #expect(batch.scalars == [1, 2, 3, 4, 5, 6])
    }

    @Test("matmul of [[1, 2], [3, 4]] and [[5, 6], [7, 8]] is [[19, 22], [43, 50]]")
    func matmulByHand() {
        let a = Variable(Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]))
        let b = Variable(Tensor(shape: [2, 2], scalars: [5, 6, 7, 8]))
        #expect(matmul(a, b).value.scalars == [19, 22, 43, 50])   // 1·5 + 2·7 = 19, …
    }

    @Test("a 2-layer MLP learns XOR, which no single linear layer can")
    func xor() {
        var rng = SeededGenerator(seed: 42)
        let hidden = Linear(inputSize: 2, outputSize: 8, name: "hidden", using: &rng)
        let output = Linear(inputSize: 8, outputSize: 2, name: "output", using: &rng)
        let inputs = Variable(Tensor(shape: [4, 2], scalars: [0, 0, 0, 1, 1, 0, 1, 1]))
        let labels = [0, 1, 1, 0]
        let parameters = hidden.parameters + output.parameters
        var optimizer = AdamW(parameters: parameters, learningRate: 0.05, weightDecay: 0)
        var loss: Float = .infinity
        for _ in 0..<300 {
            let step = crossEntropy(output(tanh(hidden(inputs))), targets: labels)
            optimizer.zeroGrad()
            step.backward()
            optimizer.step()
            loss = step.item
        }
        let logits = noGrad { output(tanh(hidden(inputs))) }.value
        let predictions = (0..<4).map { logits[$0, 1] > logits[$0, 0] ? 1 : 0 }
        #expect(predictions == labels)
        #expect(loss < 0.05)
    }

    @Test("attention rows sum to 1, and a causal mask gives the future exactly zero weight")
    func attentionWeights() {
        var rng = SeededGenerator(seed: 5)
        let attention = MultiHeadAttention(width: 8, headCount: 2, name: "attn", using: &rng)
        let x = Variable(Tensor(randomNormal: [2, 4, 8], using: &rng))
        let weights = attention(x, mask: .causal(length: 4)).weights.value   // [2, 2, 4, 4]
        #expect(weights.shape == [2, 2, 4, 4])
        for b in 0..<2 {
            for h in 0..<2 {
                for i in 0..<4 {
                    let row = (0..<4).map { weights[b, h, i, $0] }
                    #expect(abs(row.reduce(0, +) - 1) < 1e-5)
                    for j in (i + 1)..<4 { #expect(row[j] == 0) }   // key j is after query i
                }
            }
        }
    }

    @Test("a padded key gets zero weight from every query")
    func paddingIsIgnored() {
        var rng = SeededGenerator(seed: 6)
        let attention = MultiHeadAttention(width: 4, headCount: 1, name: "attn", using: &rng)
        let x = Variable(Tensor(randomNormal: [1, 3, 4], using: &rng))
        let mask = AttentionMask.keyPadding([[7, 9, 0]], padID: 0)    // [[0, 0, −∞]]
        let weights = attention(x, mask: mask).weights.value          // [1, 1, 3, 3]
        for i in 0..<3 { #expect(weights[0, 0, i, 2] == 0) }
    }

    @Test("batched attention equals attention computed one head at a time by hand")
    func attentionTwoWays() {
        var rng = SeededGenerator(seed: 7)
        let (width, heads, tokens) = (4, 2, 3)
        let attention = MultiHeadAttention(width: width, headCount: heads, name: "attn", using: &rng)
        let x = Variable(Tensor(randomNormal: [1, tokens, width], using: &rng))
        let batched = attention(x).output.value.scalars
        // The same, per head, with 2-D matmuls and column slices.
        let rows = x.reshaped(to: [tokens, width])
        let (q, k, v) = (attention.query(rows), attention.key(rows), attention.value(rows))   // [T, d]
        let headOutputs = (0..<heads).map { h -> Variable in
            let columns = (h * 2)..<(h * 2 + 2)
            let scores = matmul(q.slice(alongAxis: 1, columns), k.slice(alongAxis: 1, columns), transposeB: true)
            return matmul(softmax(scores, scale: 1 / Float(2).squareRoot()), v.slice(alongAxis: 1, columns))
        }
        let perHead = attention.output(concatenate(headOutputs, alongAxis: 1)).value.scalars
        #expect(close(batched, perHead, tolerance: 1e-5))
    }

    @Test("InfoNCE on a 2×2 similarity matrix equals the value computed by hand")
    func infoNCEByHand() {
        // Embeddings already of length 1: image 0 = (1, 0), image 1 = (0, 1); text 0 = (0.6, 0.8), text 1 = (0, 1).
        // Cosine similarities I·Tᵀ = [[0.6, 0], [0.8, 1]]; with s = ln 2 the logits are 2× that:
        //   [[1.2, 0], [1.6, 2]].
        // Rows (image → text), target on the diagonal:
        //   row 0: −log(e^1.2 / (e^1.2 + e^0)) = log(1 + e^−1.2) = 0.263282
        //   row 1: −log(e^2 / (e^1.6 + e^2))   = log(1 + e^−0.4) = 0.513015
        // Columns (text → image):
        //   col 0: −log(e^1.2 / (e^1.2 + e^1.6)) = log(1 + e^0.4) = 0.913015
        //   col 1: −log(e^2 / (e^0 + e^2))       = log(1 + e^−2)  = 0.126928
        // loss = ((0.263282 + 0.513015)/2 + (0.913015 + 0.126928)/2) / 2 = 0.454060
        let image = Variable(Tensor(shape: [2, 2], scalars: [1, 0, 0, 1]))
        let text = Variable(Tensor(shape: [2, 2], scalars: [0.6, 0.8, 0, 1]))
        let logScale = Variable(name: "s", value: Tensor(scalar: Float(Foundation.log(2.0))))
        let result = contrastiveLoss(imageEmbeddings: image, textEmbeddings: text, logScale: logScale)
        #expect(close(result.logits.value.scalars, [1.2, 0, 1.6, 2], tolerance: 1e-5))
        #expect(abs(result.loss.item - 0.454060) < 1e-5)
    }

    @Test("cross-entropy ignores rows whose target is the ignore index")
    func crossEntropyIgnore() {
        // Only row 0 counts: log(1 + e⁻²) = 0.126928.
        let logits = Variable(Tensor(shape: [2, 2], scalars: [2, 0, 5, -5]))
        let loss = crossEntropy(logits, targets: [0, -100], ignoreIndex: -100)
        #expect(abs(loss.item - 0.126928) < 1e-5)
    }

    @Test("W-CLIP's two encoders hold 222,273 parameters, the size of the benchmark's W-CLIP")
    func clipParameterCount() {
        var rng = SeededGenerator(seed: 0)
        // Each encoder: embedding, positions, 2 blocks + final LN, projection 64 → 32 without bias.
        let patch = Linear(inputSize: 192, outputSize: 64, name: "image.patch", using: &rng)        // 12,352
        let word = Embedding(vocabularySize: 64, width: 64, name: "text.embed", using: &rng)        // 4,096
        let image = TransformerEncoder(depth: 2, width: 64, headCount: 4, hiddenWidth: 256, name: "image", using: &rng)
        let text = TransformerEncoder(depth: 2, width: 64, headCount: 4, hiddenWidth: 256, name: "text", using: &rng)
        #expect(image.parameterCount == 100_096)                  // 2 · 49,984 + 128
        let positions = 16 * 64 + 8 * 64                           // 1,536
        let projections = 2 * 64 * 32                              // 4,096
        let logScale = 1
        let total = patch.parameterCount + word.parameterCount + image.parameterCount + text.parameterCount
            + positions + projections + logScale
        #expect(total == 222_273)
    }
}
