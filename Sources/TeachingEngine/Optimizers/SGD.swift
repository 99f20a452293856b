// Stochastic gradient descent with momentum (Polyak's heavy ball, in PyTorch's form):
//   velocity ← μ·velocity + g        θ ← θ − lr·velocity
// With μ = 0 it is plain gradient descent: θ ← θ − lr·g.

/// SGD with optional momentum over a fixed list of parameters.
///
///     θ = 1, g = 0.5, lr = 0.1, μ = 0.9:  step 1 → θ = 0.95;  same g again → velocity 0.95, θ = 0.855
public struct SGD {
    public let parameters: [Variable]
    public var learningRate: Float
    public var momentum: Float
    private var velocities: [[Float]]

    public init(parameters: [Variable], learningRate: Float, momentum: Float = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        velocities = parameters.map { [Float](repeating: 0, count: $0.count) }
    }

    /// Moves every parameter that has a gradient one step.
    public mutating func step() {
        let (lr, mu) = (learningRate, momentum)
        for (index, parameter) in parameters.enumerated() {
            guard let gradient = parameter.gradScalars else { continue }
            velocities[index].withUnsafeMutableBufferPointer { velocity in
                parameter.updateValues { theta, count in
                    for i in 0..<count {
                        velocity[i] = mu * velocity[i] + gradient[i]
                        theta[i] -= lr * velocity[i]
                    }
                }
            }
        }
    }

    /// Forgets every parameter's gradient.
    public func zeroGrad() { for parameter in parameters { parameter.zeroGrad() } }
}
