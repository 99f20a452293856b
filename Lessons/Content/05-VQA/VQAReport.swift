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
