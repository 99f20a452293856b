// Lesson 06 on the tour's front page and in the run's page: the numbers that matter, in words, the
// figure that stands for the lesson, and what each figure shows (its alt text).

import Walkthrough

extension AlignThenFuse {
    public static let highlights = [
        Highlight(L("With no labels, lesson 02's frozen encoder names the kind of {zeroshot_kind%} of the test pictures "
                    + "and the colour of {zeroshot_colour%} (a random encoder: {random_zeroshot_kind%} and "
                    + "{random_zeroshot_colour%}).",
                    "不用任何标签，第 02 课冻结的编码器说对测试图种类的比例是 {zeroshot_kind%}，颜色 {zeroshot_colour%}"
                    + "（随机编码器：{random_zeroshot_kind%} 和 {random_zeroshot_colour%}）。")),
        Highlight(L("Two labelled pictures per class: a plain probe on the aligned encoder {probe2_kind%} (kind) and "
                    + "{probe2_colour%} (colour), started from the prompts {prompted_probe2_kind%} and "
                    + "{prompted_probe2_colour%}, on a random encoder {random_probe2_kind%} and {random_probe2_colour%}.",
                    "每类两张有标签的图：对齐编码器上的普通探针种类 {probe2_kind%}、颜色 {probe2_colour%}，"
                    + "从提示语出发的探针 {prompted_probe2_kind%} 和 {prompted_probe2_colour%}，"
                    + "随机编码器上 {random_probe2_kind%} 和 {random_probe2_colour%}。")),
        Highlight(L("\"What colour is the X?\": read at its output, the aligned encoder answers {depth_aligned_last%} "
                    + "(random {depth_random_last%}); read at its patch embedding {depth_aligned_0%} "
                    + "(random {depth_random_0%}); the best model {best_local%}.",
                    "“X 是什么颜色？”：读输出层时对齐的编码器答对 {depth_aligned_last%}（随机 {depth_random_last%}）；"
                    + "读图块嵌入时 {depth_aligned_0%}（随机 {depth_random_0%}）；最好的模型 {best_local%}。")),
    ]
    public static let keyFigure: String? = "training-size"
    public static let figureDescriptions: [String: L] = [
        "label-efficiency": L("Accuracy on kinds and on colours against labelled pictures per class: a plain probe and "
                              + "a probe started from the prompts on the aligned encoder, a probe on a random encoder, "
                              + "and a small model trained from scratch, with the zero-shot level and chance.",
                              "种类和颜色的准确率随每类有标签图数的变化：对齐编码器上的普通探针和从提示语出发的探针、"
                              + "随机编码器上的探针、从零训练的小模型，以及零样本水平和随机猜。"),
        "accuracy-by-depth": L("\"What colour is the X?\" answered from the aligned and a random frozen encoder, read "
                               + "at the patch embedding, after block 1 and at the output.",
                               "从对齐的和随机的冻结编码器回答“X 是什么颜色？”，分别读图块嵌入、第 1 层之后和输出层。"),
        "training-size": L("\"What colour is the X?\" against the number of training questions for four image "
                           + "encoders: aligned frozen, random frozen, aligned fine-tuned and a new one from scratch.",
                           "“X 是什么颜色？”的准确率随训练题数的变化，四种图像编码器：对齐并冻结、随机并冻结、"
                           + "对齐后微调、从零训练的新编码器。"),
        "answer-attention": L("Four test pictures with the best model's answer and where the word that wrote the "
                              + "colour looked among the 16 patches.",
                              "四张测试图、最好的模型的回答，以及写出颜色的那个词在 16 个图块中看向了哪里。"),
        "two-stage": L("Stage 2 alone against stage 1 (describing pictures) then stage 2, with few training questions.",
                       "训练题很少时：只有第二阶段，对比先做第一阶段（描述图片）再做第二阶段。"),
    ]
}
