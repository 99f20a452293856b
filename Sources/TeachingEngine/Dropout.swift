// Dropout (Srivastava et al. 2014): during training, zero each value with probability p and scale the
// survivors by 1/(1 − p), so the expected value is unchanged and evaluation needs no rescaling.
// The random choices come from the caller's seeded generator: same seed, same dropped values.
// Backward: the gradient flows through the kept values with the same scale.

import AlignFuseSupport

/// x with each value zeroed with probability `probability` and the rest scaled by 1/(1 − p).
/// With `probability` 0 it returns x itself.
///
///     var rng = SeededGenerator(seed: 0)
///     dropout(x, probability: 0.5, using: &rng)   // about half the values 0, the rest doubled
public func dropout(_ x: Variable, probability: Float, using rng: inout SeededGenerator,
                    file: StaticString = #fileID, line: UInt = #line) -> Variable {
    require(probability >= 0 && probability < 1,
                 "dropout: probability \(probability) must be in [0, 1)", file: file, line: line)
    if probability == 0 { return x }
    let keepScale = 1 / (1 - probability)
    var scales = [Float](repeating: 0, count: x.count)
    for i in 0..<x.count where rng.nextFloat() >= probability { scales[i] = keepScale }
    return x * Variable(Tensor(shape: x.shape, scalars: scales))
}
