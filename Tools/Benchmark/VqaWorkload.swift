// W-VQA: one single-stream training step. Image patches and question tokens
// share one sequence (with learned positions and a modality-type embedding), pass through four
// pre-LN transformer blocks, and the last token's state predicts the answer.

import Multimodal
import TeachingEngine

/// The model of W-VQA: 220,384 parameters.
struct VqaBenchmarkModel {
    let patchEmbedding: Linear          // 192 → 64
    let tokenEmbedding: Embedding       // 64 × 64
    let positions: LearnedPositions     // [26, 64] at the default question length
    let modalityTypes: ModalityTypeEmbedding   // 2 × 64: image, text
    let encoder: TransformerEncoder     // 4 pre-LN blocks + final LayerNorm
    let answerHead: Linear              // 64 → 32

    /// `questionLength` tokens follow the 16 patches (10 in W-VQA; the growth figures vary it).
    init(seed: UInt64, questionLength: Int = 10) {
        var rng = SeededGenerator(seed: seed)
        let width = 64
        patchEmbedding = Linear(inputSize: 192, outputSize: width, name: "patch", using: &rng)
        tokenEmbedding = Embedding(vocabularySize: 64, width: width, name: "tokens", using: &rng)
        positions = LearnedPositions(positions: 16 + questionLength, width: width, name: "positions", using: &rng)
        modalityTypes = ModalityTypeEmbedding(modalities: 2, width: width, name: "types", using: &rng)
        encoder = TransformerEncoder(depth: 4, width: width, headCount: 4, hiddenWidth: 256, name: "encoder",
                                     using: &rng)
        answerHead = Linear(inputSize: width, outputSize: 32, name: "answer", using: &rng)
    }

    var parameters: [Variable] {
        patchEmbedding.parameters + tokenEmbedding.parameters + positions.parameters + modalityTypes.parameters
            + encoder.parameters + answerHead.parameters
    }

    /// Cross-entropy of the predicted answers for images [B, 32, 32, 3] and questions [B][L].
    func loss(images: Tensor, questions: [[Int]], answers: [Int]) -> Variable {
        let patchCount = 16, length = 16 + questions[0].count
        let patches = Variable(Patches.patchify(images, patchSize: 8))                               // [B, 16, 192]
        let sequence = concatenate([patchEmbedding(patches), tokenEmbedding(questions)], alongAxis: 1)   // [B, L, 64]
        let kinds = (0..<length).map { $0 < patchCount ? Modality.image : .text }
        let hidden = encoder(modalityTypes(positions(sequence), modalities: kinds)).output   // [B, L, 64]
        let last = hidden.slice(alongAxis: 1, (length - 1)..<length)
            .reshaped(to: [hidden.shape[0], hidden.shape[2]])                            // [B, 64]
        return crossEntropy(answerHead(last), targets: answers)                          // logits [B, 32]
    }
}

/// W-VQA at `questionLength` question tokens (sequence 16 + questionLength): `warmUp` untimed steps,
/// then the median of `steps` timed steps. With `parts` 2 (the default), each step's batch goes to the
/// cores in two halves of 32 examples, each half's forward and backward on one core
/// (`DataParallel.backward`); with 1, the whole batch goes through each operation, which splits its
/// own work across the cores.
func runVqaWorkload(batch: Int = 64, questionLength: Int = 10, warmUp: Int = 5, steps: Int = 50,
                    parts: Int = 2) -> StepTiming {
    precondition(batch % parts == 0, "W-VQA: a batch of \(batch) does not split into \(parts) equal parts")
    let model = VqaBenchmarkModel(seed: 3, questionLength: questionLength)
    let parameters = model.parameters
    let count = parameters.reduce(0) { $0 + $1.count }
    if questionLength == 10 {
        precondition(count == 220_384, "W-VQA: the model has \(count) parameters; the W-VQA model has 220,384")
    }
    var rng = SeededGenerator(seed: 4)
    let images = Tensor(randomUniform: [batch, 32, 32, 3], in: 0...1, using: &rng)
    let questions = (0..<batch).map { _ in (0..<questionLength).map { _ in 1 + rng.nextInt(below: 63) } }
    let answers = (0..<batch).map { _ in rng.nextInt(below: 32) }
    if parts == 1 {
        return timeTraining(parameters, warmUp: warmUp, steps: steps) {
            model.loss(images: images, questions: questions, answers: answers)
        }
    }
    // The batch in equal parts of whole examples, made before the timing starts.
    let size = batch / parts
    let pieces = (0..<parts).map { part in
        let rows = (part * size)..<((part + 1) * size)
        let pixels = 32 * 32 * 3
        return (images: Tensor(shape: [size, 32, 32, 3], scalars: Array(images.scalars[(rows.lowerBound * pixels)..<(rows.upperBound * pixels)])),
                questions: Array(questions[rows]), answers: Array(answers[rows]))
    }
    return timeTrainingInParts(parameters, parts: parts, warmUp: warmUp, steps: steps) { part in
        model.loss(images: pieces[part].images, questions: pieces[part].questions, answers: pieces[part].answers)
    }
}
