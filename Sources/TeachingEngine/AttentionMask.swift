// Which keys each query of an attention may read, in the convention of PyTorch's float `attn_mask`:
// a number added to every scaled score before the softmax, 0 where the key is visible and −∞ where
// it is hidden (e^−∞ = 0, so a hidden key gets weight exactly 0).
//   weights = softmax(q·kᵀ/√dₕ + mask)
// Causal, key-padding and prefix-LM masks are built here; `+` combines two masks (a key is visible
// only where both let it through: 0 + 0 = 0, anything + −∞ = −∞).

import AlignFuseSupport

/// An additive attention mask: `bias[b, i, j]` is added to the score of query i for key j in batch
/// item b, for every head. 0 = visible, −∞ = hidden.
///
/// The stored shape is `[B or 1, Tq or 1, Tk]`: a size of 1 is shared by every item (or every query),
/// so a padding mask costs [B, 1, Tk] and a causal mask [1, T, T].
///
///     AttentionMask.causal(length: 3).bias       // [1, 3, 3]:  [[0, −∞, −∞],
///                                                //              [0,  0, −∞],
///                                                //              [0,  0,  0]]
///     AttentionMask.keyPadding([[false, false, true]]).bias   // [1, 1, 3]: [[0, 0, −∞]]
///     (causal + padding).bias                                  // [1, 3, 3]: the last column −∞ too
public struct AttentionMask: Sendable, Equatable {
    /// [B or 1, Tq or 1, Tk]: 0 where a key is visible, −∞ where it is hidden.
    public let bias: Tensor

    /// A mask from its additive values, shape `[B or 1, Tq or 1, Tk]` (see the type's description).
    public init(bias: Tensor, file: StaticString = #fileID, line: UInt = #line) {
        require(bias.rank == 3, "AttentionMask: bias \(describe(shape: bias.shape)) must be [B or 1, Tq or 1, Tk]",
                file: file, line: line)
        self.bias = bias
    }

    /// A mask of `[items, queries, keys]` whose entry is 0 where `visible(item, query, key)` and −∞ elsewhere.
    public init(items: Int, queries: Int, keys: Int, visible: (_ item: Int, _ query: Int, _ key: Int) -> Bool) {
        var scalars = [Float](repeating: 0, count: items * queries * keys)
        for b in 0..<items {
            for i in 0..<queries {
                for j in 0..<keys where !visible(b, i, j) { scalars[(b * queries + i) * keys + j] = -.infinity }
            }
        }
        self.init(bias: Tensor(shape: [items, queries, keys], scalars: scalars))
    }

    /// Query i sees keys j ≤ i + (keys − queries): no future (the last query sees every key).
    /// For self-attention, queries == keys and query i sees 0…i.
    ///
    ///     causal(length: 3)   // rows 0, 1, 2 see keys {0}, {0, 1}, {0, 1, 2}
    public static func causal(queries: Int, keys: Int) -> AttentionMask {
        AttentionMask(items: 1, queries: queries, keys: keys) { _, i, j in j <= i + (keys - queries) }
    }

    /// `causal(queries: length, keys: length)`.
    public static func causal(length: Int) -> AttentionMask { causal(queries: length, keys: length) }

    /// Hides the padded keys of each item from every query: `isPadding[b][j]` hides key j of item b.
    ///
    ///     keyPadding([[false, true]])   // [1, 1, 2]: [[0, −∞]]
    public static func keyPadding(_ isPadding: [[Bool]], file: StaticString = #fileID, line: UInt = #line)
        -> AttentionMask {
        let keys = isPadding.first?.count ?? 0
        require(isPadding.allSatisfy { $0.count == keys },
                "AttentionMask.keyPadding: rows of \(isPadding.map(\.count)) keys; every item needs the same count",
                file: file, line: line)
        return AttentionMask(items: isPadding.count, queries: 1, keys: keys) { b, _, j in !isPadding[b][j] }
    }

    /// Hides every key whose id is `padID`: `keyPadding(ids, padID: 0)` for ids [[5, 7, 0]] hides key 2.
    public static func keyPadding(_ ids: [[Int]], padID: Int) -> AttentionMask {
        keyPadding(ids.map { row in row.map { $0 == padID } })
    }

    /// The prefix-LM mask (Raffel et al. 2020, T5 §3.2.1): the first `prefixLength` tokens (an image
    /// and a question) see the whole prefix in both directions; each later token (the answer) sees the
    /// prefix and the later tokens up to itself.
    ///
    ///     prefixLM(prefixLength: 2, length: 4)   // visible keys per query:
    ///       query 0: 0 1        query 1: 0 1        query 2: 0 1 2        query 3: 0 1 2 3
    public static func prefixLM(prefixLength: Int, length: Int, file: StaticString = #fileID, line: UInt = #line)
        -> AttentionMask {
        require(prefixLength >= 0 && prefixLength <= length,
                "AttentionMask.prefixLM: prefix \(prefixLength) does not fit a sequence of \(length) tokens",
                file: file, line: line)
        return AttentionMask(items: 1, queries: length, keys: length) { _, i, j in j < max(prefixLength, i + 1) }
    }

    /// Both masks at once: a key is visible where both show it. The shapes broadcast: each of the
    /// first two sizes must match or be 1 on one side, and the key counts must be equal.
    public static func + (lhs: AttentionMask, rhs: AttentionMask) -> AttentionMask {
        let (a, b) = (lhs.bias.shape, rhs.bias.shape)
        require(a[2] == b[2] && (a[0] == b[0] || a[0] == 1 || b[0] == 1) && (a[1] == b[1] || a[1] == 1 || b[1] == 1),
                "AttentionMask: \(describe(shape: a)) + \(describe(shape: b)): shapes do not broadcast")
        let (items, queries, keys) = (max(a[0], b[0]), max(a[1], b[1]), a[2])
        // Rebuilt every training step (a batch's padding): the rows of each side are located once per
        // (item, query), not once per key.
        let (left, right) = (lhs.bias.scalars, rhs.bias.scalars)
        var scalars = [Float](repeating: 0, count: items * queries * keys)
        for item in 0..<items {
            for query in 0..<queries {
                let l = ((a[0] == 1 ? 0 : item) * a[1] + (a[1] == 1 ? 0 : query)) * keys
                let r = ((b[0] == 1 ? 0 : item) * b[1] + (b[1] == 1 ? 0 : query)) * keys
                let out = (item * queries + query) * keys
                for key in 0..<keys { scalars[out + key] = left[l + key] + right[r + key] }
            }
        }
        return AttentionMask(bias: Tensor(shape: [items, queries, keys], scalars: scalars))
    }

    /// The mask of the queries in `rows` only, [B or 1, rows.count or 1, Tk]: what a block that carries
    /// on only those queries reads (`TransformerBlock.callAsFunction(_:mask:rows:)`).
    ///
    ///     prefixLM(prefixLength: 2, length: 4).queries(2..<4)   // [1, 2, 4]: [[0, 0, 0, −∞],
    ///                                                           //             [0, 0, 0,  0]]
    public func queries(_ rows: Range<Int>, file: StaticString = #fileID, line: UInt = #line) -> AttentionMask {
        let s = bias.shape
        if s[1] == 1 { return self }                                   // one row shared by every query
        require(rows.lowerBound >= 0 && rows.upperBound <= s[1],
                "AttentionMask.queries: \(rows) is out of bounds for \(s[1]) queries", file: file, line: line)
        let scalars = bias.scalars
        var kept: [Float] = []
        kept.reserveCapacity(s[0] * rows.count * s[2])
        for item in 0..<s[0] {
            kept += scalars[((item * s[1] + rows.lowerBound) * s[2])..<((item * s[1] + rows.upperBound) * s[2])]
        }
        return AttentionMask(bias: Tensor(shape: [s[0], rows.count, s[2]], scalars: kept))
    }

    /// The bias added to query `query`'s score for key `key` in item `item` (sizes of 1 are shared).
    public func value(item: Int, query: Int, key: Int) -> Float {
        let s = bias.shape
        return bias.scalars[((s[0] == 1 ? 0 : item) * s[1] + (s[1] == 1 ? 0 : query)) * s[2] + key]
    }

    /// Whether query `query` of item `item` may read key `key` (the bias there is not −∞).
    public func isVisible(item: Int, query: Int, key: Int) -> Bool {
        value(item: item, query: query, key: key) != -.infinity
    }
}
