// The attention masks, written out by hand: 0 = visible, −∞ = hidden, added to the scores.

import Testing
import TeachingEngine

/// The mask of item `item` as rows of 1 (visible) and 0 (hidden), one row per query.
private func visible(_ mask: AttentionMask, item: Int = 0, queries: Int, keys: Int) -> [[Int]] {
    (0..<queries).map { i in (0..<keys).map { j in mask.isVisible(item: item, query: i, key: j) ? 1 : 0 } }
}

@Suite("Attention masks: causal, key padding, prefix LM and their sum")
struct AttentionMaskTests {
    @Test("causal(length: 3) is 0 on and below the diagonal, −∞ above it")
    func causal() {
        let mask = AttentionMask.causal(length: 3)
        let inf = Float.infinity
        #expect(mask.bias == Tensor(shape: [1, 3, 3], scalars: [0, -inf, -inf,
                                                                 0, 0, -inf,
                                                                 0, 0, 0]))
    }

    @Test("causal with 2 queries over 4 keys: the last query sees every key, the first all but the last")
    func causalRectangle() {
        #expect(visible(.causal(queries: 2, keys: 4), queries: 2, keys: 4) == [[1, 1, 1, 0], [1, 1, 1, 1]])
    }

    @Test("key padding of ids [[5, 7, 0], [4, 0, 0]] hides key 2 of item 0 and keys 1, 2 of item 1 from every query")
    func keyPadding() {
        let mask = AttentionMask.keyPadding([[5, 7, 0], [4, 0, 0]], padID: 0)
        #expect(mask.bias.shape == [2, 1, 3])              // one row per item, shared by its queries
        #expect(visible(mask, item: 0, queries: 2, keys: 3) == [[1, 1, 0], [1, 1, 0]])
        #expect(visible(mask, item: 1, queries: 2, keys: 3) == [[1, 0, 0], [1, 0, 0]])
    }

    @Test("prefix LM, prefix 2 of 4: the prefix sees the prefix both ways, an answer token sees the prefix and itself")
    func prefixLM() {
        let mask = AttentionMask.prefixLM(prefixLength: 2, length: 4)
        #expect(visible(mask, queries: 4, keys: 4) == [[1, 1, 0, 0],
                                                        [1, 1, 0, 0],
                                                        [1, 1, 1, 0],
                                                        [1, 1, 1, 1]])
        // prefix 0 is causal, prefix 4 of 4 sees everything
        #expect(AttentionMask.prefixLM(prefixLength: 0, length: 3) == .causal(length: 3))
        #expect(visible(.prefixLM(prefixLength: 4, length: 4), queries: 4, keys: 4).allSatisfy { $0 == [1, 1, 1, 1] })
    }

    @Test("the answer rows 2..<4 of a prefix-LM mask of 4 are its last two rows; a padding row is shared and stays as it is")
    func queryRows() {
        let rows = AttentionMask.prefixLM(prefixLength: 2, length: 4).queries(2..<4)
        #expect(rows.bias.shape == [1, 2, 4])
        #expect(visible(rows, queries: 2, keys: 4) == [[1, 1, 1, 0],
                                                        [1, 1, 1, 1]])
        let padding = AttentionMask.keyPadding([[false, false, true, false]])
        #expect(padding.queries(2..<4) == padding)          // [1, 1, 4]: one row for every query
    }

    @Test("causal + padding of key 1: a key is visible only where both show it; the sum has shape [2, 3, 3]")
    func sum() {
        let mask = AttentionMask.causal(length: 3) + .keyPadding([[false, true, false], [false, false, false]])
        #expect(mask.bias.shape == [2, 3, 3])
        #expect(visible(mask, item: 0, queries: 3, keys: 3) == [[1, 0, 0], [1, 0, 0], [1, 0, 1]])
        #expect(visible(mask, item: 1, queries: 3, keys: 3) == [[1, 0, 0], [1, 1, 0], [1, 1, 1]])
    }

    @Test("attention under a mask gives a hidden key weight 0, and equals attention over the visible keys alone")
    func hiddenKeysDoNotCount() {
        var rng = SeededGenerator(seed: 11)
        let attention = MultiHeadAttention(width: 4, headCount: 2, name: "attn", using: &rng)
        let x = Variable(Tensor(randomNormal: [1, 3, 4], using: &rng))
        let padded = attention(x, mask: .keyPadding([[false, false, true]]))     // key 2 hidden
        let shorter = attention(x, context: x.slice(alongAxis: 1, 0..<2))       // keys 0 and 1 only
        #expect((0..<2).allSatisfy { h in (0..<3).allSatisfy { i in padded.weights.value[0, h, i, 2] == 0 } })
        let (a, b) = (padded.output.value.scalars, shorter.output.value.scalars)
        #expect(zip(a, b).allSatisfy { abs($0 - $1) < 1e-6 })
    }
}
