// Module: anything that holds named parameters — a layer, a block, a whole model.
// Names are paths, "image.blocks.0.attn.q.weight", so a model can list, count, save, load and plot them.

/// A layer or model: a value that holds named parameters.
///
///     let layer = Linear(inputSize: 2, outputSize: 3, name: "fc", using: &rng)
///     layer.parameters.map(\.name)   // ["fc.weight", "fc.bias"]
///     layer.parameterCount           // 2·3 + 3 = 9
public protocol Module {
    /// Every parameter, in a fixed order (the order optimizers and saved files use).
    var parameters: [Variable] { get }
}

/// Errors from loading parameters into a module.
public enum ParameterLoadError: Error, Equatable, CustomStringConvertible {
    /// The saved tensors lack a parameter the module has.
    case missing(name: String)
    /// A saved tensor's shape differs from the parameter's.
    case shapeMismatch(name: String, expected: [Int], found: [Int])

    public var description: String {
        switch self {
        case .missing(let name): return "parameter \(name) is not in the saved tensors"
        case .shapeMismatch(let name, let expected, let found):
            return "parameter \(name) has shape \(describe(shape: expected)) but the saved tensor has \(describe(shape: found))"
        }
    }
}

extension Module {
    /// The total number of learnable values.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    /// Name → current values, ready for `SafeTensors.encode`.
    public var namedParameters: [String: Tensor] {
        Dictionary(uniqueKeysWithValues: parameters.map { ($0.name ?? "unnamed", $0.value) })
    }

    /// Forgets every parameter's accumulated gradient.
    public func zeroGrad() { for parameter in parameters { parameter.zeroGrad() } }

    /// Replaces every parameter's values with the tensor of the same name. Checks everything first,
    /// so a failed load changes nothing.
    public func load(_ tensors: [String: Tensor]) throws {
        for parameter in parameters {
            let name = parameter.name ?? "unnamed"
            guard let tensor = tensors[name] else { throw ParameterLoadError.missing(name: name) }
            guard tensor.shape == parameter.shape else {
                throw ParameterLoadError.shapeMismatch(name: name, expected: parameter.shape, found: tensor.shape)
            }
        }
        for parameter in parameters { parameter.assign(tensors[parameter.name ?? "unnamed"]!) }
    }
}
