// The fused bias + GELU kernel (tanh form, PyTorch's GELU(approximate="tanh")), forward and backward,
// on raw buffers, eight values at a time with Kernels.tanh. Hendrycks & Gimpel 2016, §2.
//   u = x + b[column],  y = ½·u·(1 + t),  t = tanh(c·(u + 0.044715·u³)),  c = √(2/π)
//   dy/du = ½(1 + t) + ½·u·(1 − t²)·c·(1 + 3·0.044715·u²)

import MatmulFMA

/// Namespace of the engine's fast raw-buffer kernels. Each has a plain reference twin in the tests.
package enum Kernels {}

private let geluC: Float = 0.797_884_56   // √(2/π)

extension Kernels {
    /// (gelu(x + bias), the tanh of each value) for x laid out as rows of `width`.
    static func gelu(_ x: [Float], bias: [Float]?, width: Int) -> (y: [Float], tanhs: [Float]) {
        let count = x.count
        var tanhs: [Float] = []
        let y = makeScalars(count: count) { y in
            tanhs = makeScalars(count: count) { t in
                x.withUnsafeBufferPointer { xp in
                    withOptionalPointer(bias) { bp in
                        geluForward(xp.baseAddress!, bias: bp, width: width, count: count, output: y, tanhs: t)
                    }
                }
            }
        }
        return (y, tanhs)
    }

    /// Adds du = dy · gelu'(x + bias) into x's gradient (written straight into it when it has none
    /// yet) and the column sums of du into the bias's.
    static func geluGradients(_ dy: [Float], x: Variable, bias: Variable?, tanhs: [Float], width: Int) {
        let (values, biasValues, count) = (x.value.scalars, bias?.value.scalars, x.count)
        func slopes(into gu: UnsafeMutablePointer<Float>) {
            values.withUnsafeBufferPointer { xp in
                withOptionalPointer(biasValues) { bp in
                    geluBackward(xp.baseAddress!, bias: bp, width: width, count: count, tanhs: tanhs,
                                 gradOutput: dy, gradInput: gu, gradBias: nil)
                }
            }
        }
        func addColumnSums(of gu: UnsafePointer<Float>) {
            bias?.accumulateGrad { gb in accumulateColumnSums(gu, rows: count / width, width: width, into: gb) }
        }
        if x.requiresGrad && x.gradScalars == nil && x !== bias {
            // x has no gradient yet: du is written straight into it, and the bias sums read it there.
            x.writeOrAccumulateGrad { gx, _ in slopes(into: gx); addColumnSums(of: gx) }
        } else {
            let gu = makeScalars(count: count) { slopes(into: $0) }
            x.accumulateGrad { gx in for i in 0..<count { gx[i] += gu[i] } }
            gu.withUnsafeBufferPointer { addColumnSums(of: $0.baseAddress!) }
        }
    }

    /// y = gelu(x + bias) over `count` values laid out as rows of `width` (bias [width] added to
    /// every row; nil adds nothing). Writes `y` and the tanh of each value into `tanhs` for the backward.
    /// `count` must be a multiple of `width`. Where AVX2 runs, GeluAVX2.c computes the same bits eight
    /// lanes per instruction (GeluAVX512.c sixteen, where AVX-512 runs, unless `eightLanes`); `portable` asks for
    /// the Swift loop below (the tests compare the three).
    ///
    ///     x = [−1, 0, 1], no bias  →  y ≈ [−0.1588, 0, 0.8412]
    package static func geluForward(
        _ x: UnsafePointer<Float>, bias: UnsafePointer<Float>?, width: Int, count: Int,
        output y: UnsafeMutablePointer<Float>, tanhs: UnsafeMutablePointer<Float>, threads: Int? = nil,
        portable: Bool = false, eightLanes: Bool = false
    ) {
        precondition(width > 0 && count % width == 0, "geluForward: count \(count) is not a whole number of rows of \(width)")
        splitWork(count: count / width, valuesPerItem: width, threads: threads) { rows in
            if matmulUsesFMA && !portable {   // the same operations, 16 or 8 lanes per instruction (GeluAVX512.c, GeluAVX2.c)
                let at = rows.lowerBound * width
                let kernel = matmulUsesAVX512 && !eightLanes ? alignfuse_gelu_forward_avx512 : alignfuse_gelu_forward_avx2
                kernel(x + at, bias, width, rows.count, y + at, tanhs + at)
                return
            }
            forEachGroup(of: x, bias: bias, width: width, rows: rows) { i, u, lanes in
                let cubic: SIMD8<Float> = u + 0.044715 * (u * u * u)
                let t = tanh(geluC * cubic)
                let out: SIMD8<Float> = 0.5 * u * (1 + t)
                write(out, to: y + i, lanes: lanes)
                write(t, to: tanhs + i, lanes: lanes)
            }
        }
    }

    /// dL/du = dL/dy · gelu'(u), from the saved tanhs: written to `gradInput` (overwriting it).
    /// When `gradBias` is given, the column sums of dL/du are added into it ([width]).
    package static func geluBackward(
        _ x: UnsafePointer<Float>, bias: UnsafePointer<Float>?, width: Int, count: Int,
        tanhs: UnsafePointer<Float>, gradOutput: UnsafePointer<Float>,
        gradInput: UnsafeMutablePointer<Float>, gradBias: UnsafeMutablePointer<Float>?, threads: Int? = nil,
        portable: Bool = false, eightLanes: Bool = false
    ) {
        precondition(width > 0 && count % width == 0, "geluBackward: count \(count) is not a whole number of rows of \(width)")
        splitWork(count: count / width, valuesPerItem: width, threads: threads) { rows in
            if matmulUsesFMA && !portable {   // the same operations, 16 or 8 lanes per instruction (GeluAVX512.c, GeluAVX2.c)
                let at = rows.lowerBound * width
                let kernel = matmulUsesAVX512 && !eightLanes ? alignfuse_gelu_backward_avx512 : alignfuse_gelu_backward_avx2
                kernel(x + at, bias, width, rows.count, tanhs + at, gradOutput + at, gradInput + at)
                return
            }
            forEachGroup(of: x, bias: bias, width: width, rows: rows) { i, u, lanes in
                let t = read(tanhs + i, lanes: lanes)
                let outer: SIMD8<Float> = 0.5 * (1 + t)                          // ½(1 + t)
                let inner: SIMD8<Float> = (1 - t * t) * (geluC * (1 + 0.134145 * u * u))
                let slope = outer + 0.5 * u * inner
                write(read(gradOutput + i, lanes: lanes) * slope, to: gradInput + i, lanes: lanes)
            }
        }
        if let gradBias {
            accumulateColumnSums(gradInput, rows: count / width, width: width, into: gradBias, threads: threads)
        }
    }

    /// Calls `body(i, u, lanes)` for i = 8 steps through the values of `rows` (each `width` long),
    /// with u = x[i..<i+8] + bias of those columns; the last group may hold fewer than eight `lanes`
    /// (the rest are zero). Every value is computed on its own, so how the rows are split across
    /// threads (the callers' `splitWork`) changes no result.
    @inline(__always)
    static func forEachGroup(
        of x: UnsafePointer<Float>, bias: UnsafePointer<Float>?, width: Int, rows: Range<Int>,
        _ body: (Int, SIMD8<Float>, Int) -> Void
    ) {
        var i = rows.lowerBound * width
        let end = rows.upperBound * width
        while i < end {
            let lanes = min(8, end - i)
            var u = read(x + i, lanes: lanes)
            if let bias {
                let column = i % width
                if lanes == 8 && column + 8 <= width {
                    u += load8(bias + column)
                } else {
                    for lane in 0..<lanes { u[lane] += bias[(i + lane) % width] }
                }
            }
            body(i, u, lanes)
            i += 8
        }
    }

    /// Eight values from `p`, or the first `lanes` of them and zeros.
    @inline(__always)
    static func read(_ p: UnsafePointer<Float>, lanes: Int) -> SIMD8<Float> {
        if lanes == 8 { return load8(p) }
        var v = SIMD8<Float>()
        for lane in 0..<lanes { v[lane] = p[lane] }
        return v
    }

    /// Stores the first `lanes` values of `v` at `p`.
    @inline(__always)
    static func write(_ v: SIMD8<Float>, to p: UnsafeMutablePointer<Float>, lanes: Int) {
        if lanes == 8 { store8(v, p); return }
        for lane in 0..<lanes { p[lane] = v[lane] }
    }
}
