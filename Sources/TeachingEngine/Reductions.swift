// Reductions: sum, mean and max, over every value or along one axis.
// Along an axis the tensor is seen as [outer, size, inner] (sizes before, at and after the axis), so
// one loop handles every rank. Backward: a sum passes its gradient to every term; a mean passes
// 1/size of it; a max passes all of it to the (first) largest term.

import AlignFuseSupport

/// Splits `shape` around `axis` into (sizes before, size at, sizes after), for [outer, size, inner] loops.
func splitShape(_ shape: [Int], around axis: Int) -> (outer: Int, size: Int, inner: Int) {
    (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
}

/// `axis` with negative values counted from the end (−1 is the last axis), checked against `rank`.
func normalizedAxis(_ axis: Int, rank: Int, _ operation: String, _ shape: [Int],
                    file: StaticString, line: UInt) -> Int {
    let resolved = axis < 0 ? axis + rank : axis
    require(resolved >= 0 && resolved < rank,
                 "\(operation): axis \(axis) is out of range for shape \(describe(shape: shape))", file: file, line: line)
    return resolved
}

extension Variable {
    /// The sum of every value, as a scalar (shape []). `sum([[1, 2], [3, 4]]) = 10`.
    public func sum() -> Variable {
        let x = value.scalars
        var total: Float = 0
        for v in x { total += v }
        let n = x.count
        return Variable.result(Tensor(scalar: total), inputs: [self]) { [self] gy in
            let g = gy[0]
            accumulateGrad { ga in for i in 0..<n { ga[i] += g } }
        }
    }

    /// The mean of every value, as a scalar. `mean([[1, 2], [3, 4]]) = 2.5`.
    public func mean() -> Variable { sum() * (1 / Float(Swift.max(count, 1))) }

    /// The sum along `axis` (negative counts from the end); that axis is removed unless `keepingAxis`.
    ///
    ///     sum([[1, 2], [3, 4]], alongAxis: 0)  // [4, 6]
    ///     sum([[1, 2], [3, 4]], alongAxis: 1)  // [3, 7]
    public func sum(alongAxis axis: Int, keepingAxis: Bool = false,
                    file: StaticString = #fileID, line: UInt = #line) -> Variable {
        let axis = normalizedAxis(axis, rank: rank, "sum", shape, file: file, line: line)
        let (outer, size, inner) = splitShape(shape, around: axis)
        let x = value.scalars
        let out = x.withUnsafeBufferPointer { xp in
            makeScalars(count: outer * inner) { o in
                o.update(repeating: 0, count: outer * inner)
                for i in 0..<outer {
                    for s in 0..<size {
                        let row = xp.baseAddress! + (i * size + s) * inner
                        for j in 0..<inner { o[i * inner + j] += row[j] }
                    }
                }
            }
        }
        return Variable.result(Tensor(shape: reducedShape(axis, keepingAxis), scalars: out), inputs: [self]) { [self] gy in
            accumulateGrad { ga in
                for i in 0..<outer {
                    for s in 0..<size {
                        let row = ga + (i * size + s) * inner
                        for j in 0..<inner { row[j] += gy[i * inner + j] }
                    }
                }
            }
        }
    }

    /// The mean along `axis`. `mean([[1, 2], [3, 4]], alongAxis: 1) = [1.5, 3.5]`.
    public func mean(alongAxis axis: Int, keepingAxis: Bool = false,
                     file: StaticString = #fileID, line: UInt = #line) -> Variable {
        let resolved = normalizedAxis(axis, rank: rank, "mean", shape, file: file, line: line)
        return sum(alongAxis: resolved, keepingAxis: keepingAxis) * (1 / Float(shape[resolved]))
    }

    /// The largest value along `axis`; the gradient goes to the first position holding it.
    ///
    ///     max([[1, 5], [7, 2]], alongAxis: 1)  // [5, 7]
    public func max(alongAxis axis: Int, keepingAxis: Bool = false,
                    file: StaticString = #fileID, line: UInt = #line) -> Variable {
        let axis = normalizedAxis(axis, rank: rank, "max", shape, file: file, line: line)
        let (outer, size, inner) = splitShape(shape, around: axis)
        require(size > 0, "max: axis \(axis) of shape \(describe(shape: shape)) is empty", file: file, line: line)
        let x = value.scalars
        var winners = [Int](repeating: 0, count: outer * inner)   // the offset in x of each maximum
        let out = x.withUnsafeBufferPointer { xp in
            makeScalars(count: outer * inner) { o in
                for i in 0..<outer {
                    for j in 0..<inner {
                        var best = i * size * inner + j
                        for s in 1..<size where xp[(i * size + s) * inner + j] > xp[best] {
                            best = (i * size + s) * inner + j
                        }
                        winners[i * inner + j] = best
                        o[i * inner + j] = xp[best]
                    }
                }
            }
        }
        return Variable.result(Tensor(shape: reducedShape(axis, keepingAxis), scalars: out), inputs: [self]) { [self] gy in
            accumulateGrad { ga in for (r, offset) in winners.enumerated() { ga[offset] += gy[r] } }
        }
    }

    private func reducedShape(_ axis: Int, _ keepingAxis: Bool) -> [Int] {
        var reduced = shape
        if keepingAxis { reduced[axis] = 1 } else { reduced.remove(at: axis) }
        return reduced
    }
}
