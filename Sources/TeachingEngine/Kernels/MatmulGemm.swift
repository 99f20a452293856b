// gemm, the one matrix-multiply kernel behind matmul and attention's head products.
//
// How it is fast, in pure Swift (Goto & van de Geijn 2008; the BLIS loop nest):
//   1. Cache blocking: C is computed in blocks; a [kc, nc] block of B is packed into 16-column
//      panels (MatmulPacking.swift) so it is read with unit stride and stays in cache while
//      every row of A passes over it. A is read in place (its values are broadcast one at a time).
//      When a thread has few rows (at most `blockRows`), a packed panel would serve a handful of
//      tiles only, so whole panels of a plain B are read in place too (the FMA kernel takes B's
//      row stride); only a partial last panel is packed.
//   2. A register-blocked SIMD micro-kernel (MatmulMicroKernel.swift) computes a 6×16 tile
//      of C in twelve vector registers; with AVX-512, two panels side by side make a 6×32 tile
//      (MatmulAVX512.c) in twelve registers of sixteen Floats.
//   3. Large products are split across the cores by rows (or columns) of C; each element of C is
//      computed by one thread in the same order, so results do not depend on the thread count.
// The plain triple loop it replaces lives on in Tests/TeachingEngineTests/GemmTests.swift as the
// reference twin every shape is checked against.

import Foundation
import MatmulFMA

/// Depth of a packed block (rows of B, columns of A): 256 steps × 16 Floats of B = 16 KB in L1.
let blockDepth = 256
/// Rows of A swept over one packed block of B: 96 × 256 Floats = 96 KB, resident in L2.
let blockRows = 96
/// Columns of B packed at once: 256 × 1024 Floats = 1 MB, resident in L2/L3.
let blockColumns = 1024
/// Products with fewer multiply-adds than this stay on one thread. The helper threads stay awake
/// between pieces, so a hand-off costs a few µs, and a 64×64×64 product (about 6 µs on one core)
/// already gains from two: W-CLIP, whose projections are this size, steps 5% faster than with
/// 128×128×64 (Docs/performance.md).
let parallelThreshold = 64 * 64 * 64

/// C[m×n] (+)= op(A)[m×k] · op(B)[k×n] (+ bias), on raw row-major buffers.
///
/// - `transposeA`: A is stored as [k, m] and read transposed; likewise `transposeB` (B stored [n, k]).
/// - `accumulate`: add into C instead of overwriting it (used for gradients).
/// - `bias`: n values added to every row of C after the product (a Linear layer's b), as each tile
///   is stored: the bits of adding them in a pass of their own afterwards.
/// - `threads`: how many threads may share the work; `nil` uses every core for large products and
///   one thread for small ones. The result is bit-identical for every thread count.
/// - `leadingA`, `leadingB`, `leadingC`: the distance between consecutive stored rows of each
///   matrix (BLAS's lda, ldb, ldc), when it is a block inside a wider one; `nil` means packed rows
///   (k or m for A, n or k for B, n for C). Attention reads one head's columns [T, d/h] of a
///   [T, d] projection in place this way (leading dimension d) instead of copying them out.
///
///     A = [[1, 2], [3, 4]], B = [[5, 6], [7, 8]]  →  C = [[19, 22], [43, 50]]
///     the left column of [[1, 9], [3, 9]] (leadingA 2, k = 1) times B = [[5, 6]]  →  [[5, 6], [15, 18]]
package func gemm(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>,
    m: Int, k: Int, n: Int,
    transposeA: Bool = false, transposeB: Bool = false, accumulate: Bool = false,
    threads: Int? = nil, leadingA: Int? = nil, leadingB: Int? = nil, leadingC: Int? = nil,
    bias: UnsafePointer<Float>? = nil
) {
    precondition(m >= 0 && k >= 0 && n >= 0, "gemm: sizes m \(m), k \(k), n \(n) must not be negative")
    let lda = leadingA ?? (transposeA ? m : k), ldb = leadingB ?? (transposeB ? k : n), ldc = leadingC ?? n
    precondition(lda >= (transposeA ? m : k) && ldb >= (transposeB ? k : n) && ldc >= n,
                 "gemm: leading dimensions \(lda), \(ldb), \(ldc) are shorter than the rows they hold (m \(m), k \(k), n \(n))")
    if m == 0 || n == 0 { return }
    if k == 0 {
        if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
        if let bias { addBias(bias, to: c, height: m, width: n, ldc: ldc) }
        return
    }
    if matmulUsesFMA && isSmallProduct(m: m, k: k, n: n) {
        smallGemm(a, b, c, m: m, k: k, n: n, lda: lda, ldb: ldb, ldc: ldc, transposeA: transposeA,
                  transposeB: transposeB, accumulate: accumulate)
        if let bias { addBias(bias, to: c, height: m, width: n, ldc: ldc) }
        return
    }
    let product = GemmOperands(a: a, b: b, c: c, m: m, k: k, n: n, lda: lda, ldb: ldb, ldc: ldc,
                               transposeA: transposeA, transposeB: transposeB, accumulate: accumulate, bias: bias)
    let threadCount = max(1, threads ?? (m * n * k >= parallelThreshold ? availableCores : 1))
    if threadCount == 1 {
        product.compute(rows: 0..<m, columns: 0..<n)
        return
    }
    let slabs = GemmSlabs(m: m, n: n, parts: threadCount)
    Kernels.concurrently(slabs.count) { s in slabs.compute(s, of: product) }
}

/// Part `part` of `parts` of the product gemm computes (the same arguments), as gemm's threads split
/// it: a caller that runs two products at once hands the threads their parts in one job, so a thread
/// that finishes its part of the quicker product goes on to the other's. Computing every part once,
/// on any threads in any order, writes the bytes gemm writes. Products of the small-product kernel's
/// size are not split: part 0 computes the whole of them.
///
///     gemmPart(a, b, c, m: 12, k: 4, n: 16, part: 1, of: 2)   // rows 6..<12 of C
package func gemmPart(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>,
    m: Int, k: Int, n: Int, transposeA: Bool = false, transposeB: Bool = false, accumulate: Bool = false,
    part: Int, of parts: Int
) {
    let whole = k == 0 || m == 0 || n == 0 || (matmulUsesFMA && isSmallProduct(m: m, k: k, n: n)) || parts <= 1
    if whole {
        if part == 0 {
            gemm(a, b, c, m: m, k: k, n: n, transposeA: transposeA, transposeB: transposeB,
                 accumulate: accumulate, threads: 1)
        }
        return
    }
    let product = GemmOperands(a: a, b: b, c: c, m: m, k: k, n: n, lda: transposeA ? m : k,
                               ldb: transposeB ? k : n, ldc: n, transposeA: transposeA, transposeB: transposeB,
                               accumulate: accumulate, bias: nil)
    let slabs = GemmSlabs(m: m, n: n, parts: parts)
    if part < slabs.count { slabs.compute(part, of: product) }
}

/// How gemm splits C between threads: into `parts` slabs along its longer side, as even as whole
/// micro-tiles allow, the first slab also taking the partial tile (fewer slabs when C is too small for
/// `parts`). 64 rows in two: rows 0..<34 and 34..<64 (five tiles each, the first with the 4 rows
/// left), not 36 and 28. The first slab is the calling thread's, which starts a moment before a helper.
private struct GemmSlabs {
    let splitRows: Bool, length: Int, unit: Int, units: Int, count: Int

    init(m: Int, n: Int, parts: Int) {
        splitRows = m * microColumns >= n * microRows
        length = splitRows ? m : n
        unit = splitRows ? microRows : microColumns
        units = length / unit                        // whole micro-tiles along the side
        count = Swift.max(1, Swift.min(parts, units))
    }

    func compute(_ s: Int, of product: GemmOperands) {
        let rest = length - units * unit            // a partial tile, with the first slab
        func boundary(_ t: Int) -> Int { t == 0 ? 0 : t == count ? length : t * units / count * unit + rest }
        let range = boundary(s)..<boundary(s + 1)
        if splitRows {
            product.compute(rows: range, columns: 0..<product.n)
        } else {
            product.compute(rows: 0..<product.m, columns: range)
        }
    }
}

/// Attention's per-head products (SmallGemmFMA.c): A read in place, no tiles computed aside; sixteen
/// lanes per instruction where AVX-512 runs unless `eightLanes` (AVX2's kernel, the same bits: the
/// tests compare the two). Arguments as gemm's, on a processor with AVX2 and FMA.
package func smallGemm(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>,
    m: Int, k: Int, n: Int, lda: Int, ldb: Int, ldc: Int,
    transposeA: Bool, transposeB: Bool, accumulate: Bool, eightLanes: Bool = false
) {
    precondition(matmulUsesFMA, "smallGemm: this processor has no AVX2/FMA")
    let kernel = matmulUsesAVX512 && !eightLanes ? alignfuse_small_gemm_avx512 : alignfuse_small_gemm_fma
    kernel(m, n, k, a, lda, transposeA ? 1 : 0, b, ldb, transposeB ? 1 : 0, c, ldc, accumulate ? 1 : 0)
}

/// Products this small go to the small-product kernel when the processor has AVX2 and FMA: at most
/// 64k multiply-adds (one head of attention over 64 tokens) with B's copy under 16 KB (L1).
@inline(__always)
func isSmallProduct(m: Int, k: Int, n: Int) -> Bool {
    m * k * n <= 1 << 16 && min(k, blockDepth) * ((n + 7) / 8 * 8) <= 4096
}

/// `batch` independent products C_i (+)= op(A_i) · op(B_i), with A_i = a + i·strideA, and so on.
///
/// For attention: scores [B·h, T, T] = Q [B·h, T, dₕ] · Kᵀ is
/// `gemmBatched(q, k, s, batch: B*h, m: T, k: dₕ, n: T, strideA: T*dₕ, strideB: T*dₕ, strideC: T*T,
/// transposeB: true)`. A stride of 0 reuses one matrix for every item (a shared weight).
/// Large batches are split across cores by whole items, so results do not depend on the thread count.
///
///     batch 2, m = k = n = 1, a = [2, 3], b = [4, 5]  →  c = [8, 15]
package func gemmBatched(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>,
    batch: Int, m: Int, k: Int, n: Int, strideA: Int, strideB: Int, strideC: Int,
    transposeA: Bool = false, transposeB: Bool = false, accumulate: Bool = false,
    threads: Int? = nil
) {
    precondition(batch >= 0, "gemmBatched: batch \(batch) must not be negative")
    precondition(strideC >= m * n || batch <= 1,
                 "gemmBatched: strideC \(strideC) is smaller than one [\(m), \(n)] result; items would overlap")
    if batch == 1 {   // one product: gemm splits it across the cores itself
        gemm(a, b, c, m: m, k: k, n: n, transposeA: transposeA, transposeB: transposeB, accumulate: accumulate,
             threads: threads)
        return
    }
    let work = batch * m * n * k
    let threadCount = min(batch, max(1, threads ?? (work >= parallelThreshold ? availableCores : 1)))
    func run(_ items: Range<Int>) {
        for i in items {
            gemm(a + i * strideA, b + i * strideB, c + i * strideC, m: m, k: k, n: n,
                 transposeA: transposeA, transposeB: transposeB, accumulate: accumulate, threads: 1)
        }
    }
    if threadCount <= 1 {
        run(0..<batch)
        return
    }
    let chunk = (batch + threadCount - 1) / threadCount
    Kernels.concurrently((batch + chunk - 1) / chunk) { t in
        run((t * chunk)..<min(batch, (t + 1) * chunk))
    }
}

/// The operands of one product, so the blocked loop nest can be handed a sub-range of C.
private struct GemmOperands: @unchecked Sendable {
    let a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>
    let m: Int, k: Int, n: Int
    let lda: Int, ldb: Int, ldc: Int     // distance between stored rows of A, B and C
    let transposeA: Bool, transposeB: Bool, accumulate: Bool
    let bias: UnsafePointer<Float>?      // n values added to every row of C after the product, or nil

    /// Computes C[rows, columns] with the BLIS loop nest; `rows` and `columns` are whole tiles
    /// except at the matrix edge.
    func compute(rows: Range<Int>, columns: Range<Int>) {
        let depthCapacity = min(k, blockDepth)
        let columnCapacity = roundUp(min(columns.count, blockColumns), microColumns)
        let scratchCount = depthCapacity * (columnCapacity + microRows) + microRows * microColumns
        // A is read in place: row i, step p sits at a[i·lda + p], or at a[p·lda + i] when transposed.
        let (rowStride, stepStride) = transposeA ? (1, lda) : (lda, 1)
        let readsBInPlace = matmulUsesFMA && !transposeB && rows.count <= blockRows
        withUnsafeTemporaryAllocation(of: Float.self, capacity: scratchCount) { scratch in
            let packedB = scratch.baseAddress!                      // [kc, nc] in 16-column panels
            let edgeA = packedB + depthCapacity * columnCapacity    // [kc, 6]: the last rows, zero-padded
            let edgeTile = edgeA + depthCapacity * microRows        // [6, 16]: a partial tile of C
            // Loop 5: blocks of columns of C.
            for jc in stride(from: columns.lowerBound, to: columns.upperBound, by: blockColumns) {
                let nc = min(blockColumns, columns.upperBound - jc)
                // Loop 4: blocks of the shared depth; the first overwrites C unless accumulating.
                for pc in stride(from: 0, to: k, by: blockDepth) {
                    let kc = min(blockDepth, k - pc)
                    let addToC = accumulate || pc > 0
                    // The bias goes in after the last block's products: AVX-512's wide tiles add it as
                    // they store C, every other tile right after it is written, while still in cache.
                    let blockBias = pc + kc == k ? bias.map { $0 + jc } : nil
                    // Whole panels of a plain B are read in place when this thread's rows are few:
                    // a packed panel would be used by a handful of tiles only (lesson 07's towers:
                    // 64 rows against a 1024 × 256 weight). A partial last panel is still packed.
                    let wholePanels = readsBInPlace ? nc / microColumns * microColumns : 0
                    if wholePanels < nc {
                        packB(b, leading: ldb, transposed: transposeB, depths: pc..<(pc + kc),
                              columns: (jc + wholePanels)..<(jc + nc), into: packedB + wholePanels * kc)
                    }
                    // Loop 3: blocks of rows of C, so the rows of A in use stay in L2.
                    for ic in stride(from: rows.lowerBound, to: rows.upperBound, by: blockRows) {
                        let mc = min(blockRows, rows.upperBound - ic)
                        // Fewer than six rows left at the block's end: they are padded with zeros once
                        // here, and every panel's partial tile reads that copy (AVX-512's edge tile reads
                        // them in place).
                        let edgeRows = mc % microRows
                        if edgeRows > 0 && !matmulUsesAVX512 {
                            packA(a, leading: lda, transposed: transposeA, rows: (ic + mc - edgeRows)..<(ic + mc),
                                  depths: pc..<(pc + kc), into: edgeA)
                        }
                        // Loops 2 and 1: micro-panels of B (two side by side with AVX-512), then six
                        // rows of A at a time.
                        var jr = 0
                        while jr < nc {
                            // Two whole panels are both read in place or both packed (only a last,
                            // partial panel is ever packed beside panels read in place).
                            let panels = matmulUsesAVX512 && jr + 2 * microColumns <= nc ? 2 : 1
                            // With two panels, the block's whole 6-row tiles go to AVX-512's tile in one
                            // call; only its last rows (fewer than six) are left to the loop below.
                            var wholeRows = 0
                            if panels == 2 {
                                wholeRows = mc / microRows * microRows
                                let left = panel(jr, block: pc, kc: kc, columns: jc, wholePanels: wholePanels,
                                                 packedB: packedB)
                                let right = panel(jr + microColumns, block: pc, kc: kc, columns: jc,
                                                  wholePanels: wholePanels, packedB: packedB)
                                wideTiles(wholeRows / microRows, depth: kc, a: a + ic * rowStride + pc * stepStride,
                                          rowStride: rowStride, stepStride: stepStride, left: left.start,
                                          right: right.start, bStride: left.stride, c: c + ic * ldc + jc + jr,
                                          ldc: ldc, addToC: addToC, bias: blockBias.map { $0 + jr })
                            }
                            for ir in stride(from: wholeRows, to: mc, by: microRows) {
                                let row = ic + ir
                                let rowsA = a + row * rowStride + pc * stepStride
                                if matmulUsesAVX512 {
                                    // The rows and columns left, straight into C (MatmulAVX512.c).
                                    let height = min(microRows, mc - ir), width = min(panels * microColumns, nc - jr)
                                    if height < microRows || width < panels * microColumns || panels == 2 {
                                        let left = panel(jr, block: pc, kc: kc, columns: jc, wholePanels: wholePanels,
                                                         packedB: packedB)
                                        let right = panels == 2
                                            ? panel(jr + microColumns, block: pc, kc: kc, columns: jc,
                                                    wholePanels: wholePanels, packedB: packedB).start
                                            : left.start
                                        alignfuse_matmul_edge_avx512(height, width, kc, rowsA, rowStride, stepStride,
                                                                     left.start, right, left.stride, c + row * ldc + jc + jr,
                                                                     ldc, addToC ? 1 : 0)
                                        if let blockBias {
                                            addBias(blockBias + jr, to: c + row * ldc + jc + jr, height: height,
                                                    width: width, ldc: ldc)
                                        }
                                        continue
                                    }
                                }
                                for q in 0..<panels {
                                    let jq = jr + q * microColumns
                                    let (panelB, panelStride) = panel(jq, block: pc, kc: kc, columns: jc,
                                                                      wholePanels: wholePanels, packedB: packedB)
                                    let width = min(microColumns, nc - jq)
                                    let height = min(microRows, mc - ir)
                                    let target = c + row * ldc + jc + jq
                                    defer {
                                        if let blockBias {
                                            addBias(blockBias + jq, to: target, height: height, width: width, ldc: ldc)
                                        }
                                    }
                                    if width == microColumns && height == microRows {
                                        tile(depth: kc, a: rowsA, rowStride: rowStride, stepStride: stepStride,
                                             b: panelB, bStride: panelStride, c: target, ldc: ldc, addToC: addToC)
                                        continue
                                    }
                                    // A partial tile: pad the rows of A with zeros if fewer than six
                                    // remain, compute a whole tile aside, then keep its valid part.
                                    var panelA = rowsA
                                    var panelStrides = (rowStride, stepStride)
                                    if height < microRows {   // the block's last rows, packed above
                                        panelA = UnsafePointer(edgeA)
                                        panelStrides = (1, microRows)
                                    }
                                    tile(depth: kc, a: panelA, rowStride: panelStrides.0, stepStride: panelStrides.1,
                                         b: panelB, bStride: panelStride, c: edgeTile, ldc: microColumns, addToC: false)
                                    for r in 0..<height {
                                        for j in 0..<width {
                                            let value = edgeTile[r * microColumns + j]
                                            target[r * ldc + j] = addToC ? target[r * ldc + j] + value : value
                                        }
                                    }
                                }
                            }
                            jr += panels * microColumns
                        }
                    }
                }
            }
        }
    }

    /// The micro-panel of B for columns jc + jr ..< jc + jr + 16 of depth block pc: read in place when
    /// it is one of the block's first `wholePanels` columns (steps ldb apart), else the packed copy
    /// (steps 16 apart).
    @inline(__always)
    private func panel(_ jr: Int, block pc: Int, kc: Int, columns jc: Int, wholePanels: Int,
                       packedB: UnsafeMutablePointer<Float>) -> (start: UnsafePointer<Float>, stride: Int) {
        jr < wholePanels ? (b + pc * ldb + jc + jr, ldb) : (UnsafePointer(packedB + jr * kc), microColumns)
    }
}

/// One 6×16 tile: the packed panel's micro-kernel when B's steps are 16 apart, else the FMA kernel
/// that reads B in place (its rows `bStride` apart). The same multiply-adds in the same order.
@inline(__always)
private func tile(depth: Int, a: UnsafePointer<Float>, rowStride: Int, stepStride: Int, b: UnsafePointer<Float>,
                  bStride: Int, c: UnsafeMutablePointer<Float>, ldc: Int, addToC: Bool) {
    if bStride == microColumns {
        microKernel6x16(depth: depth, a: a, rowStride: rowStride, stepStride: stepStride, b: b, c: c, ldc: ldc,
                        addToC: addToC)
    } else {
        alignfuse_matmul_micro_kernel_fma_ldb(depth, a, rowStride, stepStride, b, bStride, c, ldc, addToC ? 1 : 0)
    }
}

/// `count` 6×32 tiles one below the other (tile t: rows 6t..<6t+6 of A and of C), each against two
/// 16-column panels of B side by side (steps `bStride` apart in both), then `bias` (32 values) added to
/// every row when given: AVX-512's wide tile when `wide` (the default where it runs), else two 6×16
/// tiles per tile and the bias after each. Both give the same bits.
@inline(__always)
package func wideTiles(_ count: Int, depth: Int, a: UnsafePointer<Float>, rowStride: Int, stepStride: Int,
                       left: UnsafePointer<Float>, right: UnsafePointer<Float>, bStride: Int,
                       c: UnsafeMutablePointer<Float>, ldc: Int, addToC: Bool, bias: UnsafePointer<Float>? = nil,
                       wide: Bool = matmulUsesAVX512) {
    if wide {
        alignfuse_matmul_tiles_6x32_avx512(count, depth, a, rowStride, stepStride, left, right, bStride, c, ldc,
                                           addToC ? 1 : 0, bias)
        return
    }
    for t in 0..<count {
        let rowsA = a + t * microRows * rowStride, rowsC = c + t * microRows * ldc
        tile(depth: depth, a: rowsA, rowStride: rowStride, stepStride: stepStride, b: left, bStride: bStride,
             c: rowsC, ldc: ldc, addToC: addToC)
        tile(depth: depth, a: rowsA, rowStride: rowStride, stepStride: stepStride, b: right, bStride: bStride,
             c: rowsC + microColumns, ldc: ldc, addToC: addToC)
        if let bias { addBias(bias, to: rowsC, height: microRows, width: 2 * microColumns, ldc: ldc) }
    }
}

/// Adds bias[0..<width] to `height` rows of C, `ldc` apart: the bias of a block of C already written.
@inline(__always)
private func addBias(_ bias: UnsafePointer<Float>, to c: UnsafeMutablePointer<Float>, height: Int, width: Int,
                     ldc: Int) {
    for r in 0..<height {
        Kernels.addToEveryRow(c + r * ldc, bias, rows: 1, width: width, output: c + r * ldc, threads: 1)
    }
}

@inline(__always)
private func roundUp(_ value: Int, _ multiple: Int) -> Int {
    (value + multiple - 1) / multiple * multiple
}
