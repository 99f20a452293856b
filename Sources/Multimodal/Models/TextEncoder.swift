// The text encoder: look each token id up in a learned table, add a learned position per slot, and
// let a transformer mix the tokens while ignoring padding.
// Vaswani et al. 2017, §3.4–3.5 (embeddings and positions); Radford et al. 2021 (CLIP's text tower,
// here bidirectional and pooled by the caller instead of read at an end token).
//   1. embed        ids [B, T] → [B, T, d]
//   2. + positions  [T, d], learned, broadcast over the batch
//   3. transformer  `depth` pre-LN blocks + final LayerNorm, padded keys masked → [B, T, d]
// This is the text tower of W-CLIP (Tools/Benchmark/ClipWorkload.swift) and the question path of the fusion models.

import AlignFuseSupport
import TeachingEngine

/// The sizes of a `TextEncoder`. The defaults are W-CLIP's text tower: vocabulary 64, length 8,
/// d = 64, 4 heads, 2 blocks, MLP 64 → 256 → 64.
public struct TextEncoderConfiguration: Sendable, Hashable {
    public var vocabularySize = 64
    public var length = 8
    public var width = 64
    public var depth = 2
    public var headCount = 4
    public var hiddenWidth = 256

    public init(vocabularySize: Int = 64, length: Int = 8, width: Int = 64, depth: Int = 2,
                headCount: Int = 4, hiddenWidth: Int = 256) {
        self.vocabularySize = vocabularySize
        self.length = length
        self.width = width
        self.depth = depth
        self.headCount = headCount
        self.hiddenWidth = hiddenWidth
    }
}

/// Token ids [B][T] (padded with `Tokenizer.pad`, T ≤ length) → tokens [B, T, d] and each block's attention
/// weights [B, h, T, T]. Padded keys are hidden from attention; the caller pools the real tokens with
/// `keyMask(_:)`.
///
///     var rng = SeededGenerator(seed: 0)
///     let encoder = TextEncoder(TextEncoderConfiguration(), name: "text", using: &rng)
///     encoder.parameterCount   // 64·64 (table) + 8·64 (positions) + 100,096 (2 blocks + LN) = 104,704
///     let ids = Batches.tokens(["a cat", "a dog"], tokenizer: tokenizer, length: 8).ids
///     let out = encoder(ids)   // out.output [2, 8, 64]
public struct TextEncoder: Module {
    public let configuration: TextEncoderConfiguration
    public let tokenEmbedding: Embedding     // [vocabulary, d]
    public let positions: LearnedPositions   // [length, d], one learned vector per slot
    public let encoder: TransformerEncoder   // [B, T, d] → [B, T, d]

    /// Parameters are named "\(name).tokens.weight", "\(name).positions", "\(name).encoder.*".
    public init(_ configuration: TextEncoderConfiguration = TextEncoderConfiguration(), name: String,
                using rng: inout SeededGenerator) {
        let c = configuration
        self.configuration = c
        tokenEmbedding = Embedding(vocabularySize: c.vocabularySize, width: c.width, name: name + ".tokens", using: &rng)
        positions = LearnedPositions(positions: c.length, width: c.width, name: name + ".positions", using: &rng)
        encoder = TransformerEncoder(depth: c.depth, width: c.width, headCount: c.headCount,
                                     hiddenWidth: c.hiddenWidth, name: name + ".encoder", using: &rng)
    }

    public var parameters: [Variable] { tokenEmbedding.parameters + positions.parameters + encoder.parameters }

    /// 1 for real tokens, 0 for padding: [B, T]. Pass it to `meanPool(_:mask:)` to pool real tokens only.
    public func keyMask(_ ids: [[Int]]) -> Tensor { paddingMask(ids, padID: Tokenizer.pad) }

    /// The tokens before the transformer: embedding + positions → [B, T, d].
    public func embed(_ ids: [[Int]], file: StaticString = #fileID, line: UInt = #line) -> Variable {
        let c = configuration
        let length = ids.first?.count ?? 0
        require(length > 0 && length <= c.length,
                "TextEncoder: sequences of length \(length); the encoder has positions for 1…\(c.length)",
                file: file, line: line)
        require(ids.allSatisfy { row in row.allSatisfy { $0 >= 0 && $0 < c.vocabularySize } },
                "TextEncoder: an id lies outside the vocabulary 0..<\(c.vocabularySize): \(ids.flatMap { $0 }.max() ?? 0)",
                file: file, line: line)
        return positions(tokenEmbedding(ids, file: file, line: line))                             // [B, T, d]
    }

    /// Ids [B][T] → `EncoderOutput`: tokens [B, T, d] after the final LayerNorm (padding slots hold
    /// values too; ignore them with `keyMask`), and one [B, h, T, T] attention tensor per block.
    public func callAsFunction(_ ids: [[Int]], file: StaticString = #fileID, line: UInt = #line) -> EncoderOutput {
        encoder(embed(ids, file: file, line: line), mask: .keyPadding(ids, padID: Tokenizer.pad))   // [B, T, d]
    }
}
