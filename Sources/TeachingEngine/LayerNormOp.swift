// Layer normalisation over the last axis, forward and backward fused (Ba, Kiros & Hinton 2016, eq. 4).
// For each row x of width d:
//   μ = mean(x),  σ² = mean((x − μ)²),  x̂ = (x − μ) / √(σ² + ε),  y = γ ⊙ x̂ + β
// Backward, with ĝ = dy ⊙ γ (the gradient reaching x̂):
//   dx = (ĝ − mean(ĝ) − x̂ · mean(ĝ ⊙ x̂)) / √(σ² + ε),  dγ = Σ_rows dy ⊙ x̂,  dβ = Σ_rows dy

/// γ ⊙ (x − mean) / √(variance + ε) + β along the last axis; `gamma` and `beta` have shape [d].
///
///     layerNorm([1, 3], gamma: [1, 1], beta: [0, 0])  ≈  [−1, 1]   (mean 2, variance 1)
public func layerNorm(_ x: Variable, gamma: Variable, beta: Variable, epsilon: Float = 1e-5,
                      file: StaticString = #fileID, line: UInt = #line) -> Variable {
    let width = x.shape.last ?? 0
    require(gamma.shape == [width] && beta.shape == [width],
                 "layerNorm: γ \(describe(shape: gamma.shape)) and β \(describe(shape: beta.shape)) must be [\(width)] for input \(describe(shape: x.shape))",
                 file: file, line: line)
    let rows = width == 0 ? 0 : x.count / width
    let (values, g, b) = (x.value.scalars, gamma.value.scalars, beta.value.scalars)
    // The arithmetic, eight values at a time, is Kernels.layerNormForward / layerNormBackward
    // (Kernels/LayerNormKernel.swift).
    var normalized: [Float] = []         // x̂, saved for the backward
    var inverseDeviation: [Float] = []   // 1/√(σ² + ε) per row
    let out = makeScalars(count: values.count) { y in
        normalized = makeScalars(count: values.count) { xhat in
            inverseDeviation = makeScalars(count: rows) { inverse in
                values.withUnsafeBufferPointer { xp in
                    Kernels.layerNormForward(xp.baseAddress!, gamma: g, beta: b, rows: rows, width: width,
                                             epsilon: epsilon, output: y, normalized: xhat,
                                             inverseDeviation: inverse)
                }
            }
        }
    }
    return Variable.result(Tensor(shape: x.shape, scalars: out), inputs: [x, gamma, beta]) { dy in
        guard rows > 0 else { return }
        func backward(dx: UnsafeMutablePointer<Float>?, dg: UnsafeMutablePointer<Float>?, db: UnsafeMutablePointer<Float>?,
                      overwrite: Bool = false) {
            Kernels.layerNormBackward(gradOutput: dy, gamma: g, normalized: normalized,
                                      inverseDeviation: inverseDeviation, rows: rows, width: width,
                                      gradInput: dx, gradGamma: dg, gradBeta: db, overwriteInput: overwrite)
        }
        // One call for all three gradients when all three are wanted; x's is written, not added,
        // when it has none yet (no zero-fill).
        if x.requiresGrad && gamma.requiresGrad && beta.requiresGrad && x !== gamma && x !== beta && gamma !== beta {
            x.writeOrAccumulateGrad { dx, accumulate in
                gamma.accumulateGrad { dg in beta.accumulateGrad { db in backward(dx: dx, dg: dg, db: db, overwrite: !accumulate) } }
            }
        } else {
            x.accumulateGrad { backward(dx: $0, dg: nil, db: nil) }
            gamma.accumulateGrad { backward(dx: nil, dg: $0, db: nil) }
            beta.accumulateGrad { backward(dx: nil, dg: nil, db: $0) }
        }
    }
}
