// Training an EncoderVQA: the loop of lesson 05 (AdamW, warm-up + cosine, cross-entropy on the answer
// words) over a chosen list of training examples, with a frozen encoder's tokens computed once up front.

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
    /// A trained encoder learns at this share of the peak rate: a pretrained encoder is adjusted, not
    /// rewritten (1 for an encoder that starts from random weights).
    public var encoderLearningRateShare: Float = 1

    public init(steps: Int) { self.steps = steps }
}

public enum EncoderVQATraining {
    /// The frozen encoder's tokens of every example, [n, N, d_enc], in chunks; nil when the encoder trains
    /// (its tokens change every step).
    public static func frozenFeatures(_ model: EncoderVQA, data: VQAData, examples: [VQAExample]) -> Tensor? {
        model.trainsEncoder ? nil : model.encoder.features(data.images(examples), depth: model.depth)
    }

    /// Trains `model` in place on `examples` (batches drawn with `rng`, without replacement within an epoch);
    /// `features`, when given, are `frozenFeatures` of the same examples. `onStep(step, loss)` follows each
    /// step (1-based) and may throw to stop.
    public static func train(_ model: EncoderVQA, data: VQAData, examples: [VQAExample], features: Tensor?,
                             plan: EncoderVQAPlan, rng: inout SeededGenerator,
                             onStep: (Int, Float) throws -> Void) rethrows {
        require(!examples.isEmpty, "EncoderVQATraining: no training examples")
        require(features == nil || features!.shape.first == examples.count,
                "EncoderVQATraining: features for \(features?.shape.first ?? 0) examples, \(examples.count) examples")
        let schedule = WarmupCosineSchedule(peak: plan.peakLearningRate, warmupSteps: plan.warmupSteps,
                                            totalSteps: plan.steps, floor: plan.peakLearningRate / 20)
        let encoderParameters = model.trainsEncoder ? model.encoder.parameters : []
        let encoderIDs = Set(encoderParameters.map(ObjectIdentifier.init))
        var optimizer = AdamW(parameters: model.parameters.filter { !encoderIDs.contains(ObjectIdentifier($0)) },
                              learningRate: plan.peakLearningRate, weightDecay: plan.weightDecay)
        var encoderOptimizer = AdamW(parameters: encoderParameters, learningRate: plan.peakLearningRate,
                                     weightDecay: plan.weightDecay)
        let size = Swift.min(plan.batchSize, examples.count)
        var order: [Int] = []
        for step in 1...plan.steps {
            if order.count < size {
                var epoch = Array(examples.indices)
                rng.shuffle(&epoch)
                order += epoch
            }
            let chosen = Array(order.prefix(size))
            order.removeFirst(size)
            let batch = chosen.map { examples[$0] }
            optimizer.learningRate = schedule(step - 1)
            encoderOptimizer.learningRate = schedule(step - 1) * plan.encoderLearningRateShare
            model.zeroGrad()
            let loss = model.loss(images: data.images(batch), features: features.map { rows($0, chosen) },
                                  questions: batch.map(\.question), answers: batch.map(\.answer))
            loss.backward()
            if plan.clipNorm > 0 { _ = clipGradientNorm(model.parameters, maxNorm: plan.clipNorm) }
            optimizer.step()
            encoderOptimizer.step()
            try onStep(step, loss.item)
        }
    }

    /// Exact match of greedy answers on `examples` (the whole answer and <eos>), per question kind.
    public static func score(_ model: EncoderVQA, data: VQAData, examples: [VQAExample],
                             features: Tensor? = nil, chunk: Int = 256) -> VQAScore {
        var perKind: [QuestionKind: (correct: Int, total: Int)] = [:]
        for start in stride(from: 0, to: examples.count, by: chunk) {
            let range = start..<Swift.min(start + chunk, examples.count)
            let part = Array(examples[range])
            let answers = model.answer(images: data.images(part), features: features.map { rows($0, Array(range)) },
                                       questions: part.map(\.question), maxWords: part.map(\.answer.count).max())
            for (example, answer) in zip(part, answers) {
                let right = answer.stoppedAtEnd && answer.words == example.answer
                let entry = perKind[example.kind] ?? (0, 0)
                perKind[example.kind] = (entry.correct + (right ? 1 : 0), entry.total + 1)
            }
        }
        return VQAScore(perKind: perKind)
    }

    /// The rows `indices` of `tensor` [n, …] → [indices.count, …].
    static func rows(_ tensor: Tensor, _ indices: [Int]) -> Tensor {
        let size = tensor.count / Swift.max(tensor.shape[0], 1)
        var scalars: [Float] = []
        scalars.reserveCapacity(indices.count * size)
        for i in indices { scalars += tensor.scalars[(i * size)..<((i + 1) * size)] }
        return Tensor(shape: [indices.count] + Array(tensor.shape.dropFirst()), scalars: scalars)
    }
}
