// Lesson 04, steps 6 and 8: what a briefly trained single-stream model learned about place
// (its position vectors) and about looking (the word "cat" attending to the image).

import Figures
import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

extension Tokens {
    // MARK: - Step 6: Learned positions learn the grid
    static let learnedPositions = Step<Tokens> { lesson, run in
        let model = lesson.trained.model
        run.note(String(format: "  (measured: %d training steps took %.1f s on this machine)", lesson.recipe.steps, lesson.trained.seconds))
        var rng = run.rng(6)
        let untrained = LearnedGrid.model(for: lesson.vqa.data, lesson.recipe, using: &rng)   // the same draw, before training
        let before = LearnedGrid.neighbourAndFar(untrained), after = LearnedGrid.neighbourAndFar(model)
        let change = LearnedGrid.neighbourAndFarOfChange(before: untrained.patchPositions, after: model.patchPositions)
        let sines = RawPositions.rows(PositionalEncoding.sinusoidal2D(rows: 4, columns: 4, dimension: model.configuration.width))   // [16][d]
        let fixed = RawPositions.neighbourAndFarSimilarity(sines, side: 4)
        let score = VQATraining.score(model, data: lesson.vqa.data, examples: lesson.vqa.data.test)
        run.print(run.text(L("after \(lesson.recipe.steps) steps, test accuracy", "训练 \(lesson.recipe.steps) 步后，测试准确率"))
                  + String(format: " %.2f", score.overall))
        if let whereAccuracy = score.accuracy(.whereIs) {
            run.print(run.text(L("  on \"where is the X?\" (chance 1/16 for the full answer)", "  其中“X在哪里？”（整句答对的随机水平 1/16）"))
                      + String(format: " %.2f", whereAccuracy))
            run.metric("where_accuracy", whereAccuracy)
        }
        run.print(run.text(L(String(format: "The positions started as random vectors of spread %.2f (ViT starts at 0.02: try --position-std 0.02), so the table also shows what training added: after − before.", lesson.recipe.positionStandardDeviation),
                             String(format: "位置向量从离散度 %.2f 的随机向量开始（ViT 从 0.02 开始：试试 --position-std 0.02），所以表里也列出训练加上去的部分：训练后 − 训练前。", lesson.recipe.positionStandardDeviation))))
        run.table([run.text(L("position vectors", "位置向量")), run.text(L("4-neighbours", "上下左右邻居")),
                   run.text(L("≥ 2 cells apart", "相隔 ≥ 2 格")), run.text(L("difference", "差"))],
                  [(run.text(L("learned, before training", "可学习，训练前")), before),
                   (run.text(L("learned, after training", "可学习，训练后")), after),
                   (run.text(L("what training added (after − before)", "训练加上的部分（后 − 前）")), change),
                   (run.text(L("2D sinusoidal (fixed)", "二维正弦（固定）")), fixed)].map {
                      [$0.0, String(format: "%.3f", $0.1.near), String(format: "%.3f", $0.1.far), String(format: "%+.3f", $0.1.near - $0.1.far)]
                  })
        let learnedGap = after.near - after.far, changeGap = change.near - change.far, sineGap = fixed.near - fixed.far
        if learnedGap > 0.5 * sineGap {
            run.print(L(String(format: "The learned positions found the grid: neighbouring patches got more similar vectors than far ones (%+.3f; the sines' %+.3f), though nothing told the model the 16 patches form a 4×4 grid. Only the question \"where?\" did.", learnedGap, sineGap),
                        String(format: "学到的位置找到了网格：相邻图像块的位置向量比远处的更相似（%+.3f；正弦编码是 %+.3f），而没有任何东西告诉模型这 16 个块排成 4×4 网格，只有“在哪里？”这个问题。", learnedGap, sineGap)))
        } else if changeGap > 0.1 {
            run.print(L(String(format: "The raw vectors still carry their random start (%+.3f), but what training added to them is grid-shaped (%+.3f): the model has begun to encode rows and columns. More steps (--train-steps) let that part outgrow the start.", learnedGap, changeGap),
                        String(format: "原始向量仍带着随机起点（%+.3f），但训练加上去的部分已经是网格形的（%+.3f）：模型开始编码行和列。更多步数（--train-steps）会让这部分盖过起点。", learnedGap, changeGap)))
        } else {
            run.print(L("Said plainly: these learned positions show little or no grid — neighbours are hardly more alike than far patches, before or after subtracting the start. With too few steps (or with questions whose answers do not depend on place), nothing pushes the positions to encode rows and columns.",
                        "说实话：这些学到的位置几乎没有显出网格——无论是否减去起点，邻居都不比远处的块明显更相似。步数太少（或题目的答案与位置无关）时，没有什么推着位置向量去编码行和列。"))
        }
        run.metric("learned_neighbour_similarity", after.near)
        run.metric("learned_far_similarity", after.far)
        run.metric("learned_change_neighbour_similarity", change.near)
        run.metric("learned_change_far_similarity", change.far)
        run.metric("untrained_neighbour_similarity", before.near)
        run.metric("single_stream_accuracy", score.overall)
        var figure = Figure(width: 2000, height: 700, columns: 3,
                            title: run.text(L("Similarity of each patch's position to every other (4×4 grid)", "每个图像块的位置与其他块的相似度（4×4 网格）")))
        let cosine = run.text(L("cosine", "余弦相似度"))
        figure.add(RawPositions.mosaicChart(RawPositions.rows(model.patchPositions), side: 4,
                                            title: run.text(L("learned, after \(lesson.recipe.steps) steps", "可学习，训练 \(lesson.recipe.steps) 步后")),
                                            colorBarLabel: cosine))
        figure.add(RawPositions.mosaicChart(LearnedGrid.changeRows(before: untrained.patchPositions, after: model.patchPositions), side: 4,
                                            title: run.text(L("what training added (after − before)", "训练加上的部分（后 − 前）")),
                                            colorBarLabel: cosine))
        figure.add(RawPositions.mosaicChart(sines, side: 4, title: run.text(L("2D sinusoidal, fixed", "二维正弦，固定")),
                                            colorBarLabel: cosine))
        try run.figure("positions-learned", png: figure.pngData())
    }

    // MARK: - Step 8: Attention across modalities
    static let crossModalAttention = Step<Tokens> { lesson, run in
        let probes = LearnedGrid.catProbes(lesson.vqa.test, data: lesson.vqa.data)
        guard !probes.isEmpty else {
            run.print(L("No test question names the cat in this run (with --questions left-of there are none).",
                        "这次运行的测试题里没有问到猫的题（用 --questions left-of 时就没有）。"))
            return
        }
        let attention = LearnedGrid.wordToPatches(lesson.trained.model, data: lesson.vqa.data, probes: probes)   // [probe][block][16]
        let blocks = attention[0].count, chance = 1.0 / 16
        var shares: [Double] = []
        var rows: [[String]] = []
        for block in 0..<blocks {
            let share = zip(probes, attention).map { $1[block][$0.catPatch] }.reduce(0, +) / Double(probes.count)
            let hits = zip(probes, attention).filter { probe, a in a[block].indices.max { a[block][$0] < a[block][$1] } == probe.catPatch }.count
            shares.append(share)
            rows.append(["\(block + 1)", String(format: "%.3f", share), String(format: "%.1f×", share / chance),
                         "\(hits)/\(probes.count)"])
        }
        run.print(run.text(L("\(probes.count) test questions about the cat (\"where is the cat?\" or \"what colour is the cat?\"); attention of the word cat over the patches (mean of heads):",
                             "\(probes.count) 道关于猫的测试题（“猫在哪里？”或“猫是什么颜色？”）；“猫”这个词对图像块的注意力（各头平均）：")))
        run.table([run.text(L("block", "层")), run.text(L("share on the cat's patch", "落在猫所在块的份额")),
                   run.text(L("vs chance 1/16", "相对随机 1/16")), run.text(L("cat's patch is the top patch", "猫所在块排第一"))], rows)
        let best = shares.indices.max { shares[$0] < shares[$1] }!
        run.metric("cat_word_attention_on_cat_patch", shares[best])
        run.metric("cat_word_attention_chance", chance)
        let shown = Array(zip(probes, attention).prefix(4))
        let top = shown.map { $1[best].max()! }.max()!   // one colour scale for the panels: 0 → the largest share shown
        var figure = Figure(width: 1600, height: 340, columns: shown.count,
                            title: run.text(L("Where the word \"cat\" looks (block \(best + 1), mean of heads)", "“猫”这个词看向哪里（第 \(best + 1) 层，各头平均）")))
        for (probe, a) in shown {
            let picture = SceneRenderer.render(probe.sample.scene, size: 224)
            var overlay = AttentionOverlay(RGBImage(width: 224, height: 224, pixels: picture.bytes),
                                           weights: (0..<4).map { r in Array(a[best][(r * 4)..<(r * 4 + 4)]) },
                                           title: String(format: run.text(L("cat's patch: %.2f", "猫所在块：%.2f")), a[best][probe.catPatch]))
            overlay.range = 0...top
            overlay.opacity = 0.5
            overlay.colorBarLabel = run.text(L("attention share", "注意力份额"))
            figure.add(overlay)
        }
        try run.figure("cat-attention", png: figure.pngData())
    }
}
