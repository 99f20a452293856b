// The three towers of lesson 07's shared space, each ending in the same e numbers:
//   handwriting  counts [B, 64]           ─Linear─GELU─Linear→ [B, e]
//   speech       log mel grid [B, F·M]    ─Linear─GELU─Linear─GELU─Linear→ [B, e]
//   words        ids [B][T]               ─Embedding→ [B, T, d] ─masked mean→ [B, d] ─Linear→ [B, e]
// Small on purpose: the data are tiny (8×8 pictures, a 32×32 grid of sound, one to three words), and
// what the lesson is about is the space they share, not the towers.

import TeachingEngine

/// A handwritten digit's 64 centred counts → a vector of the shared space.
///
///     var rng = SeededGenerator(seed: 0)
///     let tower = DigitImageEncoder(hidden: 128, width: 64, using: &rng)
///     tower(Variable(Tensor(zeros: [2, 64]))).shape   // [2, 64]
public struct DigitImageEncoder: Module {
    public let hidden: Linear   // 64 → h
    public let output: Linear   // h → e

    public init(hidden h: Int, width e: Int, using rng: inout SeededGenerator) {
        hidden = Linear(inputSize: 64, outputSize: h, name: "image.hidden", using: &rng)
        output = Linear(inputSize: h, outputSize: e, name: "image.output", using: &rng)
    }

    public var parameters: [Variable] { hidden.parameters + output.parameters }

    /// [B, 64] → [B, e] (not normalised).
    public func callAsFunction(_ counts: Variable) -> Variable {
        output(gelu(hidden(counts)))               // [B, h] → [B, e]
    }
}

/// A recording's log mel grid, flattened → a vector of the shared space.
public struct SpeechEncoder: Module {
    public let first: Linear    // F·M → h
    public let second: Linear   // h → h
    public let output: Linear   // h → e

    public init(inputSize: Int, hidden h: Int, width e: Int, using rng: inout SeededGenerator) {
        first = Linear(inputSize: inputSize, outputSize: h, name: "speech.first", using: &rng)
        second = Linear(inputSize: h, outputSize: h, name: "speech.second", using: &rng)
        output = Linear(inputSize: h, outputSize: e, name: "speech.output", using: &rng)
    }

    public var parameters: [Variable] { first.parameters + second.parameters + output.parameters }

    /// [B, F·M] → [B, e] (not normalised).
    public func callAsFunction(_ grid: Variable) -> Variable {
        output(gelu(second(gelu(first(grid)))))    // [B, h] → [B, h] → [B, e]
    }
}

/// A short text's word ids → a vector of the shared space: the mean of its words' vectors, projected.
/// Word order is ignored (a bag of words), which is all "the digit seven" needs.
public struct WordEncoder: Module {
    public let embedding: Embedding   // vocabulary → d
    public let output: Linear         // d → e

    public init(vocabularySize: Int, width d: Int, embeddingWidth e: Int, using rng: inout SeededGenerator) {
        embedding = Embedding(vocabularySize: vocabularySize, width: d, standardDeviation: 0.5, name: "words.embedding", using: &rng)
        output = Linear(inputSize: d, outputSize: e, name: "words.output", using: &rng)
    }

    public var parameters: [Variable] { embedding.parameters + output.parameters }

    /// Ids [B][T] (padded with 0) → [B, e] (not normalised).
    public func callAsFunction(_ ids: [[Int]]) -> Variable {
        let vectors = embedding(ids)                                     // [B, T, d]
        return output(meanPool(vectors, mask: paddingMask(ids, padID: 0)))  // [B, d] → [B, e]
    }
}
