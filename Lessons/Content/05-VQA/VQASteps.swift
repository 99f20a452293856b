// Lesson 05's steps, in the order the run prints them.

import Figures
import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

extension VQALesson {
    /// The kinds whose answer is about one object.
    static let singleObjectKinds: [QuestionKind] = [.whatAnimal, .whatColor, .whatIsInPicture]

    public static let steps: [Step<VQALesson>] = [
        // MARK: - Step 1: Tokenize
        Step { lesson, run in
            let example = lesson.showcase[0]
            let patches = Patches.patchify(lesson.data.images([example]), patchSize: 8)   // [1, 16, 192]
            run.print(run.text(L("image", "图像")) + " [32, 32, 3] → " + run.text(L("patches", "图块")) + " " + describe(shape: Array(patches.shape.dropFirst())))
            run.print(run.text(L("question", "问题")) + ": " + lesson.words(example.question))
            run.table([run.text(L("token", "词")), "id"],
                      zip(lesson.tokenStrings(example.question), example.question).map { [$0, "\($1)"] })
            run.print(run.text(L("vocabulary", "词表")) + ": \(lesson.data.tokenizer.count) " + run.text(L("tokens", "个词")))
            try run.figure("input", png: Figure(ImageChart(lesson.picture(example), title: run.text(L("16 patches of 8×8", "16 个 8×8 图块")),
                                                           patchSize: 8), width: 600, height: 600).pngData())
        },
        // MARK: - Step 2: Concatenate
        Step { lesson, run in
            let example = lesson.showcase[0]
            let c = lesson.data.configuration()
            let d = lesson.knobs.width
            run.print("patches [16, 192] · W [192, \(d)] → [16, \(d)]")
            run.print("question [\(c.questionLength)] → Embedding → [\(c.questionLength), \(d)]")
            run.print("answer <sep> a₁ … [\(c.answerLength)] → Embedding → [\(c.answerLength), \(d)]")
            run.print("concatenate + positions [\(c.sequenceLength), \(d)] + types [2, \(d)] → [\(c.sequenceLength), \(d)]")
            let answerInput = VQASequence.answerInputs([example.answer], length: c.answerLength)[0]
            let labels = (0..<16).map { "p\($0)" } + (example.question + answerInput).map { lesson.data.tokenizer.vocabulary[$0] }
            let modalities = [Int](repeating: 0, count: 16) + [Int](repeating: 1, count: c.questionLength)
                + [Int](repeating: 2, count: c.answerLength)
            let strip = TokenStrip(tokens: labels, modalities: modalities,
                                   modalityNames: [run.text(L("image patch", "图像块")), run.text(L("question word", "问题词")),
                                                   run.text(L("answer (generated)", "答案（生成）"))],
                                   title: run.text(L("One sequence", "一个序列")) + " (\(c.sequenceLength))")
            try run.figure("sequence", png: Figure(strip, width: 1200, height: 200).pngData())
            try run.figure("mask", png: lesson.maskHeatmap(example, labels: labels))
            run.metric("sequence_length", c.sequenceLength)
        },
        // MARK: - Step 3: Process (train)
        Step { lesson, run in
            let (model, losses, seconds) = lesson.seeing
            run.print(run.text(L("model that sees", "看图模型")) + ": \(model.parameterCount) " + run.text(L("parameters", "个参数"))
                      + ", \(model.configuration.depth) " + run.text(L("blocks", "层")) + ", \(lesson.data.train.count) " + run.text(L("training questions", "道训练题")))
            let blind = lesson.blind
            run.table([run.text(L("model", "模型")), run.text(L("steps", "步数")), run.text(L("final loss", "最终损失"))], [
                [run.text(L("sees", "看图")), "\(losses.count)", String(format: "%.3f", movingAverage(losses, window: 20).last ?? 0)],
                [run.text(L("blind", "盲")), "\(blind.losses.count)", String(format: "%.3f", movingAverage(blind.losses, window: 20).last ?? 0)],
            ])
            run.note(String(format: run.text(L("training took %.1f s (sees) and %.1f s (blind)", "训练用时 %.1f 秒（看图）和 %.1f 秒（盲）")), seconds, blind.seconds))
            try run.figure("loss", png: lesson.lossCurves())
            run.metric("final_loss", movingAverage(losses, window: 20).last ?? 0)
            run.metric("blind_final_loss", movingAverage(blind.losses, window: 20).last ?? 0)
        },
        // MARK: - Step 4: Generate
        Step { lesson, run in
            let answers = GreedyDecoder.answer(lesson.seeing.model, images: lesson.data.images(lesson.showcase),
                                               questions: lesson.showcase.map(\.question))
            for (index, (example, answer)) in zip(lesson.showcase, answers).enumerated() {
                run.print("Q: " + lesson.words(example.question))
                for (token, weights) in zip(answer.tokens, answer.patchAttention) {
                    run.print(String(format: "   → %@   (%@ %.0f%%)", lesson.data.tokenizer.vocabulary[token],
                                     run.text(L("attention on the image", "注意力在图像上")), 100 * weights.reduce(0, +)))
                }
                let verdict = answer.words == example.answer ? run.text(L("correct", "正确")) : run.text(L("expected", "应为")) + " " + lesson.words(example.answer)
                run.print("A: " + lesson.words(answer.words) + "   (\(verdict))")
                try run.figure("answer-\(index + 1)", png: lesson.answerStrip(lesson.picture(example), answer,
                                                                             title: lesson.words(example.question) + " → " + lesson.words(answer.words)))
            }
        },
        // MARK: - Step 5: Measure
        Step { lesson, run in
            let kinds = QuestionKind.allCases.filter { lesson.seeingScore.perKind[$0] != nil }
            let chance = kinds.map { kind in
                1 / Double(Set(lesson.data.test.filter { $0.kind == kind }.map(\.answer)).count)
            }
            var rows: [[String]] = []
            for (kind, guess) in zip(kinds, chance) {
                let sees = lesson.seeingScore.accuracy(kind) ?? 0, blind = lesson.blindScore.accuracy(kind) ?? 0
                rows.append([lesson.kindName(kind), "\(lesson.seeingScore.perKind[kind]!.total)",
                             String(format: "%.3f", sees), String(format: "%.3f", blind), String(format: "%.3f", guess)])
                run.metric("accuracy.\(kind.rawValue.lowercased())", sees)
                run.metric("blind_accuracy.\(kind.rawValue.lowercased())", blind)
            }
            run.table([run.text(L("question type", "问题类型")), "n", run.text(L("sees", "看图")), run.text(L("blind", "盲")),
                       run.text(L("chance", "随机"))], rows)
            let single = pooled(lesson.seeingScore, singleObjectKinds), blindSingle = pooled(lesson.blindScore, singleObjectKinds)
            run.print(String(format: run.text(L("single-object questions (what animal, what colour, what is in it): %.3f, blind %.3f",
                                                 "单物体问题（什么动物、什么颜色、图里有什么）：%.3f，盲模型 %.3f")), single, blindSingle))
            run.print(String(format: run.text(L("all questions: %.3f, blind %.3f", "全部问题：%.3f，盲模型 %.3f")),
                             lesson.seeingScore.overall, lesson.blindScore.overall))
            run.metric("accuracy_single_object", single)
            run.metric("blind_accuracy_single_object", blindSingle)
            run.metric("accuracy_overall", lesson.seeingScore.overall)
            run.metric("blind_accuracy_overall", lesson.blindScore.overall)
            // With its working shown, a "left of" answer is exact only if both columns are right, which the
            // blind model cannot know; the fair comparison for it is the verdict (yes or no) alone.
            var compared = Dictionary(uniqueKeysWithValues: kinds.map { kind in
                (kind, (sees: lesson.seeingScore.accuracy(kind) ?? 0, blind: lesson.blindScore.accuracy(kind) ?? 0))
            })
            if !lesson.knobs.yesNoOnly, kinds.contains(.isLeftOf) {
                let verdicts = (sees: lesson.leftOfVerdicts(lesson.seeing.model), blind: lesson.leftOfVerdicts(lesson.blind.model))
                compared[.isLeftOf] = verdicts
                run.print(String(format: run.text(L("\"left of\", the verdict (yes or no) alone, whatever the columns written before it: %.3f, blind %.3f (a coin: 0.5)",
                                                     "“在左边吗”只看结论（是或不是），不管前面写的列：%.3f，盲模型 %.3f（抛硬币：0.5）")),
                                 verdicts.sees, verdicts.blind))
                run.metric("verdict_accuracy.isleftof", verdicts.sees)
                run.metric("blind_verdict_accuracy.isleftof", verdicts.blind)
            }
            let weakKinds = kinds.filter { compared[$0]!.sees < compared[$0]!.blind + 0.1 }
            if !weakKinds.isEmpty {
                run.print(run.text(L("Not clearly above the blind model here: ", "这里没有明显超过盲模型："))
                          + weakKinds.map { lesson.kindName($0) }.joined(separator: ", ") + ".")
            }
            if run.quick && !weakKinds.isEmpty {
                run.print(run.text(L("A --quick run stops on the loss plateau; the full run trains long enough to leave it.",
                                     "--quick 运行停在损失的平台上；完整运行训练得足够久，能走出平台。")))
            }
            if weakKinds.contains(.isLeftOf) && lesson.knobs.yesNoOnly {
                run.print(run.text(L("\"Is X left of Y?\" answered with yes or no alone stays near the coin here. It asks for a relation (find two objects by name, compare their columns) in one word, and the model leaves that plateau late and not on every seed (Docs/05-vqa.md). Run without --yes-no-only: the answer then names each object with its column first.",
                                     "只用“是/不是”回答的“X 在 Y 左边吗？”在这里停在抛硬币附近。它要求用一个词回答一个关系（按名字找到两个物体，再比较它们的列），模型很晚才走出这个平台，而且不是每个种子都能走出（见 Docs/05-vqa.md）。去掉 --yes-no-only 再运行：答案会先写出每个物体和它所在的列。")))
            } else if weakKinds.contains(.isLeftOf) {
                run.print(run.text(L("\"Is X left of Y?\" is not clearly above the blind model here even with its working written out. Try another --seed, or more --steps.",
                                     "即使先写出推理过程，“X 在 Y 左边吗？”在这里也没有明显超过盲模型。换一个 --seed，或者加大 --steps 试试。")))
            }
            var bars = zip(kinds, chance).map { kind, guess in
                (name: lesson.kindName(kind), sees: lesson.seeingScore.accuracy(kind) ?? 0,
                 blind: lesson.blindScore.accuracy(kind) ?? 0, chance: guess)
            }
            if !lesson.knobs.yesNoOnly, let verdicts = compared[.isLeftOf] {
                bars.append((name: run.text(L("left of: yes/no", "左边：是/不是")), sees: verdicts.sees, blind: verdicts.blind, chance: 0.5))
            }
            try run.figure("accuracy", png: lesson.accuracyBars(bars))
        },
        // MARK: - Step 6: Your picture
        Step { lesson, run in
            guard let path = lesson.knobs.image, let text = lesson.knobs.question else {
                run.print(run.text(L("No --image given. Try: lesson05 --only 6 --image cat.png --question \"what colour is the cat?\"",
                                     "没有给 --image。试试：lesson05 --only 6 --image cat.png --question \"猫是什么颜色？\"")))
                return
            }
            let image = try ToyImage(contentsOf: path, size: lesson.data.imageSize)
            let (question, truncated) = lesson.data.encodeQuestionNoting(text)
            if truncated {
                run.print(run.text(L("The question is longer than the model's \(question.count) question tokens: only its start is used.",
                                     "问题比模型的 \(question.count) 个问题词元长：只用了开头部分。")))
            }
            let unknown = lesson.tokenStrings(question).filter { $0 == Tokenizer.specialTokens[Tokenizer.unknown] }.count
            run.print(run.text(L("question tokens", "问题词")) + ": " + lesson.tokenStrings(question).joined(separator: " | "))
            if unknown > 0 {
                run.print(run.text(L("\(unknown) word(s) are not in the ToyWorld vocabulary and became <unk>.",
                                     "有 \(unknown) 个词不在 ToyWorld 词表里，变成了 <unk>。")))
            }
            let pixels = Tensor(shape: [1, image.size, image.size, 3], scalars: image.centredScalars)
            let answer = GreedyDecoder.answer(lesson.seeing.model, images: pixels, questions: [question])[0]
            run.print("A: " + lesson.words(answer.words))
            try run.figure("your-picture", png: lesson.answerStrip(image.rgbImage, answer, title: text + " → " + lesson.words(answer.words)))
        },
    ]

    static func pooled(_ score: VQAScore, _ kinds: [QuestionKind]) -> Double {
        let (correct, total) = kinds.compactMap { score.perKind[$0] }.reduce((0, 0)) { ($0.0 + $1.correct, $0.1 + $1.total) }
        return total == 0 ? 0 : Double(correct) / Double(total)
    }
}
