// A linear probe: a softmax classifier trained on frozen features, the standard test of what a
// representation makes linearly readable (Alain & Bengio 2016; CLIP, Radford et al. 2021, §3.2).
//   logits = x·W + b                         x [n, d], W [d, C], b [C]
//   loss   = mean cross-entropy + ½·λ·‖W − W₀‖²   (λ keeps a probe trained on two examples per class sane)
//   W, b   ← full-batch gradient descent, a fixed number of steps from W₀ (zero, or the zero-shot
//            classifier of a run's prompts) and b = 0, so it is deterministic
// Plain arrays, no autograd: the gradient is (softmax(logits) − onehot(y))·xᵀ / n + λ·(W − W₀).

import AlignFuseSupport
import Foundation

/// A softmax classifier over fixed feature vectors.
///
///     // two classes on a line: x ≤ 0 is class 0, x > 0 is class 1
///     let probe = LinearProbe(features: [[-2], [-1], [1], [2]], labels: [0, 0, 1, 1], classes: 2)
///     probe.predict([[-0.5], [3]])   // [0, 1]
public struct LinearProbe: Sendable {
    /// W [d][C].
    public let weights: [[Float]]
    /// b [C].
    public let bias: [Float]

    /// Trains on `features` [n][d] with `labels` in 0..<classes, from `start` W₀ [d][C] (zero when nil),
    /// pulled back towards it with strength `weightDecay`.
    /// - Precondition: one label per feature vector, every vector of one width, labels in range.
    public init(features: [[Float]], labels: [Int], classes: Int, start: [[Float]]? = nil, steps: Int = 300,
                learningRate: Float = 0.5, weightDecay: Float = 1e-3) {
        require(features.count == labels.count && !features.isEmpty,
                "LinearProbe: \(features.count) feature vectors for \(labels.count) labels")
        let width = features[0].count
        require(features.allSatisfy { $0.count == width }, "LinearProbe: feature vectors of different widths")
        require(labels.allSatisfy { (0..<classes).contains($0) }, "LinearProbe: a label is outside 0..<\(classes)")
        let n = Float(features.count)
        let w0 = start ?? [[Float]](repeating: [Float](repeating: 0, count: classes), count: width)   // [d][C]
        require(w0.count == width && w0.allSatisfy { $0.count == classes },
                "LinearProbe: start weights must be [\(width)][\(classes)]")
        var w = w0
        var b = [Float](repeating: 0, count: classes)
        for _ in 0..<steps {
            var gradW = (0..<width).map { j in (0..<classes).map { weightDecay * (w[j][$0] - w0[j][$0]) } }   // λ·(W − W₀)
            var gradB = [Float](repeating: 0, count: classes)
            for (x, y) in zip(features, labels) {
                var p = LinearProbe.softmax(LinearProbe.logits(x, w, b))                     // [C]
                p[y] -= 1                                                                   // softmax − onehot
                for c in 0..<classes { gradB[c] += p[c] / n }
                for j in 0..<width where x[j] != 0 {
                    for c in 0..<classes { gradW[j][c] += x[j] * p[c] / n }
                }
            }
            for j in 0..<width { for c in 0..<classes { w[j][c] -= learningRate * gradW[j][c] } }
            for c in 0..<classes { b[c] -= learningRate * gradB[c] }
        }
        weights = w
        bias = b
    }

    /// The most likely class of each feature vector (the lower class on a tie).
    public func predict(_ features: [[Float]]) -> [Int] {
        features.map { x in
            let z = LinearProbe.logits(x, weights, bias)
            return BindingMeasures.argmax(z)
        }
    }

    /// The share of `features` whose predicted class is the label.
    public func accuracy(_ features: [[Float]], labels: [Int]) -> Double {
        Metrics.accuracy(predicted: predict(features), actual: labels)
    }

    static func logits(_ x: [Float], _ w: [[Float]], _ b: [Float]) -> [Float] {
        var z = b
        for (j, value) in x.enumerated() where value != 0 {
            for c in z.indices { z[c] += value * w[j][c] }
        }
        return z
    }

    /// softmax(z), computed with the largest z subtracted first.
    static func softmax(_ z: [Float]) -> [Float] {
        let top = z.max() ?? 0
        let e = z.map { Foundation.exp($0 - top) }
        let sum = e.reduce(0, +)
        return e.map { $0 / sum }
    }
}
