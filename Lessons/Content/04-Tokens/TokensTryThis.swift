// Lesson 04's "try this" list: what to change next and what a run of seed 0 measured when it was changed.

import Walkthrough

enum TokensTryThis {
    static let all = [
        TryThis(change: L("--patch 32", "--patch 32"), expect: L("49 patch tokens, 53 in the sequence", "49 个图块词元，序列共 53 个")),
        TryThis(change: L("--merges 30", "--merges 30"),
                expect: L("a vocabulary of 124 pieces: 我喜欢这只猫 stays six characters, \"i like this orange cat\" "
                          + "becomes 14 pieces, and captions average 19.4 (English) and 11.8 (Chinese) tokens "
                          + "(seed 0; 150 merges: 8.8 and 6.9)",
                          "词表只有 124 个子词：“我喜欢这只猫”仍是 6 个字符，“i like this orange cat”变成 14 个子词，"
                          + "描述平均 19.4（英文）和 11.8（中文）个词元（种子 0；150 次合并时是 8.8 和 6.9）")),
        TryThis(change: L("--merges 400", "--merges 400"),
                expect: L("494 pieces: Chinese captions shrink to 4.3 tokens as whole phrases become pieces, while "
                          + "English stays at its 8.7 words — the same budget buys different lengths in each language",
                          "494 个子词：中文描述缩到平均 4.3 个词元，整段短语成了一个子词；英文仍是 8.7 个词——"
                          + "同样的合并次数，在两种语言里换来的长度不同")),
        TryThis(change: L("--width 128", "--width 128"), expect: L("the same equivariance, to float precision", "同样的置换等变性，误差在浮点精度内")),
        TryThis(change: L("--train-steps 1200", "--train-steps 1200"),
                expect: L("the where-question answered perfectly and a sharper grid (seed 0: 1.00, near − far +0.300, "
                          + "against 0.94 and +0.250 after 800 steps)",
                          "“在哪里”全部答对，网格更清楚（种子 0：1.00，邻近 − 远处 +0.300；800 步时是 0.94 和 +0.250）")),
        TryThis(change: L("--position-std 0.02", "--position-std 0.02"),
                expect: L("ViT's starting spread: the positions still turn grid-shaped (seed 0: near − far +0.210), "
                          + "yet the model never learns to answer where (0.07, chance 0.06) — beside the patch content "
                          + "such faint positions are not read",
                          "ViT 的初始离散度：位置向量照样长成网格形（种子 0：邻近 − 远处 +0.210），模型却始终答不出"
                          + "“在哪里”（0.07，随机 0.06）——和图块内容相比，这么弱的位置信号没有被读出来")),
        TryThis(change: L("--questions all", "--questions all"),
                expect: L("trained on the six standard questions, whose answers never name a place: no grid at all "
                          + "(seed 0: near − far −0.005, what training added −0.046)",
                          "用六类标准问题训练，它们的答案从不说位置：完全没有网格（种子 0：邻近 − 远处 −0.005，"
                          + "训练加上的部分 −0.046）")),
    ]
}
