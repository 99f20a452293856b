// Exercise 05's check: 6 positions of width 8, then 50 of width 16, against the position table
// the lessons use, with the three usual slips named.

import ExerciseKit
import Foundation
import Multimodal
import TeachingEngine

extension Checks {
    static func sinusoidalPositions(_ f: @escaping SinusoidalPositionsFunction) -> Verdict {
        verdict(exercise: 5) {
            for (count, d) in [(6, 8), (50, 16)] {
                let got = try f(count, d)
                try Compare.values(got, PositionalEncoding.sinusoidal1D(positions: count, dimension: d),
                                   what: "PE", context: " (T = \(count), d = \(d))", mistakes: [
                    Mistake(explanation: "sines and cosines are swapped: the sine goes to the even column 2i, the cosine to 2i + 1",
                            values: table(count, d) { t, i, even in even ? cos(angle(t, i, d)) : sin(angle(t, i, d)) }),
                    Mistake(explanation: "the sines fill the first half and the cosines the second: interleave them, "
                            + "sin in column 2i and cos of the same angle in column 2i + 1",
                            values: halves(count, d)),
                    Mistake(explanation: "the exponent is i/d: it is 2i/d (column pair i shares the frequency 1/10000^(2i/d))",
                            values: table(count, d) { t, i, even in
                                let a = Double(t) / pow(10_000, Double(i) / Double(d))
                                return even ? sin(a) : cos(a)
                            }),
                ])
            }
            return ["[6, 8] and [50, 16]: the same values as the lessons' position table (within 1e-4)"]
        }
    }

    static func angle(_ t: Int, _ i: Int, _ d: Int) -> Double { Double(t) / pow(10_000, Double(2 * i) / Double(d)) }

    /// [count, d] with column 2i (even) and 2i + 1 (odd) of row t given by `value(t, i, even)`.
    static func table(_ count: Int, _ d: Int, value: (Int, Int, Bool) -> Double) -> Tensor {
        Tensor(shape: [count, d], scalars: (0..<count * d).map { n in
            let (t, column) = (n / d, n % d)
            return Float(value(t, column / 2, column % 2 == 0))
        })
    }

    static func halves(_ count: Int, _ d: Int) -> Tensor {
        Tensor(shape: [count, d], scalars: (0..<count * d).map { n in
            let (t, column) = (n / d, n % d)
            return Float(column < d / 2 ? sin(angle(t, column, d)) : cos(angle(t, column - d / 2, d)))
        })
    }
}
