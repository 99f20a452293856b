// Step 8 of lesson 06: where alignment paid and where it did not, each sentence chosen by this run's
// numbers; and the toy beside LLaVA-1.5's real sizes (Liu et al. 2023, "Improved Baselines with Visual
// Instruction Tuning": CLIP ViT-L/14 at 336 px, an MLP projector, Vicuna; 558K caption pairs for the
// projector, then 665K instruction examples).

import Foundation
import Multimodal
import Walkthrough

extension AlignThenFuse {
    enum Verdict {
        static let probes = L("Paid, with few labels: started from the prompts, a probe labels kinds %.2f and colours %.2f "
                              + "with %d pictures per class; on the random encoder the same labels give %.2f and %.2f.",
                              "在标签很少时有回报：从提示语出发，每类 %3$d 张图时探针判种类 %1$.2f、判颜色 %2$.2f；"
                              + "随机编码器用同样的标签只有 %4$.2f 和 %5$.2f。")
        static let plainProbe = L("A plain probe, which ignores the prompts, needs more: %.2f (kind) and %.2f (colour) "
                                  + "with %d pictures per class.",
                                  "不用提示语的普通探针需要更多标签：每类 %3$d 张图时种类 %1$.2f、颜色 %2$.2f。")
        static let outputWorse = L("Did not pay, for a question about one place: read at its output, the aligned encoder "
                                   + "answers \"what colour is the X?\" %.2f, a random one %.2f (%d questions).",
                                   "对只问一处的问题没有回报：读输出层时，对齐的编码器回答“X 是什么颜色？”只有 %.2f，"
                                   + "随机的有 %.2f（%d 道题）。")
        static let outputBetter = L("Read at its output, the aligned encoder answers \"what colour is the X?\" %.2f, "
                                    + "a random one %.2f (%d questions).",
                                    "读输出层时，对齐的编码器回答“X 是什么颜色？”%.2f，随机的 %.2f（%d 道题）。")
        static let patchesPaid = L("Paid, read at the right layer: at the patch embedding the aligned encoder answers %.2f, "
                                   + "the random one %.2f.",
                                   "读对了层就有回报：在图块嵌入处，对齐的编码器答对 %.2f，随机的 %.2f。")
        static let patchesNot = L("At the patch embedding the aligned encoder answers %.2f, the random one %.2f: "
                                  + "no clear gain in this run.",
                                  "在图块嵌入处，对齐的编码器答对 %.2f，随机的 %.2f：这次运行里没有明显优势。")
        static let training = L("With %d questions: aligned and frozen %.2f, random and frozen %.2f, aligned and fine-tuned "
                                + "%.2f, a new encoder trained on the questions alone %.2f.",
                                "%d 道题时：对齐并冻结 %.2f，随机并冻结 %.2f，对齐后微调 %.2f，只用这些题从零训练的新编码器 %.2f。")
        static let stages = L("Describing first (stage 1) took %d questions from %.2f to %.2f.",
                              "先学描述（第一阶段），让 %d 道题的准确率从 %.2f 变成 %.2f。")
    }

    /// The verdict's sentences; `trained` is [aligned, random, tuned, scratch] at the largest training set.
    func sayVerdict(output: (aligned: Double, random: Double), patches: (aligned: Double, random: Double),
                    trained: [Double], stages: (questions: Int, alone: Double, two: Double), _ run: Run) {
        if let kind = labelCurves.first, let colour = labelCurves.last {
            let k = labelCounts.contains(2) ? 2 : labelCounts[0]
            let (a, b) = (kind.at(k)!, colour.at(k)!)
            run.say(Verdict.probes, a.prompted, b.prompted, k, a.random, b.random)
            run.say(Verdict.plainProbe, a.plain, b.plain, k)
        }
        run.say(output.aligned < output.random ? Verdict.outputWorse : Verdict.outputBetter,
                output.aligned, output.random, depthQuestions)
        run.say(patches.aligned > patches.random + 0.05 ? Verdict.patchesPaid : Verdict.patchesNot,
                patches.aligned, patches.random)
        run.say(Verdict.training, questionCounts.last!, trained[0], trained[1], trained[2], trained[3])
        run.say(Verdict.stages, stages.questions, stages.alone, stages.two)
    }

    /// Rows of the toy beside LLaVA-1.5: the toy's sizes are this run's, LLaVA-1.5's are from its paper.
    func toyBesideReal() -> [[String]] {
        let image = alignment.configuration.image
        let sample = model(FusionVariant(.aligned, depth: AlignThenFuse.patchEmbedding, questions: depthQuestions))
        let t = { (en: String, zh: String) in self.run.text(L(en, zh)) }
        return [
            [t("vision encoder", "视觉编码器"),
             t("lesson 02's ViT: depth \(image.depth), width \(image.width), \(alignment.trained.image.parameterCount) parameters",
               "第 02 课的 ViT：\(image.depth) 层，宽 \(image.width)，\(alignment.trained.image.parameterCount) 个参数"),
             t("CLIP ViT-L/14 at 336 px: depth 24, width 1024, about 0.3 B parameters",
               "CLIP ViT-L/14，336 像素：24 层，宽 1024，约 3 亿参数")],
            [t("image tokens", "图像词元"), t("(\(image.imageSize) / \(image.patchSize))² = \(image.patchCount)",
               "(\(image.imageSize) / \(image.patchSize))² = \(image.patchCount)"),
             t("(336 / 14)² = 576", "(336 / 14)² = 576")],
            [t("layer read", "读取的层"), t("chosen by measurement (step 5)", "由测量选出（第 5 步）"),
             t("the penultimate layer", "倒数第二层")],
            [t("projector", "投影层"),
             t("LayerNorm + linear, \(image.width) → \(AlignThenFuse.decoderWidth)",
               "LayerNorm + 线性层，\(image.width) → \(AlignThenFuse.decoderWidth)"),
             t("two-layer MLP, 1024 → 4096 (7B) or 5120 (13B)", "两层 MLP，1024 → 4096（7B）或 5120（13B）")],
            [t("language side", "语言部分"),
             t("one decoder block, width \(AlignThenFuse.decoderWidth), \(sample.decoder.parameterCount) parameters, trained here",
               "一层解码器，宽 \(AlignThenFuse.decoderWidth)，\(sample.decoder.parameterCount) 个参数，在这里训练"),
             t("Vicuna, 7 B or 13 B parameters, pretrained", "Vicuna，70 亿或 130 亿参数，预训练过")],
            [t("stage 1", "第一阶段"),
             t("\(fusion.descriptions.count) descriptions; the encoder frozen, projector and decoder trained",
               "\(fusion.descriptions.count) 条描述；编码器冻结，训练投影层和解码器"),
             t("558K caption pairs; only the projector trained", "55.8 万个图文配对；只训练投影层")],
            [t("stage 2", "第二阶段"),
             t("\(stageTwoQuestions.map(String.init).joined(separator: ", ")) questions; the encoder frozen",
               "\(stageTwoQuestions.map(String.init).joined(separator: "、")) 道题；编码器冻结"),
             t("665K instruction examples; projector and language model trained, the encoder frozen",
               "66.5 万条指令数据；训练投影层和语言模型，编码器冻结")],
        ]
    }
}
