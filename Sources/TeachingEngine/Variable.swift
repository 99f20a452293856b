// Variable: one node of the recorded computation graph — micrograd's `Value`, at tensor level.
// Karpathy, micrograd (2020), engine.py: every operation computes its output, then records a closure
// that turns the output's gradient into its inputs' gradients (the chain rule, one line per input).

import AlignFuseSupport

/// A tensor that remembers how it was computed, so gradients can flow back to where it came from.
///
/// Three kinds of variables exist:
/// - **parameters** (`Variable(name:value:)`): named leaves that learn; they keep their `grad`;
/// - **constants** (`Variable(_ tensor)`): data such as pixels or labels; no gradient is kept;
/// - **results** of operations: recorded nodes whose `backward` step runs during `backward()`.
///
///     let w = Variable(name: "w", value: Tensor(shape: [2], scalars: [1, 2]))
///     let x = Variable(Tensor(shape: [2], scalars: [3, 4]))
///     let loss = (w * x).sum()    // 1·3 + 2·4 = 11
///     loss.backward()
///     w.grad!.scalars             // [3, 4], since d(w·x)/dw = x
public final class Variable {
    /// The values. Optimizers and `load` write them in place.
    public internal(set) var value: Tensor
    /// The parameter's name, e.g. "image.blocks.0.attn.q.weight"; nil for data and results.
    public let name: String?
    /// True for leaves whose gradient is kept: parameters and inputs made with `requiresGrad: true`.
    public let isLeaf: Bool
    /// True when a gradient flows to this variable (a leaf that asked for it, or a result of one).
    public let requiresGrad: Bool

    /// The gradient of the last `backward()`'s scalar with respect to these values, summed over calls
    /// until `zeroGrad()`. Kept for leaves; a result's gradient is released once it has been used.
    public var grad: Tensor? { gradScalars.map { Tensor(shape: value.shape, scalars: $0) } }

    /// The gradient's values. A leaf's live here, or, while `DataParallel` runs one part of a batch,
    /// in that part's own store (the parts share the leaves; DataParallel.swift).
    var gradScalars: [Float]? {
        get {
            if isLeaf, let store = GradientStore.current { return store.gradient(of: self).values }
            return ownGradient
        }
        set {
            if isLeaf, let store = GradientStore.current {
                store.gradient(of: self).values = newValue
            } else {
                ownGradient = newValue
            }
        }
        _modify {
            if isLeaf, let store = GradientStore.current {
                let gradient = store.gradient(of: self)
                yield &gradient.values
            } else {
                yield &ownGradient
            }
        }
    }
    private var ownGradient: [Float]?
    let inputs: [Variable]
    /// Turns this node's gradient into its inputs' gradients. Nil for leaves and constants.
    let backwardStep: (([Float]) -> Void)?

    /// A named parameter: a leaf that learns.
    public init(name: String, value: Tensor) {
        self.value = value
        self.name = name
        self.isLeaf = true
        self.requiresGrad = true
        self.inputs = []
        self.backwardStep = nil
    }

    /// Data. With `requiresGrad: true` it is a leaf whose gradient is kept (e.g. to see which
    /// pixels a loss depends on, or to check an operation's gradient).
    public init(_ value: Tensor, requiresGrad: Bool = false) {
        self.value = value
        self.name = nil
        self.isLeaf = requiresGrad
        self.requiresGrad = requiresGrad
        self.inputs = []
        self.backwardStep = nil
    }

    private init(result value: Tensor, inputs: [Variable], backward: @escaping ([Float]) -> Void) {
        self.value = value
        self.name = nil
        self.isLeaf = false
        self.requiresGrad = true
        self.inputs = inputs
        self.backwardStep = backward
    }

    /// The output of an operation. The graph records it only when gradients are being recorded and
    /// some input needs one; otherwise the result is a constant and `backward` is never kept.
    static func result(_ value: Tensor, inputs: [Variable], backward: @escaping ([Float]) -> Void) -> Variable {
        _ = heapKeepsFreedBlocks   // see MemoryReuse.swift
        if Autograd.isRecording && inputs.contains(where: { $0.requiresGrad }) {
            return Variable(result: value, inputs: inputs, backward: backward)
        }
        return Variable(value)
    }

    /// The shape of the values.
    public var shape: [Int] { value.shape }
    /// The number of values.
    public var count: Int { value.count }
    /// The number of dimensions.
    public var rank: Int { value.rank }
    /// The single value of a one-element variable, e.g. a loss.
    public var item: Float {
        require(value.count == 1, "item: shape \(describe(shape: shape)) holds \(value.count) values, not 1")
        return value.scalars[0]
    }

    /// Adds `body`'s contribution into this variable's gradient, creating a zero gradient first if none
    /// exists. `body` receives the gradient buffer (same count as the values) and must only add to it.
    @inline(__always)
    func accumulateGrad(_ body: (UnsafeMutablePointer<Float>) -> Void) {
        guard requiresGrad else { return }
        if gradScalars == nil { gradScalars = [Float](repeating: 0, count: value.count) }
        gradScalars!.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }

    /// Like `accumulateGrad`, for kernels that can either overwrite or add (gemm's `accumulate`):
    /// when no gradient exists yet, `body` gets a fresh buffer and `accumulate == false` and must write
    /// every value, which saves zero-filling it first.
    @inline(__always)
    func writeOrAccumulateGrad(_ body: (UnsafeMutablePointer<Float>, _ accumulate: Bool) -> Void) {
        guard requiresGrad else { return }
        if gradScalars == nil {
            gradScalars = makeScalars(count: value.count) { body($0, false) }
        } else {
            gradScalars!.withUnsafeMutableBufferPointer { body($0.baseAddress!, true) }
        }
    }

    /// Adds `gradient` (one value per value) into this variable's gradient. When no gradient exists
    /// yet, the array itself becomes the gradient — shared, not copied and not added to zeros — which
    /// is what an op that passes its gradient through unchanged (reshape, a residual sum) needs.
    @inline(__always)
    func accumulateGrad(adopting gradient: [Float]) {
        guard requiresGrad else { return }
        if gradScalars == nil {
            gradScalars = gradient
        } else {
            gradScalars!.withUnsafeMutableBufferPointer { target in
                gradient.withUnsafeBufferPointer { source in
                    Kernels.accumulateColumnSums(source.baseAddress!, rows: 1, width: source.count, into: target.baseAddress!)
                }
            }
        }
    }

    /// Forgets the accumulated gradient.
    public func zeroGrad() { gradScalars = nil }

    /// Replaces the values with `newValue` of the same shape (used by `load` and by tests).
    public func assign(_ newValue: Tensor, file: StaticString = #fileID, line: UInt = #line) {
        require(newValue.shape == value.shape,
                     "assign: \(name ?? "variable") has shape \(describe(shape: shape)), new value has \(describe(shape: newValue.shape))",
                     file: file, line: line)
        value = newValue
    }

    /// Runs `body` on the values' storage for in-place updates (optimizers).
    @inline(__always)
    func updateValues(_ body: (UnsafeMutablePointer<Float>, Int) -> Void) {
        value.scalars.withUnsafeMutableBufferPointer { body($0.baseAddress!, $0.count) }
    }

    // MARK: - Backward

    /// Computes d(self)/d(leaf) for every leaf this scalar depends on, adding it into each leaf's `grad`.
    ///
    /// 1. Order the graph so every node comes after its inputs (depth-first topological sort).
    /// 2. Seed d(self)/d(self) = 1.
    /// 3. Visit nodes from the output back: each passes its gradient to its inputs by the chain rule,
    ///    then (if it is not a leaf) releases it.
    public func backward(file: StaticString = #fileID, line: UInt = #line) {
        require(value.count == 1,
                     "backward: start from a scalar, got shape \(describe(shape: shape))", file: file, line: line)
        require(requiresGrad, "backward: this value does not depend on any parameter", file: file, line: line)
        let order = topologicalOrder()
        accumulateGrad { $0[0] += 1 }
        for node in order.reversed() {
            guard let step = node.backwardStep, let gradient = node.gradScalars else { continue }
            node.gradScalars = nil
            step(gradient)
        }
    }

    /// Every node this one depends on, inputs before the nodes that use them (iterative, so deep
    /// graphs cannot overflow the stack).
    private func topologicalOrder() -> [Variable] {
        // Room for a training step's graph up front (W-VQA's has 133 nodes): growing the set and the
        // arrays as they filled took 20 of the sort's 48 µs.
        var order: [Variable] = []
        var visited = Set<ObjectIdentifier>(minimumCapacity: 512)
        var stack: [(node: Variable, inputsPushed: Bool)] = [(self, false)]
        order.reserveCapacity(512)
        stack.reserveCapacity(512)
        while let (node, inputsPushed) = stack.popLast() {
            if inputsPushed { order.append(node); continue }
            guard visited.insert(ObjectIdentifier(node)).inserted else { continue }
            stack.append((node, true))
            for input in node.inputs where input.requiresGrad && !visited.contains(ObjectIdentifier(input)) {
                stack.append((input, false))
            }
        }
        return order
    }
}

/// Whether operations are being recorded for `backward()`.
public enum Autograd {
    /// False inside `noGrad { }`. Task-local, so tests or threads that evaluate in parallel do not
    /// switch recording off for one another.
    @TaskLocal public static var isRecording = true
}

/// Runs `body` without recording the graph: for evaluation, where no gradient is needed and the
/// memory of recorded nodes would be wasted.
///
///     let accuracy = noGrad { evaluate(model, on: testSet) }
public func noGrad<T>(_ body: () throws -> T) rethrows -> T {
    try Autograd.$isRecording.withValue(false, operation: body)
}
