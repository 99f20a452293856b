// Attention's head products read each head's columns in place (gemm's leading dimensions). Their
// twin is the plain path: permute [B, T, d] → [B, h, T, d/h], batched matmul, permute back. The two
// must agree bit for bit, values and gradients, since every sum runs in the same order.

import Testing
import TeachingEngine

/// [B, T, d] → [B, h, T, d/h] by reshape and permute: the copy the head products avoid.
private func split(_ x: Variable, heads: Int) -> Variable {
    x.reshaped(to: [x.shape[0], x.shape[1], heads, x.shape[2] / heads]).permuted([0, 2, 1, 3])
}

@Suite("Head products: attention reads heads in place, bit-identical to permute + matmul")
struct HeadProductTests {
    @Test("gemm with leading dimensions: the left column of [[1, 9], [3, 9]] times [[5, 6]] is [[5, 6], [15, 18]], written into every other row")
    func leadingDimensions() {
        var c = [Float](repeating: -1, count: 8)        // C [2, 2] stored rows 4 apart
        c.withUnsafeMutableBufferPointer { pc in
            gemm([1, 9, 3, 9], [5, 6], pc.baseAddress!, m: 2, k: 1, n: 2, leadingA: 2, leadingC: 4)
        }
        #expect(c == [5, 6, -1, -1, 15, 18, -1, -1])
    }

    @Test("one head: q = [[1, 0]], k = [[1, 0], [0, 1]] → scores [[1, 0]]; weights [0.25, 0.75] mix v = [4, 8] into 7")
    func smallExample() {
        let scores = headScores(leaf([1, 1, 2], [1, 0]), leaf([1, 2, 2], [1, 0, 0, 1]), headCount: 1)
        #expect(scores.shape == [1, 1, 1, 2] && scores.value.scalars == [1, 0])
        let mixed = mixHeads(leaf([1, 1, 1, 2], [0.25, 0.75]), leaf([1, 2, 1], [4, 8]))
        #expect(mixed.shape == [1, 1, 1] && mixed.value.scalars == [7])
    }

    @Test("B = 3, Tq = 7, Tk = 9, d = 12 in 4 heads: scores, mixed values and all four gradients equal the permute path exactly")
    func matchesPermutePath() {
        let (heads, width) = (4, 12)
        let (q, k, v) = (randomLeaf([3, 7, width], seed: 91), randomLeaf([3, 9, width], seed: 92),
                         randomLeaf([3, 9, width], seed: 93))
        let upstream = Variable(randomLeaf([3, 7, width], seed: 94).value)     // a fixed dL/d(out)
        func run(inPlace: Bool) -> (scores: [Float], out: [Float], grads: [[Float]]) {
            for x in [q, k, v] { x.zeroGrad() }
            let scores = inPlace ? headScores(q, k, headCount: heads)
                                 : matmul(split(q, heads: heads), split(k, heads: heads), transposeB: true)
            let weights = softmax(scores, scale: 0.5)
            let out = inPlace ? mixHeads(weights, v)
                              : matmul(weights, split(v, heads: heads)).permuted([0, 2, 1, 3]).reshaped(to: [3, 7, width])
            (out * upstream).sum().backward()
            return (scores.value.scalars, out.value.scalars, [q, k, v].map { $0.grad!.scalars })
        }
        let (fast, plain) = (run(inPlace: true), run(inPlace: false))
        #expect(fast.scores == plain.scores)
        #expect(fast.out == plain.out)
        #expect(fast.grads == plain.grads)
    }
}

@Suite("matmul's backward: dA and dB side by side on two cores, the same bytes as one after the other")
struct SideBySideGradientTests {
    @Test("[130, 70] · [70, 120] (1.09M multiply-adds, above the parallel threshold): dA = G·Bᵀ and dB = Aᵀ·G exactly as one-thread gemm gives them")
    func gradientsMatchOneThread() {
        let (m, k, n) = (130, 70, 120)
        let (a, b) = (randomLeaf([m, k], seed: 101), randomLeaf([k, n], seed: 102))
        let g = randomLeaf([m, n], seed: 103).value.scalars       // a fixed dL/dC
        (matmul(a, b) * Variable(Tensor(shape: [m, n], scalars: g))).sum().backward()
        var (dA, dB) = ([Float](repeating: 0, count: m * k), [Float](repeating: 0, count: k * n))
        fastGemm(g, b.value.scalars, &dA, m: m, k: n, n: k, transposeB: true, threads: 1)
        fastGemm(a.value.scalars, g, &dB, m: k, k: m, n: n, transposeA: true, threads: 1)
        #expect(a.grad!.scalars == dA)
        #expect(b.grad!.scalars == dB)
    }
}

@Suite("matmul with a bias: the same bytes as matmul, then + bias")
struct MatmulBiasTests {
    @Test("[[1, 2], [3, 4]]·[[5, 6], [7, 8]] + [10, 20] = [[29, 42], [53, 70]]; [2, 75, 70]·[70, 120] + b (split across cores) and [70, 9]ᵀ·[70, 5] + b equal the two-step path exactly, values and gradients")
    func matchesTwoSteps() {
        let small = matmul(leaf([2, 2], [1, 2, 3, 4]), leaf([2, 2], [5, 6, 7, 8]), bias: leaf([2], [10, 20]))
        #expect(small.value.scalars == [29, 42, 53, 70])
        for (shapeA, shapeW, transposeA) in [([2, 75, 70], [70, 120], false), ([70, 9], [70, 5], true)] {
            let n = shapeW[1]
            let (a, w, b) = (randomLeaf(shapeA, seed: 111), randomLeaf(shapeW, seed: 112), randomLeaf([n], seed: 113))
            func run(fused: Bool) -> [[Float]] {
                for v in [a, w, b] { v.zeroGrad() }
                let y = fused ? matmul(a, w, transposeA: transposeA, bias: b) : matmul(a, w, transposeA: transposeA) + b
                let upstream = Variable(randomLeaf(y.shape, seed: 114).value)
                (y * upstream).sum().backward()
                return [y.value.scalars, a.grad!.scalars, w.grad!.scalars, b.grad!.scalars]
            }
            #expect(run(fused: true) == run(fused: false))
        }
    }
}
