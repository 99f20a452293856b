// Layer normalisation over the last axis, forward and backward fused (Ba, Kiros & Hinton 2016, eq. 4).
// For each row x of width d:
//   μ = mean(x),  σ² = mean((x − μ)²),  x̂ = (x − μ) / √(σ² + ε),  y = γ ⊙ x̂ + β
// Backward, with ĝ = dy ⊙ γ (the gradient reaching x̂):
//   dx = (ĝ − mean(ĝ) − x̂ · mean(ĝ ⊙ x̂)) / √(σ² + ε),  dγ = Σ_rows dy ⊙ x̂,  dβ = Σ_rows dy
// The arithmetic, eight values at a time, is in Kernels/LayerNormKernel.swift.

import AlignFuseSupport

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
    // y = γ ⊙ x̂ + β, keeping x̂ and 1/√(σ² + ε) per row for the backward
    let (y, xhat, inverse) = Kernels.layerNorm(x.value.scalars, gamma: gamma.value.scalars, beta: beta.value.scalars,
                                               rows: rows, width: width, epsilon: epsilon)
    return Variable.result(Tensor(shape: x.shape, scalars: y), inputs: [x, gamma, beta]) { dy in
        // dx = (ĝ − mean(ĝ) − x̂·mean(ĝ ⊙ x̂)) / √(σ² + ε) with ĝ = dy ⊙ γ;  dγ = Σ_rows dy ⊙ x̂;  dβ = Σ_rows dy
        Kernels.layerNormGradients(dy, x: x, gamma: gamma, beta: beta, normalized: xhat, inverseDeviation: inverse,
                                   rows: rows, width: width)
    }
}
