// Lesson 04's "try this" list: what to change next and what it measured; the changes with bands were run
// on seeds 0–4, and `tour --check-try-this` runs them again.

import Walkthrough

enum TokensTryThis {
    static let all = [
        TryThis(change: L("--patch 32", "--patch 32"), expect: L("49 patch tokens, 53 in the sequence", "49 个图块词元，序列共 53 个")),
        TryThis(change: L("--merges 30", "--merges 30"),
                expect: L("a vocabulary of 124 pieces: 我喜欢这只猫 stays six characters, \"i like this orange cat\" "
                          + "becomes 14 pieces (seed 0), and held-out captions more than double in English and grow by "
                          + "about 70% in Chinese against 150 merges (8.7–9.0 and 6.7–7.1 tokens)",
                          "词表只有 124 个子词：“我喜欢这只猫”仍是 6 个字符，“i like this orange cat”变成 14 个子词"
                          + "（种子 0）；留出描述的词元数比 150 次合并时（8.7–9.0 和 6.7–7.1）英文翻了一倍多，"
                          + "中文多了约七成"),
                bands: [Band("tokens_per_caption.en.bpe", 18.7...19.48),
                        Band("tokens_per_caption.zh.bpe", 11.69...12.32)]),
        TryThis(change: L("--merges 400", "--merges 400"),
                expect: L("494 pieces: Chinese captions shrink to 4.3 tokens as whole phrases become pieces, while "
                          + "English stays at its 8.7 words — the same budget buys different lengths in each language",
                          "494 个子词：中文描述缩到平均 4.3 个词元，整段短语成了一个子词；英文仍是 8.7 个词——"
                          + "同样的合并次数，在两种语言里换来的长度不同")),
        TryThis(change: L("--width 128", "--width 128"), expect: L("the same equivariance, to float precision", "同样的置换等变性，误差在浮点精度内")),
        TryThis(change: L("--train-steps 1200", "--train-steps 1200"),
                expect: L("the where-question answered perfectly and a sharper grid (seed 0: 1.00, near − far +0.299, "
                          + "against 0.94 and +0.250 after 800 steps)",
                          "“在哪里”全部答对，网格更清楚（种子 0：1.00，邻近 − 远处 +0.299；800 步时是 0.94 和 +0.250）")),
        TryThis(change: L("--position-std 0.02", "--position-std 0.02"),
                expect: L("ViT's starting spread: the positions still turn grid-shaped (seed 0: near − far +0.210), "
                          + "yet the model never learns to answer where (0.07, chance 0.06) — beside the patch content "
                          + "such faint positions are not read",
                          "ViT 的初始离散度：位置向量照样长成网格形（种子 0：邻近 − 远处 +0.210），模型却始终答不出"
                          + "“在哪里”（0.07，随机 0.06）——和图块内容相比，这么弱的位置信号没有被读出来")),
        TryThis(change: L("--questions all", "--questions all"),
                expect: L("trained on the six standard questions, whose answers never name a place: no grid at all, "
                          + "near − far about 0 where the default run gives +0.16 to +0.25",
                          "用六类标准问题训练，它们的答案从不说位置：完全没有网格，邻近 − 远处约为 0，"
                          + "而默认训练是 +0.16 到 +0.25"),
                bands: [Band("learned_near_minus_far", -0.025...0.030),
                        Band("learned_change_near_minus_far", -0.091...0.090)]),
    ]
}
