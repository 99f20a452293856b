// The drawings of lesson 06: plain arrays in, PNG bytes out (Figures knows nothing of tensors).

import Figures
import Foundation
import Multimodal
import Walkthrough

extension AlignThenFuse {
    /// Accuracy against labelled pictures per class, kind and colour side by side, with the zero-shot level.
    func labelFigure(_ curves: [LabelCurve]) throws -> [UInt8] {
        var figure = Figure(width: 1400, height: 600, rows: 1, columns: 2,
                            title: run.text(L("What a few labels buy, on lesson 02's test pictures",
                                              "几张标签能换来什么（第 02 课的测试图）")))
        for curve in curves {
            let x = curve.counts.map(Double.init)
            var chart = LineChart(title: run.text(curve.task == .kind ? Say.kind : Say.colour),
                                  xLabel: run.text(L("labelled pictures per class", "每类有标签的图数")),
                                  yLabel: run.text(L("accuracy", "准确率")))
            chart.add(run.text(L("probe from the prompts, aligned", "从提示语出发的探针，对齐")), x: x, y: curve.prompted, showPoints: true)
            chart.add(run.text(L("probe, aligned", "探针，对齐")), x: x, y: curve.plain, showPoints: true)
            chart.add(run.text(L("small model from scratch", "从零训练的小模型")), x: x, y: curve.scratch, showPoints: true)
            chart.add(run.text(L("probe, random encoder", "探针，随机编码器")), x: x, y: curve.random, color: .gray,
                      dashed: true, showPoints: true)
            let zeroShot = Metrics.accuracy(predicted: alignedSpace.zeroShot(prompts: curve.task.prompts, alignment.data),
                                            actual: testLabels(curve.task))
            chart.add(run.text(L("zero-shot, no labels", "零样本，无标签")), x: [x.first!, x.last!], y: [zeroShot, zeroShot],
                      color: .palette(4), dashed: true)
            chart.referenceLines = [(1 / Double(curve.task.classes), run.text(L("chance", "随机猜")))]
            chart.yRange = 0...1.05
            chart.showsLegend = false
            figure.legend = chart.legendEntries
            figure.add(chart)
        }
        return try figure.pngData()
    }

    /// Grouped bars: accuracy of the aligned and the random encoder read at each depth.
    func depthFigure(_ accuracy: [[Double]]) throws -> [UInt8] {
        var bars = BarChart(categories: accuracy.indices.map(depthName),
                            title: run.text(L("\"What colour is the X?\" by the layer the fusion model reads (%d questions)",
                                              "“X 是什么颜色？”：融合模型读哪一层（%d 道训练题）"), depthQuestions),
                            yLabel: run.text(L("exact match on test questions", "测试题完全匹配准确率")))
        bars.add(run.text(Say.encoderNames[0]), values: accuracy.map { $0[0] })
        bars.add(run.text(Say.encoderNames[1]), values: accuracy.map { $0[1] }, color: .gray)
        bars.yRange = 0...1.2
        return try Figure(bars, width: 1000, height: 560).pngData()
    }

    /// Accuracy against training questions for the four encoders, read at the patch embedding.
    func sizeFigure(_ accuracy: [[Double]]) throws -> [UInt8] {
        var chart = LineChart(title: run.text(L("\"What colour is the X?\": four image encoders, more or fewer questions",
                                                "“X 是什么颜色？”：四种图像编码器，训练题或多或少")),
                              xLabel: run.text(L("training questions", "训练题数")),
                              yLabel: run.text(L("exact match on test questions", "测试题完全匹配准确率")))
        let x = questionCounts.map(Double.init)
        for (e, row) in accuracy.enumerated() {
            chart.add(run.text(Say.encoderNames[e]), x: x, y: row, color: e == 1 ? .gray : nil, dashed: e == 1, showPoints: true)
        }
        chart.referenceLines = [(0.9, "0.9")]
        chart.yRange = 0...1.05
        return try Figure(chart, width: 1000, height: 560).pngData()
    }

    /// Each picture with the answer's attention over its 16 patches (the query that wrote the colour).
    func attentionFigure(_ best: FusionVariant, _ shown: [VQAExample], _ answers: [GreedyAnswer]) throws -> [UInt8] {
        var figure = Figure(width: 380 * shown.count, height: 380, columns: shown.count,
                            title: run.text(L("Where the answer looked: %@", "答案看了哪里：%@"), describe(best)))
        let top = answers.compactMap { $0.patchAttention.first?.max() }.max() ?? 1
        for (example, answer) in zip(shown, answers) {
            let weights = answer.patchAttention.first ?? [Float](repeating: 0, count: 16)
            var overlay = AttentionOverlay(fusion.picture(example),
                                           weights: (0..<4).map { r in (0..<4).map { Double(weights[r * 4 + $0]) } },
                                           title: fusion.words(example.question) + " → " + fusion.words(answer.words))
            overlay.colorBarLabel = nil
            overlay.range = 0...Double(max(top, 1e-6))
            figure.add(overlay)
        }
        return try figure.pngData()
    }

    /// Grouped bars: stage 2 alone against stage 1 then stage 2, at each number of questions.
    func stageFigure(_ rows: [(Int, Double, Double)]) throws -> [UInt8] {
        var bars = BarChart(categories: rows.map { run.text(Say.questions, $0.0) },
                            title: run.text(L("LLaVA's recipe in small: describe first, then answer", "小号的 LLaVA 配方：先描述，再回答")),
                            yLabel: run.text(L("exact match on test questions", "测试题完全匹配准确率")))
        bars.add(run.text(Say.stageColumns[1]), values: rows.map(\.1), color: .gray)
        bars.add(run.text(Say.stageColumns[2]), values: rows.map(\.2))
        bars.yRange = 0...1.2
        return try Figure(bars, width: 900, height: 520).pngData()
    }
}
