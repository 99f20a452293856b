// The chain rule, one fact at a time, with numbers small enough to check by hand.

import Testing
import TeachingEngine

@Suite("Autograd: the chain rule")
struct AutogradTests {
    @Test("d(a·b)/da equals b and d(a·b)/db equals a")
    func productRule() {
        let a = leaf([2], [2, -3])
        let b = leaf([2], [5, 7])
        (a * b).sum().backward()
        #expect(a.grad!.scalars == [5, 7])
        #expect(b.grad!.scalars == [2, -3])
    }

    @Test("a value used twice collects both gradients: d(x·x)/dx = 2x")
    func sharedInput() {
        let x = leaf([3], [1, -2, 0.5])
        (x * x).sum().backward()
        #expect(x.grad!.scalars == [2, -4, 1])
    }

    @Test("gradients accumulate across backward calls until zeroGrad")
    func accumulation() {
        let w = leaf([1], [3])
        (w * 2).sum().backward()
        (w * 2).sum().backward()
        #expect(w.grad!.scalars == [4])   // 2 + 2
        w.zeroGrad()
        #expect(w.grad == nil)
    }

    @Test("the chain rule through three steps: d/dx tanh(2x + 1) at x = 0 is 2·(1 − tanh²1) ≈ 0.840")
    func chain() {
        let x = leaf([1], [0])
        tanh(x * 2 + 1).sum().backward()
        #expect(abs(x.grad!.scalars[0] - 0.839_948) < 1e-5)
    }

    @Test("a weight used by two matmuls gets the sum of both gradients: d/dW of (x·W + x·W) = 2·xᵀ·1")
    func matmulGradientsAccumulate() {
        // x = [[1, 2]], W [2, 1]: d(sum(x·W))/dW = xᵀ = [[1], [2]]; used twice, [[2], [4]].
        let x = Variable(Tensor(shape: [1, 2], scalars: [1, 2]))
        let w = leaf([2, 1], [0.5, -1])
        (matmul(x, w) + matmul(x, w)).sum().backward()
        #expect(w.grad!.scalars == [2, 4])
    }

    @Test("noGrad records nothing: its results are constants without a gradient")
    func noGradRecordsNothing() {
        let w = leaf([2], [1, 2])
        let y = noGrad { (w * w).sum() }
        #expect(y.requiresGrad == false)
        #expect(y.item == 5)
    }

    @Test("broadcast addition sums the gradient over the repeated axis: [2, 3] + [3]")
    func broadcastGradientSums() {
        let x = leaf([2, 3], [1, 2, 3, 4, 5, 6])
        let b = leaf([3], [10, 20, 30])
        let y = x + b
        #expect(y.value.scalars == [11, 22, 33, 14, 25, 36])
        y.sum().backward()
        #expect(b.grad!.scalars == [2, 2, 2])   // each bias value was used by both rows
    }

    @Test("parameters keep their names; a constant has none")
    func names() {
        var rng = SeededGenerator(seed: 1)
        let layer = Linear(inputSize: 2, outputSize: 3, name: "fc", using: &rng)
        #expect(layer.parameters.map(\.name) == ["fc.weight", "fc.bias"])
        #expect(layer.parameterCount == 9)
        #expect(Variable(Tensor(zeros: [1])).name == nil)
    }
}

@Suite("Autograd: key projection bias")
struct KeyBiasTests {
    @Test("the key projection's bias gets no gradient: softmax ignores a shift shared by a whole row")
    func keyBiasGradientIsZero() {
        var rng = SeededGenerator(seed: 3)
        let attention = MultiHeadAttention(width: 4, headCount: 2, name: "attn", using: &rng)
        let x = Variable(Tensor(randomNormal: [1, 3, 4], using: &rng))
        attention(x).output.sum().backward()
        #expect(attention.key.bias!.grad!.scalars.allSatisfy { abs($0) < 1e-5 })
    }
}
