// The single-stream VQA model: the article's GPT-4V walkthrough at toy scale. An image's patches and
// a question's words become tokens of ONE sequence, transformer blocks let every token attend to every
// other (prefix-LM mask), and the answer is produced word by word as next-token predictions.
// Layout as in ViLT (Kim et al. 2021: patch projection + modality-type embeddings + learned positions)
// with a prefix-LM decoder (Raffel et al. 2020 §3.2.1; SimVLM, Wang et al. 2022, pretrains a vision-language
// model this way: image patches and a text prefix seen in both directions, the rest generated).
//
//   sequence  [ 16 patches | Q question ids | A answer inputs: <sep> a₁ a₂ … ]        T = 16 + Q + A
//   tokens    Linear(192→d)(patch) or Embedding(id)  + position[t] + type[image 0 | text 1]
//   blocks    4 pre-LN blocks with the prefix-LM mask → LayerNorm → Linear(d→V) at the answer positions
//   targets   a₁ a₂ … <eos> (then ignored): answer position i predicts answer word i+1
//
// The "blind" variant (`seesImage = false`) has no patch tokens at all: [question | answer] only —
// the language-prior baseline.

import AlignFuseSupport
import TeachingEngine

/// The sizes of a single-stream VQA model.
public struct SingleStreamConfiguration: Sendable, Hashable {
    /// Token ids run over 0..<vocabularySize (the tokenizer's count).
    public var vocabularySize: Int
    /// Question ids per sample (padded with `Tokenizer.pad`).
    public var questionLength: Int
    /// Answer-side positions: <sep> plus up to `answerLength − 1` answer words (the last target is <eos>).
    public var answerLength: Int
    /// false: the blind baseline, which has no image tokens.
    public var seesImage = true
    public var imageSize = 32
    public var patchSize = 8
    public var width = 64
    public var depth = 4
    public var headCount = 4
    public var hiddenWidth = 256
    /// Spread of the learned positions at the start. ViT starts at 0.02; in lesson 04 (seed 0, 800 steps)
    /// a 2-block model started there stays at chance on "where is the X?" (0.07: its positions are too
    /// faint beside the patch content to be read), while started at 0.2 it answers 0.94.
    public var positionStandardDeviation: Float = 0.02
    /// Adds this multiple of the 2D sinusoidal code of the patch grid to the patch rows of the
    /// position table at the start (0: none). MAE keeps that code fixed; here it is only where learning
    /// starts from. Lesson 05 uses 1: with it (and more "left of" questions) "is X left of Y?" leaves the
    /// coin on some seeds (Docs/05-vqa.md).
    public var patchGridStart: Float = 0

    public init(vocabularySize: Int, questionLength: Int, answerLength: Int, seesImage: Bool = true) {
        self.vocabularySize = vocabularySize
        self.questionLength = questionLength
        self.answerLength = answerLength
        self.seesImage = seesImage
    }

    /// Image tokens: (32 / 8)² = 16, or 0 for the blind model.
    public var patchCount: Int { seesImage ? (imageSize / patchSize) * (imageSize / patchSize) : 0 }
    /// Patches plus question: the part every prefix token sees in both directions.
    public var prefixLength: Int { patchCount + questionLength }
    /// The whole sequence T.
    public var sequenceLength: Int { prefixLength + answerLength }

    /// What each token may attend to: the prefix-LM mask (patches and question see each other, an
    /// answer word sees the prefix and the answer words up to itself) plus the padded keys hidden.
    /// `keyIsPadding[b]` has `sequenceLength` entries.
    ///
    ///     query \ key   prefix   answer (up to itself)   answer (later)   padding
    ///     prefix         see      hidden                  hidden           hidden
    ///     answer         see      see                     hidden           hidden
    public func attentionMask(keyIsPadding: [[Bool]]) -> AttentionMask {
        .prefixLM(prefixLength: prefixLength, length: sequenceLength) + .keyPadding(keyIsPadding)   // [B, T, T]
    }
}

/// What one forward pass produces.
public struct SingleStreamOutput {
    /// Next-token logits at the answer positions, [B, A, V].
    public let logits: Variable
    /// One [B, h, T, T] per block, first block first (query rows, key columns; patches are keys 0..<16).
    public let attentionWeights: [Variable]
}

/// Patches + question → transformer → answer words, one sequence.
///
///     var rng = SeededGenerator(seed: 1)
///     let model = SingleStreamVQA(SingleStreamConfiguration(vocabularySize: 40, questionLength: 8, answerLength: 4),
///                                 using: &rng)
///     model.parameterCount   // 16 + 8 + 4 = 28 positions; ≈ 0.22 M parameters
///     let out = model(images: pixels /* [B, 32, 32, 3] centred */, questions: ids /* [B][8] */,
///                     answerInputs: VQASequence.answerInputs(answers, length: 4))
///     out.logits.shape   // [B, 4, 40]
public struct SingleStreamVQA: Module {
    public let configuration: SingleStreamConfiguration
    public let patchEmbedding: Linear        // P·P·3 → d   (192 → 64)
    public let tokenEmbedding: Embedding     // V × d
    public let positions: LearnedPositions   // [T, d] learned, one row per sequence position
    public let modalityTypes: ModalityTypeEmbedding   // 2 × d: image, text
    public let encoder: TransformerEncoder   // blocks + final LayerNorm
    public let head: Linear                  // d → V

    public init(_ configuration: SingleStreamConfiguration, name: String = "vqa", using rng: inout SeededGenerator) {
        let c = configuration
        self.configuration = c
        patchEmbedding = Linear(inputSize: c.patchSize * c.patchSize * 3, outputSize: c.width,
                                name: name + ".patch", using: &rng)
        tokenEmbedding = Embedding(vocabularySize: c.vocabularySize, width: c.width, standardDeviation: 0.02,
                                   name: name + ".tokens", using: &rng)
        var table = Tensor(randomNormal: [c.sequenceLength, c.width], standardDeviation: c.positionStandardDeviation,
                           using: &rng)                                                      // [T, d]
        if c.patchGridStart != 0 && c.seesImage {
            let side = c.imageSize / c.patchSize
            let grid = PositionalEncoding.sinusoidal2D(rows: side, columns: side, dimension: c.width)   // [16, d]
            var scalars = table.scalars
            for i in grid.scalars.indices { scalars[i] += c.patchGridStart * grid.scalars[i] }
            table = Tensor(shape: table.shape, scalars: scalars)
        }
        positions = LearnedPositions(table: table, name: name + ".positions")
        modalityTypes = ModalityTypeEmbedding(modalities: 2, width: c.width, name: name + ".types", using: &rng)
        encoder = TransformerEncoder(depth: c.depth, width: c.width, headCount: c.headCount,
                                     hiddenWidth: c.hiddenWidth, name: name + ".encoder", using: &rng)
        head = Linear(inputSize: c.width, outputSize: c.vocabularySize, name: name + ".head", using: &rng)
    }

    /// The blind model has no patch projection in use, but keeps it so both variants load the same way.
    public var parameters: [Variable] {
        patchEmbedding.parameters + tokenEmbedding.parameters + positions.parameters + modalityTypes.parameters
            + encoder.parameters + head.parameters
    }

    /// The learned position vectors of the image patches, [16, d] (row r·4 + c is the patch in grid
    /// row r, column c). Lesson 04 compares them to see whether learned positions discover the grid.
    public var patchPositions: Tensor {
        require(configuration.seesImage, "SingleStreamVQA.patchPositions: the blind model has no patch positions")
        return noGrad { positions.table.slice(alongAxis: 0, 0..<configuration.patchCount).value }   // [16, d]
    }

    /// One forward pass. `images` [B, S, S, 3] centred pixels ((x/255 − 0.5)·2; ignored — may be nil —
    /// by the blind model); `questions` [B][Q] ids; `answerInputs` [B][A] ids starting with <sep>
    /// (see `VQASequence.answerInputs`). Padding (id 0) is hidden from attention.
    public func callAsFunction(images: Tensor?, questions: [[Int]], answerInputs: [[Int]],
                               file: StaticString = #fileID, line: UInt = #line) -> SingleStreamOutput {
        forward(images: images, questions: questions, answerInputs: answerInputs, lastBlockEverywhere: true,
                file: file, line: line)
    }

    /// The forward pass. With `lastBlockEverywhere` false, the last block runs only at the answer
    /// positions: its outputs at the prefix feed nothing (the head reads the answer rows), so training
    /// skips them: 30% of the multiply-adds of lesson 05's 2-block model (16 + 8 + 8 tokens, d = 64).
    /// The prefix is still read there as keys and values; the last block's weights are then [B, h, A, T].
    func forward(images: Tensor?, questions: [[Int]], answerInputs: [[Int]], lastBlockEverywhere: Bool,
                 file: StaticString, line: UInt) -> SingleStreamOutput {
        let c = configuration
        let batch = questions.count
        require(questions.allSatisfy { $0.count == c.questionLength },
                "SingleStreamVQA: questions must have \(c.questionLength) ids, got lengths \(Set(questions.map(\.count)).sorted())",
                file: file, line: line)
        require(answerInputs.count == batch && answerInputs.allSatisfy { $0.count == c.answerLength },
                "SingleStreamVQA: need \(batch) answer inputs of \(c.answerLength) ids, got \(answerInputs.count) of lengths \(Set(answerInputs.map(\.count)).sorted())",
                file: file, line: line)
        let text = tokenEmbedding(zip(questions, answerInputs).map { $0 + $1 })        // [B, Q + A, d]
        var sequence = text
        var keyIsPadding = zip(questions, answerInputs).map { ($0 + $1).map { $0 == Tokenizer.pad } }
        if c.seesImage {
            require(images != nil, "SingleStreamVQA: a model that sees needs images, got nil", file: file, line: line)
            let images = images!
            require(images.shape == [batch, c.imageSize, c.imageSize, 3],
                    "SingleStreamVQA: images \(describe(shape: images.shape)) should be [\(batch), \(c.imageSize), \(c.imageSize), 3]",
                    file: file, line: line)
            let patches = Variable(Patches.patchify(images, patchSize: c.patchSize))   // [B, 16, 192]
            sequence = concatenate([patchEmbedding(patches), text], alongAxis: 1)      // [B, T, d]
            keyIsPadding = keyIsPadding.map { [Bool](repeating: false, count: c.patchCount) + $0 }
        }
        let kinds = (0..<c.sequenceLength).map { $0 < c.patchCount ? Modality.image : .text }
        var tokens = modalityTypes(positions(sequence), modalities: kinds)             // [B, T, d]
        let mask = c.attentionMask(keyIsPadding: keyIsPadding)                         // [B, T, T]
        var weights: [Variable] = []
        let answerRows = c.prefixLength..<c.sequenceLength
        for (i, block) in encoder.blocks.enumerated() {
            let result = lastBlockEverywhere || i < encoder.blocks.count - 1
                ? block(tokens, mask: mask)                                            // [B, T, d]
                : block(tokens, mask: mask, rows: answerRows)                          // [B, A, d]
            tokens = result.output
            weights.append(result.weights)                                             // [B, h, T or A, T]
        }
        var answerStates = encoder.finalNorm(tokens)                                   // [B, T or A, d]
        if lastBlockEverywhere { answerStates = answerStates.slice(alongAxis: 1, answerRows) }   // [B, A, d]
        return SingleStreamOutput(logits: head(answerStates), attentionWeights: weights)   // [B, A, V]
    }

    /// Mean cross-entropy of the next answer word over real answer positions only (`answers` [B][n]
    /// are answer word ids without specials; prefix and padding positions carry no loss).
    public func loss(images: Tensor?, questions: [[Int]], answers: [[Int]]) -> Variable {
        let c = configuration
        let out = forward(images: images, questions: questions,
                          answerInputs: VQASequence.answerInputs(answers, length: c.answerLength),
                          lastBlockEverywhere: false, file: #fileID, line: #line)
        let logits = out.logits.reshaped(to: [questions.count * c.answerLength, c.vocabularySize])  // [B·A, V]
        let targets = VQASequence.targets(answers, length: c.answerLength).flatMap { $0 }
        return crossEntropy(logits, targets: targets, ignoreIndex: VQASequence.ignored)
    }
}
