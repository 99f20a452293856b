// AdamW (Loshchilov & Hutter 2019, "Decoupled Weight Decay Regularization", Algorithm 2), one fused
// pass per parameter. For each value θ with gradient g, at step t:
//   m ← β₁·m + (1 − β₁)·g              v ← β₂·v + (1 − β₂)·g²
//   m̂ = m / (1 − β₁ᵗ)                   v̂ = v / (1 − β₂ᵗ)
//   θ ← θ − lr·λ·θ − lr·m̂ / (√v̂ + ε)    (the decay λ acts on θ directly, not through g)

import Foundation

/// Which parameters weight decay shrinks.
public enum WeightDecayPolicy: Sendable {
    /// Every parameter (PyTorch's `AdamW(model.parameters())` default; what the benchmarks use).
    case all
    /// Only parameters of rank ≥ 2 (weight matrices and embedding tables), not biases, LayerNorm's γ and β,
    /// or scalars such as CLIP's temperature — the common recipe for transformers.
    case matricesOnly
}

/// Adam with decoupled weight decay over a fixed list of parameters.
///
///     var optimizer = AdamW(parameters: model.parameters, learningRate: 1e-3, weightDecay: 0.01)
///     loss.backward(); optimizer.step(); model.zeroGrad()
public struct AdamW {
    public let parameters: [Variable]
    public var learningRate: Float
    public var beta1: Float
    public var beta2: Float
    public var epsilon: Float
    public var weightDecay: Float
    public var decayPolicy: WeightDecayPolicy
    /// Steps taken so far (t of the formulas after the next step is t + 1).
    public private(set) var stepCount = 0
    private var firstMoments: [Float]      // m of every parameter, one after another
    private var secondMoments: [Float]     // v, laid out the same way
    private let offsets: [Int]             // where each parameter's moments start
    private let distinctParameters: Bool   // no parameter listed twice, so they can update in parallel

    public init(parameters: [Variable], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0.01, decayPolicy: WeightDecayPolicy = .all) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decayPolicy = decayPolicy
        var offsets: [Int] = []
        var total = 0
        for parameter in parameters { offsets.append(total); total += parameter.count }
        self.offsets = offsets
        firstMoments = [Float](repeating: 0, count: total)
        secondMoments = [Float](repeating: 0, count: total)
        distinctParameters = Set(parameters.map(ObjectIdentifier.init)).count == parameters.count
    }

    /// Moves every parameter that has a gradient one step. Gradients are left in place: clear them
    /// with `zeroGrad()` before the next `backward()`.
    public mutating func step() {
        stepCount += 1
        let t = Float(stepCount)
        let correction1 = 1 - Foundation.pow(beta1, t)
        let correction2 = 1 - Foundation.pow(beta2, t)
        let (b1, b2, eps, lr) = (beta1, beta2, epsilon, learningRate)
        let (parameters, offsets, weightDecay, decayPolicy) = (parameters, offsets, weightDecay, decayPolicy)
        let averageCount = firstMoments.count / Swift.max(1, parameters.count)
        firstMoments.withUnsafeMutableBufferPointer { allM in
            secondMoments.withUnsafeMutableBufferPointer { allV in
                guard let mBase = allM.baseAddress, let vBase = allV.baseAddress else { return }   // no values
                // Parameters are independent: both cores take a share of them (each value's update
                // is the same arithmetic whichever thread runs it).
                Kernels.splitWork(count: parameters.count, valuesPerItem: averageCount,
                                  threads: distinctParameters ? nil : 1) { range in
                    for index in range {
                        let parameter = parameters[index]
                        guard let gradient = parameter.gradScalars else { continue }
                        let decays = decayPolicy == .all || parameter.rank >= 2
                        let shrink = 1 - lr * (decays ? weightDecay : 0)
                        let (m, v) = (mBase + offsets[index], vBase + offsets[index])
                        gradient.withUnsafeBufferPointer { g in
                            parameter.updateValues { theta, count in
                                Kernels.adamWUpdate(theta: theta, m: m, v: v, g: g.baseAddress!,
                                            count: count, beta1: b1, beta2: b2, correction1: correction1,
                                            correction2: correction2, learningRate: lr, epsilon: eps, shrink: shrink)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Forgets every parameter's gradient.
    public func zeroGrad() { for parameter in parameters { parameter.zeroGrad() } }
}
