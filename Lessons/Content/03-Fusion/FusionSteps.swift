// The eight steps of lesson 03, in the order the notebook prints them.

import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

enum FusionSteps {
    static let all: [Step<Fusion>] = [
        // MARK: - Step 1: The three wirings
        Step { lesson, run in
            var rng = run.rng(99)
            let models: [(any FusionModel, String)] = [
                (EarlyFusion(lesson.sizesB, using: &rng), run.text(L("mean(image) ⧺ mean(text) → head → answer",
                                                                      "均值(图像) ⧺ 均值(文本) → 分类头 → 答案"))),
                (LateFusion(lesson.sizesB, using: &rng), run.text(L("image → head₁ → p₁;  text → head₂ → p₂;  (p₁ + p₂)/2",
                                                                     "图像 → 分类头₁ → p₁；文本 → 分类头₂ → p₂；(p₁ + p₂)/2"))),
                (CrossFusion(lesson.sizesB, using: &rng), run.text(L("text tokens —attend→ image tokens → mean → head",
                                                                      "文本 token —注意→ 图像 token → 均值 → 分类头"))),
            ]
            run.table([run.text(L("strategy", "策略")), run.text(L("where image and text meet", "图文在哪里相遇")),
                       run.text(L("parameters", "参数量"))],
                      zip(lesson.strategies, models).map { [$0, $1.1, "\($1.0.parameterCount)"] })
            let shared = FusionEncoders(lesson.sizesB, using: &rng).parameterCount
            run.print(L("shared encoders: \(shared) parameters (d = \(lesson.sizesB.width))",
                        "共享编码器：\(shared) 个参数（d = \(lesson.sizesB.width)）"))
        },

        // MARK: - Step 2: Task A — complementary evidence
        Step { lesson, run in
            try run.figure("task-a-examples", png: FusionFigures.examples(
                Array(lesson.trainA.scenes.prefix(3)), pixels: Array(lesson.trainA.pixels.prefix(3)),
                texts: Array(lesson.trainA.texts.prefix(3)), title: run.text(L("Task A: noisy images, vague captions", "任务 A：带噪声的图像，含糊的文字"))))
            let alone = lesson.lateA.model.unimodalAccuracies(on: lesson.testA)
            _ = (lesson.earlyA, lesson.crossA)
            let majority = FusionTraining.majorityAccuracy(train: lesson.trainA, test: lesson.testA)
            run.table([run.text(L("model", "模型")), run.text(L("test accuracy", "测试准确率"))],
                      [[run.text(L("majority class", "多数类")), f2(majority)],
                       [run.text(L("image alone", "只看图像")), f2(alone.image)], [run.text(L("text alone", "只看文字")), f2(alone.text)]]
                      + zip(lesson.strategies, lesson.accuracyA).map { [$0, f2($1)] })
            run.metric("a.majority.accuracy", majority)
            run.metric("a.image_only.accuracy", alone.image)
            run.metric("a.text_only.accuracy", alone.text)
            for (name, value) in zip(["early", "late", "cross"], lesson.accuracyA) { run.metric("a.\(name).accuracy", value) }
        },

        // MARK: - Step 3: Noise in one modality
        Step { lesson, run in
            let r = lesson.robustnessA
            try run.figure("noise-robustness", png: FusionFigures.robustness(
                levels: [Corruption.imageNoise.map(Double.init), Corruption.wordDropout.map(Double.init)],
                accuracies: [r.map(\.image), r.map(\.text)], strategies: lesson.strategies,
                panelTitles: [run.text(L("noisy image", "图像加噪")), run.text(L("caption word dropout", "文字丢词"))],
                xLabels: [run.text(L("noise σ (image spans −1…1)", "噪声 σ（图像取值 −1…1）")), run.text(L("drop probability p", "丢词概率 p"))],
                yLabel: run.text(L("accuracy", "准确率")), chance: (0.25, run.text(L("chance", "随机"))),
                title: run.text(L("Task A accuracy as one modality degrades", "一个模态变差时任务 A 的准确率"))))
            run.table([run.text(L("strategy", "策略")), "σ=0", "σ=1", "σ=2", "p=0.4", "p=0.8"],
                      zip(lesson.strategies, r).map { [$0, f2($1.image[0]), f2($1.image[2]), f2($1.image[4]), f2($1.text[2]), f2($1.text[4])] })
            for (name, m) in zip(["early", "late", "cross"], r) {
                run.metric("a.\(name).image_noise_drop", m.image[0] - m.image[4])
                run.metric("a.\(name).word_dropout_drop", m.text[0] - m.text[4])
            }
            let drops = r.map { ($0.image[0] - $0.image[4]) + ($0.text[0] - $0.text[4]) }
            let best = drops.indices.min { drops[$0] < drops[$1] }!
            run.print(L("Least degraded (sum of both drops): \(lesson.strategies[best]) fusion.",
                        "退化最少（两种破坏的下降之和）：\(lesson.strategies[best])融合。"))
        },

        // MARK: - Step 4: Task B — interaction needed
        Step { lesson, run in
            let alone = lesson.lateB.model.unimodalAccuracies(on: lesson.testB)
            let majority = FusionTraining.majorityAccuracy(train: lesson.trainB, test: lesson.testB)
            let names = [run.text(L("majority", "多数类")), run.text(L("text only", "只看文字")), run.text(L("image only", "只看图像"))]
                + lesson.strategies.map { $0 + run.text(L(" fusion", "融合")) }
            let values = [majority, alone.text, alone.image] + lesson.accuracyB
            try run.figure("task-b-accuracy", png: FusionFigures.accuracyBars(
                names: names, values: values, seriesName: run.text(L("test accuracy", "测试准确率")),
                chance: (1.0 / 8, run.text(L("chance 1/8", "随机 1/8"))),
                title: run.text(L("Task B: \"what colour is the X?\"", "任务 B：“X 是什么颜色？”")), yLabel: run.text(L("accuracy", "准确率"))))
            run.table([run.text(L("model", "模型")), run.text(L("test accuracy", "测试准确率"))], zip(names, values).map { [$0, f2($1)] })
            run.metric("b.majority.accuracy", majority)
            run.metric("b.text_only.accuracy", alone.text)
            run.metric("b.image_only.accuracy", alone.image)
            for (name, value) in zip(["early", "late", "cross"], lesson.accuracyB) { run.metric("b.\(name).accuracy", value) }
        },

        // MARK: - Step 5: How fast each learns
        Step { lesson, run in
            let runs = [lesson.earlyB.curve, lesson.lateB.curve, lesson.crossB.curve]
            let steps = lesson.crossB.curveSteps
            try run.figure("learning-curves", png: FusionFigures.learningCurves(
                steps: steps, curves: runs, strategies: lesson.strategies,
                references: [(1.0 / 8, run.text(L("chance", "随机")))],
                title: run.text(L("Task B accuracy during training", "训练过程中任务 B 的准确率")),
                xLabel: run.text(L("training step", "训练步数")), yLabel: run.text(L("held-out accuracy", "留出集准确率"))))
            run.table([run.text(L("step", "步数"))] + lesson.strategies,
                      steps.indices.map { i in ["\(steps[i])"] + runs.map { f2($0[i]) } })
            for ((name, shown), curve) in zip(zip(["early", "late", "cross"], lesson.strategies), runs) {
                let reached = zip(steps, curve).first { $0.1 >= 0.9 }?.0
                run.print(L("\(shown): " + (reached.map { "0.90 first reached at step \($0)" } ?? "0.90 not reached"),
                            "\(shown)：" + (reached.map { "第 \($0) 步首次达到 0.90" } ?? "没有达到 0.90")))
                run.metric("b.\(name).steps_to_90", Double(reached ?? 0))
            }
            let last = runs.map { $0.last ?? 0 }                                 // early, late, cross at the last step
            if last[2] > last[0] && last[0] > last[1] {
                run.print(L("What it means: at equal steps cross \(f2(last[2])) > early \(f2(last[0])) > late \(f2(last[1])). Cross fusion lets the question's word pick the patch to read; early fusion gets one average of all patches beside the question, an average that blurs which colour sits where, so it learns slowly; late fusion's two classifiers never see the question and the picture together, so it cannot tell which object is asked about.",
                            "这说明：步数相同时，交叉 \(f2(last[2])) > 早期 \(f2(last[0])) > 晚期 \(f2(last[1]))。交叉融合让问题里的词自己挑出要读的图块；早期融合只拿到所有图块的一个平均，和问题并排，哪个颜色在哪里已被抹平，所以学得慢；晚期融合的两个分类器从不同时看到问题和图，分不清问的是哪个物体。"))
            }
        },

        // MARK: - Step 6: Where cross fusion looks
        Step { lesson, run in
            let examples = lesson.testB.subset(Array(0..<4))
            let shown = lesson.keyWordAttention(on: examples)
            let answers = FusionTraining.predictions(lesson.crossB.model, on: examples)
            try run.figure("cross-attention", png: FusionFigures.attention(
                examples.scenes.map { SceneRenderer.render($0, size: 32) }, weights: shown.grids,
                titles: (0..<4).map { "\(examples.texts[$0].dropLast(2)) → \(examples.classNames[answers[$0]])" },
                colorBarLabel: run.text(L("attention", "注意力")),
                title: run.text(L("Where the key word looks (cross fusion, Task B)", "关键词看向哪里（交叉融合，任务 B）"))))
            let all = lesson.keyWordAttention(on: lesson.testB).onTarget
            let share = Double(all.filter { $0 }.count) / Double(max(all.count, 1))
            run.print(L("On \(all.count) test questions, the key word's strongest patch is the asked object's in \(f2(share * 100))% of them.",
                        "在 \(all.count) 个测试问题中，关键词权重最大的图块正是被问物体所在图块的比例为 \(f2(share * 100))%。"))
            run.metric("b.cross.attention_on_target", share)
        },

        // MARK: - Step 7: What it costs
        Step { lesson, run in
            let costs = FusionCosts(lesson)                          // counted from the layer sizes
            run.table([run.text(L("strategy", "策略")), run.text(L("parameters", "参数量")), run.text(L("multiply-adds / example", "乘加次数 / 样本"))],
                      lesson.strategies.indices.map { [lesson.strategies[$0], "\(costs.parameters[$0])", "\(costs.multiplyAdds[$0])"] })
            for (i, name) in ["early", "late", "cross"].enumerated() {
                run.metric("cost.\(name).parameters", costs.parameters[i])
                run.metric("cost.\(name).multiply_adds", costs.multiplyAdds[i])
            }
            for line in lesson.measuredTimesLines(multiplyAdds: costs.multiplyAdds, run: run) { run.note(line) }   // terminal only
            if !run.quick { for line in lesson.measuredGrowthLines(run: run) { run.note(line) } }                // terminal only
            try run.figure("cost-vs-tokens", png: costs.figure(strategies: lesson.strategies, run: run))
            let share1024 = costs.crossExtraShareAt1024
            run.print(L("At 1024 image tokens cross fusion needs \(f2(share1024 * 100))% more multiply-adds than early fusion.",
                        "在 1024 个图像 token 时，交叉融合比早期融合多需要 \(f2(share1024 * 100))% 的乘加次数。"))
            run.metric("cost.cross_extra_share_at_1024", share1024)
        },

        // MARK: - Step 8: Verdict
        Step { lesson, run in
            try FusionVerdict.report(lesson, run: run)
        },
    ]
}
