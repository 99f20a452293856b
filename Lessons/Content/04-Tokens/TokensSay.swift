// What lesson 04 prints, in English and Chinese: the phrases its steps fill with numbers, and its
// table headers. The steps' narration is in 04-tokens.en.md and 04-tokens.zh.md.

import Walkthrough

extension Tokens {
    enum Say {
        // Step 1
        static let cut = L("[224, 224, 3] → %d×%d = %d patches of %d×%d×3 = %d values: [%d, %d]",
                           "[224, 224, 3] → %d×%d = %d 个图块，每块 %d×%d×3 = %d 个数：[%d, %d]")
        static let yourPicture = L("Your picture (--image), its largest centred square at 224×224.",
                                   "你的图片（--image）：取它居中的最大正方形，缩放到 224×224。")
        // Step 2
        static let learned = L("byte-pair encoding: %1$d merges learned from %2$d captions (English and Chinese), "
                               + "starting from %3$d characters; vocabulary %4$d pieces (the word list: %5$d words)",
                               "字节对编码：从 %2$d 句描述（英文和中文）里学到 %1$d 次合并，起点是 %3$d 个字符；"
                               + "词表共 %4$d 个子词（按词切的词表：%5$d 个词）")
        static let mergeColumns: [L] = [L("merge", "合并"), L("left", "左"), L("right", "右"),
                                        L("new piece", "新子词"), L("pairs counted", "出现次数")]
        static let cutColumns: [L] = [L("cut by", "切法"), L("tokens", "词元"), L("count", "个数")]
        static let methodNames: [L] = [L("word list", "词表"), L("characters", "字符"),
                                       L("learned merges (BPE)", "学到的合并（字节对编码）")]
        static let countColumns: [L] = [L("held-out captions", "留出的描述"), L("word list", "词表"),
                                        L("characters", "字符"), L("BPE", "字节对编码")]
        static let english = L("English", "英文")
        static let chinese = L("Chinese", "中文")
        static let whyCountsDiffer = L("A Chinese caption is %.1f characters on average, %.1f learned pieces: with "
                                       + "no spaces, the merges find the words (and longer chunks) from counts alone.",
                                       "一句中文描述平均 %.1f 个字符、%.1f 个学到的子词：没有空格，合并只靠计数"
                                       + "就找出了词（以及更长的片段）。")
        // Step 3
        static let patchEmbedding = L("patches [%d, %d] → Linear(%d → %d) → %@",
                                      "图块 [%d, %d] → 线性层（%d → %d）→ %@")
        static let wordEmbedding = L("\"%@\" → %@ → ids %@ → Embedding(%d, %d) → %@",
                                     "“%@” → %@ → 编号 %@ → 嵌入（%d, %d）→ %@")
        // Step 4
        static let concatenated = L("[1, %d, %d] ⧺ [1, %d, %d] + modality types → %@",
                                    "[1, %d, %d] ⧺ [1, %d, %d] + 模态类型 → %@")
        // Step 5
        static let withoutPositions = L("no positions: max |attn(shuffled x) − shuffle(attn(x))| = %@ (float rounding)",
                                        "没有位置编码：max |attn(打乱的 x) − 打乱(attn(x))| = %@（浮点舍入）")
        static let withPositions = L("with sinusoidal positions: %.3f — the shuffled image now reads differently",
                                     "加上正弦位置编码：%.3f——打乱后的图像读起来不一样了")
        // Step 6
        static let twoDimensional = L("2D code, cosine similarity: 4-neighbours %.3f on average, patches ≥ %d apart %.3f",
                                      "二维编码的余弦相似度：上下左右邻居平均 %.3f，相隔 ≥ %d 格的图块 %.3f")
        // Step 7
        static let settingColumns: [L] = [L("image", "图像"), L("patch", "图块"), L("tokens", "词元数")]
        static let realColumns: [L] = [L("", ""), L("this lesson", "本课"), L("real systems", "真实系统")]
        static let measured = L("  (measured: T = %d, %.2f ms on this machine)", "  （实测：T = %d，本机 %.2f 毫秒）")
        static let cost = L("T = %4d: %.1f MFLOP computed", "T = %4d：计算得 %.1f 百万次浮点运算")
        // Step 8
        static let accuracy = L("after %d steps, test accuracy %.2f", "训练 %d 步后，测试准确率 %.2f")
        static let whereAccuracy = L("  on \"where is the X?\" (chance 1/16 for the full answer) %.2f",
                                     "  其中“X在哪里？”（整句答对的随机水平 1/16）%.2f")
        static let toyWorldHere = L("This step uses ToyWorld's scenes, not your --image: the model is trained on them.",
                                    "这一步用的是 ToyWorld 的场景，不是你的 --image：模型是在这些场景上训练的。")
        // Step 9
        static let startSpread = L("The positions started as random vectors of spread %.2f (ViT starts at 0.02: try "
                                   + "--position-std 0.02), so the table also shows what training added: after − before.",
                                   "位置向量从离散度 %.2f 的随机向量开始（ViT 从 0.02 开始：试试 --position-std 0.02），"
                                   + "所以表里也列出训练加上去的部分：训练后 − 训练前。")
        static let gridColumns: [L] = [L("position vectors", "位置向量"), L("4-neighbours", "上下左右邻居"),
                                       L("≥ 2 cells apart", "相隔 ≥ 2 格"), L("difference", "差")]
        static let gridRows: [L] = [L("learned, before training", "可学习，训练前"),
                                    L("learned, after training", "可学习，训练后"),
                                    L("what training added (after − before)", "训练加上的部分（后 − 前）"),
                                    L("2D sinusoidal (fixed)", "二维正弦（固定）")]
        static let foundGrid = L("The learned positions found the grid: neighbouring patches got more similar vectors "
                                 + "than far ones (%+.3f; the sines' %+.3f).",
                                 "学到的位置找到了网格：相邻图块的位置向量比远处的更相似（%+.3f；正弦编码是 %+.3f）。")
        static let startingGrid = L("The raw vectors still carry their random start (%+.3f), but what training added to "
                                    + "them is grid-shaped (%+.3f): the model has begun to encode rows and columns. More "
                                    + "steps (--train-steps) let that part outgrow the start.",
                                    "原始向量仍带着随机起点（%+.3f），但训练加上去的部分已经是网格形的（%+.3f）："
                                    + "模型开始编码行和列。更多步数（--train-steps）会让这部分盖过起点。")
        static let noGrid = L("Said plainly: these learned positions show little or no grid — neighbours are hardly "
                              + "more alike than far patches, before or after subtracting the start (%+.3f, %+.3f).",
                              "说实话：这些学到的位置几乎没有显出网格——无论是否减去起点，邻居都不比远处的图块"
                              + "明显更相似（%+.3f，%+.3f）。")
        static let supervisedByAnswers = L("What taught it is no mystery: every answer to \"where is the X?\" names a row "
                                           + "and a column (\"row 2 column 3\"), so the loss rewards position vectors from "
                                           + "which row and column can be read, and the patches of one row are pushed "
                                           + "toward the same answer word. The grid was supervised by those answers. ViT "
                                           + "learns a grid like this with no location labels at all, from image "
                                           + "classification on millions of images; at this scale, with questions whose "
                                           + "answers never name a place (--questions all), no grid forms.",
                                           "教会它的并不神秘：“X在哪里？”的每个答案都说出一行一列（“第2行第3列”），"
                                           + "所以损失奖励那些能读出行和列的位置向量，同一行的图块被推向同一个答案词。"
                                           + "网格是由这些答案监督出来的。ViT 完全不用位置标签，只靠在数百万张图上做"
                                           + "图像分类就学出这样的网格；在这个规模上，如果题目的答案从不说位置"
                                           + "（--questions all），网格就不会出现。")
        static let noPlaceInAnswers = L("None of these questions has a place for its answer: no location label "
                                        + "supervised these positions. (With \"where is the X?\", whose answers name a "
                                        + "row and a column, a grid forms: --questions where.)",
                                        "这些题目的答案都不是位置：没有任何位置标签监督这些位置向量。（换成答案会说出"
                                        + "行和列的“X在哪里？”，网格就会出现：--questions where。）")
        static let notYetSupervised = L("Every answer to \"where is the X?\" names a row and a column, and that is what "
                                        + "supervises a grid here; %d steps were too few for it to show (the default "
                                        + "run trains 800).",
                                        "“X在哪里？”的每个答案都说出一行一列，这里正是这些答案在监督网格；"
                                        + "%d 步太少，网格还没有显出来（默认运行训练 800 步）。")
        // Step 10
        static let noCatQuestion = L("No test question names the cat in this run (with --questions left-of there are none).",
                                     "这次运行的测试题里没有问到猫的题（用 --questions left-of 时就没有）。")
        static let catQuestions = L("%d test questions about the cat (\"where is the cat?\" or \"what colour is the "
                                    + "cat?\"); attention of the word cat over the patches (mean of heads):",
                                    "%d 道关于猫的测试题（“猫在哪里？”或“猫是什么颜色？”）；“猫”这个词对图块的注意力"
                                    + "（各头平均）：")
        static let catColumns: [L] = [L("block", "层"), L("share on the cat's patch", "落在猫所在图块的份额"),
                                      L("vs chance 1/16", "相对随机 1/16"), L("cat's patch is the top patch", "猫所在图块排第一")]
        static let catLooks = L("The word looks at the cat: %.3f of its attention on the cat's patch, against %.4f "
                                + "for an even spread.",
                                "这个词看向了猫：%.3f 的注意力落在猫所在的图块上，平均分配时是 %.4f。")
        static let catHardlyLooks = L("Said plainly: the word hardly singles out the cat's patch (%.3f against %.4f for "
                                      + "an even spread, less than twice); the answer can reach the word's position "
                                      + "through other tokens.",
                                      "说实话：这个词并没有特别看向猫所在的图块（%.3f，平均分配是 %.4f，不到两倍）；"
                                      + "答案可以经由别的词元传到这个位置。")

        // Figures
        static let patchesTitle = L("%d patches of %d×%d, numbered as the article does: [patch 1] … [patch %d]",
                                    "%d 个 %d×%d 的图块，按文章的编号：[图块1] … [图块%d]")
        static let sequenceTitle = L("One sequence of %d tokens: the %d patches row by row, then the words",
                                     "一个含 %d 个词元的序列：%d 个图块逐行排列，后面是词")
        static let modalityNames: [L] = [L("image patch", "图块"), L("text token", "文本词元")]
        static let countsTitle = L("Tokens per caption, held-out ToyWorld captions",
                                                "每句描述的词元数（留出的 ToyWorld 描述）")
        static let countsAxis = L("tokens per caption (mean)", "每句描述的词元数（平均）")
        static let oneDimensionalTitle = L("1D sinusoidal positions", "一维正弦位置编码")
        static let codeTitle = L("1D sinusoidal code (rows: positions)", "一维正弦编码（行：位置）")
        static let cosineTitle = L("cosine similarity between positions", "位置之间的余弦相似度")
        static let dimension = L("dimension", "维度")
        static let position = L("position", "位置")
        static let twoDimensionalTitle = L("2D sinusoidal code: similarity of a few patches to every patch",
                                           "二维正弦编码：几个图块与所有图块的相似度")
        static let patchWord = L("patch", "图块")
        static let patchAt = L("patch %d (row %d, column %d)", "图块 %d（第 %d 行第 %d 列）")
        static let cosine = L("cosine", "余弦相似度")
        static let costTitle = L("self-attention cost (one layer, d = %d)", "自注意力代价（一层，d = %d）")
        static let tokensAxis = L("tokens T", "词元数 T")
        static let mflopAxis = L("MFLOP", "百万次浮点运算")
        static let computed = L("computed: 8Td² + 4T²d", "计算值：8Td² + 4T²d")
        static let mosaicTitle = L("Similarity of each patch's position to every other (4×4 grid)",
                                   "每个图块的位置与其他图块的相似度（4×4 网格）")
        static let learnedPanel = L("learned, after %d steps", "可学习，训练 %d 步后")
        static let addedPanel = L("what training added (after − before)", "训练加上的部分（后 − 前）")
        static let sinesPanel = L("2D sinusoidal, fixed", "二维正弦，固定")
        static let inputRow = L("input patch row", "图块所在行")
        static let inputColumn = L("input patch column", "图块所在列")
        static let catTitle = L("Where the word \"cat\" looks (block %d, mean of heads)", "“猫”这个词看向哪里（第 %d 层，各头平均）")
        static let catPanel = L("cat's patch: %.2f", "猫所在图块：%.2f")
        static let attentionShare = L("attention share", "注意力份额")
    }
}
