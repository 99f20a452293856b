// What lesson 02 prints, in English and Chinese: the phrases its steps fill with numbers, and its
// table headers. The steps' narration is in 02-alignment.en.md and 02-alignment.zh.md.

import Multimodal
import TeachingEngine
import Walkthrough

extension Alignment {
    enum Say {
        static let onePair = L("one pair: a %d×%d picture and the caption \"%@\"", "一个配对：一张 %d×%d 的图和描述“%@”")
        static let splitColumns: [L] = [L("split", "划分"), L("pictures", "图数"), L("English captions", "英文描述"),
                                        L("Chinese captions", "中文描述"), L("held-out scenes", "留出组合场景")]
        static let train = L("train", "训练")
        static let test = L("test (both captions, for measuring)", "测试（两种描述都有，只用于度量）")
        static let heldOut = L("held out of training: %@", "训练中留出：%@")
        static let vocabulary = L("vocabulary: %d tokens — %d English words, %d Chinese words and the 6 specials "
                                  + "(room for %d)",
                                  "词表：%d 个词元——%d 个英文词、%d 个中文词和 6 个特殊词元（容量 %d）")
        static let longestMatch = L("Chinese has no spaces: the lexicon's longest match cuts %@ into %@ "
                                    + "(%d characters, %d tokens)",
                                    "中文没有空格：按词典最长匹配，%@ 切成 %@（%d 个字，%d 个词元）")
        static let tokens = L("mean tokens per training caption: English %.2f, Chinese %.2f (of %d slots)",
                              "训练描述平均词元数：英文 %.2f，中文 %.2f（共 %d 个位置）")
        static let shapeColumns: [L] = [L("stage", "阶段"), L("image", "图像"), L("text", "文本")]
        static let parameters = L("parameters: %d (image %d, text %d, temperature 1)",
                                  "参数量：%d（图像 %d，文本 %d，温度 1）")
        static let quickSetting = L("--quick setting: a smaller model (width 32, 1 block, %1$d parameters) trained %2$d steps "
                                    + "on %3$d pairs at learning rate %4$g, so alignment forms in seconds; the default run "
                                    + "trains the full W-CLIP model for longer.",
                                    "--quick 设置：更小的模型（宽 32，1 层，%1$d 个参数），在 %3$d 个配对上以学习率 %4$g "
                                    + "训练 %2$d 步，几秒内就能看到对齐；默认运行训练完整的 W-CLIP，训练也更久。")
        static let lossByHand = L("loss by hand %.4f; the engine's contrastiveLoss %.4f; with no preference "
                                  + "(all logits equal) it would be ln 4 = %.4f",
                                  "手算损失 %.4f；引擎 contrastiveLoss 的结果 %.4f；若毫无偏好（logits 全相等）"
                                  + "则为 ln 4 = %.4f")
        static let catAndDog = L("orange cat picture ↔ \"%@\": %+.3f   ↔ \"%@\": %+.3f   (difference %+.3f)",
                                 "橘猫图 ↔ “%@”：%+.3f   ↔ “%@”：%+.3f   （差 %+.3f）")
        static let catIsCloser = L("→ the picture is clearly closer to \"%@\" than to \"%@\".",
                                   "→ 这张图明显更靠近“%@”，而不是“%@”。")
        static let notYet = L("→ not yet for \"%@\" and \"%@\": the two texts score about the same (train longer, "
                              + "e.g. without --quick).",
                              "→ “%@”和“%@”还没有分开：两句话的得分差不多（多训练一会儿，例如去掉 --quick）。")
        static let matched = L("8 test pairs, %@ captions: mean similarity of matching pairs %+.3f, of mismatched "
                               + "pairs %+.3f",
                               "8 个测试配对，%@描述：配对的平均相似度 %+.3f，错配的 %+.3f")
        static let retrievalPool = L("retrieval among %d candidates, %d pools (%d test pairs):",
                                     "在 %d 个候选中检索，共 %d 组（%d 个测试配对）：")
        static let retrievalColumns: [L] = [L("direction", "方向"), L("captions", "描述"), "R@1", L("chance", "随机"),
                                            "R@5", L("chance", "随机")]
        static let textToPicture = L("text → picture", "文 → 图")
        static let pictureToText = L("picture → text", "图 → 文")
        static let zeroShotColumns: [L] = [L("label", "标签"), L("prompt", "提示语"), L("accuracy (pictures)", "准确率（图数）"),
                                           L("held-out combos", "留出组合"), L("chance", "随机")]
        static let animal = L("animal", "动物")
        static let colour = L("colour", "颜色")
        static let heldOutColumns: [L] = [L("held-out combination", "留出组合"), L("prompts", "提示语"),
                                          L("pictures", "图数"), L("animal right", "动物判对"), L("colour right", "颜色判对"),
                                          L("animal answers", "动物判成"), L("colour answers", "颜色判成")]
        static let crossLingual = L("Caption → caption across languages, among %d candidates: a hit is a caption that "
                                    + "says the same thing (its own translation, or another caption naming the same "
                                    + "kind, colour, size and sun). No English caption was ever paired with a Chinese one.",
                                    "跨语言的描述 → 描述检索，在 %d 个候选中：命中是说同一件事的描述（它自己的译文，或说出"
                                    + "相同种类、颜色、大小和太阳的另一句）。训练中从没有一句英文和一句中文配成对。")
        static let crossColumns: [L] = [L("direction", "方向"), L("R@1 before training", "训练前 R@1"),
                                        L("R@1 after training", "训练后 R@1"), L("chance", "随机")]
        static let englishToChinese = L("English → Chinese", "英 → 中")
        static let chineseToEnglish = L("Chinese → English", "中 → 英")
        static let translated = L("→ after training, the nearest Chinese caption says the same thing as the English "
                                  + "one %.1f%% of the time (%.1f× chance): the two languages met only through pictures.",
                                  "→ 训练后，离一句英文最近的中文描述有 %.1f%% 说的是同一件事（随机水平的 %.1f 倍）："
                                  + "两种语言只通过图片相遇。")
        static let notTranslated = L("→ the nearest Chinese caption is rarely the same statement (%.1f%%, %.1f× chance): "
                                     + "the pictures have not tied the languages together.",
                                     "→ 离英文最近的中文描述很少说同一件事（%.1f%%，随机水平的 %.1f 倍）：图片还没有把两种语言连起来。")
        static let nearestAmong = L("Eight English test captions and the nearest of all %d Chinese test captions:",
                                    "八句英文测试描述，以及全部 %d 句中文测试描述里离它最近的一句：")
        static let nearestColumns: [L] = [L("English caption", "英文描述"), L("nearest Chinese caption", "最近的中文描述"),
                                          "cos", L("says the same", "意思相同")]
        static let english = L("English", "英文")
        static let chinese = L("Chinese", "中文")
        static let realColumns: [L] = [L("", ""), L("this lesson", "本课"), L("real CLIPs", "真实的 CLIP")]
        static let lossFell = L("loss %.3f → %.3f over %d steps (chance: ln 64 = %.3f); τ %.4f → %.4f",
                                "损失 %.3f → %.3f，共 %d 步（随机水平 ln 64 = %.3f）；τ %.4f → %.4f")
        static let gap = L("modality gap (distance between the centre of the pictures and the centre of the captions, "
                           + "unit vectors): %.3f before → %.3f after.",
                           "模态差距（单位向量下，图像中心与文本中心的距离）：训练前 %.3f → 训练后 %.3f。")
        static let gapShrank = L("Training pulled the two clouds towards each other, but a gap remains: pictures and "
                                 + "captions are matched by direction, not placed on top of one another.",
                                 "训练把两团点拉近了，但差距仍在：图和文靠方向对上，并没有叠在同一处。")
        static let gapStayed = L("The two clouds did not move closer: matching works by direction alone, and each "
                                 + "modality keeps its own region of the sphere.",
                                 "两团点并没有靠近：配对只靠方向，两种模态各自占着球面上的一块区域。")

        /// The name of a caption language: English, 中文.
        static func name(_ language: Multimodal.Language) -> L { language == .english ? english : chinese }

        /// The suffix of a metric measured with Chinese text: "" for English, "_zh" for Chinese.
        static func key(_ language: Multimodal.Language) -> String { language == .english ? "" : "_zh" }

        /// Step 1's table: pictures and captions per language in each split.
        static func splitRows(_ data: AlignmentData, _ run: Run) -> [[String]] {
            [[run.text(train), "\(data.train.count)", "\(data.trainCount(.english))", "\(data.trainCount(.chinese))",
              "\(data.heldOutCount(in: data.train))"],
             [run.text(test), "\(data.test.count)", "\(data.test.count)", "\(data.test.count)",
              "\(data.heldOutCount(in: data.test))"]]
        }

        /// The rows of step 2's shape table from the ten shapes it computed (image path, then text path).
        static func shapeRows(_ shapes: [[Int]], _ run: Run) -> [[String]] {
            let s = { (i: Int) in describe(shape: shapes[i]) }
            let t = { (text: L) in run.text(text) }
            return [[t(L("input", "输入")), s(0) + t(L(" pixels", " 像素")), s(5) + t(L(" ids", " 编号"))],
                    [t(L("tokens", "词元")), s(1) + t(L(" patches", " 图块")), s(6) + t(L(" → embedding", " → 嵌入"))],
                    [t(L("encoder", "编码器")), s(2), s(7)],
                    [t(L("pool", "池化")), s(3) + t(L(" mean", " 平均")), s(8) + t(L(" masked mean", " 带掩码平均"))],
                    [t(L("project + L2", "投影 + L2")), s(4), s(9)]]
        }
    }
}

extension Combination {
    /// "orange dog" or 橘色狗.
    func name(_ run: Run) -> String {
        run.text(L(description, color.chinese + kind.chinese))
    }
}
