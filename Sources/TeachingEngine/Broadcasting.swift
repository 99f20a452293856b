// Broadcasting: how two shapes combine elementwise, by NumPy's rule.
// Align the shapes at the right; each pair of sizes must be equal or one of them 1; a size-1 (or
// missing) dimension is repeated along the other. [64, 16, 64] + [16, 64] → [64, 16, 64].

import AlignFuseSupport

/// The result shape of combining `a` and `b` elementwise.
///
///     broadcastShape([2, 3], [3])     // [2, 3]
///     broadcastShape([2, 1], [1, 4])  // [2, 4]
public func broadcastShape(_ a: [Int], _ b: [Int], operation: String = "broadcast",
                           file: StaticString = #fileID, line: UInt = #line) -> [Int] {
    let rank = max(a.count, b.count)
    let paddedA = [Int](repeating: 1, count: rank - a.count) + a
    let paddedB = [Int](repeating: 1, count: rank - b.count) + b
    return (0..<rank).map { axis in
        let (x, y) = (paddedA[axis], paddedB[axis])
        require(x == y || x == 1 || y == 1,
                     "\(operation): \(describe(shape: a)) and \(describe(shape: b)) do not broadcast: sizes \(x) and \(y) at axis \(axis)",
                     file: file, line: line)
        return x == 1 ? y : x
    }
}

/// How the elements of two broadcast inputs line up with the output, so a loop can visit
/// (output offset, offset in a, offset in b) triples without index arrays in the common cases.
struct BroadcastPlan {
    enum Kind {
        case sameShape          // a, b and out have one shape
        case bRepeatsEvery(Int) // b's values repeat along the rows of a: [.., n] with [n]
        case aRepeatsEvery(Int) // the mirror image
        case general            // anything else: strides with zeros on repeated axes
    }

    let outShape: [Int]
    let kind: Kind
    let aStrides: [Int]
    let bStrides: [Int]

    init(_ a: [Int], _ b: [Int], operation: String, file: StaticString, line: UInt) {
        outShape = broadcastShape(a, b, operation: operation, file: file, line: line)
        let (countA, countB, countOut) = (a.reduce(1, *), b.reduce(1, *), outShape.reduce(1, *))
        aStrides = BroadcastPlan.strides(of: a, in: outShape)
        bStrides = BroadcastPlan.strides(of: b, in: outShape)
        if a == b {
            kind = .sameShape
        } else if countA == countOut && BroadcastPlan.isTrailingBlock(b, of: outShape) {
            kind = .bRepeatsEvery(countB)
        } else if countB == countOut && BroadcastPlan.isTrailingBlock(a, of: outShape) {
            kind = .aRepeatsEvery(countA)
        } else {
            kind = .general
        }
    }

    /// True when `shape`, without its leading 1s, equals the trailing dimensions of `outShape`,
    /// so its values form one contiguous block that repeats.
    private static func isTrailingBlock(_ shape: [Int], of outShape: [Int]) -> Bool {
        let trimmed = Array(shape.drop { $0 == 1 })
        return trimmed.count <= outShape.count && Array(outShape.suffix(trimmed.count)) == trimmed
    }

    /// Row-major strides of `shape` aligned to `outShape`, with 0 on repeated (size-1 or missing) axes.
    private static func strides(of shape: [Int], in outShape: [Int]) -> [Int] {
        let padded = [Int](repeating: 1, count: outShape.count - shape.count) + shape
        var strides = [Int](repeating: 0, count: outShape.count)
        var running = 1
        for axis in stride(from: outShape.count - 1, through: 0, by: -1) {
            strides[axis] = padded[axis] == 1 ? 0 : running
            running *= padded[axis]
        }
        return strides
    }

    /// Calls `body(outOffset, aOffset, bOffset)` for every output element, in row-major order.
    @inline(__always)
    func forEach(_ body: (Int, Int, Int) -> Void) {
        let count = outShape.reduce(1, *)
        switch kind {
        case .sameShape:
            for i in 0..<count { body(i, i, i) }
        case .bRepeatsEvery(let n):
            var i = 0
            while i < count { for j in 0..<n { body(i + j, i + j, j) }; i += n }
        case .aRepeatsEvery(let n):
            var i = 0
            while i < count { for j in 0..<n { body(i + j, j, i + j) }; i += n }
        case .general:
            guard count > 0 else { return }
            let rank = outShape.count
            var index = [Int](repeating: 0, count: rank)
            var (offsetA, offsetB) = (0, 0)
            for i in 0..<count {
                body(i, offsetA, offsetB)
                // Advance the odometer: bump the last axis, carrying into earlier ones.
                var axis = rank - 1
                while axis >= 0 {
                    index[axis] += 1
                    offsetA += aStrides[axis]
                    offsetB += bStrides[axis]
                    if index[axis] < outShape[axis] { break }
                    offsetA -= aStrides[axis] * outShape[axis]
                    offsetB -= bStrides[axis] * outShape[axis]
                    index[axis] = 0
                    axis -= 1
                }
            }
        }
    }
}
