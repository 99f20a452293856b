// Training an EncoderVQA: mini-batches of questions (a frozen encoder's tokens computed once, up front),
// cross-entropy on the answer words, AdamW with warm-up + cosine and a clipped gradient norm. A
// pretrained encoder that trains too moves at a fraction of the rate (fine-tuning adjusts, it does not
// rewrite: the practice of ULMFiT's discriminative rates, Howard & Ruder 2018, §3.2).

import AlignFuseSupport
import TeachingEngine

/// The recipe of one EncoderVQA training run (the defaults are lesson 06's).
public struct EncoderVQAPlan: Sendable, Hashable {
    public var steps: Int
    public var batchSize = 32
    public var peakLearningRate: Float = 3e-3
    public var warmupSteps = 30
    public var weightDecay: Float = 0.01
    /// The largest gradient norm a step may take (0: no clipping).
    public var clipNorm: Float = 1
    /// A trained encoder learns at this share of the peak rate (1 for an encoder that starts from random weights).
    public var encoderLearningRateShare: Float = 1

    public init(steps: Int) { self.steps = steps }

    /// The learning rate of each step: warm-up, then a cosine down to a twentieth of the peak.
    public var schedule: WarmupCosineSchedule {
        WarmupCosineSchedule(peak: peakLearningRate, warmupSteps: Swift.min(warmupSteps, steps - 1), totalSteps: steps,
                             floor: peakLearningRate / 20)
    }

    /// The settings that change what training produces, for checkpoint keys.
    public var settings: [String: String] {
        ["batch": "\(batchSize)", "lr": "\(peakLearningRate)", "warmup": "\(warmupSteps)", "decay": "\(weightDecay)",
         "clip": "\(clipNorm)", "encoder-lr-share": "\(encoderLearningRateShare)"]
    }
}

/// What one training step reads: images [B, S, S, 3] (nil when the frozen encoder's tokens of them are
/// given instead), those tokens [B, N, d_enc], question ids [B][Q] and answer word ids [B][n].
public struct QuestionBatch {
    public let images: Tensor?
    public let features: Tensor?
    public let questions: [[Int]]
    public let answers: [[Int]]
}

/// Mini-batches of `examples`, shuffled anew every epoch, no example twice within one.
///
///     var batches = QuestionBatches(examples, data: data, features: nil, size: 32, seed: 61)
///     let batch = batches.next()   // 32 questions and their pictures
public struct QuestionBatches {
    public let examples: [VQAExample]
    public let data: VQAData
    /// The frozen encoder's tokens of every example [n, N, d_enc], or nil.
    public let features: Tensor?
    public let size: Int
    private var rng: SeededGenerator
    private var order: EpochOrder

    public init(_ examples: [VQAExample], data: VQAData, features: Tensor?, size: Int, seed: UInt64,
                file: StaticString = #fileID, line: UInt = #line) {
        require(!examples.isEmpty, "QuestionBatches: no examples", file: file, line: line)
        require(features == nil || features!.shape.first == examples.count,
                "QuestionBatches: features of \(features?.shape.first ?? 0) images for \(examples.count) examples",
                file: file, line: line)
        self.examples = examples
        self.data = data
        self.features = features
        self.size = Swift.min(size, examples.count)
        rng = SeededGenerator(seed: seed)
        order = EpochOrder(count: examples.count)
    }

    public mutating func next() -> QuestionBatch {
        let chosen = order.take(size, using: &rng)
        let batch = chosen.map { examples[$0] }
        return QuestionBatch(images: features == nil ? data.images(batch) : nil,
                             features: features.map { selectRows($0, chosen) },
                             questions: batch.map(\.question), answers: batch.map(\.answer))
    }
}

/// AdamW over an EncoderVQA: the projector and decoder at the scheduled rate, a trained encoder at
/// `encoderLearningRateShare` of it; the gradient norm clipped first.
public struct EncoderVQAOptimizer {
    public let plan: EncoderVQAPlan
    private let parameters: [Variable]
    private var optimizer: AdamW
    private var encoderOptimizer: AdamW

    public init(_ model: EncoderVQA, plan: EncoderVQAPlan) {
        self.plan = plan
        let encoder = model.trainsEncoder ? model.encoder.parameters : []
        let encoderIDs = Set(encoder.map(ObjectIdentifier.init))
        parameters = model.parameters
        optimizer = AdamW(parameters: parameters.filter { !encoderIDs.contains(ObjectIdentifier($0)) },
                          learningRate: plan.peakLearningRate, weightDecay: plan.weightDecay)
        encoderOptimizer = AdamW(parameters: encoder, learningRate: plan.peakLearningRate, weightDecay: plan.weightDecay)
    }

    /// Step `step` (from 1) of the run, after `backward()`.
    public mutating func step(_ step: Int) {
        let rate = plan.schedule(step - 1)
        optimizer.learningRate = rate
        encoderOptimizer.learningRate = rate * plan.encoderLearningRateShare
        if plan.clipNorm > 0 { _ = clipGradientNorm(parameters, maxNorm: plan.clipNorm) }
        optimizer.step()
        encoderOptimizer.step()
    }
}

extension EncoderVQA {
    /// The mean cross-entropy of the answer words of one batch.
    public func loss(_ batch: QuestionBatch) -> Variable {
        loss(images: batch.images, features: batch.features, questions: batch.questions, answers: batch.answers)
    }

    /// The frozen encoder's tokens of `examples` [n, N, d_enc], or nil when the encoder trains (its tokens
    /// change every step).
    public func frozenFeatures(_ examples: [VQAExample], data: VQAData) -> Tensor? {
        trainsEncoder ? nil : encoder.features(data.images(examples), depth: depth)
    }
}

public enum EncoderVQATraining {
    /// Trains `model` in place on `examples`: the loop of a lesson step, for tests and tools.
    /// `onStep(step, loss)` follows each step (from 1) and may throw to stop.
    public static func train(_ model: EncoderVQA, data: VQAData, examples: [VQAExample], plan: EncoderVQAPlan,
                             seed: UInt64, onStep: (Int, Float) throws -> Void = { _, _ in }) rethrows {
        var batches = QuestionBatches(examples, data: data, features: model.frozenFeatures(examples, data: data),
                                      size: plan.batchSize, seed: seed)
        var optimizer = EncoderVQAOptimizer(model, plan: plan)
        for step in 1...plan.steps {
            let loss = model.loss(batches.next())
            model.zeroGrad()
            loss.backward()
            optimizer.step(step)
            try onStep(step, loss.item)
        }
    }

    /// Exact match of greedy answers on `examples` (the whole answer and <eos>), per question kind.
    /// `features`: the frozen encoder's tokens of `examples`, when already computed.
    public static func score(_ model: EncoderVQA, data: VQAData, examples: [VQAExample],
                             features: Tensor? = nil, chunk: Int = 256) -> VQAScore {
        var perKind: [QuestionKind: (correct: Int, total: Int)] = [:]
        for (part, answers) in zip(chunks(examples, chunk), answers(model, data: data, examples: examples,
                                                                   features: features, chunk: chunk)) {
            for (example, answer) in zip(part, answers) {
                let right = answer.stoppedAtEnd && answer.words == example.answer
                let entry = perKind[example.kind] ?? (0, 0)
                perKind[example.kind] = (entry.correct + (right ? 1 : 0), entry.total + 1)
            }
        }
        return VQAScore(perKind: perKind)
    }

    /// Greedy answers to `examples` in chunks, each with where its words looked (one array per chunk).
    public static func answers(_ model: EncoderVQA, data: VQAData, examples: [VQAExample], features: Tensor? = nil,
                               chunk: Int = 256) -> [[GreedyAnswer]] {
        var start = 0
        return chunks(examples, chunk).map { part in
            let range = start..<(start + part.count)
            start += part.count
            let tokens = features.map { selectRows($0, Array(range)) }
            return model.answer(images: tokens == nil ? data.images(part) : nil, features: tokens,
                                questions: part.map(\.question), maxWords: part.map(\.answer.count).max())
        }
    }

    static func chunks(_ examples: [VQAExample], _ size: Int) -> [[VQAExample]] {
        stride(from: 0, to: examples.count, by: size).map { Array(examples[$0..<Swift.min($0 + size, examples.count)]) }
    }
}

/// The rows `indices` of `tensor` [n, …] → [indices.count, …].
///
///     selectRows([[1, 2], [3, 4], [5, 6]], [2, 0])   // [[5, 6], [1, 2]]
public func selectRows(_ tensor: Tensor, _ indices: [Int]) -> Tensor {
    let size = tensor.count / Swift.max(tensor.shape[0], 1)
    var scalars: [Float] = []
    scalars.reserveCapacity(indices.count * size)
    for i in indices {
        require(i >= 0 && i < tensor.shape[0], "selectRows: index \(i) outside 0..<\(tensor.shape[0])")
        scalars += tensor.scalars[(i * size)..<((i + 1) * size)]
    }
    return Tensor(shape: [indices.count] + Array(tensor.shape.dropFirst()), scalars: scalars)
}
