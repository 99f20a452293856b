// Exercise 01's check: the cosine matrix of a [3, 5] against b [4, 5], values and gradients.

import ExerciseKit
import TeachingEngine

extension Checks {
    static func cosineSimilarity(_ f: @escaping CosineSimilarityFunction) -> Verdict {
        verdict(exercise: 1) {
            let (a, b) = (randomTensor([3, 5], seed: 1), randomTensor([4, 5], seed: 2))
            let got = try f(Variable(a), Variable(b))
            try Compare.values(got.value, cosines(a, b, normalizeA: true, normalizeB: true), what: "S",
                               meaning: " (one row per row of a, one column per row of b)", mistakes: [
                Mistake(explanation: "these are plain dot products: divide each row by its length first",
                        values: cosines(a, b, normalizeA: false, normalizeB: false)),
                Mistake(explanation: "only a's rows were scaled to length 1: b's rows need it too",
                        values: cosines(a, b, normalizeA: true, normalizeB: false)),
                Mistake(explanation: "only b's rows were scaled to length 1: a's rows need it too",
                        values: cosines(a, b, normalizeA: false, normalizeB: true)),
            ])
            let inputs = [("a", Variable(a, requiresGrad: true)), ("b", Variable(b, requiresGrad: true))]
            let gradients = try Gradients.check(inputs.map { (name: $0.0, variable: $0.1) }) {
                try f(inputs[0].1, inputs[1].1)
            }
            return ["S [3, 4] for a [3, 5] and b [4, 5]: every value within 1e-4", gradients]
        }
    }

    /// The reference: S[i, j] = aᵢ·bⱼ / (‖aᵢ‖ ‖bⱼ‖), computed in Double, each side scaled or not.
    static func cosines(_ a: Tensor, _ b: Tensor, normalizeA: Bool, normalizeB: Bool) -> Tensor {
        let (n, m, e) = (a.shape[0], b.shape[0], a.shape[1])
        func row(_ x: Tensor, _ r: Int, _ unit: Bool) -> [Double] {
            let v = (0..<e).map { Double(x.scalars[r * e + $0]) }
            let length = unit ? v.reduce(0) { $0 + $1 * $1 }.squareRoot() : 1
            return v.map { $0 / length }
        }
        var out: [Float] = []
        for i in 0..<n {
            for j in 0..<m {
                out.append(Float(zip(row(a, i, normalizeA), row(b, j, normalizeB)).reduce(0) { $0 + $1.0 * $1.1 }))
            }
        }
        return Tensor(shape: [n, m], scalars: out)
    }
}
