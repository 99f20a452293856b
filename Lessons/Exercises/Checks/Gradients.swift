// The backward pass of an exercise, checked the way the engine checks its own operations
// (`checkGradients`: backward() against the slope measured by nudging each input value), and,
// when it fails, the first input value whose two slopes disagree.

import ExerciseKit
import TeachingEngine

enum Gradients {
    /// The engine's relative error above which a gradient is wrong (Float32 differences of a
    /// correct op stay near 1e-4).
    static let limit = 1e-2

    /// Throws unless the gradient of `f`'s result with respect to each named input is right.
    /// `f` is the learner's function applied to `inputs`; it is called again for every nudge.
    static func check(_ inputs: [(name: String, variable: Variable)], of f: () throws -> Variable) throws -> String {
        let output = try f()
        guard output.requiresGrad else {
            throw Failure(["your result carries no gradient back to \(inputs.map(\.name).joined(separator: ", ")):",
                           "it was computed outside the engine's operations (from .value or .scalars, or a new",
                           "Tensor); build it from Variable operations so that training can follow it back"])
        }
        let variables = inputs.map(\.variable)
        let result = checkGradients(variables) { (try? f()) ?? output }
        for (k, error) in result.relativeErrors.enumerated() where !(error <= limit) {
            var lines = ["the gradient with respect to \(inputs[k].name) is wrong: relative error "
                         + String(format: "%.3g", error) + " in the engine's gradient check (a right one is below 0.01)"]
            if let entry = firstWrongEntry(of: variables[k], among: variables, f: { (try? f()) ?? output }) {
                lines.append("first wrong entry \(inputs[k].name)\(entry.index): your backward pass gives "
                             + "\(Compare.number(entry.analytic)), nudging that value gives \(Compare.number(entry.numeric))")
            }
            lines.append("a value taken out of the graph (.value, .scalars, a new Tensor) stops the gradient there")
            throw Failure(lines)
        }
        return "gradients for " + inputs.map(\.name).joined(separator: ", ") + " (engine's gradient check, worst "
            + String(format: "%.1e", result.maxRelativeError) + ")"
    }

    /// The first value of `input` whose analytic and numeric slopes of Σ w ⊙ f disagree.
    static func firstWrongEntry(of input: Variable, among all: [Variable], f: () -> Variable)
        -> (index: String, analytic: Float, numeric: Float)? {
        for variable in all { variable.zeroGrad() }
        let output = f()
        let weights = randomTensor(output.shape, seed: 11)
        func weighted(_ y: Tensor) -> Double {
            zip(y.scalars, weights.scalars).reduce(0) { $0 + Double($1.0) * Double($1.1) }
        }
        (output * Variable(weights)).sum().backward()
        let analytic = input.grad?.scalars ?? [Float](repeating: 0, count: input.count)
        for variable in all { variable.zeroGrad() }
        let step: Float = 1e-2
        for i in 0..<input.count {
            var nudged = input.value
            let original = nudged.scalars[i]
            nudged[flat: i] = original + step
            input.assign(nudged)
            let up = noGrad { weighted(f().value) }
            nudged[flat: i] = original - step
            input.assign(nudged)
            let down = noGrad { weighted(f().value) }
            nudged[flat: i] = original
            input.assign(nudged)
            let numeric = Float((up - down) / Double(2 * step))
            if abs(numeric - analytic[i]) > 0.05 * (abs(numeric) + abs(analytic[i])) + 1e-3 {
                return (Compare.index(i, in: input.shape), analytic[i], numeric)
            }
        }
        return nil
    }
}

extension Tensor {
    /// The value at a row-major offset.
    subscript(flat offset: Int) -> Float {
        get { scalars[offset] }
        set {
            var values = scalars
            values[offset] = newValue
            self = Tensor(shape: shape, scalars: values)
        }
    }
}
