// The one-op attention against its three steps: headScores → softmax (scale, mask) → mixHeads.
// Head by head it runs the same sums in the same order, so values, weights and gradients must be
// equal bit for bit, not merely close.

import Testing
import TeachingEngine

@Suite("attention: every head in one op, bit-identical to scores → softmax → mix")
struct AttentionTests {
    @Test("one head, q = [[1, 0]], k = [[1, 0], [0, 1]], v = [[4], [8]]: weights [0.731, 0.269], output 5.08")
    func smallExample() {
        let out = attention(leaf([1, 1, 2], [1, 0]), leaf([1, 2, 2], [1, 0, 0, 1]), leaf([1, 2, 2], [4, 0, 8, 0]),
                            headCount: 1, scale: 1)
        // e¹ : e⁰ = 2.718 : 1, so the weights are 2.718/3.718 = 0.731 and 0.269; 0.731·4 + 0.269·8 = 5.08
        #expect(close(out.weights.value.scalars, [0.7311, 0.2689], tolerance: 1e-4))
        #expect(close(out.output.value.scalars, [5.0758, 0], tolerance: 1e-3))
    }

    @Test("B = 3, Tq = 7, Tk = 9, d = 12 in 4 heads, padding + causal mask, scale 0.5: output, weights and dq, dk, dv equal the three-op path exactly",
          arguments: [false, true])
    func matchesThreeOps(masked: Bool) {
        let (heads, width) = (4, 12)
        let (q, k, v) = (randomLeaf([3, 7, width], seed: 191), randomLeaf([3, 9, width], seed: 192),
                         randomLeaf([3, 9, width], seed: 193))
        var padding = [[Bool]](repeating: [Bool](repeating: false, count: 9), count: 3)
        padding[1][8] = true; padding[2][0] = true
        let mask: AttentionMask? = masked ? .keyPadding(padding) + .causal(queries: 7, keys: 9) : nil
        let upstream = Variable(randomLeaf([3, 7, width], seed: 194).value)      // a fixed dL/d(out)
        func run(oneOp: Bool) -> [[Float]] {
            for x in [q, k, v] { x.zeroGrad() }
            let (out, weights): (Variable, Variable)
            if oneOp {
                let result = attention(q, k, v, headCount: heads, scale: 0.5, mask: mask)
                (out, weights) = (result.output, result.weights)
            } else {
                weights = softmax(headScores(q, k, headCount: heads), scale: 0.5, mask: mask)
                out = mixHeads(weights, v)
            }
            (out * upstream).sum().backward()
            return [out.value.scalars, weights.value.scalars] + [q, k, v].map { $0.grad!.scalars }
        }
        #expect(run(oneOp: true) == run(oneOp: false))
    }

    @Test("64 items × 4 heads of 26 tokens (split across the cores) give the same bytes on 1 and 2 threads")
    func threadCountDoesNotMatter() {
        let (q, k, v) = (randomLeaf([64, 26, 64], seed: 201), randomLeaf([64, 26, 64], seed: 202),
                         randomLeaf([64, 26, 64], seed: 203))
        let upstream = Variable(randomLeaf([64, 26, 64], seed: 204).value)
        func run(threads: Int) -> [[Float]] {
            EngineThreads.with(threads) {
                for x in [q, k, v] { x.zeroGrad() }
                let out = attention(q, k, v, headCount: 4, scale: 0.25, mask: .causal(length: 26)).output
                (out * upstream).sum().backward()
                return [out.value.scalars] + [q, k, v].map { $0.grad!.scalars }
            }
        }
        #expect(run(threads: 1) == run(threads: 2))
    }
}
