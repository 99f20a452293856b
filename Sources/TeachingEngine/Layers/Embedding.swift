// Embedding: a learned table with one row per token id; looking up an id is selecting its row.
// (It equals one-hot(id)·Table, without building the one-hot.) The backward adds each token's
// gradient into its row, so only the rows of ids that were used change.

import AlignFuseSupport

/// A table [vocabularySize, width]; ids [B, T] ↦ vectors [B, T, width].
///
///     table [[0, 0], [1, 2], [3, 4]]:  ids [[2, 1]] ↦ [[[3, 4], [1, 2]]]
public struct Embedding: Module {
    public let table: Variable   // [vocabularySize, width]

    /// Rows drawn from N(0, standardDeviation²) (PyTorch's default is 1).
    public init(vocabularySize: Int, width: Int, standardDeviation: Float = 1, name: String,
                using rng: inout SeededGenerator) {
        table = Variable(name: name + ".weight",
                         value: Tensor(randomNormal: [vocabularySize, width], standardDeviation: standardDeviation, using: &rng))
    }

    public var parameters: [Variable] { [table] }

    /// The rows of `ids` ([B][T], every row the same length) → [B, T, width].
    public func callAsFunction(_ ids: [[Int]], file: StaticString = #fileID, line: UInt = #line) -> Variable {
        let length = ids.first?.count ?? 0
        require(ids.allSatisfy { $0.count == length },
                     "Embedding: every sequence must have the same length (pad them); lengths \(ids.map(\.count))",
                     file: file, line: line)
        let rows = table.indexSelect(alongAxis: 0, ids.flatMap { $0 }, file: file, line: line)   // [B·T, width]
        return rows.reshaped(to: [ids.count, length, table.shape[1]])                         // [B, T, width]
    }
}
