// Optimizers, clipping and the schedule, each checked against a step computed by hand.

import Foundation
import Testing
import TeachingEngine

@Suite("Optimizers by hand")
struct OptimizerTests {
    @Test("AdamW's first step moves θ by lr·(sign of g) plus the decay lr·λ·θ")
    func adamWOneStep() {
        // θ = [1, −2], g = [0.5, −0.1], lr = 0.1, λ = 0.01, β = (0.9, 0.999), ε = 1e-8.
        // m = 0.1·g, v = 0.001·g²; m̂ = g, v̂ = g²; m̂/√v̂ = sign(g) = [1, −1] (ε is negligible).
        // θ ← θ·(1 − 0.1·0.01) − 0.1·[1, −1] = [0.999 − 0.1, −1.998 + 0.1] = [0.899, −1.898].
        let theta = Variable(name: "theta", value: Tensor(shape: [2], scalars: [1, -2]))
        (theta * Variable(Tensor(shape: [2], scalars: [0.5, -0.1]))).sum().backward()   // g = [0.5, −0.1]
        var optimizer = AdamW(parameters: [theta], learningRate: 0.1, weightDecay: 0.01)
        optimizer.step()
        #expect(close(theta.value.scalars, [0.899, -1.898], tolerance: 1e-6))
    }

    @Test("AdamW with matricesOnly leaves a vector's decay out")
    func decayPolicy() {
        // Zero gradient except through the decay: a [1, 1] matrix shrinks, a [1] vector does not (m = v = 0 → no move).
        let matrix = Variable(name: "w", value: Tensor(shape: [1, 1], scalars: [1]))
        let vector = Variable(name: "b", value: Tensor(shape: [1], scalars: [1]))
        (matrix.sum() * 0 + vector.sum() * 0).backward()
        var optimizer = AdamW(parameters: [matrix, vector], learningRate: 0.1, weightDecay: 0.5, decayPolicy: .matricesOnly)
        optimizer.step()
        #expect(matrix.value.scalars == [0.95])   // 1 · (1 − 0.1 · 0.5)
        #expect(vector.value.scalars == [1])
    }

    @Test("SGD with momentum 0.9: θ = 1, g = 0.5, lr = 0.1 gives 0.95, then 0.855")
    func sgdMomentum() {
        let theta = Variable(name: "theta", value: Tensor(shape: [1], scalars: [1]))
        var optimizer = SGD(parameters: [theta], learningRate: 0.1, momentum: 0.9)
        for _ in 0..<2 {
            optimizer.zeroGrad()
            (theta * 0.5).sum().backward()   // g = 0.5
            optimizer.step()
        }
        // step 1: velocity 0.5, θ = 1 − 0.05 = 0.95; step 2: velocity 0.9·0.5 + 0.5 = 0.95, θ = 0.95 − 0.095
        #expect(abs(theta.value.scalars[0] - 0.855) < 1e-6)
    }

    @Test("clipping by global norm: gradients [3] and [4] have norm 5 and become [0.6] and [0.8]")
    func clipping() {
        let a = Variable(name: "a", value: Tensor(shape: [1], scalars: [0]))
        let b = Variable(name: "b", value: Tensor(shape: [1], scalars: [0]))
        (a * 3 + b * 4).sum().backward()
        let norm = clipGradientNorm([a, b], maxNorm: 1)
        #expect(abs(norm - 5) < 1e-6)
        #expect(close(a.grad!.scalars, [0.6]) && close(b.grad!.scalars, [0.8]))
    }

    @Test("warm-up then cosine: up to the peak in 10 steps, half way down at step 60, the floor at the end")
    func schedule() {
        let schedule = WarmupCosineSchedule(peak: 1e-3, warmupSteps: 10, totalSteps: 110)
        #expect(abs(schedule(0) - 1e-4) < 1e-9)
        #expect(abs(schedule(9) - 1e-3) < 1e-9)
        #expect(abs(schedule(60) - 5e-4) < 1e-9)
        #expect(abs(schedule(110)) < 1e-9)
    }
}
