// Learned additions to token sequences: a position table (one trainable row per position, as in
// ViT and BERT) and modality-type embeddings (one trainable row per modality, so a single-stream
// model can tell an image token from a word at the same position — ViLT, Kim et al. 2021, §3.1).

import AlignFuseSupport
import TeachingEngine

/// The modalities a sequence can mix. The raw value is the row of the modality-type table.
public enum Modality: Int, CaseIterable, Sendable {
    case image, text, audio
}

/// Trainable positions: x [B, T, d] ↦ x + P[0..<T], with P a [maxPositions, d] table (the one
/// parameter, named `name`, e.g. "image.positions").
///
///     var rng = SeededGenerator(seed: 1)
///     let positions = LearnedPositions(positions: 26, width: 64, name: "pos", using: &rng)
///     positions(tokens)   // [B, 26, 64] → [B, 26, 64]
public struct LearnedPositions: Module {
    public let table: Variable   // [maxPositions, d]

    /// A table drawn from N(0, standardDeviation²); 0.02 is the usual start for learned positions.
    public init(positions: Int, width: Int, standardDeviation: Float = 0.02, name: String,
                using rng: inout SeededGenerator) {
        self.init(table: Tensor(randomNormal: [positions, width], standardDeviation: standardDeviation, using: &rng),
                  name: name)
    }

    /// A table that starts from the given values [maxPositions, d].
    public init(table: Tensor, name: String, file: StaticString = #fileID, line: UInt = #line) {
        require(table.rank == 2, "LearnedPositions: table \(describe(shape: table.shape)) must be [positions, d]",
                file: file, line: line)
        self.table = Variable(name: name, value: table)
    }

    public var parameters: [Variable] { [table] }

    /// x [B, T, d] plus the first T rows of the table.
    public func callAsFunction(_ x: Variable, file: StaticString = #fileID, line: UInt = #line) -> Variable {
        require(x.rank == 3 && x.shape[1] <= table.shape[0] && x.shape[2] == table.shape[1],
                "LearnedPositions: tokens \(describe(shape: x.shape)) do not fit the table \(describe(shape: table.shape))",
                file: file, line: line)
        let rows = x.shape[1] == table.shape[0] ? table : table.slice(alongAxis: 0, 0..<x.shape[1], file: file, line: line)
        return x + rows   // [B, T, d] + [T, d]
    }
}

/// Trainable modality types: x [B, T, d] ↦ x + E[types[t]] at each position t, with E a [modalities, d]
/// table (the one parameter, named "\(name).weight").
///
///     let types = ModalityTypeEmbedding(width: 64, name: "type", using: &rng)
///     let kinds = [Modality](repeating: .image, count: 16) + [Modality](repeating: .text, count: 10)
///     types(sequence, modalities: kinds)   // [B, 26, 64] → [B, 26, 64]
public struct ModalityTypeEmbedding: Module {
    public let table: Variable   // [modalities, d]

    /// One row per modality (image, text, audio by default; 2 for image and text), drawn from N(0, 0.02²).
    public init(modalities: Int = Modality.allCases.count, width: Int, standardDeviation: Float = 0.02,
                name: String, using rng: inout SeededGenerator) {
        table = Variable(name: name + ".weight",
                         value: Tensor(randomNormal: [modalities, width], standardDeviation: standardDeviation, using: &rng))
    }

    public var parameters: [Variable] { [table] }

    /// x [B, T, d] plus, at each position, the row of that position's modality.
    public func callAsFunction(_ x: Variable, modalities: [Modality],
                               file: StaticString = #fileID, line: UInt = #line) -> Variable {
        require(x.rank == 3 && x.shape[1] == modalities.count && x.shape[2] == table.shape[1],
                "ModalityTypeEmbedding: tokens \(describe(shape: x.shape)) need \(x.rank == 3 ? x.shape[1] : -1) modalities "
                    + "(got \(modalities.count)) and width \(table.shape[1])", file: file, line: line)
        let rows = table.indexSelect(alongAxis: 0, modalities.map(\.rawValue), file: file, line: line)   // [T, d]
        return x + rows   // [B, T, d] + [T, d]
    }
}
