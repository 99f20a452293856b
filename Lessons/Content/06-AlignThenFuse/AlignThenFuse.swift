// Lesson 06 — Align, then fuse: what an aligned encoder gives fusion, and what it does not.
// The article's title is its thesis: alignment builds the connection (对齐建立连接), fusion releases the
// value (融合释放价值). Real systems are built in that order: LLaVA (Liu et al. 2023) puts a CLIP-aligned
// vision encoder under a projector and a language model; BLIP-2 and Flamingo reuse aligned encoders too.
// Here lesson 02's aligned image encoder is reused, frozen, and measured: with no labels (zero-shot), with a
// few (linear probes), under a fusion model that answers "what colour is the X?", read at each depth,
// and in LLaVA's two-stage recipe. This file holds the knobs and what the steps share;
// AlignThenFuseSteps.swift the steps in order; the words are in 06-align-then-fuse.en.md and .zh.md.

import ArgumentParser
import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

public final class AlignThenFuse: Lesson {
    public static let number = 6
    public static let slug = "align-then-fuse"
    /// Lesson 02's trained CLIP is reused when its run is beside this one (a tour starts 06 after 02).
    public static let readsRunsOf = [Alignment.folderName]
    public static let narration = Narration.resource("06-align-then-fuse", in: .module)
    public static let tryThis = [
        TryThis(change: L("--describe captions", "--describe captions"),
                expect: L("stage 1 on ToyWorld's captions (\"a gray bird and a pink fish\"), which say the colour "
                          + "before the thing: stage 1 then 50 questions gains little over 50 questions alone "
                          + "(the default descriptions, \"the bird is gray …\": 0.74–0.94 against 0.22–0.36)",
                          "第一阶段改用 ToyWorld 的描述（“一只灰色的鸟和一条粉色的鱼”），颜色在物体之前：先第一阶段再学 "
                          + "50 道题，比单独学 50 道题好不了多少（默认的“鸟是灰色的……”：0.74–0.94 对 0.22–0.36）"),
                bands: [Band("two_stage_50", 0.335...0.43), Band("stage2_alone_50", 0.265...0.405)]),
        TryThis(change: L("--steps 1000", "--steps 1000"),
                expect: L("twice the training (about twice the time): every 1,000-question model leaves the loss "
                          + "plateau, the new encoder from scratch too (0.43–0.80 in the default run)",
                          "训练加倍（时间也约加倍）：学 1,000 道题的模型全都走出损失平台，从零训练的新编码器也是"
                          + "（默认训练 0.43–0.80）"),
                bands: [Band("local_aligned_1000", 0.97...1), Band("local_tuned_1000", 0.99...1),
                        Band("local_random_1000", 0.90...0.98), Band("local_scratch_1000", 0.90...0.975)]),
        TryThis(change: L("--questions 500", "--questions 500"),
                expect: L("step 6's largest set halved: the aligned patch embedding still answers almost every "
                          + "question, the random one depends on the seed",
                          "第 6 步最大的训练集减半：对齐的图块嵌入仍几乎全答对，随机的要看种子"),
                bands: [Band("local_aligned_largest", 0.955...0.995), Band("local_tuned_largest", 0.935...1),
                        Band("local_random_largest", 0.63...0.93)]),
    ]
    public static let keyMetrics = [
        "zeroshot_kind", "zeroshot_colour", "probe2_kind", "probe2_colour", "prompted_probe2_kind",
        "prompted_probe2_colour", "random_probe2_kind", "random_probe2_colour",
        "depth_aligned_0", "depth_aligned_last", "depth_random_0", "depth_random_last",
        "local_aligned_largest", "local_random_largest", "local_tuned_largest", "local_scratch_largest",
        "stage2_alone_smallest", "two_stage_smallest", "best_local",
    ]

    public struct Knobs: LessonKnobs {
        @Option(help: "Training steps of every fusion model.") var steps = 500
        @Option(help: "The largest number of training questions (step 6 compares 100, 250 and this).") var questions = 1_000
        @Option(help: "Stage 1's text: colours (\"the bird is gray and the fish is pink\") or captions (\"a gray bird and a pink fish\").")
        var describe = "colours"
        public init() {}
        public func validate() throws {
            try Knob.inRange(steps, 20...20_000, "--steps")
            try Knob.inRange(questions, 251...5_000, "--questions")
            guard ["colours", "captions"].contains(describe) else {
                throw ValidationError("--describe must be colours or captions, got '\(describe)'")
            }
        }
        public var settings: [String: String] {
            ["steps": "\(steps)", "questions": "\(questions)", "describe": describe]
        }
    }

    let run: Run
    let knobs: Knobs
    public init(run: Run, knobs: Knobs) {
        self.run = run
        self.knobs = knobs
    }

    // MARK: - Lesson 02's aligned encoder

    /// Lesson 02 with its default settings, on this run's seed and --quick: its data, recipe, model and
    /// checkpoint key, so this lesson follows whatever lesson 02 does.
    lazy var alignment: Alignment = {
        do { return Alignment(run: run, knobs: try Alignment.Knobs.parse([])) } catch { run.stop(error) }
    }()
    /// Where lesson 02's run beside this one is: out/tour/06-align-then-fuse → out/tour/02-alignment (and
    /// the same for a replication seed's folder); its checkpoint is reused when the settings and seed match.
    lazy var lessonTwoFolder = AlignThenFuse.folder(of: Alignment.folderName, besides: run.outDirectory)
    /// The same architecture as lesson 02's, never trained: its own stream, so it shares no numbers.
    lazy var random: ContrastiveModel = {
        var rng = run.rng(63)
        return ContrastiveModel(alignment.configuration, using: &rng)
    }()
    /// Lesson 02's test pictures in each model's space (step 1 must have trained or loaded the aligned one).
    lazy var alignedSpace = AlignmentSpace(model: alignment.trained, data: alignment.data)
    lazy var randomSpace = AlignmentSpace(model: random, data: alignment.data)

    /// `out`'s path with this lesson's folder name replaced by `other` (or `other` beside `out`).
    ///
    ///     folder(of: "02-alignment", besides: URL(fileURLWithPath: "out/tour/06-align-then-fuse"))   // out/tour/02-alignment
    public static func folder(of other: String, besides out: URL) -> URL {
        let parts = out.pathComponents
        guard let i = parts.lastIndex(of: folderName) else {
            return out.deletingLastPathComponent().appendingPathComponent(other)
        }
        let path = (parts[..<i] + [other] + parts[(i + 1)...]).joined(separator: "/")
        return URL(fileURLWithPath: path.hasPrefix("//") ? String(path.dropFirst()) : path)
    }

    // MARK: - Sizes

    /// Labelled pictures per class in step 3.
    lazy var labelCounts = run.quick ? [1, 2, 5] : [1, 2, 5, 10]
    /// Training questions of step 6 (step 5 uses `depthQuestions`, step 7 `stageTwoQuestions`).
    lazy var questionCounts = run.quick ? [100, 250] : [100, 250, knobs.questions]
    let depthQuestions = 250
    lazy var stageTwoQuestions = run.quick ? [50] : [50, 100]
    lazy var descriptionCount = run.quick ? 500 : 1_000
    lazy var testQuestions = run.quick ? 150 : 300
    /// Every fusion model's recipe: 500 steps (--quick 300) of 32 questions, AdamW at 3e-3.
    lazy var plan: EncoderVQAPlan = EncoderVQAPlan(steps: run.quick ? min(300, knobs.steps) : knobs.steps)
    /// The decoder every fusion model shares: width 32, one block of self- and cross-attention, 2 heads.
    static let decoderWidth = 32

    // MARK: - The fusion data

    /// Scenes of 2–3 objects asked "what colour is the X?", and (for stage 1) descriptions of other scenes,
    /// in the run's language, all under one vocabulary.
    lazy var fusion = ColourQuestions(questions: questionCounts.max()!, descriptions: descriptionCount,
                                      test: testQuestions, describe: knobs.describe,
                                      language: run.language == .zh ? .chinese : .english, seed: run.seed)

    /// The models steps 5–7 compare, trained in step 4 (the same object every time it is asked for).
    var models: [FusionVariant: EncoderVQA] = [:]
    var scores: [FusionVariant: Double] = [:]
    var featureCache: [String: Tensor] = [:]
    /// Step 3's curves, kept for the verdict.
    var labelCurves: [LabelCurve] = []
    /// The fusion data's fingerprint, part of every fusion checkpoint's key (computed once).
    lazy var fusionFingerprint = fusion.data.fingerprint
    lazy var testPixels = Batches.pixels(alignment.data.test.samples.map(\.image))
}
