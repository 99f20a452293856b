// A small text decoder whose words read the image through cross-attention: the layout of Flamingo
// (Alayrac et al. 2022, §2.2: cross-attention layers between a language model's self-attention layers,
// keys and values from the image tokens), here without the tanh gates and without a pretrained LM.
// The sequence holds text only, [question | <sep> answer]; the image never becomes part of it.
//   text      Embedding(id) + position[t]                                          [B, T, d]
//   block     x += SelfAttention(LN(x), causal, padding hidden)                     [B, T, d]
//             x += CrossAttention(LN(x), keys and values: the image tokens)         [B, T, d], weights [B, h, T, N]
//             x += MLP(LN(x))
//   head      LN → Linear(d → V) at the answer positions                            [B, A, V]
// The image tokens come in already projected to d (a projector in front, see `EncoderVQA`).

import AlignFuseSupport
import TeachingEngine

/// The sizes of a `CrossDecoder`.
public struct CrossDecoderConfiguration: Sendable, Hashable {
    public var vocabularySize: Int
    /// Question ids per sample (padded with `Tokenizer.pad`).
    public var questionLength: Int
    /// Answer-side positions: <sep> plus up to `answerLength − 1` answer words (the last target is <eos>).
    public var answerLength: Int
    public var width = 32
    public var depth = 1
    public var headCount = 2
    public var hiddenWidth = 64

    public init(vocabularySize: Int, questionLength: Int, answerLength: Int) {
        self.vocabularySize = vocabularySize
        self.questionLength = questionLength
        self.answerLength = answerLength
    }

    /// Text positions: the question and the answer side, T = Q + A.
    public var textLength: Int { questionLength + answerLength }
}

/// One decoder block: causal self-attention over the text, cross-attention to the image, MLP (pre-LN).
public struct CrossDecoderBlock: Module {
    public let selfNorm: LayerNorm
    public let selfAttention: MultiHeadAttention
    public let crossNorm: LayerNorm
    public let crossAttention: MultiHeadAttention   // queries from the text, keys and values from the image
    public let mlpNorm: LayerNorm
    public let mlp: MLP

    public init(width: Int, headCount: Int, hiddenWidth: Int, name: String, using rng: inout SeededGenerator) {
        selfNorm = LayerNorm(width: width, name: name + ".ln1")
        selfAttention = MultiHeadAttention(width: width, headCount: headCount, name: name + ".self", using: &rng)
        crossNorm = LayerNorm(width: width, name: name + ".ln2")
        crossAttention = MultiHeadAttention(width: width, headCount: headCount, name: name + ".cross", using: &rng)
        mlpNorm = LayerNorm(width: width, name: name + ".ln3")
        mlp = MLP(width: width, hiddenWidth: hiddenWidth, name: name + ".mlp", using: &rng)
    }

    public var parameters: [Variable] {
        selfNorm.parameters + selfAttention.parameters + crossNorm.parameters + crossAttention.parameters
            + mlpNorm.parameters + mlp.parameters
    }

    /// Text `x` [B, T, d] under `mask` (causal, padding hidden) reading `image` [B, N, d] → the new text
    /// tokens and the cross-attention weights [B, h, T, N].
    public func callAsFunction(_ x: Variable, mask: AttentionMask, image: Variable) -> (output: Variable, weights: Variable) {
        let afterSelf = x + selfAttention(selfNorm(x), mask: mask).output                        // [B, T, d]
        let crossed = crossAttention(crossNorm(afterSelf), context: image)                       // [B, T, d]
        let afterCross = afterSelf + crossed.output                                              // [B, T, d]
        return (afterCross + mlp(mlpNorm(afterCross)), crossed.weights)
    }
}

/// Question words and answer words in one text sequence, reading projected image tokens by cross-attention.
///
///     var rng = SeededGenerator(seed: 1)
///     let decoder = CrossDecoder(CrossDecoderConfiguration(vocabularySize: 30, questionLength: 6, answerLength: 2),
///                                name: "decoder", using: &rng)
///     let out = decoder(image: tokens /* [B, 16, 32] */, questions: ids /* [B][6] */,
///                       answerInputs: VQASequence.answerInputs(answers, length: 2))
///     out.logits.shape   // [B, 2, 30]
public struct CrossDecoder: Module {
    public let configuration: CrossDecoderConfiguration
    public let tokenEmbedding: Embedding   // V × d
    public let positions: Variable         // [T, d], learned
    public let blocks: [CrossDecoderBlock]
    public let finalNorm: LayerNorm
    public let head: Linear                // d → V

    public init(_ configuration: CrossDecoderConfiguration, name: String, using rng: inout SeededGenerator) {
        let c = configuration
        self.configuration = c
        tokenEmbedding = Embedding(vocabularySize: c.vocabularySize, width: c.width, standardDeviation: 0.02,
                                   name: name + ".tokens", using: &rng)
        positions = Variable(name: name + ".positions",
                             value: Tensor(randomNormal: [c.textLength, c.width], standardDeviation: 0.02, using: &rng))
        blocks = (0..<c.depth).map { i in
            CrossDecoderBlock(width: c.width, headCount: c.headCount, hiddenWidth: c.hiddenWidth,
                              name: "\(name).blocks.\(i)", using: &rng)
        }
        finalNorm = LayerNorm(width: c.width, name: name + ".ln")
        head = Linear(inputSize: c.width, outputSize: c.vocabularySize, name: name + ".head", using: &rng)
    }

    public var parameters: [Variable] {
        tokenEmbedding.parameters + [positions] + blocks.flatMap(\.parameters) + finalNorm.parameters + head.parameters
    }

    /// Next-word logits at the answer positions [B, A, V] and each block's cross-attention [B, h, T, N].
    /// `image` [B, N, d] projected image tokens; `questions` [B][Q]; `answerInputs` [B][A] starting with <sep>.
    public func callAsFunction(image: Variable, questions: [[Int]], answerInputs: [[Int]],
                               file: StaticString = #fileID, line: UInt = #line) -> (logits: Variable, crossWeights: [Variable]) {
        let c = configuration
        require(questions.count == answerInputs.count && image.rank == 3 && image.shape[0] == questions.count
                    && image.shape[2] == c.width,
                "CrossDecoder: image tokens \(describe(shape: image.shape)) for \(questions.count) questions and \(answerInputs.count) answer inputs, width \(c.width)",
                file: file, line: line)
        let a = answerInputs.first?.count ?? 0
        require(questions.allSatisfy { $0.count == c.questionLength } && answerInputs.allSatisfy { $0.count == a }
                    && a >= 1 && a <= c.answerLength,
                "CrossDecoder: questions must have \(c.questionLength) ids and answer inputs one length up to \(c.answerLength)",
                file: file, line: line)
        let t = c.questionLength + a                                            // a short answer needs fewer positions
        let ids = zip(questions, answerInputs).map { $0 + $1 }                 // [B][T]
        var x = tokenEmbedding(ids) + positions.slice(alongAxis: 0, 0..<t)      // [B, T, d]
        let mask = AttentionMask.causal(length: t) + .keyPadding(ids, padID: Tokenizer.pad)   // [B, T, T]
        var weights: [Variable] = []
        for block in blocks {
            let out = block(x, mask: mask, image: image)
            x = out.output                                                      // [B, T, d]
            weights.append(out.weights)                                         // [B, h, T, N]
        }
        let answerStates = finalNorm(x).slice(alongAxis: 1, c.questionLength..<t)   // [B, A, d]
        return (head(answerStates), weights)                                    // [B, A, V]
    }
}
