// Exercise 06's check: two items of 3 queries over 4 keys (width 5, values of width 2), first
// without a mask, then with one that hides some keys; the usual slips named; gradients for query,
// key and value through the mask.

import ExerciseKit
import Foundation
import TeachingEngine

extension Checks {
    static func attention(_ f: @escaping AttentionFunction) -> Verdict {
        verdict(exercise: 6) {
            let (q, k, v) = (randomTensor([2, 3, 5], seed: 6), randomTensor([2, 4, 5], seed: 7),
                             randomTensor([2, 4, 2], seed: 8))
            let hidden = -Float.infinity
            let mask = Tensor(shape: [3, 4], scalars: [0, hidden, hidden, 0,
                                                       0, 0, hidden, hidden,
                                                       hidden, 0, 0, 0])
            for (name, m) in [("without a mask", nil), ("with the mask", mask)] as [(String, Tensor?)] {
                let got = try f(Variable(q), Variable(k), Variable(v), m)
                var mistakes = [
                    Mistake(explanation: "the scores were not divided by √d (here √5): scale query·keyᵀ by 1/√d",
                            values: attentionReference(q, k, v, m, scale: 1)),
                    Mistake(explanation: "the scores were divided by d (here 5): divide by √d",
                            values: attentionReference(q, k, v, m, scale: 1 / 5)),
                    Mistake(explanation: "the softmax ran over the queries (axis −2): each query's row of scores, over the keys, must sum to 1",
                            values: attentionReference(q, k, v, m, scale: 1 / Float(5).squareRoot(), overQueries: true)),
                ]
                if m != nil {
                    mistakes.append(Mistake(explanation: "the mask was not used: add it to the scores before the softmax",
                                            values: attentionReference(q, k, v, nil, scale: 1 / Float(5).squareRoot())))
                }
                try Compare.values(got.value, attentionReference(q, k, v, m, scale: 1 / Float(5).squareRoot()),
                                   what: "output", meaning: " ([B, Tq, dv])", context: " (\(name))", mistakes: mistakes)
            }
            let inputs = [("query", Variable(q, requiresGrad: true)), ("key", Variable(k, requiresGrad: true)),
                          ("value", Variable(v, requiresGrad: true))]
            let gradients = try Gradients.check(inputs.map { (name: $0.0, variable: $0.1) }) {
                try f(inputs[0].1, inputs[1].1, inputs[2].1, mask)
            }
            return ["[2, 3, 2] outputs without and with a mask, within 1e-4", gradients]
        }
    }

    /// softmax(scale · q·kᵀ + mask)·v in Double, the softmax over the keys (or, wrongly, the queries).
    static func attentionReference(_ q: Tensor, _ k: Tensor, _ v: Tensor, _ mask: Tensor?, scale: Float,
                                   overQueries: Bool = false) -> Tensor {
        let (b, tq, d) = (q.shape[0], q.shape[1], q.shape[2])
        let (tk, dv) = (k.shape[1], v.shape[2])
        var out: [Float] = []
        for item in 0..<b {
            var scores = [[Double]](repeating: [Double](repeating: 0, count: tk), count: tq)
            for i in 0..<tq {
                for j in 0..<tk {
                    var dot = 0.0
                    for x in 0..<d { dot += Double(q.scalars[(item * tq + i) * d + x]) * Double(k.scalars[(item * tk + j) * d + x]) }
                    scores[i][j] = Double(scale) * dot + Double(mask?.scalars[i * tk + j] ?? 0)
                }
            }
            var weights = scores
            if overQueries {
                for j in 0..<tk {
                    let column = softmaxDouble((0..<tq).map { scores[$0][j] })
                    for i in 0..<tq { weights[i][j] = column[i] }
                }
            } else {
                weights = scores.map(softmaxDouble)
            }
            for i in 0..<tq {
                for c in 0..<dv {
                    var total = 0.0
                    for j in 0..<tk { total += weights[i][j] * Double(v.scalars[(item * tk + j) * dv + c]) }
                    out.append(Float(total))
                }
            }
        }
        return Tensor(shape: [b, tq, dv], scalars: out)
    }

    static func softmaxDouble(_ z: [Double]) -> [Double] {
        let largest = z.max() ?? 0
        guard largest > -Double.infinity else { return z.map { _ in 0 } }
        let e = z.map { Foundation.exp($0 - largest) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }
}
