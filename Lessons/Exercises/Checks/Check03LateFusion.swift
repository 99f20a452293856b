// Exercise 03's check: three examples of four classes, built so that averaging logits instead of
// probabilities changes the first example's decision.

import ExerciseKit
import Foundation
import TeachingEngine

extension Checks {
    static func lateFusion(_ f: @escaping LateFusionFunction) -> Verdict {
        verdict(exercise: 3) {
            // Example 0: the image is sure of class 0; the text leans to class 1 and is sure it is not 0.
            let image = Tensor(shape: [3, 4], scalars: [2, 0, 0, 0, 0.5, 1.5, -1, 0, 0, 0, 0, 3])
            let text = Tensor(shape: [3, 4], scalars: [-3, 1, 0, 0, 1, 0, 2, -1, 0.2, 0, 0, -2])
            let got = try f(Variable(image), Variable(text))
            let expected = averaged(rowSoftmax(image), rowSoftmax(text))
            try Compare.values(got.value, expected, what: "p", meaning: " (one row per example, one column per class)",
                               mistakes: [
                Mistake(explanation: "you averaged the logits and then took one softmax: average the probabilities "
                        + "(example 0 then picks class 0, the logits' average picks class 1)",
                        values: rowSoftmax(averaged(image, text))),
                Mistake(explanation: "the softmax ran down the columns (over the examples): it must run along each row, over the classes",
                        values: averaged(columnSoftmax(image), columnSoftmax(text))),
                Mistake(explanation: "these are the sums of the two probabilities: divide by 2 so each row sums to 1",
                        values: Tensor(shape: [3, 4], scalars: expected.scalars.map { $0 * 2 })),
                Mistake(explanation: "these are the logits averaged, without any softmax: turn each into probabilities first",
                        values: averaged(image, text)),
            ])
            let decisions = (0..<3).map { r in (0..<4).max { expected.scalars[r * 4 + $0] < expected.scalars[r * 4 + $1] }! }
            return ["p [3, 4]: every value within 1e-4; the decisions (argmax of each row) are \(decisions)"]
        }
    }

    static func rowSoftmax(_ x: Tensor) -> Tensor {
        let (rows, width) = (x.shape[0], x.shape[1])
        var out: [Float] = []
        for r in 0..<rows {
            let z = (0..<width).map { Double(x.scalars[r * width + $0]) }
            let e = z.map { Foundation.exp($0 - z.max()!) }
            out += e.map { Float($0 / e.reduce(0, +)) }
        }
        return Tensor(shape: x.shape, scalars: out)
    }

    static func columnSoftmax(_ x: Tensor) -> Tensor {
        let (rows, width) = (x.shape[0], x.shape[1])
        let transposed = Tensor(shape: [width, rows], scalars: (0..<rows * width).map { x.scalars[($0 % rows) * width + $0 / rows] })
        let back = rowSoftmax(transposed)
        return Tensor(shape: x.shape, scalars: (0..<rows * width).map { back.scalars[($0 % width) * rows + $0 / width] })
    }

    static func averaged(_ a: Tensor, _ b: Tensor) -> Tensor {
        Tensor(shape: a.shape, scalars: zip(a.scalars, b.scalars).map { ($0 + $1) / 2 })
    }
}
