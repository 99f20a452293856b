// Align, then fuse, in small: an image encoder (trained elsewhere, e.g. by contrastive alignment) is read
// at one depth, a projector maps its patch tokens into the text decoder's width, and the decoder answers
// a question about the image word by word, its words reading the image through cross-attention.
// LLaVA's three parts (Liu et al. 2023, "Visual Instruction Tuning", §4.1: vision encoder, projection W,
// language model), with Flamingo's way of letting the words read the image (see CrossDecoder).
//   image    [B, S, S, 3] ─ImageEncoder, read at depth k→ [B, N, d_enc]          (frozen or trained)
//   project  [B, N, d_enc] ─LayerNorm, Linear→ [B, N, d]
//   decode   [question | <sep> answer] reading the N image tokens → next-word logits [B, A, V]

import AlignFuseSupport
import TeachingEngine

/// An image encoder read at `depth`, a linear projector, and a cross-attention text decoder.
///
///     var rng = SeededGenerator(seed: 1)
///     let encoder = ImageEncoder(ImageEncoderConfiguration(), name: "image", using: &rng)   // or lesson 02's
///     let decoder = CrossDecoder(CrossDecoderConfiguration(vocabularySize: 30, questionLength: 6, answerLength: 2),
///                                name: "decoder", using: &rng)
///     let model = EncoderVQA(encoder: encoder, depth: 0, trainsEncoder: false, decoder: decoder, using: &rng)
///     model.loss(images: pixels, questions: ids, answers: answers)   // pixels [B, 32, 32, 3]
public struct EncoderVQA: Module {
    public let encoder: ImageEncoder
    /// Which tokens the decoder reads: 0 = the patch embedding … encoder depth = its output.
    public let depth: Int
    /// false: the encoder is frozen (its tokens are features, no gradient reaches it).
    public let trainsEncoder: Bool
    /// Normalises each image token before the projector, so tokens read at any depth arrive on one scale
    /// (the patch embedding's tokens are not normalised, the output's are).
    public let projectorNorm: LayerNorm
    /// d_enc → d: LLaVA's projection W.
    public let projector: Linear
    public let decoder: CrossDecoder

    /// The projector is drawn from `rng`; its parameters are named "projector.*".
    public init(encoder: ImageEncoder, depth: Int, trainsEncoder: Bool, decoder: CrossDecoder,
                using rng: inout SeededGenerator, file: StaticString = #fileID, line: UInt = #line) {
        require(encoder.readableDepths.contains(depth),
                "EncoderVQA: depth \(depth) is not in \(encoder.readableDepths)", file: file, line: line)
        self.encoder = encoder
        self.depth = depth
        self.trainsEncoder = trainsEncoder
        projectorNorm = LayerNorm(width: encoder.configuration.width, name: "projector.norm")
        projector = Linear(inputSize: encoder.configuration.width, outputSize: decoder.configuration.width,
                           name: "projector", using: &rng)
        self.decoder = decoder
    }

    /// What learns: the projector and the decoder, and the encoder too when it is not frozen.
    public var parameters: [Variable] {
        (trainsEncoder ? encoder.parameters : []) + projectorNorm.parameters + projector.parameters + decoder.parameters
    }

    /// The encoder's tokens at `depth` for `images` [B, S, S, 3] → [B, N, d_enc]; recorded for the
    /// gradient only when the encoder trains.
    public func imageFeatures(_ images: Tensor) -> Variable {
        trainsEncoder ? encoder.tokens(images, depth: depth) : Variable(encoder.features(images, depth: depth))
    }

    /// Logits at the answer positions [B, A, V] and each decoder block's cross-attention [B, h, T, N].
    /// `features`: the frozen encoder's tokens of these images when already computed (then `images` may be nil).
    public func callAsFunction(images: Tensor?, features: Tensor? = nil, questions: [[Int]],
                               answerInputs: [[Int]]) -> (logits: Variable, crossWeights: [Variable]) {
        require(images != nil || features != nil, "EncoderVQA: give images or their features")
        let tokens = features.map { Variable($0) } ?? imageFeatures(images!)   // [B, N, d_enc]
        return decoder(image: project(tokens), questions: questions, answerInputs: answerInputs)
    }

    /// Encoder tokens [B, N, d_enc] → decoder-width image tokens [B, N, d]: LayerNorm, then W.
    public func project(_ tokens: Variable) -> Variable {
        projector(projectorNorm(tokens))   // [B, N, d]
    }

    /// Mean cross-entropy of the next answer word over real answer positions (`answers` [B][n] word ids).
    public func loss(images: Tensor?, features: Tensor? = nil, questions: [[Int]], answers: [[Int]]) -> Variable {
        let c = decoder.configuration
        let length = (answers.map(\.count).max() ?? 0) + 1                   // the longest answer and its <eos>
        let out = self(images: images, features: features, questions: questions,
                       answerInputs: VQASequence.answerInputs(answers, length: length))
        let logits = out.logits.reshaped(to: [answers.count * length, c.vocabularySize])   // [B·A, V]
        let targets = VQASequence.targets(answers, length: length).flatMap { $0 }
        return crossEntropy(logits, targets: targets, ignoreIndex: VQASequence.ignored)
    }

    /// Greedy answers, with where each word looked among the patches (last block, mean of the heads).
    public func answer(images: Tensor?, features: Tensor? = nil, questions: [[Int]], maxWords: Int? = nil) -> [GreedyAnswer] {
        let c = decoder.configuration
        require(images != nil || features != nil, "EncoderVQA.answer: give images or their features")
        let tokens = Variable(features ?? encoder.features(images!, depth: depth))   // [B, N, d_enc]
        let projected = noGrad { project(tokens) }                                 // [B, N, d]
        let layout = GreedyDecoder.Layout(answerLength: min(c.answerLength, (maxWords ?? c.answerLength) + 1), vocabularySize: c.vocabularySize,
                                          headCount: c.headCount, firstAnswerQuery: c.questionLength,
                                          patches: encoder.configuration.patchCount)
        return GreedyDecoder.decode(layout, batch: questions.count) { inputs in
            let out = decoder(image: projected, questions: questions, answerInputs: inputs)
            return (out.logits.value, out.crossWeights[out.crossWeights.count - 1].value)
        }
    }
}
