// Exercise 02's check: the loss of four pairs at τ = 0.1, against a Double reference and the usual
// mistakes (no temperature, multiplying by it, one direction only, no normalising), then gradients
// for both embeddings and the temperature (at τ = 0.5, where finite differences are accurate).

import ExerciseKit
import Foundation
import TeachingEngine

extension Checks {
    static func infoNCE(_ f: @escaping InfoNCEFunction) -> Verdict {
        verdict(exercise: 2) {
            let (image, text) = (randomTensor([4, 6], seed: 3), randomTensor([4, 6], seed: 4))
            let tau: Float = 0.1
            let got = try f(Variable(image), Variable(text), Variable(Tensor(scalar: tau)))
            guard got.count == 1 else {
                throw Failure(["the loss: expected one number (shape []), got shape \(describe(shape: got.shape))",
                               "cross-entropy already averages over the batch; the loss is the mean of the two directions"])
            }
            let unit = cosines(image, text, normalizeA: true, normalizeB: true)
            let raw = cosines(image, text, normalizeA: false, normalizeB: false)
            let rows = meanCrossEntropy(unit, scale: 1 / tau, transposed: false)
            let columns = meanCrossEntropy(unit, scale: 1 / tau, transposed: true)
            try Compare.number(got.item, Float((rows + columns) / 2), what: "the loss at τ = 0.1", mistakes: [
                ("the temperature is missing: divide the similarities by τ (here 0.1) before the cross-entropies",
                 Float((meanCrossEntropy(unit, scale: 1, transposed: false) + meanCrossEntropy(unit, scale: 1, transposed: true)) / 2)),
                ("the similarities were multiplied by τ: divide by it (a small τ sharpens the choice)",
                 Float((meanCrossEntropy(unit, scale: tau, transposed: false) + meanCrossEntropy(unit, scale: tau, transposed: true)) / 2)),
                ("only the images choose their texts (rows): add the texts choosing their images (columns) and take the mean",
                 Float(rows)),
                ("only the texts choose their images (columns): add the images choosing their texts (rows) and take the mean",
                 Float(columns)),
                ("the two directions were added, not averaged: multiply their sum by 0.5", Float(rows + columns)),
                ("the embeddings were not scaled to length 1: use cosine similarities (exercise 01), not plain dot products",
                 Float((meanCrossEntropy(raw, scale: 1 / tau, transposed: false) + meanCrossEntropy(raw, scale: 1 / tau, transposed: true)) / 2)),
            ])
            let inputs = [("image", Variable(image, requiresGrad: true)), ("text", Variable(text, requiresGrad: true)),
                          ("temperature", Variable(Tensor(scalar: 0.5), requiresGrad: true))]
            let gradients = try Gradients.check(inputs.map { (name: $0.0, variable: $0.1) }) {
                try f(inputs[0].1, inputs[1].1, inputs[2].1)
            }
            return ["the loss of 4 pairs at τ = 0.1: \(Compare.number(got.item)) as expected", gradients]
        }
    }

    /// (1/B) Σᵢ (log Σⱼ exp(scale·Sᵢⱼ) − scale·Sᵢᵢ), along rows or (transposed) along columns.
    static func meanCrossEntropy(_ s: Tensor, scale: Float, transposed: Bool) -> Double {
        let b = s.shape[0]
        var total = 0.0
        for i in 0..<b {
            let z = (0..<b).map { j in Double(scale) * Double(transposed ? s.scalars[j * b + i] : s.scalars[i * b + j]) }
            let largest = z.max()!
            total += largest + Foundation.log(z.reduce(0) { $0 + Foundation.exp($1 - largest) }) - z[i]
        }
        return total / Double(b)
    }
}
