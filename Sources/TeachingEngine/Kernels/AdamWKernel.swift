// AdamW's update of one parameter's values, eight lanes at a time (the formulas: Optimizers/AdamW.swift).

import MatmulFMA

extension Kernels {
    /// One AdamW update of `count` values, eight lanes at a time; each value sees exactly the scalar
    /// formula of `AdamW.step` (no sums across values, so the lanes change nothing in the result).
    /// Where AVX2 runs, AdamWFMA.c computes the same bits eight lanes per instruction (sixteen where
    /// AVX-512 runs, unless `eightLanes`); `portable` asks for the Swift loop below (the tests compare
    /// the three).
    package static func adamWUpdate(theta: UnsafeMutablePointer<Float>, m: UnsafeMutablePointer<Float>,
                                    v: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>, count: Int,
                                    beta1 b1: Float, beta2 b2: Float, correction1: Float, correction2: Float,
                                    learningRate lr: Float, epsilon eps: Float, shrink: Float,
                                    portable: Bool = false, eightLanes: Bool = false) {
        if matmulUsesFMA && !portable {
            let kernel = matmulUsesAVX512 && !eightLanes ? alignfuse_adamw_update_avx512 : alignfuse_adamw_update_avx2
            kernel(theta, m, v, g, count, b1, b2, correction1, correction2, lr, eps, shrink)
            return
        }
        @inline(__always)
        func update<V: SIMD>(_ t: V, _ m: V, _ v: V, _ g: V) -> (t: V, m: V, v: V) where V.Scalar == Float {
            let m = b1 * m + (1 - b1) * g
            let v = b2 * v + (1 - b2) * g * g
            let mHat = m / correction1
            let vHat = v / correction2
            return (t * shrink - lr * mHat / (vHat.squareRoot() + eps), m, v)
        }
        var i = 0
        while i + 8 <= count {
            let r = update(load8(theta + i), load8(m + i), load8(v + i), load8(g + i))
            store8(r.t, theta + i); store8(r.m, m + i); store8(r.v, v + i)
            i += 8
        }
        while i < count {
            let r = update(SIMD2(repeating: theta[i]), SIMD2(repeating: m[i]), SIMD2(repeating: v[i]), SIMD2(repeating: g[i]))
            theta[i] = r.t[0]; m[i] = r.m[0]; v[i] = r.v[0]
            i += 1
        }
    }

}
