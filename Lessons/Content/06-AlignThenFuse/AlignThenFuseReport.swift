// Lesson 06's tables, printed lines and metrics: the presentation of what the steps computed.

import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

extension AlignThenFuse.Say {
    /// One row of the zero-shot table.
    static func row(_ task: ProbeTask, _ aligned: Double, _ random: Double, _ chance: Double, _ run: Run) -> [String] {
        [run.text(task == .kind ? kind : colour), String(format: "%.3f", aligned), String(format: "%.3f", random),
         String(format: "%.3f", chance)]
    }
}

extension AlignThenFuse {
    /// Step 3's table at 2 labels per class (or the smallest count), its metrics, and what it shows.
    func showLabelCurves(_ curves: [LabelCurve], _ run: Run) {
        labelCurves = curves
        let k = labelCounts.contains(2) ? 2 : labelCounts[0]
        run.say(Say.probeAt, k, k * ProbeTask.kind.classes, k * ProbeTask.colour.classes, alignment.data.test.count)
        run.table(Say.probeColumns, curves.map { curve in
            let a = curve.at(k)!
            return [run.text(curve.task == .kind ? Say.kind : Say.colour)]
                + [a.plain, a.prompted, a.random, a.scratch].map { String(format: "%.3f", $0) }
        })
        for curve in curves {
            for (i, count) in curve.counts.enumerated() {
                run.metric("probe\(count)_\(curve.task)", curve.plain[i])
                run.metric("prompted_probe\(count)_\(curve.task)", curve.prompted[i])
                run.metric("random_probe\(count)_\(curve.task)", curve.random[i])
                run.metric("scratch\(count)_\(curve.task)", curve.scratch[i])
            }
        }
        let (kind, colour) = (curves[0].at(k)!, curves[1].at(k)!)
        run.say(Say.promptedHolds, kind.prompted, colour.prompted, k)
        if colour.plain < 0.8 && kind.plain > colour.plain { run.say(Say.plainColourWeak, k, kind.plain, colour.plain) }
    }

    /// Step 4's description of the data and of the fusion model.
    func showQuestions(_ run: Run) {
        let (q, d) = (fusion.questions[0], fusion.descriptions[0])
        run.say(Say.question, fusion.words(q.question), fusion.words(q.answer), fusion.questions.count, fusion.test.count,
                fusion.descriptions.count, fusion.words(d.answer))
        let sample = model(FusionVariant(.aligned, depth: AlignThenFuse.patchEmbedding, questions: depthQuestions))
        let own = sample.projectorNorm.parameterCount + sample.projector.parameterCount + sample.decoder.parameterCount
        run.say(Say.fusionModel, alignment.configuration.image.width, AlignThenFuse.decoderWidth, own)
        run.metric("fusion_parameters", own)
    }

    /// "aligned encoder, frozen, read at the patch embedding, 250 questions", in the run's language.
    func describe(_ variant: FusionVariant) -> String {
        let encoder = run.text(Say.encoderNames[FusionVariant.Encoder.allCases.firstIndex(of: variant.encoder)!])
        let depth = depthName(variant.depth)
        switch variant.stage {
        case .descriptions: return run.text(L("%@ · %@ · stage 1: %d descriptions", "%@ · %@ · 第一阶段：%d 条描述"),
                                            encoder, depth, fusion.descriptions.count)
        case .questions: return run.text(L("%@ · %@ · %d questions", "%@ · %@ · %d 道题"), encoder, depth, variant.questions)
        case .afterDescriptions: return run.text(L("%@ · %@ · stage 2: %d questions after stage 1",
                                                   "%@ · %@ · 第二阶段：第一阶段之后 %d 道题"), encoder, depth, variant.questions)
        }
    }

    /// "patch embedding", "after block 1", "output (block 2 + LayerNorm)".
    func depthName(_ depth: Int) -> String {
        if depth == 0 { return run.text(Say.patchEmbeddingName) }
        return depth == alignment.configuration.image.depth ? run.text(Say.lastName, depth) : run.text(Say.depthName, depth)
    }

    /// Step 5's table, metrics and reading; `accuracy[depth]` is [aligned, random].
    func showDepths(_ accuracy: [[Double]], _ run: Run) {
        run.say(Say.depthSet, depthQuestions, fusion.test.count)
        run.table(Say.depthColumns, accuracy.enumerated().map { depth, pair in
            [depthName(depth)] + pair.map { String(format: "%.3f", $0) }
        })
        for (depth, pair) in accuracy.enumerated() {
            run.metric("depth_aligned_\(depth)", pair[0])
            run.metric("depth_random_\(depth)", pair[1])
        }
        let last = accuracy[accuracy.count - 1]
        run.metric("depth_aligned_last", last[0])
        run.metric("depth_random_last", last[1])
        run.say(last[0] < last[1] ? Say.lastWorse : Say.lastNotWorse, last[0], last[1])
        let best = accuracy.indices.max { accuracy[$0][0] < accuracy[$1][0] }!
        run.say(Say.bestDepth, depthName(best), accuracy[best][0], accuracy[best][1])
    }

    /// Step 6's table and metrics; `accuracy[encoder][size]`.
    func showEncoders(_ table: [[Double]], _ run: Run) {
        run.table(Say.encoderColumns + questionCounts.map { L("\($0) questions", "\($0) 道题") },
                  table.enumerated().map { e, row in [run.text(Say.encoderNames[e])] + row.map { String(format: "%.3f", $0) } })
        for (e, encoder) in FusionVariant.Encoder.allCases.enumerated() {
            for (i, n) in questionCounts.enumerated() { run.metric("local_\(encoder.rawValue)_\(n)", table[e][i]) }
            run.metric("local_\(encoder.rawValue)_largest", table[e][questionCounts.count - 1])
        }
        let reached = variants.filter { $0.stage != .descriptions && accuracy($0) >= 0.9 }
            .sorted { ($0.questions, -accuracy($0)) < ($1.questions, -accuracy($1)) }
        if reached.isEmpty {
            run.say(Say.notReached, accuracy(bestVariant))
        } else {
            run.say(Say.reached, reached.prefix(3).map { run.text(Say.reachedItem, describe($0), accuracy($0)) }
                .joined(separator: "; "))
        }
    }

    /// The question-answering model with the highest test accuracy (the fewer questions on a tie).
    var bestVariant: FusionVariant {
        variants.filter { $0.stage != .descriptions }
            .max { (accuracy($0), -$0.questions) < (accuracy($1), -$1.questions) }!
    }

    /// The best model's answers, with the share of each answer's attention on the asked object's patch.
    func showAnswers(_ best: FusionVariant, _ shown: [VQAExample], _ answers: [GreedyAnswer], _ run: Run) {
        run.say(Say.answers, describe(best), accuracy(best))
        var onTarget: [Double] = []
        for (i, (example, answer)) in zip(shown, answers).enumerated() {
            let share = Double(answer.patchAttention.first?[fusion.askedPatch[i]] ?? 0)
            onTarget.append(share)
            let verdict = answer.words == example.answer ? run.text(Say.right) : run.text(Say.wrong, fusion.words(example.answer))
            run.say(Say.answerLine, fusion.words(example.question), fusion.words(answer.words), verdict, 100 * share)
        }
        run.metric("best_attention_on_asked", onTarget.reduce(0, +) / Double(max(1, onTarget.count)))
    }

    /// Step 7's table, metrics and reading; rows are (questions, alone, after stage 1).
    func showStages(_ rows: [(Int, Double, Double)], _ run: Run) {
        run.table(Say.stageColumns, rows.map { ["\($0.0)", String(format: "%.3f", $0.1), String(format: "%.3f", $0.2)] })
        for (n, alone, two) in rows {
            run.metric("stage2_alone_\(n)", alone)
            run.metric("two_stage_\(n)", two)
        }
        let (n, alone, two) = rows[0]
        run.metric("stage2_alone_smallest", alone)
        run.metric("two_stage_smallest", two)
        run.say(two > alone + 0.05 ? Say.stageGain : Say.stageNoGain, n, two > alone + 0.05 ? alone : two,
                two > alone + 0.05 ? two : alone)
    }
}
