// The fusion models of lesson 06, one per question the lesson asks: which encoder the decoder reads
// (aligned or random, frozen; aligned and trained further; new and trained only on the questions), at
// which depth, on how many questions, and whether a first stage on descriptions came before.

import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

/// One fusion model to train and measure.
public struct FusionVariant: Hashable, Sendable {
    public enum Encoder: String, Sendable, CaseIterable {
        /// Lesson 02's image encoder, frozen.
        case aligned
        /// The same architecture with random weights, frozen.
        case random
        /// Lesson 02's encoder, trained further with the fusion model (at a tenth of its learning rate).
        case tuned
        /// A new encoder, trained only on the questions.
        case scratch
    }
    public enum Stage: String, Sendable {
        /// Trained on questions only.
        case questions
        /// Stage 1: trained to describe pictures (the questions come later).
        case descriptions
        /// Stage 2: trained on questions, starting from the stage-1 model.
        case afterDescriptions = "after-descriptions"
    }

    public let encoder: Encoder
    /// Which tokens the decoder reads: 0 = the patch embedding … the encoder's depth = its output.
    public let depth: Int
    /// Training questions (0 for stage 1).
    public let questions: Int
    public let stage: Stage

    public init(_ encoder: Encoder, depth: Int, questions: Int, stage: Stage = .questions) {
        self.encoder = encoder
        self.depth = depth
        self.questions = questions
        self.stage = stage
    }

    /// The checkpoint name: "fuse-aligned-d0-q250", "fuse-aligned-d0-descriptions", ….
    public var name: String {
        "fuse-\(encoder.rawValue)-d\(depth)" + (stage == .descriptions ? "-descriptions"
            : "-q\(questions)" + (stage == .afterDescriptions ? "-after-descriptions" : ""))
    }

    /// The stage-1 model a stage-2 model starts from.
    public var stageOne: FusionVariant { FusionVariant(encoder, depth: depth, questions: 0, stage: .descriptions) }
    public var isFrozen: Bool { encoder == .aligned || encoder == .random }
}

/// One fusion model ready to train (`AlignThenFuse.job`).
struct VariantTraining {
    let variant: FusionVariant
    let model: EncoderVQA
    let plan: EncoderVQAPlan
    let settings: [String: String]
    let examples: [VQAExample]
    let features: Tensor?
    let description: String
}

extension AlignThenFuse {
    /// The depth step 6 and step 7 read: the patch embedding.
    static let patchEmbedding = 0

    /// Every model steps 5–7 compare, each once, a stage-1 model before the stage-2 models built on it.
    var variants: [FusionVariant] {
        let last = alignment.configuration.image.depth
        var list = [FusionVariant.Encoder.aligned, .random].flatMap { encoder in
            (0...last).map { FusionVariant(encoder, depth: $0, questions: depthQuestions) }      // step 5
        }
        for encoder in FusionVariant.Encoder.allCases {                                          // step 6
            list += questionCounts.map { FusionVariant(encoder, depth: AlignThenFuse.patchEmbedding, questions: $0) }
        }
        let first = FusionVariant(.aligned, depth: AlignThenFuse.patchEmbedding, questions: 0, stage: .descriptions)
        list.append(first)                                                                       // step 7
        for n in stageTwoQuestions {
            list += [FusionVariant(.aligned, depth: first.depth, questions: n),
                     FusionVariant(.aligned, depth: first.depth, questions: n, stage: .afterDescriptions)]
        }
        var seen = Set<FusionVariant>()
        return list.filter { seen.insert($0).inserted }
    }

    /// Step 4's models in two rounds, each trained beside the others of its round: every model that
    /// starts from new weights (stage-1 among them), then the stage-2 models that start from it.
    var trainingRounds: [[FusionVariant]] {
        [variants.filter { $0.stage != .afterDescriptions }, variants.filter { $0.stage == .afterDescriptions }]
    }

    /// Everything one variant's training reads, made before it trains beside another: its model, recipe,
    /// checkpoint settings, training examples and (frozen encoders) their image tokens.
    func job(_ variant: FusionVariant) -> VariantTraining {
        VariantTraining(variant: variant, model: model(variant), plan: plan(variant), settings: settings(variant),
                  examples: examples(variant), features: features(variant), description: describe(variant))
    }

    /// The variant's model, made once: its encoder, a LayerNorm + linear projector and a one-block decoder
    /// drawn from the same stream for every variant (a stage-2 model starts from its stage-1 model).
    func model(_ variant: FusionVariant) -> EncoderVQA {
        if let made = models[variant] { return made }
        var rng = run.rng(60)
        var config = CrossDecoderConfiguration(vocabularySize: fusion.data.tokenizer.count,
                                               questionLength: fusion.data.questionLength,
                                               answerLength: fusion.data.answerLength)
        config.width = AlignThenFuse.decoderWidth
        let decoder = CrossDecoder(config, name: "decoder", using: &rng)
        let model = EncoderVQA(encoder: encoder(variant.encoder), depth: variant.depth,
                               trainsEncoder: !variant.isFrozen, decoder: decoder, using: &rng)
        if variant.stage == .afterDescriptions {
            do { try model.load(self.model(variant.stageOne).namedParameters) } catch { run.stop(error) }
        }
        models[variant] = model
        return model
    }

    /// The image encoder of a variant: lesson 02's (shared, it never changes), the random one, or a copy.
    func encoder(_ kind: FusionVariant.Encoder) -> ImageEncoder {
        switch kind {
        case .aligned: return alignment.trained.image
        case .random: return random.image
        case .tuned, .scratch:
            var rng = run.rng(62)
            let encoder = ImageEncoder(alignment.configuration.image, name: "image", using: &rng)
            if kind == .tuned {
                do { try encoder.load(alignment.trained.image.namedParameters) } catch { run.stop(error) }
            }
            return encoder
        }
    }

    /// What a variant trains on: the first n questions, or the descriptions.
    func examples(_ variant: FusionVariant) -> [VQAExample] {
        variant.stage == .descriptions ? fusion.descriptions : Array(fusion.questions.prefix(variant.questions))
    }

    /// A frozen variant's image tokens of its training examples (computed once per encoder and depth), else nil.
    func features(_ variant: FusionVariant) -> Tensor? {
        guard variant.isFrozen else { return nil }
        if variant.stage == .descriptions { return frozenTokens(variant, "descriptions", fusion.descriptions) }
        let all = frozenTokens(variant, "questions", fusion.questions)
        return selectRows(all, Array(0..<variant.questions))
    }

    func frozenTokens(_ variant: FusionVariant, _ set: String, _ examples: [VQAExample]) -> Tensor {
        let key = "\(variant.encoder.rawValue)-\(variant.depth)-\(set)"
        if let done = featureCache[key] { return done }
        let tokens = encoder(variant.encoder).features(fusion.data.images(examples), depth: variant.depth)
        featureCache[key] = tokens
        return tokens
    }

    /// The recipe of a variant: the lesson's, with a fine-tuned encoder at a tenth of the rate.
    func plan(_ variant: FusionVariant) -> EncoderVQAPlan {
        var plan = self.plan
        if variant.encoder == .tuned { plan.encoderLearningRateShare = 0.1 }
        return plan
    }

    /// Everything that changes a variant's trained weights, for its checkpoint key.
    func settings(_ variant: FusionVariant) -> [String: String] {
        var settings = plan(variant).settings.merging(["data": fusionFingerprint, "width": "\(AlignThenFuse.decoderWidth)"]) { $1 }
        if variant.encoder == .aligned || variant.encoder == .tuned {
            settings["aligned"] = checkpointKey(name: "tiny-clip", settings: alignment.checkpointSettings)
        }
        if variant.stage == .afterDescriptions { settings["stage1"] = checkpointKey(name: variant.stageOne.name,
                                                                                   settings: self.settings(variant.stageOne)) }
        return settings
    }

    /// Exact-match accuracy on the test questions (computed once).
    func accuracy(_ variant: FusionVariant) -> Double {
        if let done = scores[variant] { return done }
        let model = self.model(variant)
        let tokens = variant.isFrozen ? frozenTokens(variant, "test", fusion.test) : nil
        let score = EncoderVQATraining.score(model, data: fusion.data, examples: fusion.test, features: tokens).overall
        scores[variant] = score
        return score
    }
}
