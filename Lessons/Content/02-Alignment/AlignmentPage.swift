// Lesson 02 on the tour's front page and in the run's page: the numbers that matter, in words, the
// figure that stands for the lesson, and what each figure shows (its alt text).

import Walkthrough

extension Alignment {
    public static let highlights = [
        Highlight(L("After training, a caption ranks its own picture first among the test pictures in "
                    + "{recall_t2i_at1%} of cases; chance is {chance_t2i_at1%}.",
                    "训练后，一句描述在测试图片中把自己的图片排在第一的比例是 {recall_t2i_at1%}；随机猜测只有 {chance_t2i_at1%}。")),
        Highlight(L("Zero-shot, with no classifier ever trained, the nearest prompt names the animal in "
                    + "{zeroshot_animal%} of test pictures, and {zeroshot_animal_heldout%} for colour–animal "
                    + "pairs never seen in training.",
                    "零样本：从没训练过分类器，最近的提示语说对动物的测试图占 {zeroshot_animal%}；"
                    + "训练中从未出现的颜色–动物组合上是 {zeroshot_animal_heldout%}。")),
        Highlight(L("With Chinese prompts (一张猫的照片) the animal is named in {zeroshot_animal_zh%} of test "
                    + "pictures; an English caption finds a Chinese one that says the same thing in "
                    + "{recall_en2zh_at1%} of cases (chance {chance_en2zh_at1%}), though no caption was ever "
                    + "paired with another.",
                    "用中文提示语（一张猫的照片），说对动物的测试图占 {zeroshot_animal_zh%}；一句英文描述在 "
                    + "{recall_en2zh_at1%} 的情况下找到说同一件事的中文描述（随机水平 {chance_en2zh_at1%}），"
                    + "而训练中从没有两句描述配成对。")),
        Highlight(L("The modality gap, the distance between the centres of the picture and caption clouds, "
                    + "went from {modality_gap_before} to {modality_gap_after}.",
                    "模态差距（图像云与文本云两个中心的距离）从 {modality_gap_before} 变为 {modality_gap_after}。")),
    ]
    public static let keyFigure: String? = "similarity-after"
    public static let figureDescriptions: [String: L] = [
        "pairs": L("Eight training pairs with English captions: each 32×32 picture under the one caption "
                   + "it was trained with.",
                   "八个配中文描述的训练配对：每张 32×32 的图片上方是训练时配给它的唯一一句描述。"),
        "similarity-before": L("Cosine similarity of eight pictures (rows) with their eight captions (columns) "
                               + "before training, coloured from −1 to 1.",
                               "训练前八张图片（行）与八句描述（列）的余弦相似度，颜色从 −1 到 1。"),
        "training": L("The contrastive loss per training step against chance (ln 64), and the learned "
                      + "temperature τ.",
                      "每个训练步的对比损失与随机水平（ln 64）的对比，以及学到的温度 τ。"),
        "similarity-after": L("Cosine similarity of eight pictures (rows) with their eight captions (columns) "
                              + "after training: the matching pairs lie on the diagonal.",
                              "训练后八张图片（行）与八句描述（列）的余弦相似度：匹配的配对在对角线上。"),
        "space-pca": L("Test pictures (dots) and captions (triangles) in the shared space, projected by PCA, "
                       + "before and after training, coloured by object; a line joins each picture to its caption.",
                       "共享空间里的测试图片（圆点）和描述（三角），用 PCA 投影，训练前后各一张，按物体着色；"
                       + "每条线连接一张图片和它的描述。"),
        "similarity-en-zh": L("Cosine similarity of eight English test captions (rows) with the same eight "
                              + "scenes' Chinese captions (columns) after training; the two languages were never "
                              + "paired.",
                              "训练后八句英文测试描述（行）与同样八个场景的中文描述（列）的余弦相似度；"
                              + "两种语言在训练中从未配对。"),
        "space-tsne": L("The same pictures and captions laid out by t-SNE, which keeps neighbours together, "
                        + "before and after training.",
                        "同样的图片和描述，用保留近邻关系的 t-SNE 排布，训练前后各一张。"),
    ]
}
