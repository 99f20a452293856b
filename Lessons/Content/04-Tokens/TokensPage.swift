// Lesson 04 on the tour's front page and in the run's page: the numbers that matter, in words, the
// figure that stands for the lesson, and what each figure shows (its alt text).

import Walkthrough

extension Tokens {
    public static let highlights = [
        Highlight(L("{patch_tokens} patch tokens and {word_tokens} word tokens make one sequence of {sequence_tokens}.",
                    "{patch_tokens} 个图块词元加 {word_tokens} 个词的词元，组成一个 {sequence_tokens} 个词元的序列。")),
        Highlight(L("Byte-pair encoding learned in the run: a held-out Chinese caption averages "
                    + "{tokens_per_caption.zh.characters} characters but {tokens_per_caption.zh.bpe} learned pieces; "
                    + "an English one {tokens_per_caption.en.bpe} pieces.",
                    "运行中学到的字节对编码：一句留出的中文描述平均有 {tokens_per_caption.zh.characters} 个字符，"
                    + "却只有 {tokens_per_caption.zh.bpe} 个学到的子词；英文描述平均 {tokens_per_caption.en.bpe} 个。")),
        Highlight(L("Shuffle the patches and self-attention's outputs are only shuffled (largest difference "
                    + "from the original outputs reordered the same way: {equivariance_error_without_positions}); "
                    + "with positions added they change (largest difference {equivariance_error_with_positions}).",
                    "打乱图块，自注意力的输出只是跟着打乱（与按同样顺序重排的原输出最大相差 "
                    + "{equivariance_error_without_positions}）；加上位置编码后输出就变了（最大相差 {equivariance_error_with_positions}）。")),
        Highlight(L("Learned positions: neighbouring patches' position vectors have cosine similarity "
                    + "{learned_neighbour_similarity}, far ones {learned_far_similarity}.",
                    "学到的位置：相邻图块的位置向量余弦相似度为 {learned_neighbour_similarity}，相距远的为 {learned_far_similarity}。")),
    ]
    public static let keyFigure: String? = "sequence"
    public static let figureDescriptions: [String: L] = [
        "patches": L("The 224×224 photograph cut into 196 numbered patches of 16×16.", "224×224 的照片被切成 196 个编了号的 16×16 图块。"),
        "tokens-per-caption": L("Mean tokens per held-out caption, English and Chinese, cut by the word list, into "
                                + "characters, and by the learned merges (BPE).",
                                "留出的中英文描述平均每句的词元数：按词表切、按字符切、按学到的合并（字节对编码）切。"),
        "sequence": L("One sequence: the patches themselves in reading order, then the word tokens, each marked with its modality.",
                      "一个序列：图块本身按阅读顺序排列，后接词的词元，每个标出所属模态。"),
        "positions-1d": L("One-dimensional sinusoidal position codes: each row a position, each column a channel.",
                          "一维正弦位置编码：每行是一个位置，每列是一个通道。"),
        "positions-2d": L("Two-dimensional sinusoidal codes: for chosen patches, how similar every other patch's code is.",
                          "二维正弦编码：对选定的图块，其他每个图块的编码与它有多相似。"),
        "positions-learned": L("Learned position vectors: for each patch, a small map of its similarity to every other patch.",
                               "学到的位置向量：每个图块一张小图，显示它与其他每个图块的相似度。"),
        "attention-cost": L("Tokens per image and the cost of self-attention as the sequence grows.",
                            "每张图的词元数，以及序列变长时自注意力的计算量。"),
        "cat-attention": L("The attention of the word cat over the 16 image patches.", "词 cat 对 16 个图块的注意力。"),
    ]
}
