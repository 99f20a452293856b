// Every layer's backward against central finite differences, inputs and parameters together.
// Layers are tiny (width 4 or 8) so the numeric side — two forwards per value — stays quick.

import Testing
import TeachingEngine

@Suite("Gradient check: every layer")
struct LayerGradientTests {
    /// The parameters of an attention-holding layer, without the key projection's bias: q·b_k adds
    /// the same number to every score of a row, softmax ignores such a shift, so that bias's gradient
    /// is exactly 0 and a relative error would only compare rounding noise with rounding noise.
    func withoutKeyBias(_ parameters: [Variable]) -> [Variable] {
        parameters.filter { !($0.name ?? "").hasSuffix(".k.bias") }
    }

    @Test("Linear, with and without bias, on [B, T, in]")
    func linear() {
        var rng = SeededGenerator(seed: 1)
        let layer = Linear(inputSize: 3, outputSize: 2, name: "fc", using: &rng)
        let plain = Linear(inputSize: 3, outputSize: 2, bias: false, name: "proj", using: &rng)
        let x = randomLeaf([2, 2, 3], seed: 2)
        #expect(checkGradients([x] + layer.parameters) { layer(x) }.maxRelativeError < gradientTolerance)
        #expect(checkGradients([x] + plain.parameters) { plain(x) }.maxRelativeError < gradientTolerance)
    }

    @Test("Embedding: a repeated id collects both gradients in its row")
    func embedding() {
        var rng = SeededGenerator(seed: 3)
        let embedding = Embedding(vocabularySize: 5, width: 3, name: "tok", using: &rng)
        let ids = [[1, 4, 1], [0, 2, 2]]
        #expect(checkGradients(embedding.parameters) { embedding(ids) }.maxRelativeError < gradientTolerance)
        embedding(ids).sum().backward()
        let grad = embedding.table.grad!
        #expect(grad[1, 0] == 2 && grad[3, 0] == 0)   // id 1 used twice, id 3 never
    }

    @Test("LayerNorm and MLP")
    func normAndMLP() {
        var rng = SeededGenerator(seed: 4)
        let norm = LayerNorm(width: 4, name: "ln")
        let mlp = MLP(width: 4, hiddenWidth: 8, name: "mlp", using: &rng)
        let x = randomLeaf([2, 3, 4], seed: 5)
        #expect(checkGradients([x] + norm.parameters) { norm(x) }.maxRelativeError < gradientTolerance)
        #expect(checkGradients([x] + mlp.parameters) { mlp(x) }.maxRelativeError < gradientTolerance)
    }

    @Test("MultiHeadAttention: self with padding and causal masks, and cross attention")
    func attention() {
        var rng = SeededGenerator(seed: 6)
        let attention = MultiHeadAttention(width: 4, headCount: 2, name: "attn", using: &rng)
        let x = randomLeaf([2, 3, 4], seed: 7)
        let context = randomLeaf([2, 5, 4], seed: 8)
        let mask = AttentionMask.keyPadding([[3, 1, 0], [2, 0, 0]], padID: 0) + .causal(length: 3)
        let selfCheck = checkGradients([x] + withoutKeyBias(attention.parameters)) { attention(x, mask: mask).output }
        #expect(selfCheck.maxRelativeError < gradientTolerance, "\(selfCheck)")
        let crossCheck = checkGradients([x, context] + withoutKeyBias(attention.parameters)) { attention(x, context: context).output }
        #expect(crossCheck.maxRelativeError < gradientTolerance, "\(crossCheck)")
    }

    @Test("pre-LN TransformerBlock and a 2-block TransformerEncoder")
    func transformer() {
        var rng = SeededGenerator(seed: 9)
        let block = TransformerBlock(width: 4, headCount: 2, hiddenWidth: 8, name: "block", using: &rng)
        let encoder = TransformerEncoder(depth: 2, width: 4, headCount: 2, hiddenWidth: 8, name: "enc", using: &rng)
        let x = randomLeaf([2, 3, 4], seed: 10)
        let mask = AttentionMask.keyPadding([[false, false, false], [false, false, true]])
        let blockCheck = checkGradients([x] + withoutKeyBias(block.parameters)) { block(x, mask: mask).output }
        #expect(blockCheck.maxRelativeError < gradientTolerance, "\(blockCheck)")
        // Two blocks deep, the second block's key weights get gradients near 1e-4, where Float32 rounding
        // in a central difference of step 1e-2 is ~1e-3 relative (1.06e-3 once gemm used fused
        // multiply-adds); a step of 2e-2 halves that noise and its truncation error stays far below.
        let encoderCheck = checkGradients([x] + withoutKeyBias(encoder.parameters), epsilon: 2e-2) { encoder(x, mask: mask).output }
        #expect(encoderCheck.maxRelativeError < gradientTolerance, "\(encoderCheck)")
    }

    @Test("a block run at rows 2..<4 only gives the full block's rows 2 and 3, and the same gradients when only those rows are read")
    func blockAtSomeRows() {
        var rng = SeededGenerator(seed: 9)
        let block = TransformerBlock(width: 4, headCount: 2, hiddenWidth: 8, name: "block", using: &rng)
        let x = randomLeaf([2, 4, 4], seed: 10)
        let mask = AttentionMask.prefixLM(prefixLength: 2, length: 4)       // rows 2, 3: an answer of two words
        let full = block(x, mask: mask)
        let rows = block(x, mask: mask, rows: 2..<4)
        #expect(rows.output.shape == [2, 2, 4] && rows.weights.shape == [2, 2, 2, 4])
        let expected = full.output.slice(alongAxis: 1, 2..<4).value
        #expect(zip(rows.output.value.scalars, expected.scalars).allSatisfy { abs($0 - $1) < 1e-6 })
        // A loss that reads rows 2 and 3: every parameter and x get the same gradient either way.
        func gradients(_ readRows: () -> Variable) -> [Tensor] {
            let leaves = [x] + block.parameters
            leaves.forEach { $0.zeroGrad() }
            (readRows() * readRows()).sum().backward()
            return leaves.map { $0.grad! }
        }
        let viaFull = gradients { block(x, mask: mask).output.slice(alongAxis: 1, 2..<4) }
        let viaRows = gradients { block(x, mask: mask, rows: 2..<4).output }
        for (a, b) in zip(viaFull, viaRows) {
            #expect(a.shape == b.shape && zip(a.scalars, b.scalars).allSatisfy { abs($0 - $1) < 1e-5 })
        }
        let check = checkGradients([x] + withoutKeyBias(block.parameters)) { block(x, mask: mask, rows: 2..<4).output }
        #expect(check.maxRelativeError < gradientTolerance, "\(check)")
    }
}
