// Measuring models: accuracy, the confusion matrix, and recall@k for retrieval.

import AlignFuseSupport
import TeachingEngine

/// Scores of predictions against the truth.
public enum Metrics {
    /// The share of predictions equal to the truth.
    ///
    ///     Metrics.accuracy(predicted: [0, 1, 1, 2], actual: [0, 1, 2, 2])   // 0.75
    public static func accuracy<T: Equatable>(predicted: [T], actual: [T]) -> Double {
        require(predicted.count == actual.count,
                     "accuracy: \(predicted.count) predictions for \(actual.count) answers")
        require(!actual.isEmpty, "accuracy: no examples")
        return Double(zip(predicted, actual).filter { $0 == $1 }.count) / Double(actual.count)
    }

    /// counts[a][p]: how many examples of true class `a` were predicted as class `p`.
    ///
    ///     Metrics.confusionMatrix(predicted: [0, 1, 1], actual: [0, 1, 0], classes: 2)   // [[1, 1], [0, 1]]
    public static func confusionMatrix(predicted: [Int], actual: [Int], classes: Int) -> [[Int]] {
        require(predicted.count == actual.count,
                     "confusionMatrix: \(predicted.count) predictions for \(actual.count) answers")
        var counts = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
        for (p, a) in zip(predicted, actual) {
            require(p >= 0 && p < classes && a >= 0 && a < classes,
                         "confusionMatrix: class pair (\(a), \(p)) is outside 0..<\(classes)")
            counts[a][p] += 1
        }
        return counts
    }

    /// The share of queries with at least one hit among their `k` highest-scoring candidates.
    /// `similarities[q][c]` scores candidate c for query q; ties go to the lower index.
    /// `isHit(q, c)` says whether candidate c answers query q (e.g. its scene matches the caption).
    ///
    ///     // query 0 ranks candidates [1, 0]; query 1 ranks [1, 0]; the hits are the diagonal
    ///     Metrics.recall(at: 1, similarities: [[0.2, 0.9], [0.1, 0.8]]) { $0 == $1 }   // 0.5
    public static func recall(at k: Int, similarities: [[Float]], isHit: (Int, Int) -> Bool) -> Double {
        require(k >= 1, "recall(at:): k must be at least 1, got \(k)")
        require(!similarities.isEmpty, "recall(at:): no queries")
        var found = 0
        for (q, scores) in similarities.enumerated() {
            let ranked = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
            if ranked.prefix(k).contains(where: { isHit(q, $0) }) { found += 1 }
        }
        return Double(found) / Double(similarities.count)
    }

    /// recall@k over a similarity tensor [Q, C].
    public static func recall(at k: Int, similarities: Tensor, isHit: (Int, Int) -> Bool) -> Double {
        require(similarities.shape.count == 2, "recall(at:): expected [Q, C], got \(describe(shape: similarities.shape))")
        let (rows, columns) = (similarities.shape[0], similarities.shape[1])
        let matrix = (0..<rows).map { Array(similarities.scalars[($0 * columns)..<(($0 + 1) * columns)]) }
        return recall(at: k, similarities: matrix, isHit: isHit)
    }
}
