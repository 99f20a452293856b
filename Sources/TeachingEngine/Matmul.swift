// Matrix products: every one goes through `gemm` (Gemm.swift), so one fast kernel speeds up all of them.
// For C = A·B the chain rule gives dA = dC·Bᵀ and dB = Aᵀ·dC; the transposes are flags to gemm, never copies.

/// `batch` products stored one after another (A[i] is [m, k] or [k, m], B[i] [k, n] or [n, k], C[i]
/// [m, n]), through `gemmBatched` — the single entry point the fast kernels serve.
@inline(__always)
private func batchedGemm(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>,
    batch: Int, m: Int, k: Int, n: Int,
    transposeA: Bool = false, transposeB: Bool = false, accumulate: Bool = false, threads: Int? = nil
) {
    gemmBatched(a, b, c, batch: batch, m: m, k: k, n: n, strideA: m * k, strideB: k * n, strideC: m * n,
                transposeA: transposeA, transposeB: transposeB, accumulate: accumulate, threads: threads)
}

/// The matrix product op(a) · op(b).
///
/// Shapes (`ᵀ` when the flag is set, which swaps the last two sizes of that input):
/// - `[m, k] · [k, n] → [m, n]`
/// - `[..., m, k] · [k, n] → [..., m, n]`: a weight applied to every row (e.g. `[B, T, d] · [d, e]`)
/// - `[..., m, k] · [..., k, n] → [..., m, n]`: batched, the leading sizes equal (e.g. attention's `[B, h, T, T]`)
///
///     matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]])  // [[19, 22], [43, 50]]
///
/// With `bias` ([n], for a shared [k, n] weight): op(a)·b + bias, the bias added to each row while the
/// rows a thread has just computed are still in cache (Linear's `x·W + b`); the values are those of
/// `matmul(a, b) + bias`.
///
/// - Precondition: the inner sizes agree: `matmul: [64, 192] × [64, 64]: inner sizes 192 and 64 differ`.
public func matmul(_ a: Variable, _ b: Variable, transposeA: Bool = false, transposeB: Bool = false,
                   bias: Variable? = nil, file: StaticString = #fileID, line: UInt = #line) -> Variable {
    let (sa, sb) = (a.shape, b.shape)
    let written = "\(describe(shape: sa))\(transposeA ? "ᵀ" : "") × \(describe(shape: sb))\(transposeB ? "ᵀ" : "")"
    require(sa.count >= 2 && sb.count >= 2, "matmul: \(written): both inputs need at least 2 dimensions",
                 file: file, line: line)
    let (rowsA, colsA) = (sa[sa.count - 2], sa[sa.count - 1])
    let (rowsB, colsB) = (sb[sb.count - 2], sb[sb.count - 1])
    let (m, k) = transposeA ? (colsA, rowsA) : (rowsA, colsA)
    let (kB, n) = transposeB ? (colsB, rowsB) : (rowsB, colsB)
    require(k == kB, "matmul: \(written): inner sizes \(k) and \(kB) differ", file: file, line: line)

    let leading = Array(sa.dropLast(2))
    let sharedWeight = sb.count == 2
    require(sharedWeight || Array(sb.dropLast(2)) == leading,
                 "matmul: \(written): batch sizes \(describe(shape: leading)) and \(describe(shape: Array(sb.dropLast(2)))) differ",
                 file: file, line: line)
    require(!(sharedWeight && transposeA && !leading.isEmpty),
                 "matmul: \(written): transposeA with a shared [k, n] weight needs a rank-2 a", file: file, line: line)
    require(bias == nil || (sharedWeight && bias!.shape == [n]),
            "matmul: \(written): a bias \(describe(shape: bias?.shape ?? [])) needs a shared [k, n] weight and shape [\(n)]",
            file: file, line: line)
    let batch = leading.reduce(1, *)
    let outShape = leading + [m, n]

    // One weight for every row: fold the batch into the rows, one gemm of [batch·m, k] · [k, n].
    let (gemmBatch, gemmM) = sharedWeight ? (1, batch * m) : (batch, m)
    let (x, w) = (a.value.scalars, b.value.scalars)
    let out = x.withUnsafeBufferPointer { xp in
        w.withUnsafeBufferPointer { wp in
            makeScalars(count: batch * m * n) { o in
                guard let biasValues = bias?.value.scalars else {
                    batchedGemm(xp.baseAddress!, wp.baseAddress!, o, batch: gemmBatch, m: gemmM, k: k, n: n,
                                transposeA: transposeA, transposeB: transposeB)
                    return
                }
                // Slabs of whole micro-tile rows: each thread computes its rows, then adds the bias to them.
                let tiles = (gemmM + 5) / 6
                let threads = gemmM * k * n >= parallelThreshold ? availableCores : 1
                biasValues.withUnsafeBufferPointer { bp in
                    Kernels.splitWork(count: tiles, valuesPerItem: 1, threads: threads) { slab in
                        let rows = (slab.lowerBound * 6)..<Swift.min(gemmM, slab.upperBound * 6)
                        let (aRows, target) = (xp.baseAddress! + rows.lowerBound * (transposeA ? 1 : k), o + rows.lowerBound * n)
                        gemm(aRows, wp.baseAddress!, target, m: rows.count, k: k, n: n, transposeA: transposeA,
                             transposeB: transposeB, threads: 1, leadingA: transposeA ? gemmM : k)
                        Kernels.addToEveryRow(target, bp.baseAddress!, rows: rows.count, width: n, output: target, threads: 1)
                    }
                }
            }
        }
    }
    // dA and dB are products of the same size (m·k·n multiply-adds each): when both are wanted and
    // large, one core computes dA while the other computes dB, in one hand-off instead of two.
    let gradientsSideBySide = a.requiresGrad && b.requiresGrad && a !== b && availableCores > 1
        && batch * m * k * n >= parallelThreshold
    return Variable.result(Tensor(shape: outShape, scalars: out), inputs: bias.map { [a, b, $0] } ?? [a, b]) { gy in
        // d(bias) = the column sums of dC.
        bias?.accumulateGrad { gb in
            gy.withUnsafeBufferPointer { Kernels.accumulateColumnSums($0.baseAddress!, rows: batch * m, width: n, into: gb) }
        }
        gy.withUnsafeBufferPointer { g in
            x.withUnsafeBufferPointer { xp in
                w.withUnsafeBufferPointer { wp in
                    let (g, xp, wp) = (g.baseAddress!, xp.baseAddress!, wp.baseAddress!)
                    // dA: [m, k] = dC·op(B)ᵀ, or for a stored [k, m]: op(B)·dCᵀ.
                    func gradientOfA(threads: Int?) {
                        a.writeOrAccumulateGrad { ga, accumulate in
                            if transposeA {
                                batchedGemm(wp, g, ga, batch: gemmBatch, m: k, k: n, n: gemmM, transposeA: transposeB,
                                            transposeB: true, accumulate: accumulate, threads: threads)
                            } else {
                                batchedGemm(g, wp, ga, batch: gemmBatch, m: gemmM, k: n, n: k, transposeA: false,
                                            transposeB: !transposeB, accumulate: accumulate, threads: threads)
                            }
                        }
                    }
                    // dB: [k, n] = op(A)ᵀ·dC, or for a stored [n, k]: dCᵀ·op(A).
                    func gradientOfB(threads: Int?) {
                        b.writeOrAccumulateGrad { gb, accumulate in
                            if transposeB {
                                batchedGemm(g, xp, gb, batch: gemmBatch, m: n, k: gemmM, n: k, transposeA: true,
                                            transposeB: transposeA, accumulate: accumulate, threads: threads)
                            } else {
                                batchedGemm(xp, g, gb, batch: gemmBatch, m: k, k: gemmM, n: n, transposeA: !transposeA,
                                            transposeB: false, accumulate: accumulate, threads: threads)
                            }
                        }
                    }
                    if gradientsSideBySide {
                        // Each product on one thread: the same sums in the same order as when split.
                        Kernels.splitWork(count: 2, valuesPerItem: 1, threads: 2) { which in
                            for i in which { if i == 0 { gradientOfA(threads: 1) } else { gradientOfB(threads: 1) } }
                        }
                    } else {
                        gradientOfA(threads: nil)
                        gradientOfB(threads: nil)
                    }
                }
            }
        }
    }
}
