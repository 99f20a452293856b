// LayerNorm as a layer: the normalisation of LayerNormOp.swift with its learned scale γ and shift β.

/// Normalises the last axis of [..., width] to mean 0 and variance 1, then scales by γ and shifts by β
/// (γ starts at 1, β at 0, so a new layer is a plain normalisation).
public struct LayerNorm: Module {
    public let gamma: Variable   // [width]
    public let beta: Variable    // [width]
    public let epsilon: Float

    public init(width: Int, epsilon: Float = 1e-5, name: String) {
        gamma = Variable(name: name + ".weight", value: Tensor(filled: 1, shape: [width]))
        beta = Variable(name: name + ".bias", value: Tensor(zeros: [width]))
        self.epsilon = epsilon
    }

    public var parameters: [Variable] { [gamma, beta] }

    /// [..., width] → [..., width].
    public func callAsFunction(_ x: Variable) -> Variable {
        layerNorm(x, gamma: gamma, beta: beta, epsilon: epsilon)
    }
}
