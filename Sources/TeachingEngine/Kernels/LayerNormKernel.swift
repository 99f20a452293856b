// LayerNorm's arithmetic on raw rows, eight values at a time (the formulas: LayerNormOp.swift).
// The elementwise parts run eight lanes wide; the sums over a row run left to right as in the scalar
// formula, and no multiply-add is fused, so results are bit-identical to the plain loops.
// The plain scalar twin these are checked against is in Tests/TeachingEngineTests/NormKernelTests.swift.

extension Kernels {
    /// x[0] + x[1] + … + x[count − 1], added left to right like a plain loop, so every result is
    /// bit-identical to the scalar formula (the engine's seeded runs stay reproducible to the last bit).
    @inline(__always)
    static func sum(_ x: UnsafePointer<Float>, count: Int) -> Float {
        var total: Float = 0
        for j in 0..<count { total += x[j] }
        return total
    }

    /// x[0]·y[0] + x[1]·y[1] + …, left to right, each product rounded before it is added (no FMA).
    @inline(__always)
    static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count: Int) -> Float {
        var total: Float = 0
        for j in 0..<count { total += x[j] * y[j] }
        return total
    }

    /// For each of `rows` rows of `width` values: x̂ = (x − mean)/√(variance + ε), y = γ·x̂ + β.
    /// Saves x̂ (`normalized`, [rows, width]) and 1/√(variance + ε) (`inverseDeviation`, [rows]).
    ///
    ///     x = [1, 3], γ = [1, 1], β = [0, 0]  →  y ≈ [−1, 1], x̂ ≈ [−1, 1], inverseDeviation ≈ [1]
    public static func layerNormForward(
        _ x: UnsafePointer<Float>, gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>,
        rows: Int, width: Int, epsilon: Float,
        output y: UnsafeMutablePointer<Float>, normalized: UnsafeMutablePointer<Float>,
        inverseDeviation: UnsafeMutablePointer<Float>
    ) {
        let size = Float(width)
        for r in 0..<rows {
            let (row, xhat, out) = (x + r * width, normalized + r * width, y + r * width)
            let mean = sum(row, count: width) / size
            // x̂ first holds x − mean, so the variance is one dot product of it with itself.
            var j = 0
            while j + 8 <= width { store8(load8(row + j) - SIMD8(repeating: mean), xhat + j); j += 8 }
            while j < width { xhat[j] = row[j] - mean; j += 1 }
            let variance = dot(xhat, xhat, count: width) / size
            let inverse = 1 / (variance + epsilon).squareRoot()
            inverseDeviation[r] = inverse
            j = 0
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

    /// Adds LayerNorm's gradients: with ĝ = dy·γ,
    /// dx += (ĝ − mean(ĝ) − x̂·mean(ĝ·x̂))·inverseDeviation, dγ += Σ_rows dy·x̂, dβ += Σ_rows dy.
    /// `gradInput`, `gradGamma` and `gradBeta` may each be nil when that gradient is not wanted.
    /// Rows are visited in order, so dγ and dβ do not depend on any thread count.
    ///
    ///     dy = [1, 0], γ = [1, 1], x̂ = [−1, 1], inverseDeviation = [1]  →  dx += [0, 0], dγ += [−1, 0], dβ += [1, 0]
    public static func layerNormBackward(
        gradOutput dy: UnsafePointer<Float>, gamma: UnsafePointer<Float>, normalized: UnsafePointer<Float>,
        inverseDeviation: UnsafePointer<Float>, rows: Int, width: Int,
        gradInput dx: UnsafeMutablePointer<Float>?, gradGamma: UnsafeMutablePointer<Float>?,
        gradBeta: UnsafeMutablePointer<Float>?
    ) {
        let size = Float(width)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: width) { buffer in
            let gHat = buffer.baseAddress!
            for r in 0..<rows {
                let (g, xhat) = (dy + r * width, normalized + r * width)
                if let dx {
                    var j = 0
                    while j + 8 <= width { store8(load8(g + j) * load8(gamma + j), gHat + j); j += 8 }
                    while j < width { gHat[j] = g[j] * gamma[j]; j += 1 }
                    let meanG = sum(gHat, count: width) / size
                    let meanGX = dot(gHat, xhat, count: width) / size
                    let inverse = inverseDeviation[r]
                    let target = dx + r * width
                    j = 0
                    let (meanG8, meanGX8, inverse8) = (SIMD8(repeating: meanG), SIMD8(repeating: meanGX),
                                                       SIMD8(repeating: inverse))
                    while j + 8 <= width {
                        let d = (load8(gHat + j) - meanG8 - load8(xhat + j) * meanGX8) * inverse8
                        store8(load8(target + j) + d, target + j)
                        j += 8
                    }
                    while j < width { target[j] += (gHat[j] - meanG - xhat[j] * meanGX) * inverse; j += 1 }
                }
                if let gradGamma {
                    var j = 0
                    while j + 8 <= width {
                        store8(load8(gradGamma + j) + load8(g + j) * load8(xhat + j), gradGamma + j)
                        j += 8
                    }
                    while j < width { gradGamma[j] += g[j] * xhat[j]; j += 1 }
                }
                if let gradBeta {
                    var j = 0
                    while j + 8 <= width { store8(load8(gradBeta + j) + load8(g + j), gradBeta + j); j += 8 }
                    while j < width { gradBeta[j] += g[j]; j += 1 }
                }
            }
        }
    }
}
