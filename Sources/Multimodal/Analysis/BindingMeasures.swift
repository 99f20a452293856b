// What a shared space can do without being trained for it: classify by the nearest name (zero-shot,
// as CLIP does with prompts; Radford et al. 2021, §3.1.2) and retrieve the nearest example of another
// modality. Both read unit-length embeddings, so "nearest" is the largest cosine similarity.

import AlignFuseSupport

/// Zero-shot classification and cross-modal retrieval in a shared space.
public enum BindingMeasures {
    /// The class of each query: the index of the class embedding with the largest cosine similarity.
    ///
    ///     zeroShot([[1, 0], [0.6, 0.8]], classes: [[0, 1], [1, 0]])   // [1, 0]
    public static func zeroShot(_ queries: [[Float]], classes: [[Float]]) -> [Int] {
        cosineSimilarities(queries, classes).map(argmax)
    }

    /// For each query, the label of the nearest candidate.
    ///
    ///     nearestLabels([[1, 0]], candidates: [[0, 1], [0.9, 0.1]], labels: [3, 7])   // [7]
    public static func nearestLabels(_ queries: [[Float]], candidates: [[Float]], labels: [Int]) -> [Int] {
        require(candidates.count == labels.count, "nearestLabels: \(candidates.count) candidates, \(labels.count) labels")
        return cosineSimilarities(queries, candidates).map { labels[argmax($0)] }
    }

    /// The indices of the `k` candidates nearest each query, nearest first.
    public static func nearest(_ k: Int, of queries: [[Float]], in candidates: [[Float]]) -> [[Int]] {
        cosineSimilarities(queries, candidates).map { row in
            Array(row.indices.sorted { row[$0] != row[$1] ? row[$0] > row[$1] : $0 < $1 }.prefix(k))
        }
    }

    /// The unit-length mean of `vectors`: one embedding for a class named in several ways
    /// (CLIP's prompt ensemble, §3.1.4).
    ///
    ///     meanDirection([[1, 0], [0, 1]])   // [0.7071, 0.7071]
    public static func meanDirection(_ vectors: [[Float]]) -> [Float] {
        require(!vectors.isEmpty, "meanDirection: no vectors")
        var sum = [Float](repeating: 0, count: vectors[0].count)
        for v in vectors { for j in sum.indices { sum[j] += v[j] } }
        let length = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return sum.map { $0 / Swift.max(length, 1e-12) }
    }

    /// The index of the largest value (the first one on ties).
    public static func argmax(_ values: [Float]) -> Int {
        var best = 0
        for i in values.indices where values[i] > values[best] { best = i }
        return best
    }
}
