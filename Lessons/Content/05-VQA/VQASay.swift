// What lesson 05 prints, in English and Chinese: the phrases its steps fill with numbers, and its
// table headers. The steps' narration is in 05-vqa.en.md and 05-vqa.zh.md.

import Multimodal
import Walkthrough

extension VQALesson {
    enum Say {
        // Step 1
        static let imageToPatches = L("image [32, 32, 3] → patches %@", "图像 [32, 32, 3] → 图块 %@")
        static let question = L("question: %@", "问题：%@")
        static let tokenColumns: [L] = [L("token", "词元"), L("id", "编号")]
        static let vocabulary = L("vocabulary: %d tokens", "词表：%d 个词元")
        static let imageLater = L("Your picture (--image %@) is read in step 6 only; steps 1–5 use ToyWorld's test scenes.",
                                  "你的图片（--image %@）只在第 6 步用到；第 1–5 步用的是 ToyWorld 的测试场景。")
        // Step 2
        static let patchTokens = L("patches [16, 192] · W [192, %d] → [16, %d]", "图块 [16, 192] · W [192, %d] → [16, %d]")
        static let questionTokens = L("question [%d] → Embedding → [%d, %d]", "问题 [%d] → 嵌入 → [%d, %d]")
        static let answerTokens = L("answer <sep> a₁ … [%d] → Embedding → [%d, %d]", "答案 <sep> a₁ … [%d] → 嵌入 → [%d, %d]")
        static let oneSequence = L("concatenate + positions [%d, %d] + types [2, %d] → [%d, %d]",
                                   "拼接 + 位置 [%d, %d] + 类型 [2, %d] → [%d, %d]")
        // Step 3
        static let model = L("model that sees: %d parameters, %d blocks, %d training questions",
                             "看图模型：%d 个参数，%d 层，%d 道训练题")
        static let trainingColumns: [L] = [L("model", "模型"), L("steps", "步数"), L("final loss", "最终损失")]
        static let sees = L("sees", "看图")
        static let blindName = L("blind", "盲")
        // Step 4
        static let askedQuestion = L("Q: %@", "问：%@")
        static let generatedWord = L("   → %@   (attention on the image %.0f%%)", "   → %@   （注意力在图像上 %.0f%%）")
        static let correct = L("A: %@   (correct)", "答：%@   （正确）")
        static let expected = L("A: %@   (expected %@)", "答：%@   （应为 %@）")
        static let notLookingYet = L("Said plainly: over all test questions this model is not clearly better than the "
                                     + "blind one (%.2f against %.2f, step 5; clearly means 0.1 or more above). These maps "
                                     + "show where a model that has not yet learned to look puts its attention, not "
                                     + "where its answers come from.",
                                     "说实话：在全部测试题上，这个模型并没有明显好过盲模型（%.2f 对 %.2f，见第 5 步；"
                                     + "明显指至少高 0.1）。这些图显示的是一个还没学会看图的模型把注意力放在哪里，"
                                     + "而不是答案从哪里来。")
        // Step 5
        static let accuracyColumns: [L] = [L("question type", "问题类型"), L("n", "题数"), L("sees", "看图"),
                                           L("blind", "盲"), L("chance", "随机")]
        static let singleObject = L("single-object questions (what animal, what colour, what is in it): %.3f, blind %.3f",
                                    "单物体问题（什么动物、什么颜色、图里有什么）：%.3f，盲模型 %.3f")
        static let allQuestions = L("all questions: %.3f, blind %.3f", "全部问题：%.3f，盲模型 %.3f")
        static let verdictAlone = L("\"left of\", the verdict (yes or no) alone, whatever the columns written before it: "
                                    + "%.3f, blind %.3f (a coin: 0.5)",
                                    "“在左边吗”只看结论（是或不是），不管前面写的列：%.3f，盲模型 %.3f（抛硬币：0.5）")
        static let notAbove = L("Not clearly above the blind model here: %@.", "这里没有明显超过盲模型：%@。")
        static let sameAsBlind = L("Said plainly: over all questions this model is not clearly better than the blind "
                                   + "one (%.3f against %.3f, less than 0.1 above). It has learned mostly what the "
                                   + "questions alone give away (which answers are common), not yet to read the picture.",
                                   "说实话：在全部问题上，这个模型并没有明显好过盲模型（%.3f 对 %.3f，高出不到 0.1）。"
                                   + "它学到的主要是问题本身透露的信息（哪些答案常见），还没有学会读图。")
        static let quickPlateau = L("A --quick run stops on the loss plateau; the full run trains long enough to leave it.",
                                    "--quick 运行停在损失的平台上；完整运行训练得足够久，能走出平台。")
        static let yesNoPlateau = L("\"Is X left of Y?\" answered with yes or no alone stays near the coin here. It asks "
                                    + "for a relation (find two objects by name, compare their columns) in one word, and "
                                    + "the model leaves that plateau late and not on every seed (Docs/05-vqa.md). Run "
                                    + "without --yes-no-only: the answer then names each object with its column first.",
                                    "只用“是/不是”回答的“X 在 Y 左边吗？”在这里停在抛硬币附近。它要求用一个词回答一个关系"
                                    + "（按名字找到两个物体，再比较它们的列），模型很晚才走出这个平台，而且不是每个种子都能走出"
                                    + "（见 Docs/05-vqa.md）。去掉 --yes-no-only 再运行：答案会先写出每个物体和它所在的列。")
        static let leftOfWeak = L("\"Is X left of Y?\" is not clearly above the blind model here even with its working "
                                  + "written out. Try another --seed, or more --steps.",
                                  "即使先写出推理过程，“X 在 Y 左边吗？”在这里也没有明显超过盲模型。换一个 --seed，"
                                  + "或者加大 --steps 试试。")
        // Step 6
        static let noImage = L("No --image given. Try: lesson05 --only 6 --image cat.png --question \"what colour is the cat?\"",
                               "没有给 --image。试试：lesson05 --only 6 --image cat.png --question \"猫是什么颜色？\"")
        static let truncated = L("The question is longer than the model's %d question tokens: only its start is used.",
                                 "问题比模型的 %d 个问题词元长：只用了开头部分。")
        static let questionTokenList = L("question tokens: %@", "问题词元：%@")
        static let unknownWords = L("%d word(s) are not in the ToyWorld vocabulary and became <unk>.",
                                    "有 %d 个词不在 ToyWorld 词表里，变成了 <unk>。")
        static let realColumns: [L] = [L("", ""), L("this lesson", "本课"), L("real systems", "真实系统")]
        static let answer = L("A: %@", "答：%@")

        // Figures
        static let inputTitle = L("16 patches of 8×8", "16 个 8×8 图块")
        static let sequenceTitle = L("One sequence of %d tokens", "一个含 %d 个词元的序列")
        static let modalities: [L] = [L("image patch", "图块"), L("question word", "问题词元"),
                                      L("answer (generated)", "答案（生成）")]
        static let patchLabel = L("p%d", "图块%d")
        static let maskTitle = L("Who may attend to whom (1 = visible)", "谁可以看谁（1 = 可见）")
        static let key = L("key", "键")
        static let query = L("query", "查询")
        static let input = L("input", "输入")
        static let wordPanel = L("“%@” · image %.0f%%", "“%@” · 图像 %.0f%%")
        static let attentionWeight = L("attention weight (last block, mean of heads)", "注意力权重（最后一层，各头平均）")
        static let stripRight = L("%@ → %@ (right)", "%@ → %@（答对）")
        static let stripWrong = L("%@ → %@ (wrong; expected %@)", "%@ → %@（答错，应为 %@）")
        static let stripOwn = L("%@ → %@", "%@ → %@")
        static let accuracyTitle = L("Exact-match accuracy on held-out scenes", "留出场景上的完全匹配准确率")
        static let accuracyAxis = L("accuracy", "准确率")
        static let seesGroup = L("sees image + question", "看图 + 问题")
        static let blindGroup = L("blind: question only", "盲模型：只看问题")
        static let chanceGroup = L("chance", "随机猜")
        static let verdictCategory = L("left of: yes/no", "左边：是/不是")
        static let lossTitle = L("Training loss (answer tokens only)", "训练损失（只算答案词元）")
        static let step = L("step", "步")
        static let crossEntropy = L("cross-entropy", "交叉熵")

        static func kindName(_ kind: QuestionKind) -> L {
            switch kind {
            case .whatAnimal: return L("what animal", "什么动物")
            case .whatColor: return L("what colour", "什么颜色")
            case .howMany: return L("how many", "几个")
            case .isThere: return L("is there", "有没有")
            case .isLeftOf: return L("left of", "在左边吗")
            case .whatIsInPicture: return L("what is in it", "图里有什么")
            case .whereIs: return L("where is", "在哪里")   // lesson 04's kind; lesson 05 does not ask it
            }
        }
    }
}
