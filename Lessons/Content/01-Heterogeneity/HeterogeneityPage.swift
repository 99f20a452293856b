// Lesson 01 on the tour's front page and in the run's page: the numbers that matter, in words, the
// figure that stands for the lesson, and what each figure shows (its alt text).

import Walkthrough

extension Heterogeneity {
    public static let highlights = [
        Highlight(L("In raw pixels the same photo of a cat, mirrored, is {photo_distance_mirrored} away from itself, "
                    + "farther than a flat picture of its mean colour ({photo_distance_flat_mean_colour}): pixel distance "
                    + "does not measure meaning.",
                    "在原始像素里，同一张猫的照片左右翻转后离原图 {photo_distance_mirrored}，比一张只有平均颜色的纯色图"
                    + "（{photo_distance_flat_mean_colour}）还远：像素距离量的不是意义。")),
        Highlight(L("In the drawn scene, the same cat moved one cell is {distance_cat_to_moved_cat} away, farther than "
                    + "an orange dog in its place ({distance_cat_to_orange_dog}).",
                    "在画出的场景里，同一只猫挪动一格后的距离是 {distance_cat_to_moved_cat}，比原位置上的一只橘色狗"
                    + "（{distance_cat_to_orange_dog}）还远。")),
        Highlight(L("Untrained encoders of the same width: the nearest neighbour of a point comes from its own "
                    + "modality {untrained_nn_same_modality%} of the time.",
                    "宽度相同的未训练编码器：一个点的最近邻来自同一模态的比例是 {untrained_nn_same_modality%}。")),
    ]
    public static let keyFigure: String? = "untrained-space"
    public static let figureDescriptions: [String: L] = [
        "image-pixels": L("The 224×224 scene of an orange cat in the sun, with a zoom on a few pixels and their "
                          + "red, green and blue values.",
                          "一只晒太阳的橘猫的 224×224 场景，放大其中几个像素，标出它们的红、绿、蓝数值。"),
        "photo-pixels": L("A photograph of a tabby cat beside the drawn scene, with a zoom on the pixel values at the rim of its eye.",
                          "一张虎斑猫的照片与画出的场景并排，放大它眼眶边缘的像素数值。"),
        "photo-distances": L("The cat photo beside four altered copies (moved 2 pixels, brighter, mirrored, one flat colour), "
                             + "each with its pixel distance to the original.",
                             "猫的照片与它的四个改动版本（右移 2 像素、更亮、左右翻转、纯色），各标出与原图的像素距离。"),
        "text-tokens": L("The caption cut into tokens, each with its id in the vocabulary.",
                         "描述被切成词元，每个词元标出它在词表中的编号。"),
        "sound": L("The scene's sound as a waveform (amplitude over time) and as a spectrogram (frequency over time).",
                   "场景的声音：波形（振幅随时间）和频谱图（频率随时间）。"),
        "pixel-distances": L("Pixel distance from the orange cat picture to seven other small pictures.",
                             "橘猫图片到其他七张小图的像素距离。"),
        "untrained-space": L("Image, caption and sound vectors of the same scenes from untrained encoders, "
                             + "projected by PCA and by t-SNE, coloured by modality.",
                             "未训练编码器给出的同一批场景的图像、描述和声音向量，用 PCA 和 t-SNE 投影，按模态着色。"),
    ]
}
