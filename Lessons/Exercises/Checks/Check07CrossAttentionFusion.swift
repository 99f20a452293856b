// Exercise 07's check: two items of 3 words and 4 patches, width 4; the usual slips (no residual,
// queries from the picture, attending within the text) named; gradients for all five inputs.

import ExerciseKit
import TeachingEngine

extension Checks {
    static func crossAttentionFusion(_ f: @escaping CrossAttentionFusionFunction) -> Verdict {
        verdict(exercise: 7) {
            let (text, image) = (randomTensor([2, 3, 4], seed: 9), randomTensor([2, 4, 4], seed: 10))
            let weights = (0..<3).map { randomTensor([4, 4], seed: 20 + UInt64($0)) }
            let got = try f(Variable(text), Variable(image), Variable(weights[0]), Variable(weights[1]), Variable(weights[2]))
            let scale = 1 / Float(4).squareRoot()
            func fused(queriesFrom: Tensor, keysFrom: Tensor, residual: Bool) -> Tensor {
                let seen = attentionReference(product(queriesFrom, weights[0]), product(keysFrom, weights[1]),
                                              product(keysFrom, weights[2]), nil, scale: scale)
                return residual ? Tensor(shape: seen.shape, scalars: zip(seen.scalars, queriesFrom.scalars).map(+)) : seen
            }
            try Compare.shape(got.shape, [2, 3, 4], what: "the fused text",
                              meaning: " (one row per word: the queries come from the text)")
            try Compare.values(got.value, fused(queriesFrom: text, keysFrom: image, residual: true), what: "fused",
                               mistakes: [
                Mistake(explanation: "the residual is missing: add the text tokens to what attention brought back",
                        values: fused(queriesFrom: text, keysFrom: image, residual: false)),
                Mistake(explanation: "the words attended to each other: keys and values come from the image tokens",
                        values: fused(queriesFrom: text, keysFrom: text, residual: true)),
            ])
            let inputs = [("text", text), ("image", image), ("queryWeight", weights[0]), ("keyWeight", weights[1]),
                          ("valueWeight", weights[2])].map { (name: $0.0, variable: Variable($0.1, requiresGrad: true)) }
            let gradients = try Gradients.check(inputs) {
                try f(inputs[0].variable, inputs[1].variable, inputs[2].variable, inputs[3].variable, inputs[4].variable)
            }
            return ["fused text [2, 3, 4] within 1e-4", gradients]
        }
    }

    /// x [B, T, d] · w [d, e] in Double → [B, T, e].
    static func product(_ x: Tensor, _ w: Tensor) -> Tensor {
        let (rows, d, e) = (x.count / x.shape[x.rank - 1], w.shape[0], w.shape[1])
        var out: [Float] = []
        for r in 0..<rows {
            for c in 0..<e {
                var total = 0.0
                for k in 0..<d { total += Double(x.scalars[r * d + k]) * Double(w.scalars[k * e + c]) }
                out.append(Float(total))
            }
        }
        return Tensor(shape: Array(x.shape.dropLast()) + [e], scalars: out)
    }
}
