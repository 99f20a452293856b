// The LayerNorm kernels, the row-add fast path and AdamW's eight-lane update, each checked against a
// plain scalar twin written from the formula. These kernels promise bit-identical results to the
// plain loops (same order of every sum, no fused multiply-add), so most checks here use ==.

import Foundation
import Testing
import TeachingEngine

/// Reference twin of LayerNorm forward, one row at a time, plain loops: (y, x̂, 1/√(σ² + ε)).
func referenceLayerNorm(_ x: [Float], gamma: [Float], beta: [Float], width: Int, epsilon: Float = 1e-5)
    -> (y: [Float], xhat: [Float], inverse: [Float]) {
    var (y, xhat, inverse) = ([Float](), [Float](), [Float]())
    for r in 0..<(x.count / width) {
        let row = Array(x[(r * width)..<((r + 1) * width)])
        var mean: Float = 0
        for v in row { mean += v }
        mean /= Float(width)
        var variance: Float = 0
        for v in row { variance += (v - mean) * (v - mean) }
        variance /= Float(width)
        let inv = 1 / (variance + epsilon).squareRoot()
        inverse.append(inv)
        for j in 0..<width {
            let n = (row[j] - mean) * inv
            xhat.append(n)
            y.append(gamma[j] * n + beta[j])
        }
    }
    return (y, xhat, inverse)
}

@Suite("LayerNorm kernels: eight lanes wide, bit-identical to the plain loops")
struct LayerNormKernelTests {
    @Test("x = [1, 3] with γ = 1, β = 0: mean 2, variance 1, so y ≈ [−1, 1]")
    func smallRow() {
        var (y, xhat, inverse) = ([Float](repeating: 0, count: 2), [Float](repeating: 0, count: 2), [Float](repeating: 0, count: 1))
        Kernels.layerNormForward([1, 3], gamma: [1, 1], beta: [0, 0], rows: 1, width: 2, epsilon: 1e-5,
                                 output: &y, normalized: &xhat, inverseDeviation: &inverse)
        #expect(abs(y[0] + 1) < 1e-4 && abs(y[1] - 1) < 1e-4)
        #expect(abs(inverse[0] - 1) < 1e-4)
    }

    @Test("forward over 5 rows of width 21 (two SIMD groups and a tail of 5), and 19 rows of width 37 (two blocks of eight rows and a tail of 3), equals the scalar twin exactly",
          arguments: [(5, 21), (19, 37)])
    func forwardMatchesTwin(shape: (Int, Int)) {
        let (rows, width) = shape
        let x = randomLeaf([rows, width], seed: 11).value.scalars
        let gamma = randomLeaf([width], seed: 12).value.scalars, beta = randomLeaf([width], seed: 13).value.scalars
        let twin = referenceLayerNorm(x, gamma: gamma, beta: beta, width: width)
        for portable in [false, true] {   // the C kernel where AVX2 runs, and the Swift loop
            var (y, xhat, inverse) = ([Float](repeating: 0, count: rows * width),
                                      [Float](repeating: 0, count: rows * width), [Float](repeating: 0, count: rows))
            Kernels.layerNormForward(x, gamma: gamma, beta: beta, rows: rows, width: width, epsilon: 1e-5,
                                     output: &y, normalized: &xhat, inverseDeviation: &inverse, portable: portable)
            #expect(y == twin.y, "portable \(portable)")
            #expect(xhat == twin.xhat, "portable \(portable)")
            #expect(inverse == twin.inverse, "portable \(portable)")
        }
    }

    @Test("backward over 3 rows of width 19, and 19 rows of width 37 (eight rows side by side, dγ and dβ sixteen columns at a time), adds exactly the scalar formula's dx, dγ and dβ",
          arguments: [(3, 19), (19, 37)])
    func backwardMatchesTwin(shape: (Int, Int)) {
        let (rows, width) = shape
        let x = randomLeaf([rows, width], seed: 21).value.scalars
        let gamma = randomLeaf([width], seed: 22).value.scalars
        let dy = randomLeaf([rows, width], seed: 23).value.scalars
        let twin = referenceLayerNorm(x, gamma: gamma, beta: [Float](repeating: 0, count: width), width: width)
        // The twin: ĝ = dy·γ; dx = (ĝ − mean ĝ − x̂·mean(ĝ·x̂))·inverse; dγ = Σ dy·x̂; dβ = Σ dy; all added to 0.5.
        var (dxTwin, dgTwin, dbTwin) = ([Float](repeating: 0.5, count: rows * width), [Float](repeating: 0.5, count: width),
                                        [Float](repeating: 0.5, count: width))
        for r in 0..<rows {
            var gHat = [Float](repeating: 0, count: width)
            var (meanG, meanGX) = (Float(0), Float(0))
            for j in 0..<width {
                gHat[j] = dy[r * width + j] * gamma[j]
                meanG += gHat[j]
                meanGX += gHat[j] * twin.xhat[r * width + j]
            }
            meanG /= Float(width); meanGX /= Float(width)
            for j in 0..<width {
                dxTwin[r * width + j] += (gHat[j] - meanG - twin.xhat[r * width + j] * meanGX) * twin.inverse[r]
                dgTwin[j] += dy[r * width + j] * twin.xhat[r * width + j]
                dbTwin[j] += dy[r * width + j]
            }
        }
        for portable in [false, true] {   // the C kernel where AVX2 runs, and the Swift loop
            var (dx, dg, db) = ([Float](repeating: 0.5, count: rows * width), [Float](repeating: 0.5, count: width),
                                [Float](repeating: 0.5, count: width))
            dx.withUnsafeMutableBufferPointer { dxp in
                dg.withUnsafeMutableBufferPointer { dgp in
                    db.withUnsafeMutableBufferPointer { dbp in
                        Kernels.layerNormBackward(gradOutput: dy, gamma: gamma, normalized: twin.xhat,
                                                  inverseDeviation: twin.inverse, rows: rows, width: width,
                                                  gradInput: dxp.baseAddress, gradGamma: dgp.baseAddress,
                                                  gradBeta: dbp.baseAddress, portable: portable)
                    }
                }
            }
            #expect(dx == dxTwin, "portable \(portable)")
            #expect(dg == dgTwin, "portable \(portable)")
            #expect(db == dbTwin, "portable \(portable)")
        }
    }
}

@Suite("a + b through the row kernels: same values and gradients as the formula")
struct RowAddTests {
    @Test("[[1, 2], [3, 4]] + [10, 20] = [[11, 22], [13, 24]]; d/d(row vector) of the sum is the column count [2, 2]")
    func biasAdd() {
        let x = leaf([2, 2], [1, 2, 3, 4]), v = leaf([2], [10, 20])
        let y = x + v
        #expect(y.value.scalars == [11, 22, 13, 24])
        y.sum().backward()
        #expect(x.grad!.scalars == [1, 1, 1, 1])
        #expect(v.grad!.scalars == [2, 2])
    }

    @Test("[10, 20] + [[1, 2], [3, 4]] (the vector first) gives the same values and gradients")
    func vectorFirst() {
        let x = leaf([2, 2], [1, 2, 3, 4]), v = leaf([2], [10, 20])
        let y = v + x
        #expect(y.value.scalars == [11, 22, 13, 24])
        (y * Variable(Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]))).sum().backward()
        #expect(v.grad!.scalars == [4, 6])          // column sums of the weights [[1, 2], [3, 4]]
        #expect(x.grad!.scalars == [1, 2, 3, 4])
    }

    @Test("a residual a + b used twice: gradients add up (2 per use), not overwrite")
    func residualTwice() {
        let a = leaf([3], [1, 2, 3]), b = leaf([3], [4, 5, 6])
        let s = a + b
        #expect(s.value.scalars == [5, 7, 9])
        (s + s).sum().backward()
        #expect(a.grad!.scalars == [2, 2, 2] && b.grad!.scalars == [2, 2, 2])
    }
}

@Suite("AdamW's eight-lane update equals the scalar formula, value by value")
struct AdamWKernelTests {
    @Test("11 values (one group of eight and a tail of three), two steps: θ equals the formula exactly")
    func matchesFormula() {
        var rng = SeededGenerator(seed: 5)
        let start = Tensor(randomNormal: [11], using: &rng)
        let gradient = Tensor(randomNormal: [11], using: &rng)
        let p = Variable(name: "p", value: start)
        var optimizer = AdamW(parameters: [p], learningRate: 0.1, weightDecay: 0.01)
        var (theta, m, v) = (start.scalars, [Float](repeating: 0, count: 11), [Float](repeating: 0, count: 11))
        for t in 1...2 {
            optimizer.zeroGrad()
            (p * Variable(gradient)).sum().backward()     // d/dp = gradient
            optimizer.step()
            let (c1, c2) = (1 - Foundation.pow(Float(0.9), Float(t)), 1 - Foundation.pow(Float(0.999), Float(t)))   // as AdamW.step
            for i in 0..<11 {
                let g = gradient.scalars[i]
                m[i] = 0.9 * m[i] + (1 - 0.9) * g
                v[i] = 0.999 * v[i] + (1 - 0.999) * g * g
                theta[i] = theta[i] * (1 - 0.1 * 0.01) - 0.1 * (m[i] / c1) / ((v[i] / c2).squareRoot() + 1e-8)
            }
        }
        #expect(p.value.scalars == theta)
    }
}
