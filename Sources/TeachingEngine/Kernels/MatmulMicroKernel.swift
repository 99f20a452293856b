// The innermost loop of the fast matrix multiply: a 6×16 tile of C held in twelve SIMD registers.
// Goto & van de Geijn, "Anatomy of High-Performance Matrix Multiplication" (2008), §4; the BLIS
// framework's "micro-kernel" (Van Zee & van de Geijn, 2015) is the same idea.
//
// Why 6×16: an x86 core with AVX2 has 16 vector registers of 8 Floats. Twelve hold the tile
// (6 rows × 2 registers), two hold a row of B, one holds a broadcast value of A and one the product.
// Each step of the loop then does 6·16 = 96 multiply-adds from 6 + 16 loaded values.
//
// Which kernel runs is decided once, at run time: on an x86-64 processor with AVX2 and FMA, the C
// twin in Sources/MatmulFMA (one fused multiply-add per value and step, about twice the speed of a
// training step); elsewhere this Swift loop, which the package compiles for every processor. The
// package needs no build flags for either, so another package can depend on it by version.

import MatmulFMA
import Foundation

/// True when the AVX2/FMA micro-kernel runs here: the processor has both, and `ALIGNFUSE_NO_FMA` is
/// not set (set it to try the portable kernel on a machine that has them). Read once.
package let matmulUsesFMA: Bool = alignfuse_cpu_has_avx2_fma() != 0
    && ProcessInfo.processInfo.environment["ALIGNFUSE_NO_FMA"] == nil

/// True when gemm also runs the wide 6×32 tile (MatmulAVX512.c): the FMA kernel runs, the processor
/// has AVX-512, and `ALIGNFUSE_NO_AVX512` is not set. The same bits as two 6×16 tiles. Read once.
package let matmulUsesAVX512: Bool = matmulUsesFMA && alignfuse_cpu_has_avx512() != 0
    && ProcessInfo.processInfo.environment["ALIGNFUSE_NO_AVX512"] == nil

/// Which micro-kernels matmul runs in this process: "avx512+fma", "avx2+fma" or "portable" (what a
/// benchmark reports next to its timings).
package var matmulMicroKernel: String { matmulUsesAVX512 ? "avx512+fma" : matmulUsesFMA ? "avx2+fma" : "portable" }

/// Rows of the micro-tile (values of A broadcast per step).
let microRows = 6
/// Columns of the micro-tile (two SIMD8 registers).
let microColumns = 16

/// The multiply-add of the portable micro-kernel: `c + a·b`. ARM64 always has a fused vector
/// multiply-add (`fmla`); on x86-64 built for every processor, `addingProduct` would become a call to
/// `fmaf` per lane — a hundred times slower — so there it is a product and a sum.
@inline(__always)
func multiplyAdd(_ c: SIMD8<Float>, _ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> {
    #if arch(arm64)
    return c.addingProduct(a, b)
    #else
    return c + a * b
    #endif
}

@inline(__always)
func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
}

@inline(__always)
func store8(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
}

/// C tile [6, 16] (+)= A rows · Bpanel over `depth` steps.
///
/// - `a`: row r, step p of A is `a[r * rowStride + p * stepStride]`. Row-major A [m, k] is read in
///   place with (rowStride k, stepStride 1), transposed storage [k, m] with (1, m), and a packed
///   edge panel with (1, 6). Six rows must be readable.
/// - `b`: a packed B micro-panel, 16 values per step (one row of sixteen columns): b[p * 16 + j].
/// - `c`: the tile's top-left element in C, rows `ldc` apart; all 6×16 elements must be writable.
/// - `addToC`: C = C + A·B when true, C = A·B when false.
///
/// Every element is summed in the same order (p = 0, 1, …) wherever its tile sits, so the result
/// never depends on how the caller split the work.
///
///     depth 1, rows of A = [1], [2], [0], [0], [0], [0], b = [1, 1, …, 1]
///       →  row 0 of the tile all 1, row 1 all 2, the rest 0
@inline(__always)
func microKernel6x16(
    depth: Int, a: UnsafePointer<Float>, rowStride: Int, stepStride: Int, b: UnsafePointer<Float>,
    c: UnsafeMutablePointer<Float>, ldc: Int, addToC: Bool
) {
    if matmulUsesFMA {
        alignfuse_matmul_micro_kernel_fma(depth, a, rowStride, stepStride, b, c, ldc, addToC ? 1 : 0)
        return
    }
    var c00 = SIMD8<Float>(), c01 = SIMD8<Float>()
    var c10 = SIMD8<Float>(), c11 = SIMD8<Float>()
    var c20 = SIMD8<Float>(), c21 = SIMD8<Float>()
    var c30 = SIMD8<Float>(), c31 = SIMD8<Float>()
    var c40 = SIMD8<Float>(), c41 = SIMD8<Float>()
    var c50 = SIMD8<Float>(), c51 = SIMD8<Float>()
    let a0 = a, a1 = a + rowStride, a2 = a1 + rowStride
    let a3 = a2 + rowStride, a4 = a3 + rowStride, a5 = a4 + rowStride
    var step = 0
    var bp = b
    for _ in 0..<depth {
        let b0 = load8(bp), b1 = load8(bp + 8)
        var ar = SIMD8<Float>(repeating: a0[step])
        c00 = multiplyAdd(c00, ar, b0); c01 = multiplyAdd(c01, ar, b1)
        ar = SIMD8<Float>(repeating: a1[step])
        c10 = multiplyAdd(c10, ar, b0); c11 = multiplyAdd(c11, ar, b1)
        ar = SIMD8<Float>(repeating: a2[step])
        c20 = multiplyAdd(c20, ar, b0); c21 = multiplyAdd(c21, ar, b1)
        ar = SIMD8<Float>(repeating: a3[step])
        c30 = multiplyAdd(c30, ar, b0); c31 = multiplyAdd(c31, ar, b1)
        ar = SIMD8<Float>(repeating: a4[step])
        c40 = multiplyAdd(c40, ar, b0); c41 = multiplyAdd(c41, ar, b1)
        ar = SIMD8<Float>(repeating: a5[step])
        c50 = multiplyAdd(c50, ar, b0); c51 = multiplyAdd(c51, ar, b1)
        step &+= stepStride
        bp += microColumns
    }
    @inline(__always)
    func write(_ v0: SIMD8<Float>, _ v1: SIMD8<Float>, row: Int) {
        let p = c + row * ldc
        if addToC {
            store8(load8(p) + v0, p)
            store8(load8(p + 8) + v1, p + 8)
        } else {
            store8(v0, p)
            store8(v1, p + 8)
        }
    }
    write(c00, c01, row: 0); write(c10, c11, row: 1); write(c20, c21, row: 2)
    write(c30, c31, row: 3); write(c40, c41, row: 4); write(c50, c51, row: 5)
}
