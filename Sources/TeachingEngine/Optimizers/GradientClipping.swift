// Gradient clipping by global norm (Pascanu et al. 2013, §3.2): if the gradients of all parameters,
// seen as one long vector, are longer than maxNorm, scale them all down to length maxNorm. The
// direction is kept; only a rare huge step is tamed.

/// Scales every gradient by min(1, maxNorm / ‖g‖), ‖g‖ over all parameters together, and returns ‖g‖
/// (before clipping) so it can be logged.
///
///     gradients [3] and [4]: ‖g‖ = 5; with maxNorm 1 they become [0.6] and [0.8]
@discardableResult
public func clipGradientNorm(_ parameters: [Variable], maxNorm: Float) -> Float {
    var squares: Double = 0
    for parameter in parameters {
        guard let gradient = parameter.gradScalars else { continue }
        for g in gradient { squares += Double(g) * Double(g) }
    }
    let norm = Float(squares.squareRoot())
    guard norm > maxNorm, norm > 0 else { return norm }
    let scale = maxNorm / norm
    for parameter in parameters where parameter.gradScalars != nil {
        parameter.accumulateGrad { g in for i in 0..<parameter.count { g[i] *= scale } }
    }
    return norm
}
