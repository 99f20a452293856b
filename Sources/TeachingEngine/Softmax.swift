// Softmax and log-softmax over the last axis, numerically stable (the row maximum is subtracted
// before exp, which changes nothing mathematically and keeps exp from overflowing).
// Softmax is fused with what attention does just before it — scale the scores and mask keys — so
// attention's weights come from one pass:  p = softmax(scale · s, with masked keys at weight 0).
// Backward of p = softmax(z):  dz = p ⊙ (dp − Σⱼ pⱼ·dpⱼ), then times `scale` for the scores.

import Foundation

/// softmax(scale · x) along the last axis, where keys (last-axis positions) can be masked out.
///
/// - `keyMask`: shape `[B, Tk]` (B = x's first size, Tk = its last), 1 where a key may be attended to
///   and 0 for padding; masked keys get weight exactly 0.
/// - `causal`: for x `[..., Tq, Tk]`, query i may attend to keys j ≤ i + (Tk − Tq) (no future).
/// A row whose every key is masked gets all-zero weights.
///
///     softmax([1, 2, 3])  ≈  [0.090, 0.245, 0.665]
public func softmax(_ x: Variable, scale: Float = 1, keyMask: Tensor? = nil, causal: Bool = false,
                    file: StaticString = #fileID, line: UInt = #line) -> Variable {
    let shape = x.shape
    require(!shape.isEmpty, "softmax: needs at least one axis, got a scalar", file: file, line: line)
    let width = shape[shape.count - 1]
    let rows = width == 0 ? 0 : x.count / width
    let queries = shape.count >= 2 ? shape[shape.count - 2] : 1
    require(!causal || shape.count >= 2, "softmax: causal needs [..., Tq, Tk], got \(describe(shape: shape))",
                 file: file, line: line)
    var rowsPerMaskRow = rows
    if let keyMask {
        require(keyMask.rank == 2 && shape.count >= 2 && keyMask.shape[0] == shape[0] && keyMask.shape[1] == width,
                     "softmax: key mask \(describe(shape: keyMask.shape)) does not fit scores \(describe(shape: shape)); expected [\(shape[0]), \(width)]",
                     file: file, line: line)
        rowsPerMaskRow = rows / shape[0]
    }
    let maskValues = keyMask?.scalars ?? [Float](repeating: 1, count: width)   // no mask: every key visible
    let rowsPerMaskValues = keyMask == nil ? Int.max : rowsPerMaskRow
    let z = x.value.scalars
    let out = makeScalars(count: z.count) { p in
        z.withUnsafeBufferPointer { zp in
            maskValues.withUnsafeBufferPointer { mp in
                for r in 0..<rows {
                    let (row, result) = (zp.baseAddress! + r * width, p + r * width)
                    let mask = mp.baseAddress! + (r / rowsPerMaskValues) * width   // this row's batch
                    // Keys this row may see: not padding, and (if causal) not in the future.
                    let lastVisible = causal ? Swift.min(width, r % queries + 1 + (width - queries)) : width
                    var largest = -Float.infinity
                    for j in 0..<lastVisible where mask[j] != 0 { largest = Swift.max(largest, scale * row[j]) }
                    var total: Float = 0
                    for j in 0..<width {
                        let e = j < lastVisible && mask[j] != 0 ? Foundation.exp(scale * row[j] - largest) : 0
                        result[j] = e
                        total += e
                    }
                    let inverse = total > 0 ? 1 / total : 0
                    for j in 0..<width { result[j] *= inverse }
                }
            }
        }
    }
    return Variable.result(Tensor(shape: shape, scalars: out), inputs: [x]) { dp in
        x.accumulateGrad { dz in
            for r in 0..<rows {
                let base = r * width
                var dot: Float = 0
                for j in 0..<width { dot += out[base + j] * dp[base + j] }
                for j in 0..<width { dz[base + j] += scale * out[base + j] * (dp[base + j] - dot) }
            }
        }
    }
}

/// log(softmax(x)) along the last axis, computed as x − max − log Σ exp(x − max) so it never takes
/// the log of an underflowed 0. Backward: dx = dy − softmax(x) · Σ dy.
///
///     logSoftmax([0, 0])  =  [−0.693, −0.693]   (log ½)
public func logSoftmax(_ x: Variable) -> Variable {
    let shape = x.shape
    require(!shape.isEmpty, "logSoftmax: needs at least one axis, got a scalar")
    let width = shape[shape.count - 1]
    let rows = width == 0 ? 0 : x.count / width
    let z = x.value.scalars
    let out = makeScalars(count: z.count) { y in
        z.withUnsafeBufferPointer { zp in
            for r in 0..<rows {
                let (row, result) = (zp.baseAddress! + r * width, y + r * width)
                var largest = -Float.infinity
                for j in 0..<width { largest = Swift.max(largest, row[j]) }
                var total: Float = 0
                for j in 0..<width { total += Foundation.exp(row[j] - largest) }
                let logTotal = largest + Foundation.log(total)
                for j in 0..<width { result[j] = row[j] - logTotal }
            }
        }
    }
    return Variable.result(Tensor(shape: shape, scalars: out), inputs: [x]) { dy in
        x.accumulateGrad { dx in
            for r in 0..<rows {
                let base = r * width
                var total: Float = 0
                for j in 0..<width { total += dy[base + j] }
                for j in 0..<width { dx[base + j] += dy[base + j] - Foundation.exp(out[base + j]) * total }
            }
        }
    }
}
