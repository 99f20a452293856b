// Gradient check: does backward() agree with the slope measured by nudging each input?
// (The test every autograd engine owes its readers: micrograd compares with PyTorch, minitorch with
// central differences, as here.)
//   1. Reduce the output to a scalar with fixed random weights w: L = Σ w ⊙ f(inputs), so every
//      output value matters and no two errors can cancel by symmetry.
//   2. Analytic: L.backward() gives dL/dx for every input value.
//   3. Numeric: for each value x, (L(x + h) − L(x − h)) / 2h, with L summed in Double.
//   4. Relative error per input: ‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖).
// The engine computes in Float32, so expect relative errors around 1e-4; above 1e-3 means a bug.

import AlignFuseSupport
import Foundation

/// The outcome of `checkGradients`: one relative error per checked input.
public struct GradientCheckResult: Sendable, CustomStringConvertible {
    /// ‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖) for each input, in the order given.
    public let relativeErrors: [Double]
    /// The names (or positions) of the inputs, for messages.
    public let names: [String]

    /// The worst input's relative error.
    public var maxRelativeError: Double { relativeErrors.max() ?? 0 }

    public var description: String {
        zip(names, relativeErrors).map { "\($0): \(String(format: "%.2e", $1))" }.joined(separator: ", ")
    }
}

/// Compares the gradients that `backward()` gives for `inputs` with central finite differences of
/// `f`. Every input must be a leaf: a parameter, or `Variable(tensor, requiresGrad: true)`.
///
///     let x = Variable(Tensor(shape: [3], scalars: [0.5, -1, 2]), requiresGrad: true)
///     checkGradients([x]) { tanh(x) }.maxRelativeError   // about 1e-5
public func checkGradients(_ inputs: [Variable], epsilon: Float = 1e-2, seed: UInt64 = 7,
                           _ f: () -> Variable) -> GradientCheckResult {
    for input in inputs {
        require(input.isLeaf, "checkGradients: every input must be a leaf (a parameter or requiresGrad: true)")
        input.zeroGrad()
    }
    // 1. Fixed random weights that turn the output into one number.
    let firstOutput = f()
    var rng = SeededGenerator(seed: seed)
    let weights = Tensor(randomNormal: firstOutput.shape, using: &rng)
    func weightedSum(_ output: Tensor) -> Double {
        zip(output.scalars, weights.scalars).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    // 2. Analytic gradients.
    (firstOutput * Variable(weights)).sum().backward()
    let analytic = inputs.map { $0.gradScalars ?? [Float](repeating: 0, count: $0.count) }

    // 3. Numeric gradients, one value at a time.
    var errors: [Double] = []
    for (input, analyticGradient) in zip(inputs, analytic) {
        var (differenceSquares, analyticSquares, numericSquares) = (0.0, 0.0, 0.0)
        for i in 0..<input.count {
            let original = input.value.scalars[i]
            let (up, down) = (original + epsilon, original - epsilon)
            input.value.scalars[i] = up
            let lossUp = noGrad { weightedSum(f().value) }
            input.value.scalars[i] = down
            let lossDown = noGrad { weightedSum(f().value) }
            input.value.scalars[i] = original
            let numeric = (lossUp - lossDown) / (Double(up) - Double(down))   // the step actually taken
            let analyticValue = Double(analyticGradient[i])
            differenceSquares += (analyticValue - numeric) * (analyticValue - numeric)
            analyticSquares += analyticValue * analyticValue
            numericSquares += numeric * numeric
        }
        // 4. Relative error; two zero gradients agree perfectly.
        let scale = analyticSquares.squareRoot() + numericSquares.squareRoot()
        errors.append(scale > 1e-12 ? differenceSquares.squareRoot() / scale : 0)
        input.zeroGrad()
    }
    let names = inputs.enumerated().map { $0.element.name ?? "input \($0.offset)" }
    return GradientCheckResult(relativeErrors: errors, names: names)
}
