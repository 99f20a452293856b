// Lesson 03 on the tour's front page and in the run's page: the numbers that matter, in words, the
// figure that stands for the lesson, and what each figure shows (its alt text).

import Walkthrough

extension Fusion {
    public static let highlights = [
        Highlight(L("Where the question picks the object and the picture holds its colour (Task B), accuracy: "
                    + "cross fusion {b.cross.accuracy%}, early {b.early.accuracy%}, late {b.late.accuracy%}.",
                    "问题指定物体、图片给出颜色的任务（任务 B）上的准确率：交叉融合 {b.cross.accuracy%}，"
                    + "早期融合 {b.early.accuracy%}，晚期融合 {b.late.accuracy%}。")),
        Highlight(L("Where each modality helps on its own (Task A): image alone {a.image_only.accuracy%}, text alone "
                    + "{a.text_only.accuracy%}; fused: early {a.early.accuracy%}, late {a.late.accuracy%}, cross {a.cross.accuracy%}.",
                    "两种模态各自有用的任务（任务 A）：只看图 {a.image_only.accuracy%}，只看文字 {a.text_only.accuracy%}；"
                    + "融合后：早期 {a.early.accuracy%}，晚期 {a.late.accuracy%}，交叉 {a.cross.accuracy%}。")),
    ]
    public static let keyFigure: String? = "task-b-accuracy"
    public static let figureDescriptions: [String: L] = [
        "task-a-examples": L("Task A examples: noisy pictures with their captions and the animal to name.",
                             "任务 A 的样例：带噪声的图片、它们的描述和要说出的动物。"),
        "noise-robustness": L("Task A accuracy of the three fusions as noise is added to the pixels, and as caption "
                              + "words are dropped.",
                              "三种融合在任务 A 上的准确率：像素噪声增大时，以及描述中的词被丢弃时。"),
        "task-b-accuracy": L("Task B accuracy of each fusion beside each modality alone and the majority answer.",
                             "任务 B 上每种融合的准确率，旁边是单一模态和多数答案的准确率。"),
        "learning-curves": L("Held-out Task B accuracy during training, for the three fusions.",
                             "训练过程中三种融合在任务 B 留出样本上的准确率。"),
        "cross-attention": L("Cross fusion's attention from the question's key word over the 16 image patches, "
                             + "for a few examples.",
                             "几个样例中，交叉融合里问题关键词对 16 个图块的注意力。"),
        "cost-vs-tokens": L("Multiply-adds per example of the three fusions as the number of image tokens grows.",
                            "图像词元数增加时，三种融合每个样例的乘加次数。"),
    ]
}
