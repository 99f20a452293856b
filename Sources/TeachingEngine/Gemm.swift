// The one matrix-multiply kernel every matmul in the engine goes through.
// This is the plain reference version: correct, obvious, slow. The benchmark measures it and a
// faster, blocked SIMD version replaces its body; the plain loop then moves to the tests as the
// reference twin.

/// C[m×n] (+)= op(A)[m×k] · op(B)[k×n], on raw row-major buffers.
///
/// - `transposeA`: A is stored as [k, m] and read transposed; likewise `transposeB` (B stored [n, k]).
/// - `accumulate`: add into C instead of overwriting it (used for gradients).
///
///     A = [[1, 2], [3, 4]], B = [[5, 6], [7, 8]]  →  C = [[19, 22], [43, 50]]
public func gemm(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>,
    m: Int, k: Int, n: Int,
    transposeA: Bool = false, transposeB: Bool = false, accumulate: Bool = false
) {
    if !accumulate { c.update(repeating: 0, count: m * n) }
    for i in 0..<m {
        for p in 0..<k {
            let aip = transposeA ? a[p * m + i] : a[i * k + p]
            for j in 0..<n {
                let bpj = transposeB ? b[j * k + p] : b[p * n + j]
                c[i * n + j] += aip * bpj
            }
        }
    }
}
