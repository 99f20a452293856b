// Lesson 05's tables and the sentences that depend on what the run measured: presentation, kept out
// of the steps so each step shows its computation.

import Foundation
import Multimodal
import Walkthrough

enum VQAReport {
    /// Step 3: steps and final loss (mean of the last 20) of both models.
    static func trainingRows(_ sees: VQATwin, _ blind: VQATwin, _ run: Run) -> [[String]] {
        [(VQALesson.Say.sees, sees), (VQALesson.Say.blindName, blind)].map { name, twin in
            [run.text(name), "\(twin.history.losses.count)", String(format: "%.3f", twin.finalLoss)]
        }
    }

    /// Step 4: the question, each generated word with its share of attention on the image, the answer.
    static func show(_ example: VQAExample, _ answer: GreedyAnswer, _ lesson: VQALesson, _ run: Run) {
        run.say(VQALesson.Say.askedQuestion, lesson.words(example.question))
        for (token, weights) in zip(answer.tokens, answer.patchAttention) {
            run.say(VQALesson.Say.generatedWord, lesson.data.tokenizer.vocabulary[token],
                    Double(100 * weights.reduce(0, +)))
        }
        if answer.words == example.answer && answer.stoppedAtEnd {   // exact match, as step 5 counts
            run.say(VQALesson.Say.correct, lesson.words(answer.words))
        } else {
            run.say(VQALesson.Say.expected, lesson.words(answer.words), lesson.words(example.answer))
        }
    }

    /// Step 5: per question kind, the number asked, both accuracies and chance.
    static func kindRows(_ lesson: VQALesson, _ run: Run) -> [[String]] {
        lesson.kinds.map { kind in
            [run.text(VQALesson.Say.kindName(kind)), "\(lesson.seeingScore.perKind[kind]!.total)",
             String(format: "%.3f", lesson.seeingScore.accuracy(kind) ?? 0),
             String(format: "%.3f", lesson.blindScore.accuracy(kind) ?? 0),
             String(format: "%.3f", lesson.chance[kind] ?? 0)]
        }
    }

    /// Each kind's accuracy for both models; for "left of" shown with its working, the verdict alone
    /// (a blind model cannot know a column, so the verdict is the fair comparison).
    static func compared(_ lesson: VQALesson) -> [(kind: QuestionKind, sees: Double, blind: Double)] {
        lesson.kinds.map { kind in
            if kind == .isLeftOf, let verdicts = lesson.leftOfVerdicts { return (kind, verdicts.sees, verdicts.blind) }
            return (kind, lesson.seeingScore.accuracy(kind) ?? 0, lesson.blindScore.accuracy(kind) ?? 0)
        }
    }

    /// Step 5: what the run measured, said plainly — the kinds not clearly above the blind model (by
    /// 0.1), whether the model as a whole is, and what to try.
    static func sayWhatWasLearned(_ lesson: VQALesson, _ run: Run) {
        let weak = compared(lesson).filter { $0.sees < $0.blind + 0.1 }.map(\.kind)
        if !weak.isEmpty {
            run.say(VQALesson.Say.notAbove, weak.map { run.text(VQALesson.Say.kindName($0)) }
                        .joined(separator: run.language == .zh ? "、" : ", "))
        }
        if !lesson.learnedToLook {
            run.say(VQALesson.Say.sameAsBlind, lesson.seeingScore.overall, lesson.blindScore.overall)
        }
        if run.quick && !weak.isEmpty { run.say(VQALesson.Say.quickPlateau) }
        if weak.contains(.isLeftOf) {
            run.say(lesson.knobs.yesNoOnly ? VQALesson.Say.yesNoPlateau : VQALesson.Say.leftOfWeak)
        }
    }

    /// Step 6: the learner's question as the model reads it, and what of it was lost.
    static func describe(_ question: [Int], truncated: Bool, _ lesson: VQALesson, _ run: Run) {
        if truncated { run.say(VQALesson.Say.truncated, question.count) }
        let tokens = lesson.tokenStrings(question)
        run.say(VQALesson.Say.questionTokenList, tokens.joined(separator: " | "))
        let unknown = tokens.filter { $0 == Tokenizer.specialTokens[Tokenizer.unknown] }.count
        if unknown > 0 { run.say(VQALesson.Say.unknownWords, unknown) }
    }
}

extension VQALesson {
    /// Rows of the toy beside real systems: the toy's sizes are this run's (image tokens, the model that
    /// sees, its questions, steps and batch, the answer positions and vocabulary); the real side is from
    /// the papers (LLaVA-1.5, Liu et al. 2023; ViT, Dosovitskiy et al. 2021; VQA v2, Goyal et al. 2017;
    /// SimVLM, Wang et al. 2022; T5, Raffel et al. 2020). GPT-4V's design is unpublished.
    ///
    ///     run.table(Say.realColumns, lesson.toyBesideReal())
    ///     // image | 32×32, 4×4 patches of 8×8 → 16 tokens | LLaVA-1.5: CLIP ViT-L/14 at 336 px → 576 …
    func toyBesideReal() -> [[String]] {
        let t = { (en: String, zh: String) in self.run.text(L(en, zh)) }
        let c = seeing.model.configuration, parameters = seeing.model.parameterCount
        let (side, p, grid) = (c.imageSize, c.patchSize, c.imageSize / c.patchSize)
        let kinds = Set(data.train.map(\.kind)).count
        return [
            [t("image", "图像"),
             t("\(side)×\(side), \(grid)×\(grid) patches of \(p)×\(p) → \(c.patchCount) tokens",
               "\(side)×\(side)，\(grid)×\(grid) 个 \(p)×\(p) 的图块 → \(c.patchCount) 个词元"),
             t("LLaVA-1.5: CLIP ViT-L/14 at 336 px → 576 image tokens; ViT-B/16 at 224 px → 196",
               "LLaVA-1.5：CLIP ViT-L/14，336 像素 → 576 个图像词元；ViT-B/16，224 像素 → 196 个")],
            [t("model", "模型"),
             t("\(c.depth) blocks, d = \(c.width), \(c.headCount) heads, \(parameters) parameters, trained from scratch",
               "\(c.depth) 层，d = \(c.width)，\(c.headCount) 个头，\(parameters) 个参数，从零训练"),
             t("LLaVA-1.5: a pretrained CLIP image encoder, a projector and a 7B or 13B language model",
               "LLaVA-1.5：预训练的 CLIP 图像编码器、一个投影层和一个 7B 或 13B 的语言模型")],
            [t("data", "数据"),
             t("\(data.train.count) generated questions of \(kinds) kinds; \(seeing.plan.steps) steps of \(seeing.plan.batchSize)",
               "\(data.train.count) 道生成的题，\(kinds) 类；\(seeing.plan.steps) 步，每步 \(seeing.plan.batchSize) 道"),
             t("VQA v2: about 1.1 M questions on 204 K COCO images; LLaVA-1.5: 558 K caption pairs, then 665 K "
               + "instructions",
               "VQA v2：20.4 万张 COCO 图上约 110 万道题；LLaVA-1.5：先 55.8 万个图文配对，再 66.5 万条指令")],
            [t("mask", "掩码"),
             t("prefix LM: image and question both ways, the answer left to right",
               "前缀语言模型：图像和问题双向可见，答案从左到右"),
             t("SimVLM (Wang et al. 2022) pretrains this way; T5's prefix LM (Raffel et al. 2020)",
               "SimVLM（Wang 等，2022）这样预训练；T5 的前缀语言模型（Raffel 等，2020）")],
            [t("answer", "答案"),
             t("greedy, word by word, at most \(c.answerLength) tokens, over a vocabulary of \(data.tokenizer.count)",
               "贪心解码，逐词生成，最多 \(c.answerLength) 个词元，词表 \(data.tokenizer.count) 个词元"),
             t("the same idea, sampled or greedy, over a vocabulary of tens of thousands",
               "同样的思路，采样或贪心，词表有几万个词元")],
            [t("GPT-4V", "GPT-4V"), "—",
             t("its design is unpublished; the article's four steps are the public picture of models of its kind",
               "它的设计没有公开；文章的四个步骤是这类模型公开的样子")],
        ]
    }
}
