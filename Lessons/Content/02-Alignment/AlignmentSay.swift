// What lesson 02 prints, in English and Chinese: the phrases its steps fill with numbers, and its
// table headers. The steps' narration is in 02-alignment.en.md and 02-alignment.zh.md.

import Multimodal
import TeachingEngine
import Walkthrough

extension Alignment {
    enum Say {
        static let onePair = L("one pair: a %d×%d picture and the caption \"%@\"", "一个配对：一张 %d×%d 的图和描述“%@”")
        static let splitColumns: [L] = [L("split", "划分"), L("pairs", "配对数"), L("held-out scenes", "留出组合场景")]
        static let train = L("train", "训练")
        static let test = L("test", "测试")
        static let heldOut = L("held out of training: %@", "训练中留出：%@")
        static let vocabulary = L("vocabulary: %d words (room for %d)", "词表：%d 个词（容量 %d）")
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
        static let catAndDog = L("orange cat picture ↔ \"a cat\": %+.3f   ↔ \"a dog\": %+.3f   (difference %+.3f)",
                                 "橘猫图 ↔ “a cat”：%+.3f   ↔ “a dog”：%+.3f   （差 %+.3f）")
        static let catIsCloser = L("→ the picture is clearly closer to \"a cat\" than to \"a dog\".",
                                   "→ 这张图明显更靠近“a cat”，而不是“a dog”。")
        static let notYet = L("→ not yet: the two texts score about the same (train longer, e.g. without --quick).",
                              "→ 还没有：两句话的得分差不多（多训练一会儿，例如去掉 --quick）。")
        static let matched = L("8 test pairs: mean similarity of matching pairs %+.3f, of mismatched pairs %+.3f",
                               "8 个测试配对：配对的平均相似度 %+.3f，错配的 %+.3f")
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
