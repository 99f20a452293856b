// The fast raw-buffer kernels checked against plain reference twins written from the formulas.

import Foundation
import Testing
import TeachingEngine

/// Reference twin: gelu(u) = ½·u·(1 + tanh(√(2/π)·(u + 0.044715·u³))) with libm's tanh, in Double.
func referenceGelu(_ u: Float) -> Float {
    let x = Double(u)
    return Float(0.5 * x * (1 + Foundation.tanh((2 / Double.pi).squareRoot() * (x + 0.044715 * x * x * x))))
}

/// Reference twin of the derivative, in Double.
func referenceGeluSlope(_ u: Float) -> Float {
    let x = Double(u), c = (2 / Double.pi).squareRoot()
    let t = Foundation.tanh(c * (x + 0.044715 * x * x * x))
    return Float(0.5 * (1 + t) + 0.5 * x * (1 - t * t) * c * (1 + 3 * 0.044715 * x * x))
}

@Suite("Kernels.exp and Kernels.tanh: eight lanes at once, within a few ulps of libm")
struct FastMathTests {
    @Test("exp(0) = 1 exactly, exp(1) = e and exp(−1) = 1/e to 3e-7 relative")
    func expValues() {
        let e = Kernels.exp(SIMD8<Float>(0, 1, -1, 2, -2, 10, -10, 0.5))
        #expect(e[0] == 1)
        for (lane, x) in [(1, 1.0), (2, -1.0), (3, 2.0), (4, -2.0), (5, 10.0), (6, -10.0), (7, 0.5)] {
            let exact = Foundation.exp(x)
            #expect(abs(Double(e[lane]) - exact) / exact < 3e-7, "exp(\(x)) = \(e[lane])")
        }
    }

    @Test("exp over [−80, 80] in steps of 0.37: relative error below 3e-7 everywhere")
    func expSweep() {
        var worst = 0.0
        for i in 0..<433 {
            let x = Float(-80 + 0.37 * Double(i))
            let exact = Foundation.exp(Double(x))
            worst = max(worst, abs(Double(Kernels.exp(SIMD8(repeating: x))[0]) - exact) / exact)
        }
        #expect(worst < 3e-7, "worst relative error \(worst)")
    }

    @Test("tanh: 0 ↦ 0, ±0.5 ↦ ±0.4621172, saturates to ±1 at ±20, and stays within 3e-7 of libm")
    func tanhValues() {
        let t = Kernels.tanh(SIMD8<Float>(0, 0.5, -0.5, 20, -20, 1, -3, 0.01))
        #expect(t[0] == 0)
        #expect(t[3] == 1 && t[4] == -1)
        for (lane, x) in [(1, 0.5), (2, -0.5), (5, 1.0), (6, -3.0), (7, 0.01)] {
            #expect(abs(Double(t[lane]) - Foundation.tanh(x)) < 3e-7, "tanh(\(x)) = \(t[lane])")
        }
    }
}

@Suite("Kernels.geluForward / geluBackward: fused bias + GELU equals the formula")
struct GeluKernelTests {
    @Test("gelu(−1, 0, 1) ≈ (−0.15881, 0, 0.84119), with no bias")
    func threeValues() {
        var y = [Float](repeating: 9, count: 3), t = y
        y.withUnsafeMutableBufferPointer { yp in
            t.withUnsafeMutableBufferPointer { tp in
                Kernels.geluForward([-1, 0, 1], bias: nil, width: 3, count: 3, output: yp.baseAddress!, tanhs: tp.baseAddress!)
            }
        }
        #expect(abs(y[0] + 0.158_808) < 1e-5 && y[1] == 0 && abs(y[2] - 0.841_192) < 1e-5, "\(y)")
    }

    @Test("Rows of width 13 with a bias (odd width, partial groups): forward, backward and bias gradient")
    func rowsWithBias() {
        let (rows, width) = (5, 13)
        var rng = SeededGenerator(seed: 21)
        let x = (0..<(rows * width)).map { _ in rng.nextFloat(in: -4...4) }
        let bias = (0..<width).map { _ in rng.nextFloat(in: -1...1) }
        let gy = (0..<(rows * width)).map { _ in rng.nextFloat(in: -1...1) }
        var y = [Float](repeating: 0, count: x.count), t = y, gx = y
        var gb = [Float](repeating: 1, count: width)   // accumulates onto 1
        y.withUnsafeMutableBufferPointer { yp in
            t.withUnsafeMutableBufferPointer { tp in
                Kernels.geluForward(x, bias: bias, width: width, count: x.count, output: yp.baseAddress!, tanhs: tp.baseAddress!)
            }
        }
        gx.withUnsafeMutableBufferPointer { gp in
            gb.withUnsafeMutableBufferPointer { bp in
                Kernels.geluBackward(x, bias: bias, width: width, count: x.count, tanhs: t, gradOutput: gy,
                                     gradInput: gp.baseAddress!, gradBias: bp.baseAddress!)
            }
        }
        var expectedBias = [Float](repeating: 1, count: width)
        for i in 0..<x.count {
            let u = x[i] + bias[i % width]
            #expect(abs(y[i] - referenceGelu(u)) < 2e-6, "y[\(i)]")
            #expect(abs(gx[i] - gy[i] * referenceGeluSlope(u)) < 2e-6, "dx[\(i)]")
            expectedBias[i % width] += gy[i] * referenceGeluSlope(u)
        }
        for j in 0..<width { #expect(abs(gb[j] - expectedBias[j]) < 1e-5, "db[\(j)]") }
    }

    @Test("The AVX kernels (AVX-512 and AVX2, where the processor has them) and the portable Swift loop give the same bits: 7 rows of width 37 (16 + 16 + 5 lanes, or 8 + 8 + 8 + 8 + 5) and of width 100 (AVX-512 takes four vectors together, then 16 + 16 + 4), values in ±10, with and without a bias",
          arguments: [37, 100])
    func avxMatchesPortable(width: Int) {
        let rows = 7
        var rng = SeededGenerator(seed: 23)
        let x = (0..<(rows * width)).map { _ in rng.nextFloat(in: -10...10) }
        let bias = (0..<width).map { _ in rng.nextFloat(in: -1...1) }
        let gy = (0..<(rows * width)).map { _ in rng.nextFloat(in: -1...1) }
        func run(portable: Bool, eightLanes: Bool = false, bias: [Float]?) -> [[Float]] {
            var y = [Float](repeating: 0, count: x.count), t = y, gx = y
            y.withUnsafeMutableBufferPointer { yp in
                t.withUnsafeMutableBufferPointer { tp in
                    Kernels.geluForward(x, bias: bias, width: width, count: x.count, output: yp.baseAddress!,
                                        tanhs: tp.baseAddress!, portable: portable, eightLanes: eightLanes)
                }
            }
            gx.withUnsafeMutableBufferPointer { gp in
                Kernels.geluBackward(x, bias: bias, width: width, count: x.count, tanhs: t, gradOutput: gy,
                                     gradInput: gp.baseAddress!, gradBias: nil, portable: portable,
                                     eightLanes: eightLanes)
            }
            return [y, t, gx]
        }
        for b in [nil, bias] {
            let swift = run(portable: true, bias: b)
            #expect(run(portable: false, bias: b) == swift)                      // AVX-512 where it runs, else AVX2
            #expect(run(portable: false, eightLanes: true, bias: b) == swift)    // AVX2
        }
    }

    @Test("AdamW's update, three steps over 37 values (16 + 16 + 5 lanes, or 8 + 8 + 8 + 8 + 5): AVX-512, AVX2 and the portable Swift loop give the same θ, m and v bits")
    func adamWMatchesPortable() {
        var rng = SeededGenerator(seed: 29)
        let start = (0..<37).map { _ in rng.nextFloat(in: -1...1) }
        let gradients = (0..<3).map { _ in (0..<37).map { _ in rng.nextFloat(in: -0.1...0.1) } }
        func run(portable: Bool, eightLanes: Bool = false) -> [[Float]] {
            var (theta, m, v) = (start, [Float](repeating: 0, count: 37), [Float](repeating: 0, count: 37))
            for (t, g) in gradients.enumerated() {
                let step = Float(t + 1)
                Kernels.adamWUpdate(theta: &theta, m: &m, v: &v, g: g, count: 37, beta1: 0.9, beta2: 0.999,
                                    correction1: 1 - Foundation.pow(0.9, step), correction2: 1 - Foundation.pow(0.999, step),
                                    learningRate: 0.01, epsilon: 1e-8, shrink: 1 - 0.01 * 0.1,
                                    portable: portable, eightLanes: eightLanes)
            }
            return [theta, m, v]
        }
        let swift = run(portable: true)
        #expect(swift[0] != start)                                // the values moved
        #expect(run(portable: false) == swift)                    // AVX-512 where it runs, else AVX2
        #expect(run(portable: false, eightLanes: true) == swift)  // AVX2
    }
}

@Suite("Kernels: a vector added to every row, and its gradient")
struct RowKernelsTests {
    @Test("[[1, 2], [3, 4], [5, 6]] column sums added to [0, 10] give [9, 22]")
    func columnSums() {
        var into: [Float] = [0, 10]
        into.withUnsafeMutableBufferPointer { p in
            Kernels.accumulateColumnSums([1, 2, 3, 4, 5, 6], rows: 3, width: 2, into: p.baseAddress!)
        }
        #expect(into == [9, 22])
    }

    @Test("Widths 19 and 70 (a block of 64 columns and 6 more): each column is summed from 0 in row order, then added to what it held, bit for bit, in the C kernel and in the Swift loop",
          arguments: [19, 70])
    func wideColumnSums(width: Int) {
        let rows = 23
        let x = randomLeaf([rows, width], seed: 31).value.scalars
        let start = randomLeaf([width], seed: 32).value.scalars
        let expected = (0..<width).map { j in start[j] + (0..<rows).reduce(Float(0)) { $0 + x[$1 * width + j] } }
        for portable in [false, true] {   // ColumnSumsAVX512.c where AVX-512 runs, and the Swift loop
            var into = start
            into.withUnsafeMutableBufferPointer { p in
                Kernels.accumulateColumnSums(x, rows: rows, width: width, into: p.baseAddress!, portable: portable)
            }
            #expect(into == expected, "portable \(portable)")
        }
    }

    @Test("[[1, 2], [3, 4]] + [10, 20] on every row = [[11, 22], [13, 24]]; width 11 matches the plain loop")
    func addRows() {
        var out = [Float](repeating: 0, count: 4)
        out.withUnsafeMutableBufferPointer { p in Kernels.addToEveryRow([1, 2, 3, 4], [10, 20], rows: 2, width: 2, output: p.baseAddress!) }
        #expect(out == [11, 22, 13, 24])
        let x = (0..<33).map(Float.init), v = (0..<11).map { Float($0) * 100 }
        var wide = [Float](repeating: 0, count: 33)
        wide.withUnsafeMutableBufferPointer { p in Kernels.addToEveryRow(x, v, rows: 3, width: 11, output: p.baseAddress!) }
        #expect(wide == (0..<33).map { x[$0] + v[$0 % 11] })
    }
}
