// Evaluating many examples a few at a time: a batch tensor cut along its first axis.

import TeachingEngine

extension Tensor {
    /// The tensor cut along its first axis into pieces of at most `size` items, in order (the last
    /// piece may be smaller): evaluation in chunks keeps the activations of one chunk in memory at a time.
    ///
    ///     Tensor(shape: [5, 2], scalars: Array(0..<10).map(Float.init)).chunks(of: 2).map(\.shape)
    ///     // [[2, 2], [2, 2], [1, 2]]
    func chunks(of size: Int) -> [Tensor] {
        precondition(size > 0, "Tensor.chunks: size \(size) must be positive")
        let count = shape[0], item = self.count / Swift.max(count, 1)
        return stride(from: 0, to: count, by: size).map { start in
            let end = Swift.min(start + size, count)
            return Tensor(shape: [end - start] + Array(shape.dropFirst()),
                          scalars: Array(scalars[(start * item)..<(end * item)]))
        }
    }
}
