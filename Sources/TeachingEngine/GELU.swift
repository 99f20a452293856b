// GELU, the smooth ReLU of transformers' MLPs, in its tanh form (PyTorch's `GELU(approximate="tanh")`):
//   gelu(u) = ½·u·(1 + tanh(c·(u + 0.044715·u³))),  c = √(2/π)
// Hendrycks & Gimpel 2016, "Gaussian Error Linear Units", §2. The tanh form differs from the exact
// erf form by less than 1e-3 everywhere and costs one tanh per value.
// The arithmetic, eight values at a time, is in Kernels/GeluKernel.swift.
// It is fused with the bias add before it (the natural unit after a Linear layer's matmul):
//   y = gelu(x + b),  dy/dx = gelu'(x + b),  dy/db = Σ over rows of dy/dx.

import AlignFuseSupport
import Foundation

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
    // y = gelu(x + b); t = tanh(c·(u + 0.044715·u³)) is kept for the backward
    let (y, t) = Kernels.gelu(x.value.scalars, bias: bias?.value.scalars, width: width)
    return Variable.result(Tensor(shape: x.shape, scalars: y), inputs: bias.map { [x, $0] } ?? [x]) { dy in
        // du = dy · gelu'(u),  gelu'(u) = ½(1 + t) + ½·u·(1 − t²)·c·(1 + 3·0.044715·u²);  db = Σ_rows du
        Kernels.geluGradients(dy, x: x, bias: bias, tanhs: t, width: width)
    }
}
