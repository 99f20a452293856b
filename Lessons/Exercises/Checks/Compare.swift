// Comparing what the learner's function returned with what it should have, and saying where they
// differ in the learner's terms: the shape expected and got, the first wrong value with its index,
// and, when the answer matches a known mistake, the name of that mistake.

import ExerciseKit
import TeachingEngine

/// A wrong answer worth recognising: what the learner's result would be after a typical mistake,
/// and the sentence that names it.
struct Mistake {
    let explanation: String
    let values: Tensor
}

enum Compare {
    /// "[0, 2]" for flat offset 2 of shape [3, 3].
    static func index(_ offset: Int, in shape: [Int]) -> String {
        var rest = offset
        var parts = [Int](repeating: 0, count: shape.count)
        for axis in shape.indices.reversed() where shape[axis] > 0 {
            parts[axis] = rest % shape[axis]
            rest /= shape[axis]
        }
        return "[" + parts.map(String.init).joined(separator: ", ") + "]"
    }

    /// A value as the messages print it: 4 decimals, −∞ and NaN spelled out.
    static func number(_ x: Float) -> String {
        if x.isNaN { return "NaN" }
        if x == -.infinity { return "−∞" }
        if x == .infinity { return "+∞" }
        return String(format: "%.4f", x)
    }

    /// Whether two values agree: both the same infinity, or within `tolerance`·(1 + |expected|).
    static func agree(_ got: Float, _ expected: Float, tolerance: Float) -> Bool {
        if expected.isInfinite || got.isInfinite { return got == expected }
        return abs(got - expected) <= tolerance * (1 + abs(expected))
    }

    /// The first offset where `got` and `expected` (same count) disagree, or nil.
    static func firstDifference(_ got: [Float], _ expected: [Float], tolerance: Float) -> Int? {
        zip(got, expected).enumerated().first { !agree($0.element.0, $0.element.1, tolerance: tolerance) }?.offset
    }

    /// Throws unless `got` has shape `expected`; says which way the shapes differ.
    static func shape(_ got: [Int], _ expected: [Int], what: String, meaning: String = "") throws {
        guard got != expected else { return }
        var lines = ["\(what): expected shape \(describe(shape: expected))\(meaning), got \(describe(shape: got))"]
        if got.count == 2, expected.count == 2, got == [expected[1], expected[0]], got != expected {
            lines.append("the two axes are swapped: rows and columns are the other way round")
        } else if got.reduce(1, *) == expected.reduce(1, *) {
            lines.append("the same number of values (\(got.reduce(1, *))) in another arrangement")
        }
        throw Failure(lines)
    }

    /// Throws unless `got` equals `expected` in shape and values; a known mistake is named.
    static func values(_ got: Tensor, _ expected: Tensor, what: String, meaning: String = "", context: String = "",
                       tolerance: Float = 1e-4, mistakes: [Mistake] = []) throws {
        try shape(got.shape, expected.shape, what: what + context, meaning: meaning)
        if let nan = got.scalars.firstIndex(where: \.isNaN) {
            throw Failure(["\(what)\(index(nan, in: got.shape))\(context) is NaN (expected \(number(expected.scalars[nan])))",
                           "NaN comes from 0/0, ∞ − ∞ or 0 · ∞: a zero length divided, or −∞ multiplied"])
        }
        guard let offset = firstDifference(got.scalars, expected.scalars, tolerance: tolerance) else { return }
        let wrong = "the first wrong value is \(what)\(index(offset, in: got.shape))\(context): expected "
            + "\(number(expected.scalars[offset])), got \(number(got.scalars[offset]))"
        for mistake in mistakes where mistake.values.shape == got.shape
            && firstDifference(got.scalars, mistake.values.scalars, tolerance: tolerance) == nil {
            throw Failure([mistake.explanation, wrong])
        }
        throw Failure([wrong])
    }

    /// Throws unless `got` is `expected` (scalars), naming a known mistake when one matches.
    static func number(_ got: Float, _ expected: Float, what: String, tolerance: Float = 1e-4,
                       mistakes: [(explanation: String, value: Float)] = []) throws {
        if agree(got, expected, tolerance: tolerance) { return }
        let wrong = "\(what): expected \(number(expected)), got \(number(got))"
        if let mistake = mistakes.first(where: { agree(got, $0.value, tolerance: tolerance) }) {
            throw Failure([mistake.explanation, wrong])
        }
        throw Failure([wrong])
    }
}

/// A reproducible tensor of values drawn from N(0, 1).
func randomTensor(_ shape: [Int], seed: UInt64) -> Tensor {
    var rng = SeededGenerator(seed: seed)
    return Tensor(randomNormal: shape, using: &rng)
}
