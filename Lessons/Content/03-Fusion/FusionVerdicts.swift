// Lesson 03's verdict: each claim of the article about fusion, the test that decides it, what this run
// measured, and whether the two agree. Every row is computed from the run's own numbers; a claim that
// does not hold says so.
//
// The noise claims are judged against the clean other modality alone, not by how much each model
// drops: a model that starts higher has more to lose, and that alone says nothing about contamination.
// "Contaminates": under a corrupted modality the fused model falls more than `Corruption.tolerance`
// below what the intact modality's classifier gives alone. "Robust": it stays within that tolerance
// (or above) under either corruption.

import Foundation
import Multimodal
import Walkthrough

/// One of the article's claims, its test and this run's verdict.
struct FusionVerdict {
    /// The metric key: verdict.<key> in metrics.json (1 agreed, 0 not).
    let key: String
    let claim: L
    let test: L
    let measured: L
    let agreed: Bool
}

/// The six verdicts of step 10, computed from the lesson's measurements.
struct FusionVerdicts {
    let all: [FusionVerdict]
    /// Early, late and cross fusion under the worst corruption against the clean other modality alone.
    let margins: [NoiseMargins]
    /// Multiply-adds per example of early, late and cross fusion at 16 image and 8 text tokens.
    let costs: [Int]
    let accuracyA: [Double]

    init(_ lesson: Fusion) {
        let (a, b) = (lesson.accuracyA, lesson.accuracyB)
        let margins = lesson.robustnessA.map { NoiseMargins($0, alone: lesson.aloneA) }
        let (n, t) = (lesson.sizesB.image.patchCount, lesson.sizesB.text.length)
        let costs = [lesson.earlyB.multiplyAdds(imageTokens: n, textTokens: t),
                     lesson.lateB.multiplyAdds(imageTokens: n, textTokens: t),
                     lesson.crossB.multiplyAdds(imageTokens: n, textTokens: t)]
        let (early, late) = (margins[0], margins[1])
        let pair = { (m: NoiseMargins) in
            L(String(format: "σ=2: %+.3f; p=0.8: %+.3f", m.image, m.text),
              String(format: "σ=2：%+.3f；p=0.8：%+.3f", m.image, m.text))
        }
        let triple = { (v: [Double]) in L(stringLiteral: v.map(f2).joined(separator: " / ")) }
        all = [
            FusionVerdict(key: "early_contaminated",
                          claim: L("Early fusion: one modality's noise contaminates the whole", "早期融合：单模态噪声会污染整体"),
                          test: L("at σ=2 or p=0.8, early falls > 0.05 below the other modality alone (clean)",
                                  "σ=2 或 p=0.8 时，早期融合比另一模态单独（干净）低 0.05 以上"),
                          measured: pair(early), agreed: early.contaminatedByImage || early.contaminatedByText),
            FusionVerdict(key: "late_robust",
                          claim: L("Late fusion is robust to noise in one modality", "晚期融合对单模态噪声鲁棒"),
                          test: L("at σ=2 and at p=0.8, late stays within 0.05 of the other modality alone (or above)",
                                  "σ=2 和 p=0.8 时，晚期融合都不低于另一模态单独 0.05 以上"),
                          measured: pair(late), agreed: !late.contaminatedByImage && !late.contaminatedByText),
            FusionVerdict(key: "late_misses_relations",
                          claim: L("Late fusion misses deep cross-modal relations", "晚期融合会忽略模态间的深层关联"),
                          test: L("Task B: late ≥ 0.30 below cross", "任务 B：晚期比交叉低 0.30 以上"),
                          measured: L(String(format: "B: %.2f / %.2f", b[1], b[2]), String(format: "任务 B：%.2f / %.2f", b[1], b[2])),
                          agreed: b[2] - b[1] >= 0.3),
            FusionVerdict(key: "cross_best_task_b",
                          claim: L("Cross fusion works best (Task B, interaction needed)", "交叉融合效果最优（任务 B，需要交互）"),
                          test: L("highest Task B accuracy (early / late / cross)", "任务 B 准确率最高（早期 / 晚期 / 交叉）"),
                          measured: triple(b), agreed: b[2] >= b.max()!),
            FusionVerdict(key: "cross_best_task_a",
                          claim: L("Cross fusion works best (Task A, complementary evidence)", "交叉融合效果最优（任务 A，互补证据）"),
                          test: L("highest Task A accuracy (early / late / cross)", "任务 A 准确率最高（早期 / 晚期 / 交叉）"),
                          measured: triple(a), agreed: a[2] >= a.max()!),
            FusionVerdict(key: "cross_costliest",
                          claim: L("Cross fusion is the most compute-intensive", "交叉融合计算资源密集"),
                          test: L("most multiply-adds per example, counted (time: see step 9)",
                                  "每样本乘加次数最多（按层尺寸计算；实测时间见第 9 步）"),
                          measured: L(stringLiteral: costs.map(String.init).joined(separator: " / ")),
                          agreed: costs[2] > costs[0] && costs[2] > costs[1]),
        ]
        self.margins = margins
        self.costs = costs
        accuracyA = a
    }

    /// The table of step 10: claim, test, measured, verdict.
    func rows(_ run: Run) -> [[String]] {
        all.map { [run.text($0.claim), run.text($0.test), run.text($0.measured),
                   run.text($0.agreed ? L("agreed", "相符") : L("NOT agreed", "不相符"))] }
    }

    /// What the numbers behind the rows mean, read off this run (and, on the terminal only, the clock).
    func explain(_ run: Run, lesson: Fusion) {
        let cross = margins[2]
        if cross.contaminatedByImage || cross.contaminatedByText {
            run.say(Words.crossToo, cross.image, cross.text)
        }
        if !all[4].agreed { run.say(Words.taskANotCross) }
        if all[5].agreed {
            run.say(Words.costShare, Double(costs[2] - costs[0]) / Double(costs[0]) * 100)
            let (image, text) = (Fusion.fusionStageSizes.last!.image, Fusion.fusionStageSizes.last!.text)
            let encoders = lesson.sizesB.encoderMultiplyAdds(imageTokens: image, textTokens: text)
            let stage = [lesson.earlyB.multiplyAdds(imageTokens: image, textTokens: text) - encoders,
                         lesson.crossB.multiplyAdds(imageTokens: image, textTokens: text) - encoders]
            run.say(Words.costVisible, image, text, Double(stage[1]) / 1e6, Double(stage[0]) / 1e3)
        }
        let ms = lesson.lastMeasuredMilliseconds
            ?? lesson.millisecondsPerExample([lesson.forwardPass(lesson.earlyB, on: lesson.testB),
                                              lesson.forwardPass(lesson.lateB, on: lesson.testB),
                                              lesson.forwardPass(lesson.crossB, on: lesson.testB)],
                                             examples: lesson.testB.count, rounds: 3)
        run.note(run.text(Words.clockNow, lesson.listed(ms, "%.3f ms")))
    }

    enum Words {
        static let crossToo = L("Cross fusion is contaminated too (σ=2: %+.3f; p=0.8: %+.3f against the other modality alone): "
                                + "it reads the picture through the caption's tokens, so when the words go, its view of the "
                                + "picture goes with them.",
                                "交叉融合同样被污染（相对另一模态单独，σ=2：%+.3f；p=0.8：%+.3f）：它通过描述的词元去读图，"
                                + "词没了，它对图的读取也跟着没了。")
        static let taskANotCross = L("On Task A the evidence only has to be added up, not connected, so the cheaper "
                                     + "strategies do as well or better: \"cross fusion works best\" holds where interaction "
                                     + "is needed, not everywhere.",
                                     "在任务 A 上，证据只需要相加，不需要相互关联，所以更便宜的策略同样好甚至更好："
                                     + "“交叉融合效果最优”在需要交互的任务上成立，并非处处成立。")
        static let costShare = L("At 16 image tokens cross fusion counts %.2f%% more multiply-adds than early fusion. The "
                                 + "clock is printed beside it on the terminal only: a pass this small spends much of its time "
                                 + "on per-operation overhead, so the measured order can change from run to run. Cross "
                                 + "fusion's extra work grows linearly with the image tokens, while the "
                                 + "shared image encoder's self-attention grows with their square, so relative to the whole "
                                 + "model the gap shrinks as images get larger.",
                                 "在 16 个图像词元时，交叉融合的乘加次数比早期融合多 %.2f%%。实测时间只打印在终端上："
                                 + "这么小的一次前向，很多时间花在每个运算的固定开销上，所以实测的快慢顺序每次运行都可能"
                                 + "不同。交叉融合多出的部分随图像词元数"
                                 + "线性增长，而共享图像编码器的自注意力随词元数的平方增长，所以图像越大，相对整个模型的"
                                 + "差距反而越小。")
        static let costVisible = L("What makes the cost visible: more tokens on both sides. The fusion stage alone at %d image "
                                   + "× %d text tokens counts %.1f million multiply-adds per example for cross fusion against "
                                   + "%.1f thousand for early fusion; the default run times it on the terminal.",
                                   "让代价显形的是两边都有更多词元：只算融合部分，%d 个图像词元 × %d 个文本词元时，交叉融合"
                                   + "每样本 %.1f 百万次乘加，早期融合只有 %.1f 千次；默认运行会在终端上实测这一段。")
        static let clockNow = L("  clock (not saved): %@ per example", "  实测（不写入文件）：每样本 %@")
    }
}

extension Fusion {
    /// Rows of the toy beside real systems: the toy's sizes are this run's (the Task B models' encoders,
    /// tokens and parameters, the steps and examples it trained on); the real side is from the papers
    /// (CLIP, Radford et al. 2021; CLEVR's CNN+LSTM, Johnson et al. 2017; VisualBERT, Li et al. 2019;
    /// ViLBERT, Lu et al. 2019; Flamingo, Alayrac et al. 2022).
    ///
    ///     run.table(Say.realColumns, lesson.toyBesideReal())
    ///     // encoders | one block each, d = 32, 2 heads, 16 image patches and 8 text tokens, … | CLIP ViT-L/14 …
    func toyBesideReal() -> [[String]] {
        let t = { (en: String, zh: String) in self.run.text(L(en, zh)) }
        let (image, n, tokens) = (sizesB.image, sizesB.image.patchCount, sizesB.text.length)
        let parameters = [earlyB.parameterCount, lateB.parameterCount, crossB.parameterCount]
            .map(String.init).joined(separator: " / ")
        let blocks = image.depth == 1 ? L("one block each", "各一层") : L("\(image.depth) blocks each", "各 \(image.depth) 层")
        let (a, b) = (jobs[0].recipe, jobs[3].recipe)   // Task A's and Task B's recipes
        return [
            [t("encoders", "编码器"),
             run.text(blocks) + t(", d = \(image.width), \(image.headCount) heads, \(n) image patches and \(tokens) "
                                  + "text tokens; \(parameters) parameters (early / late / cross, Task B)",
                                  "，d = \(image.width)，\(image.headCount) 个头，\(n) 个图块和 \(tokens) 个文本词元；"
                                  + "\(parameters) 个参数（早期 / 晚期 / 交叉，任务 B）"),
             t("CLIP ViT-L/14: 24 blocks, width 1,024; real captions and prompts of tens to hundreds of tokens",
               "CLIP ViT-L/14：24 层，宽 1,024；真实的描述和提示语有几十到几百个词元")],
            [t("early fusion", "早期融合"),
             t("pooled image and text vectors concatenated, one head", "池化后的图像向量和文本向量拼接，一个分类头"),
             t("concatenated features before a classifier (the CNN+LSTM baseline of CLEVR); single-stream "
               + "transformers such as VisualBERT (Li et al. 2019) fuse token by token",
               "先拼接特征再分类（CLEVR 的 CNN+LSTM 基线）；VisualBERT（Li 等，2019）这类单流 transformer "
               + "逐个词元融合")],
            [t("late fusion", "晚期融合"),
             t("two classifiers, probabilities averaged", "两个分类器，概率取平均"),
             t("ensembles of single-modality models, common in audio-visual classification",
               "单模态模型的集成，音视频分类里常见")],
            [t("cross fusion", "交叉融合"),
             t("text tokens query \(n) image tokens, one layer", "文本词元向 \(n) 个图像词元发出查询，一层"),
             t("ViLBERT's co-attention (Lu et al. 2019); Flamingo's gated cross-attention layers inside a frozen "
               + "70 B language model, reading 64 visual tokens per image (Alayrac et al. 2022)",
               "ViLBERT 的协同注意力（Lu 等，2019）；Flamingo 在冻结的 700 亿参数语言模型里插入门控交叉注意力层，"
               + "每张图读 64 个视觉词元（Alayrac 等，2022）")],
            [t("training", "训练"),
             t("\(a.steps) (Task A) and \(b.steps) (Task B) steps of \(b.batchSize) examples, on \(trainB.count) "
               + "generated examples per task",
               "\(a.steps) 步（任务 A）和 \(b.steps) 步（任务 B），每步 \(b.batchSize) 个样本，每个任务 "
               + "\(trainB.count) 个生成的样本"),
             t("millions of image–text pairs, days on many accelerators", "数百万个图文配对，在许多加速器上训练数天")],
        ]
    }
}
