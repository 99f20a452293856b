// Exercise 08's check: prefix 2 of 4 tokens, the causal mask (prefix 0 of 5), and an all-prefix
// sequence (3 of 3), with the usual slips named.

import ExerciseKit
import TeachingEngine

extension Checks {
    static func prefixMask(_ f: @escaping PrefixMaskFunction) -> Verdict {
        verdict(exercise: 8) {
            for (length, prefix) in [(4, 2), (5, 0), (3, 3)] {
                let got = try f(length, prefix)
                let context = " (T = \(length), P = \(prefix))"
                try Compare.shape(got.shape, [length, length], what: "the mask" + context, meaning: " (row = query, column = key)")
                let values = Set(got.scalars)
                if values.isSubset(of: [0, 1]), values.contains(1) {
                    throw Failure(["the mask\(context) holds 0 and 1: this mask is added to the scores, so write 0 where a key "
                                   + "is visible and -Float.infinity (−∞) where it is hidden"])
                }
                // The engine's own prefix-LM mask ([1, T, T]) is the reference.
                let engine = AttentionMask.prefixLM(prefixLength: prefix, length: length).bias.reshaped(to: [length, length])
                try Compare.values(got, engine, what: "mask", context: context,
                                   tolerance: 0, mistakes: [
                    Mistake(explanation: "this is the causal mask: the prefix tokens must also see one another, "
                            + "forwards too (query i < P sees keys 0..<P)",
                            values: mask(length, visible: { i, j in j <= i })),
                    Mistake(explanation: "a token cannot see itself here: query i must see key i too",
                            values: mask(length, visible: { i, j in j < max(prefix, i) })),
                    Mistake(explanation: "rows and columns are swapped: row i is what query i may read (keys ≤ i after the prefix)",
                            values: mask(length, visible: { i, j in i < max(prefix, j + 1) })),
                    Mistake(explanation: "visible and hidden are swapped: 0 where the key may be read, −∞ where it may not",
                            values: mask(length, visible: { i, j in !(j < max(prefix, i + 1)) })),
                ])
            }
            return ["T = 4, P = 2 (prefix-LM); T = 5, P = 0 (causal); T = 3, P = 3 (all prefix): "
                    + "every entry as in the engine's AttentionMask.prefixLM"]
        }
    }

    /// [T, T]: 0 where `visible(query, key)`, −∞ elsewhere.
    static func mask(_ length: Int, visible: (Int, Int) -> Bool) -> Tensor {
        Tensor(shape: [length, length], scalars: (0..<length * length).map { visible($0 / length, $0 % length) ? 0 : -.infinity })
    }
}
