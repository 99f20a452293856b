// The answer side of a VQA sequence under teacher forcing: the model reads <sep> a₁ a₂ … and must
// predict a₁ a₂ … <eos>, one position ahead. Positions after <eos> are padding and carry no loss.
//
//   answer words      [cat]              ("a cat" is [a, cat])
//   inputs  (A = 4)   [<sep>, cat, <pad>, <pad>]
//   targets (A = 4)   [cat, <eos>, −100, −100]

import AlignFuseSupport

/// Inputs and targets of the answer positions.
public enum VQASequence {
    /// The target that `crossEntropy` ignores.
    public static let ignored = -100

    /// `<sep>` followed by the answer words, padded to `length`.
    ///
    ///     answerInputs([[7, 9]], length: 4)   // [[4, 7, 9, 0]]
    public static func answerInputs(_ answers: [[Int]], length: Int) -> [[Int]] {
        answers.map { words in
            require(words.count + 1 <= length,
                    "VQASequence: an answer of \(words.count) words needs \(words.count + 1) positions, the model has \(length)")
            return [Tokenizer.separator] + words + [Int](repeating: Tokenizer.pad, count: length - words.count - 1)
        }
    }

    /// The answer words followed by `<eos>`, then `ignored`, to `length`.
    ///
    ///     targets([[7, 9]], length: 4)   // [[7, 9, 3, −100]]
    public static func targets(_ answers: [[Int]], length: Int) -> [[Int]] {
        answers.map { words in
            require(words.count + 1 <= length,
                    "VQASequence: an answer of \(words.count) words needs \(words.count + 1) positions, the model has \(length)")
            return words + [Tokenizer.end] + [Int](repeating: ignored, count: length - words.count - 1)
        }
    }
}
