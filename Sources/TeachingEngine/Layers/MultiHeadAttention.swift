// Multi-head attention (Vaswani et al. 2017, "Attention Is All You Need", §3.2.2):
//   1. project: q = x·W_q, k = c·W_k, v = c·W_v          (c = x for self-attention, another sequence for cross)
//   2. split d into h heads of width d/h                  [B, T, d] seen as [B, T, h, d/h], read in place
//   3. weights = softmax(q·kᵀ / √(d/h) + mask)            [B, h, Tq, Tk], each row sums to 1
//   4. mix values: weights·v, merge heads, project: ·W_o  [B, Tq, d]
// Steps 2–4 are one op, `attention` (Attention.swift), computed head by head.
// The weights are returned, not stored: lessons plot them.

import AlignFuseSupport

/// What attention produces: the new token vectors and every head's attention weights.
public struct AttentionOutput {
    /// [B, Tq, d]
    public let output: Variable
    /// [B, h, Tq, Tk]: how much query i of head h takes from key j; each row sums to 1 (or is all 0
    /// when the mask hides every key). Values to look at: gradients flow through `output`.
    public let weights: Variable
}

/// Multi-head scaled dot-product attention, self or cross, under an optional `AttentionMask`
/// (0 = visible, −∞ = hidden, added to the scores: causal, key padding, prefix LM, or their sum).
public struct MultiHeadAttention: Module {
    public let query: Linear    // d → d
    public let key: Linear      // d → d
    public let value: Linear    // d → d
    public let output: Linear   // d → d
    public let headCount: Int

    public init(width: Int, headCount: Int, name: String, using rng: inout SeededGenerator,
                file: StaticString = #fileID, line: UInt = #line) {
        require(headCount > 0 && width % headCount == 0,
                     "MultiHeadAttention: width \(width) does not split into \(headCount) heads", file: file, line: line)
        query = Linear(inputSize: width, outputSize: width, name: name + ".q", using: &rng)
        key = Linear(inputSize: width, outputSize: width, name: name + ".k", using: &rng)
        value = Linear(inputSize: width, outputSize: width, name: name + ".v", using: &rng)
        output = Linear(inputSize: width, outputSize: width, name: name + ".out", using: &rng)
        self.headCount = headCount
    }

    public var parameters: [Variable] { query.parameters + key.parameters + value.parameters + output.parameters }

    /// Attention of the tokens `x` [B, Tq, d] over `context` [B, Tk, d] (x itself when nil), each
    /// query reading only the keys `mask` shows.
    ///
    ///     attention(x, mask: .causal(length: x.shape[1]))          // a decoder: no peeking ahead
    ///     attention(x, mask: .keyPadding(ids, padID: 0))           // padding ignored
    public func callAsFunction(_ x: Variable, context: Variable? = nil, mask: AttentionMask? = nil) -> AttentionOutput {
        let source = context ?? x
        let headWidth = x.shape[2] / headCount
        // Each head reads its d/h columns of the projections in place (Attention.swift): no
        // [B, T, d] → [B, h, T, d/h] copies.
        let q = query(x)                                     // [B, Tq, d]: h heads of d/h side by side
        let k = key(source)                                  // [B, Tk, d]
        let v = value(source)                                // [B, Tk, d]
        let attended = attention(q, k, v, headCount: headCount, scale: 1 / Float(headWidth).squareRoot(),
                                 mask: mask)                 // weights [B, h, Tq, Tk], merged [B, Tq, d]
        return AttentionOutput(output: output(attended.output), weights: attended.weights)
    }
}

/// Which tokens are real, as pooling weights: 1 where `ids[b][t] != padID`, 0 where it is padding → [B, T]
/// (for `meanPool(_:mask:)`; attention takes `AttentionMask.keyPadding(_:padID:)`).
///
///     paddingMask([[5, 7, 0]], padID: 0)  →  [[1, 1, 0]]
public func paddingMask(_ ids: [[Int]], padID: Int) -> Tensor {
    let length = ids.first?.count ?? 0
    return Tensor(shape: [ids.count, length], scalars: ids.flatMap { row in row.map { $0 == padID ? 0 : 1 } })
}
