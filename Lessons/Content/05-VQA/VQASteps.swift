// Lesson 05's steps, in the order the run prints them.

import Figures
import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

extension VQALesson {
    public static let steps: [Step<VQALesson>] = [
        Step { lesson, run in
            let example = lesson.showcase[0]                                 // "what is in this picture?"
            let patches = Patches.patchify(lesson.data.images([example]), patchSize: 8)   // [1, 16, 192]
            let tokens = lesson.tokenStrings(example.question)
            run.say(Say.imageToPatches, describe(shape: Array(patches.shape.dropFirst())))
            run.say(Say.question, lesson.words(example.question))
            run.table(Say.tokenColumns, zip(tokens, example.question).map { [$0, "\($1)"] })
            run.say(Say.vocabulary, lesson.data.tokenizer.count)
            if let image = lesson.knobs.image { run.say(Say.imageLater, image) }
            try run.figure("input", png: lesson.inputFigure(example))
        },
        Step { lesson, run in
            let (example, c, d) = (lesson.showcase[0], lesson.data.configuration(), lesson.knobs.width)
            let answer = VQASequence.answerInputs([example.answer], length: c.answerLength)[0]  // <sep> a₁ …
            let ids = example.question + answer                                  // [Q + A]
            let padding = [Bool](repeating: false, count: c.patchCount) + ids.map { $0 == Tokenizer.pad }
            let mask = c.attentionMask(keyIsPadding: [padding])                  // [1, T, T]: prefix LM
            run.say(Say.patchTokens, d, d)
            run.say(Say.questionTokens, c.questionLength, c.questionLength, d)
            run.say(Say.answerTokens, c.answerLength, c.answerLength, d)
            run.say(Say.oneSequence, c.sequenceLength, d, d, c.sequenceLength, d)
            run.metric("sequence_length", c.sequenceLength)
            let labels = lesson.sequenceLabels(ids)                              // patches, then words
            try run.figure("sequence", png: lesson.sequenceStrip(labels))
            try run.figure("mask", png: lesson.maskHeatmap(mask, labels: labels))
        },
        Step(trains: true) { lesson, run in
            for twin in [lesson.seeing, lesson.blind] {                     // one loop trains both
                let (model, plan, schedule) = (twin.model, twin.plan, twin.plan.schedule)
                var (batches, optimizer) = (twin.batches, plan.optimizer(for: model))   // AdamW
                twin.history = try run.train(twin.name, model, settings: lesson.settings, steps: plan.steps,
                                             lr: Double(plan.peakLearningRate)) { progress in
                    for step in 1...plan.steps {
                        let batch = batches.next()                      // 64 questions, their pictures
                        let loss = model.loss(images: batch.images, questions: batch.questions,
                                              answers: batch.answers)   // cross-entropy, answer words
                        optimizer.zeroGrad()
                        loss.backward()
                        optimizer.learningRate = schedule(step - 1)    // warm-up, then cosine
                        optimizer.step()
                        try progress.update(step: step, loss: loss.item)
                    }
                }
            }
            let (sees, blind, c) = (lesson.seeing, lesson.blind, lesson.seeing.model.configuration)
            run.say(Say.model, sees.model.parameterCount, c.depth, lesson.data.train.count)
            run.table(Say.trainingColumns, VQAReport.trainingRows(sees, blind, run))
            run.metric("final_loss", sees.finalLoss)
            run.metric("blind_final_loss", blind.finalLoss)
            try run.figure("loss", png: lesson.lossCurves())
        },
        Step { lesson, run in
            let examples = lesson.showcase                                   // four test questions
            let answers = GreedyDecoder.answer(lesson.seeing.model, images: lesson.data.images(examples),
                                               questions: examples.map(\.question))   // word by word
            for (index, (example, answer)) in zip(examples, answers).enumerated() {
                VQAReport.show(example, answer, lesson, run)           // each word, its share on the image
                try run.figure("answer-\(index + 1)", png: lesson.answerStrip(example, answer))
            }
            if !lesson.learnedToLook {
                run.say(Say.notLookingYet, lesson.seeingScore.overall, lesson.blindScore.overall)
            }
        },
        Step { lesson, run in
            let (sees, blind) = (lesson.seeingScore, lesson.blindScore)      // exact match, per question kind
            for kind in lesson.kinds {
                run.metric("accuracy.\(kind.rawValue.lowercased())", sees.accuracy(kind) ?? 0)
                run.metric("blind_accuracy.\(kind.rawValue.lowercased())", blind.accuracy(kind) ?? 0)
            }
            run.table(Say.accuracyColumns, VQAReport.kindRows(lesson, run))
            let single = (sees: pooled(sees, singleObjectKinds), blind: pooled(blind, singleObjectKinds))
            run.say(Say.singleObject, single.sees, single.blind)
            run.say(Say.allQuestions, sees.overall, blind.overall)
            run.metric("accuracy_single_object", single.sees)
            run.metric("blind_accuracy_single_object", single.blind)
            run.metric("accuracy_overall", sees.overall)
            run.metric("blind_accuracy_overall", blind.overall)
            if let verdicts = lesson.leftOfVerdicts {                       // "left of": yes or no alone
                run.say(Say.verdictAlone, verdicts.sees, verdicts.blind)
                run.metric("verdict_accuracy.isleftof", verdicts.sees)
                run.metric("blind_verdict_accuracy.isleftof", verdicts.blind)
            }
            VQAReport.sayWhatWasLearned(lesson, run)                        // kinds not clearly above blind
            try run.figure("accuracy", png: lesson.accuracyBars())
        },
        Step { lesson, run in
            if let path = lesson.knobs.image, let text = lesson.knobs.question {
                let image = try ToyImage(contentsOf: path, size: lesson.data.imageSize)   // centred square
                let (question, truncated) = lesson.data.encodeQuestionNoting(text)       // ids, padded
                VQAReport.describe(question, truncated: truncated, lesson, run)          // tokens, <unk>s
                let pixels = Tensor(shape: [1, image.size, image.size, 3], scalars: image.centredScalars)
                let answer = GreedyDecoder.answer(lesson.seeing.model, images: pixels,
                                                  questions: [question])[0]
                run.say(Say.answer, lesson.words(answer.words))
                let strip = try lesson.answerStrip(image.rgbImage, answer, question: text)
                try run.figure("your-picture", png: strip)
            } else {
                run.say(Say.noImage)
            }
            run.table(Say.realColumns, lesson.toyBesideReal())   // with or without your picture
        },
    ]
}
