// Softmax and log-softmax over the last axis, numerically stable (the row maximum is subtracted
// before exp, which changes nothing mathematically and keeps exp from overflowing).
// Softmax is fused with what attention does just before it — scale the scores and add the mask — so
// attention's weights come from one pass:  p = softmax(scale · s + mask), hidden keys at weight 0.
// Backward of p = softmax(z):  dz = p ⊙ (dp − Σⱼ pⱼ·dpⱼ), then times `scale` for the scores (the mask
// is a constant: a hidden key has p = 0 and so gets no gradient).

import AlignFuseSupport
import Foundation

/// softmax(scale · x + mask) along the last axis.
///
/// - `mask`: an `AttentionMask` for scores x `[B, …, Tq, Tk]` (attention's `[B, h, Tq, Tk]`): its bias
///   `[B or 1, Tq or 1, Tk]` is added to every head's scores; hidden keys get weight exactly 0, and a
///   row whose every key is hidden gets all-zero weights.
///
///     softmax([1, 2, 3])  ≈  [0.090, 0.245, 0.665]
///     softmax([[1, 2, 3]] as [1, 1, 3], mask: keyPadding([[false, false, true]]))  ≈  [[0.269, 0.731, 0]]
public func softmax(_ x: Variable, scale: Float = 1, mask: AttentionMask? = nil,
                    file: StaticString = #fileID, line: UInt = #line) -> Variable {
    let shape = x.shape
    require(!shape.isEmpty, "softmax: needs at least one axis, got a scalar", file: file, line: line)
    let width = shape[shape.count - 1]
    let rows = width == 0 ? 0 : x.count / width
    let layout = mask.map { maskLayout($0, scores: shape, operation: "softmax", file: file, line: line) }
    // p = softmax(scale·z + mask), row by row (Kernels/SoftmaxKernel.swift)
    let p = Kernels.softmax(x.value.scalars, rows: rows, width: width, scale: scale,
                            mask: mask.map { ($0.bias.scalars, layout!) })
    return Variable.result(Tensor(shape: shape, scalars: p), inputs: [x]) { dp in
        // dz = scale · p ⊙ (dp − Σⱼ pⱼ·dpⱼ)
        x.writeOrAccumulateGrad { dz, accumulate in
            Kernels.softmaxBackward(p, gradOutput: dp, rows: rows, width: width, scale: scale,
                                    gradInput: dz, accumulate: accumulate)
        }
    }
}

/// Where each row of scores `[B, …, Tq, Tk]` finds its row of `mask`'s bias, checked: the bias must be
/// `[B or 1, Tq or 1, Tk]`.
func maskLayout(_ mask: AttentionMask, scores shape: [Int], operation: String,
                file: StaticString, line: UInt) -> Kernels.MaskLayout {
    let m = mask.bias.shape
    let width = shape.last ?? 0
    let queries = shape.count >= 3 ? shape[shape.count - 2] : 0
    require(shape.count >= 3 && m[2] == width && (m[0] == 1 || m[0] == shape[0]) && (m[1] == 1 || m[1] == queries),
            "\(operation): mask \(describe(shape: m)) does not fit scores \(describe(shape: shape)); "
                + "expected [\(shape.count >= 3 ? shape[0] : 0) or 1, \(queries) or 1, \(width)]",
            file: file, line: line)
    let rows = width == 0 ? 0 : shape.reduce(1, *) / width
    return Kernels.MaskLayout(rowsPerItem: rows / shape[0], queries: queries,
                              itemStride: m[0] == 1 ? 0 : m[1] * width, queryStride: m[1] == 1 ? 0 : width)
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
