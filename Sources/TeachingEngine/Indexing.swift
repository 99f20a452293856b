// Joining and picking: concatenate, slice, index select (embedding lookup) and gather.
// Each is a copy of blocks along one axis, seen as [outer, size, inner]; the backward adds the
// gradient blocks back to where they were copied from (several times, if an index repeats).

import AlignFuseSupport

/// The inputs joined along `axis`; every other size must agree.
///
///     concatenate([[[1, 2]], [[3, 4], [5, 6]]], alongAxis: 0)  →  [[1, 2], [3, 4], [5, 6]]
///     patches [B, 16, d] and words [B, 10, d] along axis 1  →  one sequence [B, 26, d]
public func concatenate(_ parts: [Variable], alongAxis axis: Int,
                        file: StaticString = #fileID, line: UInt = #line) -> Variable {
    require(!parts.isEmpty, "concatenate: no inputs", file: file, line: line)
    let first = parts[0].shape
    let axis = normalizedAxis(axis, rank: first.count, "concatenate", first, file: file, line: line)
    for part in parts {
        var (expected, actual) = (first, part.shape)
        if expected.count == actual.count { expected[axis] = 0; actual[axis] = 0 }
        require(expected == actual,
                     "concatenate: \(describe(shape: first)) and \(describe(shape: part.shape)) differ off axis \(axis)",
                     file: file, line: line)
    }
    let (outer, _, inner) = splitShape(first, around: axis)
    let sizes = parts.map { $0.shape[axis] }
    let total = sizes.reduce(0, +)
    var outShape = first
    outShape[axis] = total
    let values = parts.map { $0.value.scalars }
    let starts = sizes.reduce(into: [0]) { $0.append($0.last! + $1) }       // where each part begins along axis
    let out = makeScalars(count: outer * total * inner) { o in
        Kernels.splitWork(count: outer, valuesPerItem: total * inner) { rows in   // a batch: items on both cores
            for (part, (size, start)) in zip(values, zip(sizes, starts)) {
                part.withUnsafeBufferPointer { xp in
                    for i in rows {
                        (o + (i * total + start) * inner).update(from: xp.baseAddress! + i * size * inner, count: size * inner)
                    }
                }
            }
        }
    }
    return Variable.result(Tensor(shape: outShape, scalars: out), inputs: parts) { gy in
        gy.withUnsafeBufferPointer { g in
            var start = 0
            for (part, size) in zip(parts, sizes) {
                part.accumulateGrad { ga in          // ga[i, ·] += gy[i, start ..< start + size]
                    for i in 0..<outer {
                        let target = ga + i * size * inner
                        Kernels.add(target, g.baseAddress! + (i * total + start) * inner, count: size * inner,
                                    output: target, threads: 1)
                    }
                }
                start += size
            }
        }
    }
}

extension Variable {
    /// The positions `range` along `axis`. `[[1, 2, 3], [4, 5, 6]]` sliced along axis 1 to 1..<3 → `[[2, 3], [5, 6]]`.
    public func slice(alongAxis axis: Int, _ range: Range<Int>,
                      file: StaticString = #fileID, line: UInt = #line) -> Variable {
        let axis = normalizedAxis(axis, rank: rank, "slice", shape, file: file, line: line)
        require(range.lowerBound >= 0 && range.upperBound <= shape[axis],
                     "slice: \(range) is out of bounds for axis \(axis) of \(describe(shape: shape))", file: file, line: line)
        return indexSelect(alongAxis: axis, Array(range))
    }

    /// The positions `indices` along `axis`, in that order; an index may repeat.
    ///
    ///     table [V, d] index-selected along axis 0 at word ids  →  their embeddings [ids.count, d]
    ///     [B, T, d] along axis 1 at [T − 1]                      →  the last token [B, 1, d]
    public func indexSelect(alongAxis axis: Int, _ indices: [Int],
                            file: StaticString = #fileID, line: UInt = #line) -> Variable {
        let axis = normalizedAxis(axis, rank: rank, "indexSelect", shape, file: file, line: line)
        let (outer, size, inner) = splitShape(shape, around: axis)
        for index in indices {
            require(index >= 0 && index < size,
                         "indexSelect: index \(index) is out of bounds for axis \(axis) of \(describe(shape: shape))",
                         file: file, line: line)
        }
        let picked = indices.count
        var outShape = shape
        outShape[axis] = picked
        let x = value.scalars
        let out = x.withUnsafeBufferPointer { xp in
            makeScalars(count: outer * picked * inner) { o in
                for i in 0..<outer {
                    for (p, index) in indices.enumerated() {
                        (o + (i * picked + p) * inner).update(from: xp.baseAddress! + (i * size + index) * inner, count: inner)
                    }
                }
            }
        }
        return Variable.result(Tensor(shape: outShape, scalars: out), inputs: [self]) { [self] gy in
            gy.withUnsafeBufferPointer { g in
                accumulateGrad { ga in               // in the order of `indices`, so a repeated index adds in turn
                    for i in 0..<outer {
                        for (p, index) in indices.enumerated() {
                            let target = ga + (i * size + index) * inner
                            Kernels.add(target, g.baseAddress! + (i * picked + p) * inner, count: inner, output: target,
                                        threads: 1)
                        }
                    }
                }
            }
        }
    }

    /// One value per row of a `[N, C]` matrix: row r's value at column `columns[r]` → `[N]`.
    ///
    ///     [[1, 2], [3, 4]] gathered at columns [1, 0]  →  [2, 3]
    public func gather(columns: [Int], file: StaticString = #fileID, line: UInt = #line) -> Variable {
        require(rank == 2 && columns.count == shape[0],
                     "gather: \(columns.count) columns for a matrix of shape \(describe(shape: shape))", file: file, line: line)
        let width = shape[1]
        for column in columns {
            require(column >= 0 && column < width,
                         "gather: column \(column) is out of bounds for shape \(describe(shape: shape))", file: file, line: line)
        }
        let x = value.scalars
        let out = columns.enumerated().map { x[$0.offset * width + $0.element] }
        return Variable.result(Tensor(shape: [columns.count], scalars: out), inputs: [self]) { [self] gy in
            accumulateGrad { ga in for (r, column) in columns.enumerated() { ga[r * width + column] += gy[r] } }
        }
    }
}
