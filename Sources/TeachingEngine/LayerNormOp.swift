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
    var normalized = [Float](repeating: 0, count: values.count)   // x̂, saved for the backward
    var inverseDeviation = [Float](repeating: 0, count: rows)      // 1/√(σ² + ε) per row
    let out = makeScalars(count: values.count) { y in
        values.withUnsafeBufferPointer { xp in
            normalized.withUnsafeMutableBufferPointer { xhat in
                for r in 0..<rows {
                    let base = r * width
                    var mean: Float = 0
                    for j in 0..<width { mean += xp[base + j] }
                    mean /= Float(width)
                    var variance: Float = 0
                    for j in 0..<width { let centred = xp[base + j] - mean; variance += centred * centred }
                    variance /= Float(width)
                    let inverse = 1 / (variance + epsilon).squareRoot()
                    inverseDeviation[r] = inverse
                    for j in 0..<width {
                        let n = (xp[base + j] - mean) * inverse
                        xhat[base + j] = n
                        y[base + j] = g[j] * n + b[j]
                    }
                }
            }
        }
    }
    return Variable.result(Tensor(shape: x.shape, scalars: out), inputs: [x, gamma, beta]) { dy in
        x.accumulateGrad { dx in
            var gHat = [Float](repeating: 0, count: width)
            for r in 0..<rows {
                let base = r * width
                var (meanG, meanGX) = (Float(0), Float(0))
                for j in 0..<width {
                    gHat[j] = dy[base + j] * g[j]
                    meanG += gHat[j]
                    meanGX += gHat[j] * normalized[base + j]
                }
                meanG /= Float(width)
                meanGX /= Float(width)
                let inverse = inverseDeviation[r]
                for j in 0..<width { dx[base + j] += (gHat[j] - meanG - normalized[base + j] * meanGX) * inverse }
            }
        }
        gamma.accumulateGrad { dg in
            for r in 0..<rows { for j in 0..<width { dg[j] += dy[r * width + j] * normalized[r * width + j] } }
        }
        beta.accumulateGrad { db in
            for r in 0..<rows { for j in 0..<width { db[j] += dy[r * width + j] } }
        }
    }
}
