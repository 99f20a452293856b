// Exact t-SNE: a 2D map in which points that are neighbours in the high-dimensional space stay
// neighbours. van der Maaten & Hinton 2008, "Visualizing Data using t-SNE", with the usual recipe:
// perplexity-calibrated Gaussian affinities, early exaggeration, momentum and per-coordinate gains.
// Exact (O(n²) per iteration): fine for up to a few thousand points; ~500 points take about a second.

import AlignFuseSupport
import Foundation
import TeachingEngine

/// Settings of a t-SNE run.
public struct TSNEOptions: Sendable {
    /// The effective number of neighbours (capped at (n − 1)/3 for small n).
    public var perplexity: Double = 30
    public var iterations = 750
    /// The step size; nil picks max(n / exaggeration / 4, 50) as scikit-learn's "auto" does.
    public var learningRate: Double?
    public var earlyExaggeration: Double = 12
    public var exaggerationIterations = 250
    /// The seed of the random start.
    public var seed: UInt64 = 0

    public init() {}
}

/// t-SNE embeddings.
public enum TSNE {
    /// Maps `points` ([n][d]) to 2D, [n][2]. The same points and options give the same map.
    ///
    ///     var options = TSNEOptions(); options.seed = 1
    ///     let map = TSNE.embed(features, options: options)   // two clusters in → two clusters out
    public static func embed(_ points: [[Float]], options: TSNEOptions = TSNEOptions()) -> [[Float]] {
        let n = points.count
        require(n >= 2, "TSNE: needs at least 2 points, got \(n)")
        let p = affinities(points, perplexity: min(options.perplexity, Double(n - 1) / 3))   // [n, n]

        // Start: a tiny Gaussian cloud from the seed.
        var rng = SeededGenerator(seed: options.seed)
        var y = (0..<(2 * n)).map { _ in Double(rng.nextNormal()) * 1e-4 }   // [n, 2]
        var velocity = [Double](repeating: 0, count: 2 * n)
        var gains = [Double](repeating: 1, count: 2 * n)
        var gradient = [Double](repeating: 0, count: 2 * n)
        var kernel = [Double](repeating: 0, count: n * n)
        let learningRate = options.learningRate ?? max(Double(n) / options.earlyExaggeration / 4, 50)

        for iteration in 0..<options.iterations {
            let exaggeration = iteration < options.exaggerationIterations ? options.earlyExaggeration : 1
            let momentum = iteration < options.exaggerationIterations ? 0.5 : 0.8
            // 1–2. The Student-t kernel and the gradient of KL(P ‖ Q).
            TSNE.gradient(y, p, exaggeration: exaggeration, n: n, kernel: &kernel, into: &gradient)
            // 3. Gains grow where the gradient keeps its sign against the velocity, shrink otherwise.
            for c in 0..<(2 * n) {
                gains[c] = (gradient[c] > 0) != (velocity[c] > 0) ? gains[c] + 0.2 : max(gains[c] * 0.8, 0.01)
                velocity[c] = momentum * velocity[c] - learningRate * gains[c] * gradient[c]
                y[c] += velocity[c]
            }
            // 4. Keep the map centred.
            var mx = 0.0, my = 0.0
            for i in 0..<n { mx += y[2 * i]; my += y[2 * i + 1] }
            for i in 0..<n { y[2 * i] -= mx / Double(n); y[2 * i + 1] -= my / Double(n) }
        }
        return (0..<n).map { [Float(y[2 * $0]), Float(y[2 * $0 + 1])] }
    }

    /// The kernel k_ij = 1 / (1 + |y_i − y_j|²), Z = Σ k_ij, and the gradient
    /// 4 Σ_j (α·p_ij − k_ij / Z) · k_ij · (y_i − y_j) for y [n, 2]. The diagonals of `kernel` and `p`
    /// stay 0, so j = i adds nothing.
    static func gradient(_ y: [Double], _ p: [Double], exaggeration: Double, n: Int,
                         kernel: inout [Double], into gradient: inout [Double]) {
        y.withUnsafeBufferPointer { y in
            p.withUnsafeBufferPointer { p in
                kernel.withUnsafeMutableBufferPointer { kernel in
                    var z = 0.0
                    for i in 0..<n {
                        let (xi, yi) = (y[2 * i], y[2 * i + 1])
                        for j in (i + 1)..<max(i + 1, n) {
                            let dx = xi - y[2 * j], dy = yi - y[2 * j + 1]
                            let k = 1 / (1 + dx * dx + dy * dy)
                            kernel[i * n + j] = k
                            kernel[j * n + i] = k
                            z += 2 * k
                        }
                    }
                    let invZ = 1 / z
                    for i in 0..<n {
                        let (xi, yi) = (y[2 * i], y[2 * i + 1])
                        var gx = 0.0, gy = 0.0
                        for j in 0..<n {
                            let k = kernel[i * n + j]
                            let force = (exaggeration * p[i * n + j] - k * invZ) * k
                            gx += force * (xi - y[2 * j])
                            gy += force * (yi - y[2 * j + 1])
                        }
                        gradient[2 * i] = 4 * gx
                        gradient[2 * i + 1] = 4 * gy
                    }
                }
            }
        }
    }

    /// Symmetric affinities p_ij = (p_j|i + p_i|j) / 2n, each row's Gaussian width found by bisection
    /// so that its entropy equals log(perplexity).
    static func affinities(_ points: [[Float]], perplexity: Double) -> [Double] {
        let n = points.count, d = points[0].count
        // Squared distances |a − b|² = |a|² + |b|² − 2 a·b, the dot products by one matrix multiply.
        let flat = points.flatMap { $0 }   // [n, d]
        var dots = [Float](repeating: 0, count: n * n)   // [n, n]
        flat.withUnsafeBufferPointer { x in
            dots.withUnsafeMutableBufferPointer { c in
                gemm(x.baseAddress!, x.baseAddress!, c.baseAddress!, m: n, k: d, n: n, transposeB: true)
            }
        }
        var distances = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                let s = max(0, Double(dots[i * n + i]) + Double(dots[j * n + j]) - 2 * Double(dots[i * n + j]))
                distances[i * n + j] = s
                distances[j * n + i] = s
            }
        }
        let target = log(max(perplexity, 1.0001))
        var conditional = [Double](repeating: 0, count: n * n)
        var row = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var beta = 1.0, low = 0.0, high = Double.infinity
            let nearest = (0..<n).filter { $0 != i }.map { distances[i * n + $0] }.min() ?? 0
            for _ in 0..<60 {
                // Entropy H = log Σ e^(−β d) + β Σ d e^(−β d) / Σ e^(−β d) (distances shifted by the nearest for stability).
                var sum = 0.0, weighted = 0.0
                for j in 0..<n where j != i {
                    let e = exp(-beta * (distances[i * n + j] - nearest))
                    row[j] = e
                    sum += e
                    weighted += (distances[i * n + j] - nearest) * e
                }
                let entropy = log(sum) + beta * weighted / sum
                if abs(entropy - target) < 1e-5 { break }
                if entropy > target {
                    low = beta
                    beta = high.isInfinite ? beta * 2 : (beta + high) / 2
                } else {
                    high = beta
                    beta = (beta + low) / 2
                }
            }
            var sum = 0.0
            for j in 0..<n where j != i { row[j] = exp(-beta * (distances[i * n + j] - nearest)); sum += row[j] }
            for j in 0..<n where j != i { conditional[i * n + j] = row[j] / sum }
        }
        var p = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where j != i {
                p[i * n + j] = max((conditional[i * n + j] + conditional[j * n + i]) / Double(2 * n), 1e-12)
            }
        }
        return p
    }
}
