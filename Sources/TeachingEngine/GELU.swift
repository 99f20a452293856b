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
    let width = bias?.count ?? 1
    if let bias {
        require(bias.rank == 1 && x.shape.last == bias.count,
                     "gelu: bias \(describe(shape: bias.shape)) does not match the rows of \(describe(shape: x.shape))",
                     file: file, line: line)
    }
    let values = x.value.scalars
    let biasValues = bias?.value.scalars ?? [0]
    let count = values.count
    var tanhs = [Float](repeating: 0, count: count)   // saved for the backward
    let out = makeScalars(count: count) { o in
        tanhs.withUnsafeMutableBufferPointer { t in
            values.withUnsafeBufferPointer { xp in
                biasValues.withUnsafeBufferPointer { bp in
                    var i = 0
                    while i < count {
                        for j in 0..<width {
                            let u = xp[i + j] + bp[j]   // without a bias, bp is [0]
                            let th = Foundation.tanh(geluScale * (u + 0.044715 * u * u * u))
                            t[i + j] = th
                            o[i + j] = 0.5 * u * (1 + th)
                        }
                        i += width
                    }
                }
            }
        }
    }
    let inputs = bias.map { [x, $0] } ?? [x]
    return Variable.result(Tensor(shape: x.shape, scalars: out), inputs: inputs) { gy in
        // dgelu/du = ½(1 + t) + ½·u·(1 − t²)·c·(1 + 3·0.044715·u²)
        var gu = [Float](repeating: 0, count: count)
        values.withUnsafeBufferPointer { xp in
            biasValues.withUnsafeBufferPointer { bp in
                var i = 0
                while i < count {
                    for j in 0..<width {
                        let u = xp[i + j] + bp[j]
                        let th = tanhs[i + j]
                        let slope = 0.5 * (1 + th) + 0.5 * u * (1 - th * th) * geluScale * (1 + 0.134145 * u * u)
                        gu[i + j] = gy[i + j] * slope
                    }
                    i += width
                }
            }
        }
        x.accumulateGrad { gx in for i in 0..<count { gx[i] += gu[i] } }
        bias?.accumulateGrad { gb in
            var i = 0
            while i < count { for j in 0..<width { gb[j] += gu[i + j] }; i += width }
        }
    }
}
