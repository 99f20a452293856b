// Mean pooling over tokens: one vector per sequence, the average of its real (non-padding) tokens.
//   y[b] = Σ_t m[b,t] · x[b,t] / Σ_t m[b,t]
// Backward: each real token receives dy[b] / (number of real tokens); padding receives 0.

import AlignFuseSupport

/// The mean over axis 1 of `x` [B, T, d], counting only tokens where `mask` [B, T] is non-zero
/// (every token when `mask` is nil) → [B, d].
///
///     tokens [[1, 1], [3, 3], [9, 9]] with mask [1, 1, 0]  →  [2, 2]
public func meanPool(_ x: Variable, mask: Tensor? = nil, file: StaticString = #fileID, line: UInt = #line) -> Variable {
    require(x.rank == 3, "meanPool: expected [B, T, d], got \(describe(shape: x.shape))", file: file, line: line)
    let (batch, tokens, width) = (x.shape[0], x.shape[1], x.shape[2])
    if let mask {
        require(mask.shape == [batch, tokens],
                     "meanPool: mask \(describe(shape: mask.shape)) does not fit tokens \(describe(shape: x.shape))",
                     file: file, line: line)
    }
    let weights = mask?.scalars ?? [Float](repeating: 1, count: batch * tokens)
    // The weight of each token in its sequence's mean: m / Σ m (0 for padding).
    var shares = weights
    for b in 0..<batch {
        let real = weights[(b * tokens)..<((b + 1) * tokens)].reduce(0, +)
        for t in 0..<tokens { shares[b * tokens + t] = real > 0 ? weights[b * tokens + t] / real : 0 }
    }
    let values = x.value.scalars
    let out = makeScalars(count: batch * width) { y in
        y.update(repeating: 0, count: batch * width)
        values.withUnsafeBufferPointer { v in
            for b in 0..<batch {
                for t in 0..<tokens where shares[b * tokens + t] != 0 {
                    let (share, row, sum) = (shares[b * tokens + t], v.baseAddress! + (b * tokens + t) * width, y + b * width)
                    for j in 0..<width { sum[j] += share * row[j] }
                }
            }
        }
    }
    return Variable.result(Tensor(shape: [batch, width], scalars: out), inputs: [x]) { dy in
        x.accumulateGrad { dx in
            dy.withUnsafeBufferPointer { g in
                for b in 0..<batch {
                    for t in 0..<tokens where shares[b * tokens + t] != 0 {
                        let (share, row, gradient) = (shares[b * tokens + t], dx + (b * tokens + t) * width,
                                                      g.baseAddress! + b * width)
                        for j in 0..<width { row[j] += share * gradient[j] }
                    }
                }
            }
        }
    }
}
