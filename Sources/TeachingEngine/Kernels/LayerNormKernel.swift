// LayerNorm's arithmetic on raw rows, eight values at a time (the formulas: LayerNormOp.swift). Where
// AVX2 runs, LayerNormAVX2.c computes the same bits for the forward and dx, eight rows side by side.
// The elementwise parts run eight lanes wide; the sums over a row run left to right as in the scalar
// formula (four rows side by side), and no multiply-add is fused, so results are bit-identical to
// the plain loops. Rows are split across the cores (ParallelRows.swift).
// The plain scalar twin these are checked against is in Tests/TeachingEngineTests/NormKernelTests.swift.

import MatmulFMA

extension Kernels {
    /// (y, x̂, 1/√(σ² + ε) per row) of LayerNorm over `rows` rows of `width`.
    static func layerNorm(_ x: [Float], gamma: [Float], beta: [Float], rows: Int, width: Int, epsilon: Float)
        -> (y: [Float], normalized: [Float], inverseDeviation: [Float]) {
        var normalized: [Float] = [], inverseDeviation: [Float] = []
        let y = makeScalars(count: x.count) { y in
            normalized = makeScalars(count: x.count) { xhat in
                inverseDeviation = makeScalars(count: rows) { inverse in
                    x.withUnsafeBufferPointer { xp in
                        layerNormForward(xp.baseAddress!, gamma: gamma, beta: beta, rows: rows, width: width,
                                         epsilon: epsilon, output: y, normalized: xhat, inverseDeviation: inverse)
                    }
                }
            }
        }
        return (y, normalized, inverseDeviation)
    }

    /// Adds LayerNorm's three gradients into x, γ and β: in one pass when all three are wanted, x's
    /// written rather than added when it has none yet (no zero-fill).
    static func layerNormGradients(_ dy: [Float], x: Variable, gamma: Variable, beta: Variable, normalized: [Float],
                                   inverseDeviation: [Float], rows: Int, width: Int) {
        guard rows > 0 else { return }
        let g = gamma.value.scalars
        func backward(dx: UnsafeMutablePointer<Float>?, dg: UnsafeMutablePointer<Float>?, db: UnsafeMutablePointer<Float>?,
                      overwrite: Bool = false) {
            layerNormBackward(gradOutput: dy, gamma: g, normalized: normalized, inverseDeviation: inverseDeviation,
                              rows: rows, width: width, gradInput: dx, gradGamma: dg, gradBeta: db, overwriteInput: overwrite)
        }
        if x.requiresGrad && gamma.requiresGrad && beta.requiresGrad && x !== gamma && x !== beta && gamma !== beta {
            x.writeOrAccumulateGrad { dx, accumulate in
                gamma.accumulateGrad { dg in beta.accumulateGrad { db in backward(dx: dx, dg: dg, db: db, overwrite: !accumulate) } }
            }
        } else {
            x.accumulateGrad { backward(dx: $0, dg: nil, db: nil) }
            gamma.accumulateGrad { backward(dx: nil, dg: $0, db: nil) }
            beta.accumulateGrad { backward(dx: nil, dg: nil, db: $0) }
        }
    }

    /// x[0]·y[0] + x[1]·y[1] + …, left to right, each product rounded before it is added (no FMA).
    @inline(__always)
    static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count: Int) -> Float {
        var total: Float = 0
        for j in 0..<count { total += x[j] * y[j] }
        return total
    }

    /// The sums (or, with `y`, the dot products x·y) of up to four rows side by side: lane i holds
    /// row i's, added left to right exactly like `sum` and `dot`, so each lane equals them bit for
    /// bit. The four chains of adds are independent, so the processor overlaps them instead of
    /// waiting for each add in turn (a row's sum is latency-bound on its own). Lanes past `rows` are
    /// a repeat of the last row.
    ///
    ///     rows [1, 2] and [3, 4]  →  [3, 7, 7, 7]
    @inline(__always)
    static func rowSums(_ x: UnsafePointer<Float>, times y: UnsafePointer<Float>? = nil, rows: Int,
                        width: Int) -> SIMD4<Float> {
        let last = rows - 1
        let (o1, o2, o3) = (Swift.min(1, last) * width, Swift.min(2, last) * width, Swift.min(3, last) * width)
        var total = SIMD4<Float>()
        if let y {
            for j in 0..<width {
                total += SIMD4(x[j], x[o1 + j], x[o2 + j], x[o3 + j]) * SIMD4(y[j], y[o1 + j], y[o2 + j], y[o3 + j])
            }
        } else {
            for j in 0..<width { total += SIMD4(x[j], x[o1 + j], x[o2 + j], x[o3 + j]) }
        }
        return total
    }

    /// For each of `rows` rows of `width` values: x̂ = (x − mean)/√(variance + ε), y = γ·x̂ + β.
    /// Saves x̂ (`normalized`, [rows, width]) and 1/√(variance + ε) (`inverseDeviation`, [rows]).
    ///
    ///     x = [1, 3], γ = [1, 1], β = [0, 0]  →  y ≈ [−1, 1], x̂ ≈ [−1, 1], inverseDeviation ≈ [1]
    package static func layerNormForward(
        _ x: UnsafePointer<Float>, gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>,
        rows: Int, width: Int, epsilon: Float,
        output y: UnsafeMutablePointer<Float>, normalized: UnsafeMutablePointer<Float>,
        inverseDeviation: UnsafeMutablePointer<Float>, threads: Int? = nil, portable: Bool = false
    ) {
        let size = Float(width)
        splitWork(count: rows, valuesPerItem: width, threads: threads) { range in
            if matmulUsesFMA && !portable {   // the same operations, eight rows side by side (LayerNormAVX2.c)
                let at = range.lowerBound * width
                alignfuse_layer_norm_forward_avx2(x + at, gamma, beta, range.count, width, epsilon, y + at,
                                                  normalized + at, inverseDeviation + range.lowerBound)
                return
            }
            // Four rows at a time, so their sums run side by side (rowSums).
            for first in stride(from: range.lowerBound, to: range.upperBound, by: 4) {
                let count = Swift.min(4, range.upperBound - first)
                let means = rowSums(x + first * width, rows: count, width: width) / size
                // x̂ first holds x − mean, so the variance is one dot product of it with itself.
                for i in 0..<count {
                    let (row, xhat) = (x + (first + i) * width, normalized + (first + i) * width)
                    let mean = means[i]
                    var j = 0
                    while j + 8 <= width { store8(load8(row + j) - SIMD8(repeating: mean), xhat + j); j += 8 }
                    while j < width { xhat[j] = row[j] - mean; j += 1 }
                }
                let centred = normalized + first * width
                let variances = rowSums(centred, times: centred, rows: count, width: width) / size
                for i in 0..<count {
                    let (xhat, out) = (normalized + (first + i) * width, y + (first + i) * width)
                    let inverse = 1 / (variances[i] + epsilon).squareRoot()
                    inverseDeviation[first + i] = inverse
                    var j = 0
                    let inverse8 = SIMD8(repeating: inverse)
                    while j + 8 <= width {
                        let n = load8(xhat + j) * inverse8
                        store8(n, xhat + j)
                        store8(load8(gamma + j) * n + load8(beta + j), out + j)
                        j += 8
                    }
                    while j < width {
                        let n = xhat[j] * inverse
                        xhat[j] = n
                        out[j] = gamma[j] * n + beta[j]
                        j += 1
                    }
                }
            }
        }
    }

    /// Adds LayerNorm's gradients: with ĝ = dy·γ,
    /// dx += (ĝ − mean(ĝ) − x̂·mean(ĝ·x̂))·inverseDeviation, dγ += Σ_rows dy·x̂, dβ += Σ_rows dy.
    /// `gradInput`, `gradGamma` and `gradBeta` may each be nil when that gradient is not wanted;
    /// with `overwriteInput`, dx is written into `gradInput` instead of added (a fresh gradient).
    /// dx is split across `threads` by rows, dγ and dβ by columns, each column's sum added row by
    /// row in order, so no result depends on the thread count.
    ///
    ///     dy = [1, 0], γ = [1, 1], x̂ = [−1, 1], inverseDeviation = [1]  →  dx += [0, 0], dγ += [−1, 0], dβ += [1, 0]
    package static func layerNormBackward(
        gradOutput dy: UnsafePointer<Float>, gamma: UnsafePointer<Float>, normalized: UnsafePointer<Float>,
        inverseDeviation: UnsafePointer<Float>, rows: Int, width: Int,
        gradInput dx: UnsafeMutablePointer<Float>?, gradGamma: UnsafeMutablePointer<Float>?,
        gradBeta: UnsafeMutablePointer<Float>?, overwriteInput: Bool = false, threads: Int? = nil,
        portable: Bool = false
    ) {
        let size = Float(width)
        if let dx {
            splitWork(count: rows, valuesPerItem: width, threads: threads) { range in
                if matmulUsesFMA && !portable {   // the same operations, eight rows side by side (LayerNormAVX2.c)
                    let at = range.lowerBound * width
                    alignfuse_layer_norm_backward_avx2(dy + at, gamma, normalized + at, inverseDeviation + range.lowerBound,
                                                       range.count, width, dx + at, overwriteInput ? 1 : 0)
                    return
                }
                withUnsafeTemporaryAllocation(of: Float.self, capacity: 4 * width) { buffer in
                    let gHats = buffer.baseAddress!                    // ĝ of four rows, [4, width]
                    for first in stride(from: range.lowerBound, to: range.upperBound, by: 4) {
                        let count = Swift.min(4, range.upperBound - first)
                        for i in 0..<count {
                            let (g, gHat) = (dy + (first + i) * width, gHats + i * width)
                            var j = 0
                            while j + 8 <= width { store8(load8(g + j) * load8(gamma + j), gHat + j); j += 8 }
                            while j < width { gHat[j] = g[j] * gamma[j]; j += 1 }
                        }
                        let meansG = rowSums(gHats, rows: count, width: width) / size
                        let meansGX = rowSums(gHats, times: normalized + first * width, rows: count, width: width) / size
                        for i in 0..<count {
                            let (gHat, xhat) = (gHats + i * width, normalized + (first + i) * width)
                            let (meanG, meanGX, inverse) = (meansG[i], meansGX[i], inverseDeviation[first + i])
                            let target = dx + (first + i) * width
                            var j = 0
                            let (meanG8, meanGX8, inverse8) = (SIMD8(repeating: meanG), SIMD8(repeating: meanGX),
                                                               SIMD8(repeating: inverse))
                            while j + 8 <= width {
                                let d = (load8(gHat + j) - meanG8 - load8(xhat + j) * meanGX8) * inverse8
                                store8(overwriteInput ? d : load8(target + j) + d, target + j)
                                j += 8
                            }
                            while j < width {
                                let d = (gHat[j] - meanG - xhat[j] * meanGX) * inverse
                                target[j] = overwriteInput ? d : target[j] + d
                                j += 1
                            }
                        }
                    }
                }
            }
        }
        guard gradGamma != nil || gradBeta != nil else { return }
        splitColumns(rows: rows, width: width, threads: threads) { columns in
            if matmulUsesAVX512 && !portable {   // the same sums, sixteen columns per instruction (ColumnSumsAVX512.c)
                let (start, count) = (columns.lowerBound, columns.count)
                if let gradGamma, let gradBeta {   // both in one pass over dy
                    alignfuse_column_sums_pair_avx512(dy + start, normalized + start, rows, width, count,
                                                      gradGamma + start, gradBeta + start)
                    return
                }
                if let gradGamma {
                    alignfuse_column_sums_avx512(dy + start, normalized + start, rows, width, count, gradGamma + start, 0)
                }
                if let gradBeta { alignfuse_column_sums_avx512(dy + start, nil, rows, width, count, gradBeta + start, 0) }
                return
            }
            // Sixteen columns per pass over the rows, their sums held in registers: each column still
            // adds its rows in order onto what dγ and dβ held, so the bits are those of adding row by row
            // in memory, without waiting on a store for every row.
            var j = columns.lowerBound
            while j + 16 <= columns.upperBound {
                if let gradGamma {
                    var (s0, s1) = (load8(gradGamma + j), load8(gradGamma + j + 8))
                    for r in 0..<rows {
                        let (g, xhat) = (dy + r * width + j, normalized + r * width + j)
                        s0 += load8(g) * load8(xhat); s1 += load8(g + 8) * load8(xhat + 8)
                    }
                    store8(s0, gradGamma + j); store8(s1, gradGamma + j + 8)
                }
                if let gradBeta {
                    var (s0, s1) = (load8(gradBeta + j), load8(gradBeta + j + 8))
                    for r in 0..<rows {
                        let g = dy + r * width + j
                        s0 += load8(g); s1 += load8(g + 8)
                    }
                    store8(s0, gradBeta + j); store8(s1, gradBeta + j + 8)
                }
                j += 16
            }
            for r in 0..<rows where j < columns.upperBound {
                let (g, xhat) = (dy + r * width, normalized + r * width)
                if let gradGamma {
                    var c = j
                    while c + 8 <= columns.upperBound {
                        store8(load8(gradGamma + c) + load8(g + c) * load8(xhat + c), gradGamma + c)
                        c += 8
                    }
                    while c < columns.upperBound { gradGamma[c] += g[c] * xhat[c]; c += 1 }
                }
                if let gradBeta {
                    var c = j
                    while c + 8 <= columns.upperBound { store8(load8(gradBeta + c) + load8(g + c), gradBeta + c); c += 8 }
                    while c < columns.upperBound { gradBeta[c] += g[c]; c += 1 }
                }
            }
        }
    }
}
