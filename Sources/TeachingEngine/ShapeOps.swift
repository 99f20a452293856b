// Operations that move values without changing them: reshape, permute/transpose.
// Their backward moves the gradient back the same way in reverse: reshape back, permute by the inverse.

import AlignFuseSupport

extension Variable {
    /// The same values with another shape of equal count (no copy). One size may be −1: it is inferred.
    ///
    ///     [1, 2, 3, 4, 5, 6] reshaped to [2, 3]  →  [[1, 2, 3], [4, 5, 6]]
    public func reshaped(to newShape: [Int], file: StaticString = #fileID, line: UInt = #line) -> Variable {
        var resolved = newShape
        if let hole = newShape.firstIndex(of: -1) {
            let known = newShape.enumerated().filter { $0.offset != hole }.map(\.element).reduce(1, *)
            require(known > 0 && count % known == 0,
                         "reshape: \(describe(shape: shape)) → \(describe(shape: newShape)): \(count) values do not divide by \(known)",
                         file: file, line: line)
            resolved[hole] = count / known
        }
        let out = value.reshaped(to: resolved, file: file, line: line)
        return Variable.result(out, inputs: [self]) { [self] gy in
            accumulateGrad(adopting: gy)   // the same values in the same order: passed through as they are
        }
    }

    /// The axes reordered: output axis i is input axis `axes[i]`.
    ///
    ///     [B, T, h, dh] permuted([0, 2, 1, 3])  →  [B, h, T, dh]   (split attention heads)
    public func permuted(_ axes: [Int], file: StaticString = #fileID, line: UInt = #line) -> Variable {
        require(axes.sorted() == Array(0..<rank),
                     "permute: \(axes) is not a permutation of the axes of \(describe(shape: shape))", file: file, line: line)
        let x = value.scalars
        let inShape = shape
        let outShape = axes.map { shape[$0] }
        let out = x.withUnsafeBufferPointer { xp in
            makeScalars(count: x.count) { o in permute(xp.baseAddress!, shape: inShape, axes: axes, into: o, accumulate: false) }
        }
        var inverse = [Int](repeating: 0, count: axes.count)
        for (i, axis) in axes.enumerated() { inverse[axis] = i }
        return Variable.result(Tensor(shape: outShape, scalars: out), inputs: [self]) { [self] gy in
            writeOrAccumulateGrad { ga, accumulate in
                gy.withUnsafeBufferPointer { permute($0.baseAddress!, shape: outShape, axes: inverse, into: ga, accumulate: accumulate) }
            }
        }
    }

    /// The last two axes swapped: `[..., m, n] → [..., n, m]`. `[[1, 2], [3, 4]]ᵀ = [[1, 3], [2, 4]]`.
    public func transposed() -> Variable {
        require(rank >= 2, "transpose: shape \(describe(shape: shape)) has fewer than 2 axes")
        var axes = Array(0..<rank)
        axes.swapAt(rank - 1, rank - 2)
        return permuted(axes)
    }
}

/// Writes (or adds) `x` of `shape`, permuted by `axes`, into `out`, in the output's row-major order.
/// The innermost output axis is one strided run per row, so no index arrays are built per element.
func permute(_ x: UnsafePointer<Float>, shape: [Int], axes: [Int], into out: UnsafeMutablePointer<Float>,
             accumulate: Bool) {
    let rank = shape.count
    let count = shape.reduce(1, *)
    guard count > 0 else { return }
    guard rank > 0 else { if accumulate { out[0] += x[0] } else { out[0] = x[0] }; return }
    var inStrides = [Int](repeating: 1, count: rank)
    for axis in stride(from: rank - 2, through: 0, by: -1) { inStrides[axis] = inStrides[axis + 1] * shape[axis + 1] }
    let outShape = axes.map { shape[$0] }
    let strides = axes.map { inStrides[$0] }         // input stride of each output axis
    let (runLength, runStride) = (outShape[rank - 1], strides[rank - 1])
    var index = [Int](repeating: 0, count: rank)      // odometer over the output's outer axes
    var source = 0
    var written = 0
    while written < count {
        let destination = out + written
        if runStride == 1 {
            // A contiguous run (e.g. one head's slice of a token when splitting heads): copy or add it whole.
            if accumulate {
                Kernels.accumulateColumnSums(x + source, rows: 1, width: runLength, into: destination)
            } else {
                destination.update(from: x + source, count: runLength)
            }
        } else if accumulate {
            for j in 0..<runLength { destination[j] += x[source + j * runStride] }
        } else {
            for j in 0..<runLength { destination[j] = x[source + j * runStride] }
        }
        written += runLength
        var axis = rank - 2
        while axis >= 0 {
            index[axis] += 1
            source += strides[axis]
            if index[axis] < outShape[axis] { break }
            source -= strides[axis] * outShape[axis]
            index[axis] = 0
            axis -= 1
        }
    }
}
