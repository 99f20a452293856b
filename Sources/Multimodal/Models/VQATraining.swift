// Training and measuring a single-stream VQA model: AdamW with warm-up + cosine on mini-batches of
// examples, cross-entropy on the answer tokens only; exact-match accuracy of greedy answers per
// question kind.

import AlignFuseSupport
import TeachingEngine

/// The recipe of a training run.
public struct VQATrainingPlan: Sendable, Hashable {
    public var steps: Int
    public var batchSize = 64
    public var peakLearningRate: Float = 1e-3
    public var warmupSteps = 30
    public var weightDecay: Float = 0.01

    public init(steps: Int) { self.steps = steps }
}

/// Exact-match accuracy of greedy answers, overall and per question kind.
public struct VQAScore: Sendable {
    /// Correct and asked, per kind.
    public let perKind: [QuestionKind: (correct: Int, total: Int)]

    public func accuracy(_ kind: QuestionKind) -> Double? {
        guard let entry = perKind[kind], entry.total > 0 else { return nil }
        return Double(entry.correct) / Double(entry.total)
    }

    public var overall: Double {
        let (correct, total) = perKind.values.reduce((0, 0)) { ($0.0 + $1.correct, $0.1 + $1.total) }
        return total == 0 ? 0 : Double(correct) / Double(total)
    }
}

public enum VQATraining {
    /// Trains `model` in place on `data.train`; `onStep(step, loss)` is called after each step (1-based)
    /// and may throw to stop (e.g. on divergence). Batches are drawn with `rng` (see `VQABatches`).
    /// The lessons write this loop out in their training steps; tests call it.
    public static func train(_ model: SingleStreamVQA, on data: VQAData, plan: VQATrainingPlan,
                             rng: inout SeededGenerator, onStep: (Int, Float) throws -> Void) rethrows {
        let schedule = plan.schedule
        var optimizer = plan.optimizer(for: model)
        var batches = VQABatches(data, size: plan.batchSize, rng: rng)
        for step in 1...plan.steps {
            let batch = batches.next()                                    // [B] examples
            optimizer.learningRate = schedule(step - 1)
            optimizer.zeroGrad()
            let loss = model.loss(images: batch.images, questions: batch.questions, answers: batch.answers)
            loss.backward()
            optimizer.step()
            try onStep(step, loss.item)
        }
        rng = batches.generator
    }

    /// Greedy answers to `examples`, in chunks of `chunk` (to bound memory).
    public static func answers(_ model: SingleStreamVQA, data: VQAData, examples: [VQAExample],
                               chunk: Int = 256) -> [GreedyAnswer] {
        stride(from: 0, to: examples.count, by: chunk).flatMap { start in
            let part = Array(examples[start..<min(start + chunk, examples.count)])
            return GreedyDecoder.answer(model, images: model.configuration.seesImage ? data.images(part) : nil,
                                        questions: part.map(\.question))
        }
    }

    /// The share of `examples` whose generated answer ends in the right word: for answers that show
    /// their working ("cat column 1 square column 3 yes"), the verdict alone, which a blind model can still guess.
    public static func lastWordAccuracy(_ model: SingleStreamVQA, data: VQAData, examples: [VQAExample]) -> Double {
        lastWordAccuracy(examples, answers(model, data: data, examples: examples))
    }

    /// The same share for answers already generated (`generated[i]` answers `examples[i]`).
    public static func lastWordAccuracy(_ examples: [VQAExample], _ generated: [GreedyAnswer]) -> Double {
        require(examples.count == generated.count,
                "VQATraining.lastWordAccuracy: \(examples.count) examples, \(generated.count) answers")
        guard !examples.isEmpty else { return 0 }
        let right = zip(examples, generated).filter { $0.answer.last == $1.words.last }.count
        return Double(right) / Double(examples.count)
    }

    /// Exact match: the generated words equal the answer's words and the model stopped at <eos>.
    public static func score(_ model: SingleStreamVQA, data: VQAData, examples: [VQAExample]) -> VQAScore {
        score(examples, answers(model, data: data, examples: examples))
    }

    /// Exact match for answers already generated (`generated[i]` answers `examples[i]`): one decoding
    /// serves both this score and `lastWordAccuracy`.
    public static func score(_ examples: [VQAExample], _ generated: [GreedyAnswer]) -> VQAScore {
        require(examples.count == generated.count,
                "VQATraining.score: \(examples.count) examples, \(generated.count) answers")
        var perKind: [QuestionKind: (correct: Int, total: Int)] = [:]
        for (example, answer) in zip(examples, generated) {
            let right = answer.stoppedAtEnd && answer.words == example.answer
            let entry = perKind[example.kind] ?? (0, 0)
            perKind[example.kind] = (entry.correct + (right ? 1 : 0), entry.total + 1)
        }
        return VQAScore(perKind: perKind)
    }
}
