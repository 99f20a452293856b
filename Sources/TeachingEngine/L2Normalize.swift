// L2 normalisation of each row, so that dot products become cosine similarities (CLIP's first step).
//   y = x / ‖x‖,  ‖x‖ = √(Σ x² + ε)
// Backward: dx = (dy − y · (y·dy)) / ‖x‖ — the gradient loses its component along y, because
// stretching x does not change y.

/// Each row (last axis) divided by its Euclidean length. `l2Normalize([3, 4]) = [0.6, 0.8]`.
public func l2Normalize(_ x: Variable, epsilon: Float = 1e-12) -> Variable {
    let width = x.shape.last ?? 0
    let rows = width == 0 ? 0 : x.count / width
    let values = x.value.scalars
    var lengths = [Float](repeating: 0, count: rows)
    let out = makeScalars(count: values.count) { y in
        for r in 0..<rows {
            var squares: Float = 0
            for j in 0..<width { squares += values[r * width + j] * values[r * width + j] }
            let length = (squares + epsilon).squareRoot()
            lengths[r] = length
            for j in 0..<width { y[r * width + j] = values[r * width + j] / length }
        }
    }
    return Variable.result(Tensor(shape: x.shape, scalars: out), inputs: [x]) { dy in
        x.accumulateGrad { dx in
            for r in 0..<rows {
                let base = r * width
                var along: Float = 0
                for j in 0..<width { along += out[base + j] * dy[base + j] }
                for j in 0..<width { dx[base + j] += (dy[base + j] - out[base + j] * along) / lengths[r] }
            }
        }
    }
}
