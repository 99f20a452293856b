// The transformer's feed-forward network: widen, GELU, narrow — applied to each token on its own.
//   y = GELU(x·W₁ + b₁)·W₂ + b₂      (Vaswani et al. 2017, §3.3, with GELU for ReLU as in GPT/ViT)

/// Linear(width → hidden), GELU, Linear(hidden → width): [..., width] → [..., width].
public struct MLP: Module {
    public let expand: Linear    // width → hidden
    public let project: Linear   // hidden → width

    public init(width: Int, hiddenWidth: Int, name: String, using rng: inout SeededGenerator) {
        expand = Linear(inputSize: width, outputSize: hiddenWidth, name: name + ".fc1", using: &rng)
        project = Linear(inputSize: hiddenWidth, outputSize: width, name: name + ".fc2", using: &rng)
    }

    public var parameters: [Variable] { expand.parameters + project.parameters }

    public func callAsFunction(_ x: Variable) -> Variable {
        let hidden = gelu(matmul(x, expand.weight), bias: expand.bias)   // [..., hidden], bias and GELU fused
        return project(hidden)                                            // [..., width]
    }
}
