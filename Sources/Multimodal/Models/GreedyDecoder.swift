// Greedy decoding: generate the answer one word at a time, always taking the most likely next word,
// and stop at <eos> (the article's step 4, "the model generates the answer in words").
//   1. answer inputs = [<sep>]                      the prefix is the image patches + the question
//   2. logits at the last filled position → argmax → the next word w
//   3. append w; stop when w is <eos> or the answer positions are full; else back to 2
// Each step recomputes the whole sequence (no key/value cache: the sequences are 30 tokens long).
// With every generated word we keep where it looked: the LAST block's attention from the query that
// produced it (the position before it) over the 16 image patches — averaged over heads, or one head.

import AlignFuseSupport
import TeachingEngine

/// One generated answer and where each of its tokens looked in the image.
public struct GreedyAnswer: Sendable {
    /// The generated ids in order, ending with `Tokenizer.end` when the model stopped by itself.
    public let tokens: [Int]
    /// `patchAttention[i]` [16]: the attention (last block) of the query that produced `tokens[i]` over the
    /// image patches, row-major over the 4×4 grid. Its sum is the share of attention on the image
    /// (the rest went to the question and earlier answer words). Empty rows for the blind model.
    public let patchAttention: [[Float]]

    /// Whether the answer ended with <eos> (rather than running out of positions).
    public var stoppedAtEnd: Bool { tokens.last == Tokenizer.end }
    /// The answer words: the tokens without the final <eos>.
    public var words: [Int] { stoppedAtEnd ? Array(tokens.dropLast()) : tokens }
}

/// Greedy answer generation for a `SingleStreamVQA`.
public enum GreedyDecoder {
    /// Answers for a batch: `images` [B, S, S, 3] centred (nil for the blind model), `questions` [B][Q].
    /// `head`: which head's attention to keep, or nil for the mean over heads.
    ///
    ///     let answers = GreedyDecoder.answer(model, images: pixels, questions: ids)
    ///     tokenizer.decode(answers[0].words)   // e.g. "cat"
    ///     answers[0].stoppedAtEnd              // true: the model produced <eos> after "cat"
    public static func answer(_ model: SingleStreamVQA, images: Tensor?, questions: [[Int]],
                              head: Int? = nil) -> [GreedyAnswer] {
        let c = model.configuration
        let layout = Layout(answerLength: c.answerLength, vocabularySize: c.vocabularySize, headCount: c.headCount,
                            firstAnswerQuery: c.prefixLength, patches: c.patchCount)
        return decode(layout, batch: questions.count, head: head) { inputs in
            let out = model(images: images, questions: questions, answerInputs: inputs)
            return (out.logits.value, out.attentionWeights[out.attentionWeights.count - 1].value)
        }
    }

    /// Where a decoder keeps what the loop reads: the answer positions, and which attention row and keys
    /// belong to answer position 0 and to the image.
    public struct Layout: Sendable {
        public let answerLength: Int
        public let vocabularySize: Int
        public let headCount: Int
        /// The query row (in the attention weights) of answer position 0, i.e. of <sep>.
        public let firstAnswerQuery: Int
        /// The image's keys are 0..<patches of those weights.
        public let patches: Int

        public init(answerLength: Int, vocabularySize: Int, headCount: Int, firstAnswerQuery: Int, patches: Int) {
            self.answerLength = answerLength
            self.vocabularySize = vocabularySize
            self.headCount = headCount
            self.firstAnswerQuery = firstAnswerQuery
            self.patches = patches
        }
    }

    /// Steps 1–3 for any decoder: `forward(answerInputs [B][A])` returns the logits [B, A, V] and the last
    /// block's attention [B, h, Tq, Tk] whose keys 0..<`layout.patches` are the image.
    public static func decode(_ layout: Layout, batch: Int, head: Int? = nil,
                              forward: ([[Int]]) -> (logits: Tensor, attention: Tensor)) -> [GreedyAnswer] {
        let c = layout
        require(head == nil || (0..<c.headCount).contains(head!),
                "GreedyDecoder: head \(head!) is not one of the model's \(c.headCount) heads")
        var tokens = [[Int]](repeating: [], count: batch)
        var attention = [[[Float]]](repeating: [], count: batch)
        var finished = [Bool](repeating: false, count: batch)
        for step in 0..<c.answerLength where finished.contains(false) {
            let inputs = tokens.map { generated in
                [Tokenizer.separator] + generated + [Int](repeating: Tokenizer.pad, count: c.answerLength - 1 - generated.count)
            }                                                                           // [B][A]
            let (logits, last) = noGrad { forward(inputs) }                            // [B, A, V], [B, h, Tq, Tk]
            let query = c.firstAnswerQuery + step
            for b in 0..<batch where !finished[b] {
                let row = (b * c.answerLength + step) * c.vocabularySize
                var best = 0
                for v in 1..<c.vocabularySize where logits.scalars[row + v] > logits.scalars[row + best] { best = v }
                tokens[b].append(best)
                attention[b].append(patchAttention(last, sample: b, query: query, patches: c.patches, head: head))
                if best == Tokenizer.end || tokens[b].count == c.answerLength { finished[b] = true }
            }
        }
        return (0..<batch).map { GreedyAnswer(tokens: tokens[$0], patchAttention: attention[$0]) }
    }

    /// Row `query` of sample `b` in weights [B, h, Tq, Tk], keys 0..<patches, mean over heads or one head.
    static func patchAttention(_ weights: Tensor, sample b: Int, query: Int, patches: Int, head: Int?) -> [Float] {
        let (heads, queries, keys) = (weights.shape[1], weights.shape[2], weights.shape[3])
        let chosen = head.map { [$0] } ?? Array(0..<heads)
        var row = [Float](repeating: 0, count: patches)
        for h in chosen {
            let base = ((b * heads + h) * queries + query) * keys
            for j in 0..<patches { row[j] += weights.scalars[base + j] / Float(chosen.count) }
        }
        return row
    }
}
