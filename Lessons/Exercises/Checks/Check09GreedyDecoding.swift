// Exercise 09's check: a scripted model of 6 tokens (start 0, end 1) whose favourite next token
// depends only on how many tokens it has seen, so every answer is known in advance.

import ExerciseKit
import TeachingEngine

extension Checks {
    static func greedyDecoding(_ f: @escaping GreedyDecodingFunction) -> Verdict {
        verdict(exercise: 9) {
            // The model's favourite after k tokens: script[k − 1]; the last entry repeats.
            func model(_ script: [Int], calls: Box) -> ([Int]) -> [Float] {
                { tokens in
                    calls.inputs.append(tokens)
                    // After far too many calls, push the end token so a loop without a limit still stops.
                    let favourite = calls.inputs.count > 40 ? 1 : script[min(tokens.count, script.count) - 1]
                    var logits: [Float] = [0.5, 0.2, 0.1, 0.3, 0.0, 0.4]
                    logits[favourite] = 2
                    if favourite == 3 { logits[5] = 2 }   // a tie between 3 and 5: the lower index wins
                    return logits
                }
            }
            let cases: [(script: [Int], maxLength: Int, expected: [Int], what: String)] = [
                ([4, 2, 5, 1, 3], 8, [4, 2, 5, 1], "a model that ends after 4 tokens, maxLength 8"),
                ([4, 2, 5, 1], 2, [4, 2], "the same model with maxLength 2"),
                ([2, 3, 4], 5, [2, 3, 4, 4, 4], "a model that never ends, maxLength 5 (3 and 5 tie: 3 wins)"),
            ]
            for c in cases {
                let calls = Box()
                let got = try f(0, 1, c.maxLength, model(c.script, calls: calls))
                if calls.inputs.first != [0] {
                    throw Failure(["\(c.what): the first call must be nextLogits([start]) = nextLogits([0]); "
                                   + "yours was \(calls.inputs.first.map { "\($0)" } ?? "never made")"])
                }
                guard got != c.expected else { continue }
                var lines = ["\(c.what): expected \(c.expected), got \(got)"]
                if got.first == 0 { lines.append("the answer starts with the start token: leave it out") }
                else if got == Array(c.expected.dropLast()), c.expected.last == 1 { lines.append("keep the end token (1) when the model produces it") }
                else if got.count > c.maxLength { lines.append("the answer is longer than maxLength (\(c.maxLength)): stop there") }
                else if got.count > c.expected.count, Array(got.prefix(c.expected.count)) == c.expected {
                    lines.append("decoding went on after the end token: stop as soon as the model produces it")
                }
                else if got.contains(5) { lines.append("on a tie the lowest index wins: compare with >, not >=") }
                else if got.count < c.expected.count, c.expected.starts(with: got) {
                    lines.append("decoding stopped early: go on until the end token or maxLength tokens")
                }
                throw Failure(lines)
            }
            return cases.map { "\($0.what): \($0.expected)" }
        }
    }

    /// The calls a scripted model received.
    final class Box { var inputs: [[Int]] = [] }
}
