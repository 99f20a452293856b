// Linear: y = x·W + b, the learned affine map every network is built from.
// W is stored [in, out] so the formula reads left to right with no transpose (PyTorch stores Wᵀ).

/// A fully connected layer: `y = x·W + b`, W [in, out], b [out]; x may be [..., in].
///
///     W = [[1, 0], [0, 1], [1, 1]], b = [0, 10]:  [1, 2, 3] ↦ [1 + 3, 2 + 3 + 10] = [4, 15]
public struct Linear: Module {
    public let weight: Variable   // [in, out]
    public let bias: Variable?    // [out]

    /// Weights and bias drawn from U(−1/√in, 1/√in), as PyTorch does, reproducibly from `rng`.
    public init(inputSize: Int, outputSize: Int, bias: Bool = true, name: String, using rng: inout SeededGenerator) {
        let bound = 1 / Float(inputSize).squareRoot()
        weight = Variable(name: name + ".weight",
                          value: Tensor(randomUniform: [inputSize, outputSize], in: -bound...bound, using: &rng))
        self.bias = bias
            ? Variable(name: name + ".bias", value: Tensor(randomUniform: [outputSize], in: -bound...bound, using: &rng))
            : nil
    }

    public var parameters: [Variable] { [weight] + (bias.map { [$0] } ?? []) }

    /// x·W + b: [..., in] → [..., out].
    public func callAsFunction(_ x: Variable) -> Variable {
        matmul(x, weight, bias: bias)        // [..., out], b added to every row
    }
}
