// Lesson 06's steps, in the order the run prints them. The words of each are the matching section of
// 06-align-then-fuse.en.md / .zh.md; what they print is in AlignThenFuseSay.swift.

import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

extension AlignThenFuse {
    public static let steps: [Step<AlignThenFuse>] = [
        // MARK: - Step 1: Lesson 02's aligned encoder
        Step(trains: true) { lesson, run in
            let clip = lesson.alignment                                  // lesson 02: its data, recipe and key
            let (model, recipe) = (clip.trained, clip.recipe)
            let beside = [lesson.lessonTwoFolder]                        // lesson 02's run of this tour
            try run.train("tiny-clip", model, settings: clip.checkpointSettings, steps: recipe.steps,
                          lr: Double(recipe.peakLearningRate), lookingIn: beside) { progress in
                var batches = ContrastiveBatches(clip.data.trainPairs, size: recipe.batchSize,
                                                 hardShare: recipe.hardNegativeShare, seed: run.seed &+ 7)
                var optimizer = recipe.optimizer(for: model)             // lesson 02's loop, as it trains
                for step in 1...recipe.steps {
                    let (images, ids) = batches.next()                   // [64, 32, 32, 3], [64][8]
                    let loss = try clip.infoNCE(model, images, ids)      // symmetric InfoNCE
                    optimizer.zeroGrad()
                    loss.backward()
                    optimizer.learningRate = recipe.schedule(step - 1)
                    optimizer.step()
                    model.capLogitScale(at: recipe.maxLogScale)
                    try progress.update(step: step, loss: loss.item)
                    progress.record("temperature", model.temperature)
                }
            }
            let encoder = model.image                          // frozen from here: no optimizer sees it
            let shape = encoder.configuration
            run.say(Say.encoder, encoder.parameterCount, shape.depth, shape.width)
            run.metric("encoder_parameters", encoder.parameterCount)
        },
        // MARK: - Step 2: Zero labels
        Step { lesson, run in
            var rows: [[String]] = []
            for task in ProbeTask.allCases {                             // kind: 7 classes, colour: 8
                let truth = lesson.testLabels(task)                      // lesson 02's test pictures
                let guesses = [lesson.alignedSpace, lesson.randomSpace].map { space in
                    space.zeroShot(prompts: task.prompts, lesson.alignment.data)   // the nearest prompt
                }
                let (aligned, random) = (Metrics.accuracy(predicted: guesses[0], actual: truth),
                                         Metrics.accuracy(predicted: guesses[1], actual: truth))
                rows.append(Say.row(task, aligned, random, 1 / Double(task.classes), run))
                run.metric("zeroshot_\(task)", aligned)
                run.metric("random_zeroshot_\(task)", random)
            }
            run.say(Say.zeroShotSet, lesson.alignment.data.test.count, AlignmentPrompts.animal(.cat))
            run.table(Say.zeroShotColumns, rows)
        },
        // MARK: - Step 3: A few labels
        Step { lesson, run in
            let test = (aligned: lesson.alignedSpace.images, random: lesson.randomSpace.images)   // [n][32]
            var curves: [LabelCurve] = []
            for task in ProbeTask.allCases {
                var curve = LabelCurve(task: task, counts: lesson.labelCounts)
                let (truth, classes) = (lesson.testLabels(task), task.classes)
                for k in lesson.labelCounts {
                    let picked = lesson.pick(k, per: task)               // k labelled pictures per class
                    let labels = picked.map { task.label(lesson.alignment.data.train.samples[$0]) }
                    let aligned = lesson.embed(lesson.alignment.trained, picked)          // [k·C][32]
                    let plain = LinearProbe(features: aligned, labels: labels, classes: classes,
                                            learningRate: 5)
                    let prompted = LinearProbe(features: aligned, labels: labels, classes: classes,
                                               start: lesson.promptWeights(task), weightDecay: 0.01)
                    let random = LinearProbe(features: lesson.embed(lesson.random, picked), labels: labels,
                                             classes: classes, learningRate: 5)
                    curve.plain.append(plain.accuracy(test.aligned, labels: truth))
                    curve.prompted.append(prompted.accuracy(test.aligned, labels: truth))
                    curve.random.append(random.accuracy(test.random, labels: truth))
                    curve.scratch.append(lesson.scratchAccuracy(task, picked, labels, k: k))
                }
                curves.append(curve)
            }
            lesson.showLabelCurves(curves, run)
            try run.figure("label-efficiency", png: lesson.labelFigure(curves))
        },
        // MARK: - Step 4: A question about one place
        Step(trains: true) { lesson, run in
            let data = lesson.fusion                                     // 2–3 objects, one vocabulary
            lesson.showQuestions(run)
            for round in lesson.trainingRounds {                         // every model steps 5–7 compare
                // Products this small run fastest on one core, so the models train side by side, one per
                // core; each model's output is shown when its group is done.
                _ = try run.sideBySide(round, prepare: lesson.job) { job, run in
                    let (model, plan) = (job.model, job.plan)
                    run.say(Say.variant, job.description)
                    try run.train(job.variant.name, model, settings: job.settings, steps: plan.steps,
                                  lr: Double(plan.peakLearningRate)) { progress in
                        var batches = QuestionBatches(job.examples, data: data.data, features: job.features,
                                                      size: plan.batchSize, seed: run.seed &+ 61)
                        var optimizer = EncoderVQAOptimizer(model, plan: plan)   // AdamW; tuned encoder ÷ 10
                        for step in 1...plan.steps {
                            let batch = batches.next()                   // 32 questions and their pictures
                            let loss = model.loss(batch)                 // cross-entropy of the answer words
                            model.zeroGrad()
                            loss.backward()
                            optimizer.step(step)                         // warm-up + cosine, gradient norm ≤ 1
                            try progress.update(step: step, loss: loss.item)
                        }
                    }
                }
            }
        },
        // MARK: - Step 5: Which layer to read
        Step { lesson, run in
            let depths = Array(0...lesson.alignment.configuration.image.depth)   // 0: the patch embedding
            let accuracy = depths.map { depth in                        // [depth][aligned, random]
                [FusionVariant.Encoder.aligned, .random].map {
                    lesson.accuracy(FusionVariant($0, depth: depth, questions: lesson.depthQuestions))
                }
            }
            lesson.showDepths(accuracy, run)
            try run.figure("accuracy-by-depth", png: lesson.depthFigure(accuracy))
        },
        // MARK: - Step 6: Four encoders, more or fewer questions
        Step { lesson, run in
            let encoders = FusionVariant.Encoder.allCases               // aligned, random, tuned, scratch
            let accuracy = encoders.map { encoder in                    // [encoder][training-set size]
                lesson.questionCounts.map { n in
                    lesson.accuracy(FusionVariant(encoder, depth: AlignThenFuse.patchEmbedding, questions: n))
                }
            }
            lesson.showEncoders(accuracy, run)
            try run.figure("training-size", png: lesson.sizeFigure(accuracy))
            let best = lesson.bestVariant                                // the highest test accuracy
            let shown = Array(lesson.fusion.test.prefix(4))
            let answers = lesson.model(best).answer(images: lesson.fusion.data.images(shown),
                                                    questions: shown.map(\.question), maxWords: 1)
            lesson.showAnswers(best, shown, answers, run)
            try run.figure("answer-attention", png: lesson.attentionFigure(best, shown, answers))
        },
        // MARK: - Step 7: Two stages
        Step { lesson, run in
            let first = FusionVariant(.aligned, depth: 0, questions: 0, stage: .descriptions)
            let picture = lesson.fusion.test[0]                          // a test picture, described
            let said = lesson.model(first).answer(images: lesson.fusion.data.images([picture]),
                                                  questions: [lesson.fusion.descriptions[0].question])[0]
            run.say(Say.described, lesson.fusion.descriptions.count, lesson.fusion.words(said.words))
            let rows = lesson.stageTwoQuestions.map { n in               // stage 2 alone | after stage 1
                (n, lesson.accuracy(FusionVariant(.aligned, depth: 0, questions: n)),
                 lesson.accuracy(FusionVariant(.aligned, depth: 0, questions: n, stage: .afterDescriptions)))
            }
            lesson.showStages(rows, run)
            try run.figure("two-stage", png: lesson.stageFigure(rows))
        },
        // MARK: - Step 8: Verdict
        Step { lesson, run in
            let (n, last) = (lesson.depthQuestions, lesson.alignment.configuration.image.depth)
            let read = { (encoder: FusionVariant.Encoder, depth: Int, questions: Int) in
                lesson.accuracy(FusionVariant(encoder, depth: depth, questions: questions))
            }
            let output = (aligned: read(.aligned, last, n), random: read(.random, last, n))   // CLIP pools it
            let patches = (aligned: read(.aligned, 0, n), random: read(.random, 0, n))   // each patch alone
            let largest = lesson.questionCounts.last!
            let trained = FusionVariant.Encoder.allCases.map { read($0, 0, largest) }      // aligned … scratch
            let few = lesson.stageTwoQuestions[0]
            let stages = (questions: few, alone: read(.aligned, 0, few), two: lesson.accuracy(
                FusionVariant(.aligned, depth: 0, questions: few, stage: .afterDescriptions)))
            lesson.sayVerdict(output: output, patches: patches, trained: trained, stages: stages, run)
            run.table(Say.realColumns, lesson.toyBesideReal())
            run.metric("best_local", lesson.accuracy(lesson.bestVariant))
        },
    ]
}
