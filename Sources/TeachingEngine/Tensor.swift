// Tensor: Float32 values in row-major order, with a shape.
// This file holds the storage and the shape contract that every other module relies on:
//   Tensor(shape:scalars:), .shape, .scalars, .count, Tensor(zeros:), Tensor(filled:shape:).
// Autograd, operations and layers are built on it in their own files.

import AlignFuseSupport

/// An n-dimensional array of Float32 values stored contiguously in row-major order.
///
///     let t = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
///     t.shape    // [2, 3]
///     t[1, 2]    // 6
public struct Tensor: Sendable, Equatable {
    /// The size of each dimension, outermost first. A scalar has shape [].
    public let shape: [Int]
    /// The values in row-major order; `scalars.count == shape.reduce(1, *)`.
    public internal(set) var scalars: [Float]

    /// A tensor of `shape` holding `scalars` in row-major order.
    /// - Precondition: the number of scalars equals the product of the shape.
    public init(shape: [Int], scalars: [Float], file: StaticString = #fileID, line: UInt = #line) {
        require(shape.allSatisfy { $0 >= 0 }, "Tensor: negative size in shape \(shape)", file: file, line: line)
        let count = shape.reduce(1, *)
        require(count == scalars.count,
                     "Tensor: shape \(shape) holds \(count) values but \(scalars.count) were given",
                     file: file, line: line)
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of `shape` whose values are `items` one after another (a batch of images, each its own
    /// array), copied once into a buffer of the right size.
    /// - Precondition: every item holds the same number of values, and together they fill `shape`.
    ///
    ///     Tensor(stacking: [[1, 2], [3, 4], [5, 6]], shape: [3, 2])   // [[1, 2], [3, 4], [5, 6]]
    public init(stacking items: [[Float]], shape: [Int], file: StaticString = #fileID, line: UInt = #line) {
        let size = items.first?.count ?? 0
        require(items.allSatisfy { $0.count == size },
                "Tensor(stacking:): items hold different numbers of values", file: file, line: line)
        let count = items.count * size
        let scalars = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            for (i, item) in items.enumerated() {
                item.withUnsafeBufferPointer { (buffer.baseAddress! + i * size).initialize(from: $0.baseAddress!, count: size) }
            }
            initialized = count
        }
        self.init(shape: shape, scalars: scalars, file: file, line: line)
    }

    /// A tensor of `shape` filled with zeros.
    public init(zeros shape: [Int]) {
        self.init(shape: shape, scalars: [Float](repeating: 0, count: shape.reduce(1, *)))
    }

    /// A tensor of `shape` with every value equal to `value`.
    public init(filled value: Float, shape: [Int]) {
        self.init(shape: shape, scalars: [Float](repeating: value, count: shape.reduce(1, *)))
    }

    /// The number of values: the product of the shape.
    public var count: Int { scalars.count }

    /// The number of dimensions.
    public var rank: Int { shape.count }

    /// The value at a full index, e.g. `t[1, 2]` for a rank-2 tensor.
    public subscript(index: Int...) -> Float {
        get { scalars[offset(of: index)] }
        set { scalars[offset(of: index)] = newValue }
    }

    /// The row-major offset of a full index.
    public func offset(of index: [Int]) -> Int {
        require(index.count == shape.count,
                     "Tensor: index \(index) has \(index.count) components for shape \(shape)")
        var offset = 0
        for (i, size) in zip(index, shape) {
            require(i >= 0 && i < size, "Tensor: index \(index) is out of bounds for shape \(shape)")
            offset = offset * size + i
        }
        return offset
    }
}

/// How shapes are written in every message: `[64, 192]`.
public func describe(shape: [Int]) -> String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }

// MARK: - Random initial values

extension Tensor {
    /// A tensor of `shape` with values drawn from N(mean, standardDeviation²), reproducibly from `rng`.
    ///
    ///     var rng = SeededGenerator(seed: 1)
    ///     Tensor(randomNormal: [2, 2], standardDeviation: 0.02, using: &rng)
    public init(randomNormal shape: [Int], mean: Float = 0, standardDeviation: Float = 1,
                using rng: inout SeededGenerator) {
        let count = shape.reduce(1, *)
        var values = [Float](repeating: 0, count: count)
        for i in 0..<count { values[i] = mean + standardDeviation * rng.nextNormal() }
        self.init(shape: shape, scalars: values)
    }

    /// A tensor of `shape` with values drawn uniformly from `range`, reproducibly from `rng`.
    public init(randomUniform shape: [Int], in range: ClosedRange<Float>, using rng: inout SeededGenerator) {
        let count = shape.reduce(1, *)
        var values = [Float](repeating: 0, count: count)
        for i in 0..<count { values[i] = rng.nextFloat(in: range) }
        self.init(shape: shape, scalars: values)
    }

    /// A scalar tensor (shape []).
    public init(scalar value: Float) {
        self.init(shape: [], scalars: [value])
    }

    /// The same values seen with another shape of the same count.
    public func reshaped(to newShape: [Int], file: StaticString = #fileID, line: UInt = #line) -> Tensor {
        let newCount = newShape.reduce(1, *)
        require(newCount == count,
                     "reshape: \(describe(shape: shape)) → \(describe(shape: newShape)): \(count) values cannot become \(newCount)",
                     file: file, line: line)
        return Tensor(shape: newShape, scalars: scalars)
    }
}

// MARK: - Building a tensor's values without zero-filling first

/// A new [Float] of `count` values written by `body`, which must set every element.
/// Used by the operations so an output is written once, not zero-filled and then overwritten.
@inline(__always)
func makeScalars(count: Int, _ body: (UnsafeMutablePointer<Float>) -> Void) -> [Float] {
    [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
        if count > 0 { body(buffer.baseAddress!) }
        initialized = count
    }
}

/// Calls `body` with a pointer to `values`' storage, or with nil when there are no values.
@inline(__always)
func withOptionalPointer<R>(_ values: [Float]?, _ body: (UnsafePointer<Float>?) -> R) -> R {
    guard let values else { return body(nil) }
    return values.withUnsafeBufferPointer { body($0.baseAddress) }
}
