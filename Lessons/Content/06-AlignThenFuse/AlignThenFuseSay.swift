// What lesson 06 prints, in English and Chinese: the phrases its steps fill with numbers, and its
// table headers. The steps' narration is in 06-align-then-fuse.en.md and 06-align-then-fuse.zh.md.

import Multimodal
import Walkthrough

extension AlignThenFuse {
    enum Say {
        static let encoder = L("lesson 02's image encoder: %d parameters, depth %d, width %d; from here on it is frozen "
                               + "(no optimizer below is given its weights, except the fine-tuned copy of step 6)",
                               "第 02 课的图像编码器：%d 个参数，%d 层，宽 %d；从这里起它被冻结（下面的优化器都拿不到它的权重，"
                               + "只有第 6 步里微调的那份副本除外）")
        static let zeroShotSet = L("%d test pictures of lesson 02, one object each; each class is the prompt it is nearest to "
                                   + "(kinds: \"%@\", …; colours: a prompt for every kind, averaged)",
                                   "第 02 课的 %d 张测试图，每张一个物体；每一类用离它最近的提示语来判（种类：“%@”等；"
                                   + "颜色：每种物体各一句提示，取平均）")
        static let zeroShotColumns: [L] = [L("label", "标签"), L("aligned encoder", "对齐的编码器"),
                                           L("random encoder", "随机编码器"), L("chance", "随机猜")]
        static let kind = L("kind (7)", "种类（7）")
        static let colour = L("colour (8)", "颜色（8）")
        static let probeColumns: [L] = [L("label", "标签"), L("probe, aligned", "探针，对齐"),
                                        L("probe from the prompts", "从提示语出发的探针"), L("probe, random", "探针，随机"),
                                        L("small model from scratch", "从零训练的小模型")]
        static let probeAt = L("with %d labelled pictures per class (%d for kinds, %d for colours), on %d test pictures:",
                               "每类 %d 张有标签的图（种类共 %d 张，颜色共 %d 张），在 %d 张测试图上：")
        static let promptedHolds = L("→ the prompts already hold what a few labels teach a plain probe: started from them, "
                                     + "the probe is at %.2f (kind) and %.2f (colour) with %d labels per class.",
                                     "→ 提示语里已经有几张标签想教给普通探针的东西：从提示语出发，每类 %3$d 张标签时探针"
                                     + "就有 %1$.2f（种类）和 %2$.2f（颜色）。")
        static let plainColourWeak = L("→ a plain probe reads the kind from %d pictures per class (%.2f) but not the colour "
                                       + "(%.2f): two pictures of one colour differ more by their kinds than they agree "
                                       + "by their colour in lesson 02's space.",
                                       "→ 普通探针每类看 %d 张图就能读出种类（%.2f），却读不出颜色（%.2f）：在第 02 课的空间里，"
                                       + "同色的两张图因种类不同而拉开的距离，比它们因同色而靠近的距离更大。")
        static let question = L("one training question: \"%@\" → \"%@\"; %d training questions, %d test questions; "
                                + "%d descriptions for stage 1, e.g. \"%@\"",
                                "一道训练题：“%@” → “%@”；训练题 %d 道，测试题 %d 道；第一阶段的描述 %d 条，例如“%@”")
        static let fusionModel = L("the fusion model: the encoder's 16 patch tokens → LayerNorm + linear projector (%d → %d) "
                                   + "→ a decoder of one block whose words read the image by cross-attention; "
                                   + "%d parameters besides the encoder",
                                   "融合模型：编码器的 16 个图块词元 → LayerNorm + 线性投影（%d → %d）→ 一层的解码器，"
                                   + "它的词通过交叉注意力读图；编码器之外有 %d 个参数")
        static let variant = L("— %@", "— %@")
        static let depthColumns: [L] = [L("tokens read", "读取的词元"), L("aligned, frozen", "对齐，冻结"),
                                        L("random, frozen", "随机，冻结")]
        static let depthName = L("after block %d", "第 %d 层之后")
        static let patchEmbeddingName = L("patch embedding", "图块嵌入")
        static let lastName = L("output (block %d + LayerNorm)", "输出（第 %d 层 + LayerNorm）")
        static let depthSet = L("%d training questions each, exact match on %d test questions:",
                                "每个模型 %d 道训练题，在 %d 道测试题上完全匹配：")
        static let lastWorse = L("→ read at its output, the aligned encoder answers worse than a random one (%.2f against %.2f): "
                                 + "its contrastive training made every patch token speak for the whole picture.",
                                 "→ 读输出层时，对齐的编码器答得比随机的还差（%.2f 对 %.2f）：对比训练让每个图块词元都去代表整张图。")
        static let lastNotWorse = L("→ read at its output, the aligned encoder answers %.2f, a random one %.2f.",
                                    "→ 读输出层时，对齐的编码器答对 %.2f，随机的 %.2f。")
        static let bestDepth = L("→ the aligned encoder is best read at its %@ (%.2f), where the random one gives %.2f.",
                                 "→ 对齐的编码器在%@读最好（%.2f），同一处随机编码器是 %.2f。")
        static let encoderColumns: [L] = [L("image encoder (read at the patch embedding)", "图像编码器（读图块嵌入）")]
        static let encoderNames: [L] = [L("aligned, frozen", "对齐，冻结"), L("random, frozen", "随机，冻结"),
                                        L("aligned, fine-tuned", "对齐，微调"), L("new, from scratch", "新的，从零训练")]
        static let questions = L("%d questions", "%d 道题")
        static let reached = L("→ at least 0.9 on \"what colour is the X?\": %@.", "→ “X 是什么颜色？”达到 0.9 以上的：%@。")
        static let notReached = L("→ no model reaches 0.9 on \"what colour is the X?\" in this run (best %.2f).",
                                  "→ 这次运行里没有模型在“X 是什么颜色？”上达到 0.9（最好 %.2f）。")
        static let reachedItem = L("%@ (%.2f)", "%@（%.2f）")
        static let answers = L("the best model, %@ (%.3f), answering four test questions:",
                               "最好的模型（%@，%.3f）回答四道测试题：")
        static let answerLine = L("  %@ → %@ (%@); the answer's attention on the asked object's patch: %.0f%%",
                                  "  %@ → %@（%@）；答案落在被问物体图块上的注意力：%.0f%%")
        static let right = L("right", "对")
        static let wrong = L("expected %@", "应为 %@")
        static let described = L("stage 1: %d descriptions; asked \"what is in this picture?\" about a test picture, it says \"%@\"",
                                 "第一阶段：%d 条描述；对一张测试图问“这张图片里有什么？”，它答“%@”")
        static let stageColumns: [L] = [L("training questions", "训练题数"), L("stage 2 alone", "只有第二阶段"),
                                        L("stage 1, then stage 2", "先第一阶段，再第二阶段")]
        static let stageGain = L("→ with %d questions, stage 1 first lifts the answers from %.2f to %.2f.",
                                 "→ 只有 %d 道题时，先做第一阶段把准确率从 %.2f 提到 %.2f。")
        static let stageNoGain = L("→ with %d questions, stage 1 first gives %.2f against %.2f alone: no clear gain here.",
                                   "→ 只有 %d 道题时，先做第一阶段得 %.2f，单独第二阶段 %.2f：这里没有明显的提升。")
        static let realColumns: [L] = [L("", ""), L("this lesson", "本课"), L("LLaVA-1.5 (Liu et al. 2023)", "LLaVA-1.5（Liu 等，2023）")]
    }
}
