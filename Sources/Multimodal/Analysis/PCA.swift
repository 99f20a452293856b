// Principal component analysis: the directions along which a cloud of points varies most. The centred
// data's smaller Gram matrix (XᵀX, d×d, or XXᵀ, n×n, so 500 pixel vectors of 3,072 values cost a
// 500×500 matrix) goes through subspace iteration, then a small symmetric eigenproblem (Jacobi)
// orders the directions.
// Each direction's sign is fixed so its largest-magnitude entry is positive: same data, same picture.

import AlignFuseSupport
import Foundation
import TeachingEngine

/// A fitted PCA: the mean, the top components and the variance along each.
///
///     // points on the line y = 2x: the first component is ±(1, 2)/√5, with all the variance
///     let pca = PCA(points: [[0, 0], [1, 2], [2, 4], [3, 6]], components: 2)
///     pca.components[0]              // [0.447, 0.894]
///     pca.explainedVarianceRatio[0]  // 1.0
public struct PCA: Sendable {
    /// The mean of the points, [d].
    public let mean: [Float]
    /// The unit components, strongest first, [k][d].
    public let components: [[Float]]
    /// The variance of the data along each component (divided by n − 1).
    public let explainedVariance: [Float]
    /// Each component's share of the total variance.
    public let explainedVarianceRatio: [Float]

    /// Fits `components` directions to `points` ([n][d], n ≥ 2).
    public init(points: [[Float]], components k: Int = 2, maxIterations: Int = 200) {
        let n = points.count
        require(n >= 2, "PCA: needs at least 2 points, got \(n)")
        let d = points[0].count
        require(points.allSatisfy { $0.count == d }, "PCA: every point must have \(d) values")
        require(k >= 1 && k <= d, "PCA: components \(k) must lie in 1...\(d)")

        // 1. Centre the data: x = points − mean, [n, d].
        var mean = [Double](repeating: 0, count: d)
        for p in points { for j in 0..<d { mean[j] += Double(p[j]) } }
        for j in 0..<d { mean[j] /= Double(n) }
        var x = [Double](repeating: 0, count: n * d)
        var total = 0.0
        for i in 0..<n { for j in 0..<d { let v = Double(points[i][j]) - mean[j]; x[i * d + j] = v; total += v * v } }

        // 2. The smaller Gram matrix: S = XᵀX [d, d] when d ≤ n, else S = XXᵀ [n, n]. Both have the
        //    same non-zero eigenvalues; an eigenvector u of XXᵀ gives the component Xᵀu / |Xᵀu|.
        let useCovariance = d <= n
        let m = useCovariance ? d : n
        let gram = PCA.gram(x, n: n, d: d, covariance: useCovariance)   // [m, m]

        // 3. Subspace iteration Q ← orth(S Q) with eight spare vectors (they speed convergence when
        //    the top eigenvalues are close), from a fixed start.
        let b = min(m, k + 8)
        var q: [[Double]] = (0..<b).map { c in
            (0..<m).map { j -> Double in 1 + 0.5 * sin(Double((c + 1) * (j + 1))) }
        }
        orthonormalize(&q)
        for _ in 0..<maxIterations {
            var next = PCA.multiply(gram, q, size: m)
            orthonormalize(&next)
            var change = 0.0
            for c in 0..<b { for j in 0..<m { change = max(change, abs(next[c][j] - q[c][j])) } }
            q = next
            if change < 1e-5 { break }   // the Float products leave noise near 1e-6
        }

        // 4. Rayleigh–Ritz: the small matrix T = Qᵀ S Q; its eigenvectors rotate Q into eigenvectors of S.
        let sq = PCA.multiply(gram, q, size: m)
        var t = [[Double]](repeating: [Double](repeating: 0, count: b), count: b)
        for r in 0..<b { for c in 0..<b { t[r][c] = dot(q[r], sq[c]) } }
        let (values, vectors) = jacobiEigen(t)
        let order = (0..<b).sorted { values[$0] > values[$1] }
        var comps: [[Float]] = []
        var variances: [Float] = []
        for e in order.prefix(k) {
            var u = [Double](repeating: 0, count: m)
            for r in 0..<b { for j in 0..<m { u[j] += vectors[r][e] * q[r][j] } }
            var v = u
            if !useCovariance {
                // v = Xᵀu, normalised.
                v = [Double](repeating: 0, count: d)
                for i in 0..<n where u[i] != 0 { for j in 0..<d { v[j] += u[i] * x[i * d + j] } }
                let norm = dot(v, v).squareRoot()
                v = norm > 0 ? v.map { $0 / norm } : v
            }
            let biggest = v.indices.max { abs(v[$0]) < abs(v[$1]) }!
            if v[biggest] < 0 { v = v.map { -$0 } }
            comps.append(v.map(Float.init))
            variances.append(Float(max(values[e], 0) / Double(n - 1)))
        }
        self.mean = mean.map(Float.init)
        self.components = comps
        self.explainedVariance = variances
        let totalVariance = Float(total / Double(n - 1))
        self.explainedVarianceRatio = variances.map { totalVariance > 0 ? $0 / totalVariance : 0 }
    }

    /// The coordinates of `points` along the components, [n][k].
    public func project(_ points: [[Float]]) -> [[Float]] {
        points.map { p in
            components.map { c in
                var s: Float = 0
                for j in 0..<mean.count { s += (p[j] - mean[j]) * c[j] }
                return s
            }
        }
    }

    /// XᵀX [d, d] (covariance form) or XXᵀ [n, n] for centred data x [n, d], row-major, computed in
    /// Float by the engine's matrix multiply (deterministic for any thread count).
    static func gram(_ x: [Double], n: Int, d: Int, covariance: Bool) -> [Float] {
        let m = covariance ? d : n
        let xf = x.map(Float.init)
        var out = [Float](repeating: 0, count: m * m)
        xf.withUnsafeBufferPointer { a in
            out.withUnsafeMutableBufferPointer { c in
                if covariance {
                    gemm(a.baseAddress!, a.baseAddress!, c.baseAddress!, m: d, k: n, n: d, transposeA: true)   // XᵀX
                } else {
                    gemm(a.baseAddress!, a.baseAddress!, c.baseAddress!, m: n, k: d, n: n, transposeB: true)   // XXᵀ
                }
            }
        }
        // Symmetrise exactly, so the eigen-solver sees a symmetric matrix.
        for a in 0..<m { for c in 0..<a { let v = (out[a * m + c] + out[c * m + a]) / 2; out[a * m + c] = v; out[c * m + a] = v } }
        return out
    }

    /// The rows of Q [b][m] times the symmetric S [m, m]: row i of the result is S·q_i.
    static func multiply(_ s: [Float], _ q: [[Double]], size m: Int) -> [[Double]] {
        let b = q.count
        let qf = q.flatMap { $0.map(Float.init) }   // [b, m]
        var out = [Float](repeating: 0, count: b * m)   // [b, m] = Q · S (S symmetric)
        qf.withUnsafeBufferPointer { a in
            s.withUnsafeBufferPointer { sp in
                out.withUnsafeMutableBufferPointer { c in
                    gemm(a.baseAddress!, sp.baseAddress!, c.baseAddress!, m: b, k: m, n: m)
                }
            }
        }
        return (0..<b).map { i in out[(i * m)..<((i + 1) * m)].map(Double.init) }
    }
}

/// Gram–Schmidt, twice for accuracy. A vector with nothing left once the earlier ones are removed
/// (rank-deficient data) is replaced by the first unit axis that still has something left.
private func orthonormalize(_ vectors: inout [[Double]]) {
    func removeEarlier(_ v: [Double], before c: Int) -> [Double] {
        var v = v
        for _ in 0..<2 {
            for p in 0..<c {
                let overlap = dot(v, vectors[p])
                for j in v.indices { v[j] -= overlap * vectors[p][j] }
            }
        }
        return v
    }
    for c in vectors.indices {
        let scale = dot(vectors[c], vectors[c]).squareRoot()
        var v = removeEarlier(vectors[c], before: c)
        var norm = dot(v, v).squareRoot()
        var axis = 0
        while norm <= 1e-9 * max(scale, 1e-300), axis < v.count {
            v = removeEarlier(v.indices.map { $0 == axis ? 1 : 0 }, before: c)
            norm = dot(v, v).squareRoot()
            axis += 1
        }
        vectors[c] = v.map { $0 / norm }
    }
}

/// The dot product of two vectors of one length.
private func dot(_ a: [Double], _ b: [Double]) -> Double {
    var s = 0.0
    for i in a.indices { s += a[i] * b[i] }
    return s
}

/// Eigenvalues and eigenvectors (as columns) of a small symmetric matrix, by cyclic Jacobi rotations.
private func jacobiEigen(_ matrix: [[Double]]) -> (values: [Double], vectors: [[Double]]) {
    var a = matrix
    let m = a.count
    var v = (0..<m).map { r in (0..<m).map { $0 == r ? 1.0 : 0.0 } }
    for _ in 0..<100 {
        var off = 0.0
        for r in 0..<m { for c in 0..<m where r != c { off += a[r][c] * a[r][c] } }
        if off < 1e-24 { break }
        for p in 0..<m {
            for q in (p + 1)..<max(p + 1, m) where abs(a[p][q]) > 1e-300 {
                let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                let c = 1 / (t * t + 1).squareRoot(), s = t * c
                for k in 0..<m {
                    let akp = a[k][p], akq = a[k][q]
                    a[k][p] = c * akp - s * akq
                    a[k][q] = s * akp + c * akq
                }
                for k in 0..<m {
                    let apk = a[p][k], aqk = a[q][k]
                    a[p][k] = c * apk - s * aqk
                    a[q][k] = s * apk + c * aqk
                }
                for k in 0..<m {
                    let vkp = v[k][p], vkq = v[k][q]
                    v[k][p] = c * vkp - s * vkq
                    v[k][q] = s * vkp + c * vkq
                }
            }
        }
    }
    return ((0..<m).map { a[$0][$0] }, v)
}
