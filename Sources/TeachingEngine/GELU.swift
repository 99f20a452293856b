// GELU, the smooth ReLU of transformers' MLPs, in its tanh form (PyTorch's `GELU(approximate="tanh")`):
//   gelu(u) = ½·u·(1 + tanh(c·(u + 0.044715·u³))),  c = √(2/π)
// Hendrycks & Gimpel 2016, "Gaussian Error Linear Units", §2. The tanh form differs from the exact
// erf form by less than 1e-3 everywhere and costs one tanh per value.
// It is fused with the bias add before it (the natural unit after a Linear layer's matmul):
//   y = gelu(x + b),  dy/dx = gelu'(x + b),  dy/db = Σ over rows of dy/dx.

import Foundation

/// √(2/π), the constant of the tanh form.
private let geluScale: Float = 0.797_884_56

/// gelu(x + bias), elementwise; `bias` (shape [n]) is added to every row of `x` ([..., n]).
/// Without a bias it is plain gelu(x).
///
///     gelu([−1, 0, 1])  ≈  [−0.159, 0, 0.841]
public func gelu(_ x: Variable, bias: Variable? = nil, file: StaticString = #fileID, line: UInt = #line) -> Variable {
    let width = bias?.count ?? Swift.max(1, x.shape.last ?? 1)
    if let bias {
        require(bias.rank == 1 && x.shape.last == bias.count,
                     "gelu: bias \(describe(shape: bias.shape)) does not match the rows of \(describe(shape: x.shape))",
                     file: file, line: line)
    }
    let values = x.value.scalars
    let biasValues = bias?.value.scalars
    let count = values.count
    // The arithmetic, eight values at a time, is Kernels.geluForward / geluBackward (Kernels/GeluKernel.swift).
    var tanhs: [Float] = []                           // saved for the backward
    let out = makeScalars(count: count) { y in
        tanhs = makeScalars(count: count) { t in
            values.withUnsafeBufferPointer { xp in
                withOptionalPointer(biasValues) { bp in
                    Kernels.geluForward(xp.baseAddress!, bias: bp, width: width, count: count, output: y, tanhs: t)
                }
            }
        }
    }
    let inputs = bias.map { [x, $0] } ?? [x]
    return Variable.result(Tensor(shape: x.shape, scalars: out), inputs: inputs) { gy in
        // du = dy · gelu'(u), with gelu'(u) = ½(1 + t) + ½·u·(1 − t²)·c·(1 + 3·0.044715·u²); db = Σ_rows du.
        func slopes(into gu: UnsafeMutablePointer<Float>) {
            values.withUnsafeBufferPointer { xp in
                withOptionalPointer(biasValues) { bp in
                    Kernels.geluBackward(xp.baseAddress!, bias: bp, width: width, count: count, tanhs: tanhs,
                                         gradOutput: gy, gradInput: gu, gradBias: nil)
                }
            }
        }
        func addColumnSums(of gu: UnsafePointer<Float>) {
            bias?.accumulateGrad { gb in Kernels.accumulateColumnSums(gu, rows: count / width, width: width, into: gb) }
        }
        if x.requiresGrad && x.gradScalars == nil && x !== bias {
            // x has no gradient yet: du is written straight into it, and the bias sums read it there.
            x.writeOrAccumulateGrad { gx, _ in slopes(into: gx); addColumnSums(of: gx) }
        } else {
            let gu = makeScalars(count: count) { slopes(into: $0) }
            x.accumulateGrad { gx in for i in 0..<count { gx[i] += gu[i] } }
            gu.withUnsafeBufferPointer { addColumnSums(of: $0.baseAddress!) }
        }
    }
}

/// Calls `body` with a pointer to `values`' storage, or with nil when there are no values.
@inline(__always)
func withOptionalPointer<R>(_ values: [Float]?, _ body: (UnsafePointer<Float>?) -> R) -> R {
    guard let values else { return body(nil) }
    return values.withUnsafeBufferPointer { body($0.baseAddress) }
}
