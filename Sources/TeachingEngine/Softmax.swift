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
        rowsPerMaskRow = Swift.max(1, rows / shape[0])
    }
    // The arithmetic, row by row on both cores, is Kernels.softmaxForward / softmaxBackward
    // (Kernels/SoftmaxKernel.swift).
    let z = x.value.scalars
    let out = makeScalars(count: z.count) { p in
        z.withUnsafeBufferPointer { zp in
            withOptionalPointer(keyMask?.scalars) { mask in
                Kernels.softmaxForward(zp.baseAddress!, rows: rows, width: width, scale: scale, keyMask: mask,
                                       rowsPerMaskRow: rowsPerMaskRow, causalQueries: causal ? queries : nil,
                                       output: p)
            }
        }
    }
    return Variable.result(Tensor(shape: shape, scalars: out), inputs: [x]) { dp in
        x.writeOrAccumulateGrad { dz, accumulate in
            Kernels.softmaxBackward(out, gradOutput: dp, rows: rows, width: width, scale: scale,
                                    gradInput: dz, accumulate: accumulate)
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
