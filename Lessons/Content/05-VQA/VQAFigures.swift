// The drawings of lesson 05: plain arrays in, PNG bytes out (Figures knows nothing of tensors).

import Figures
import Foundation
import Multimodal
import Walkthrough

extension VQALesson {
    /// The 32×32 image of an example, as a picture.
    func picture(_ example: VQAExample) -> RGBImage {
        RGBImage(width: data.imageSize, height: data.imageSize,
                 pixels: example.pixels.map { UInt8(max(0, min(255, (($0 / 2) + 0.5) * 255 + 0.5))) })
    }

    /// One panel with the picture, then one attention overlay per generated token.
    func answerStrip(_ image: RGBImage, _ answer: GreedyAnswer, title: String) throws -> [UInt8] {
        let columns = 1 + answer.tokens.count
        var figure = Figure(width: 330 * columns, height: 420, columns: columns, title: title)
        figure.add(ImageChart(image, title: run.text(L("input", "输入")), patchSize: 8))
        let top = Double(answer.patchAttention.flatMap { $0 }.max() ?? 1)   // one colour scale for the strip
        for (token, weights) in zip(answer.tokens, answer.patchAttention) {
            let grid = (0..<4).map { r in (0..<4).map { c in Double(weights[r * 4 + c]) } }
            let share = weights.reduce(0, +)
            var overlay = AttentionOverlay(image, weights: grid,
                                           title: "“\(data.tokenizer.vocabulary[token])” · \(run.text(L("image", "图像"))) \(String(format: "%.0f%%", 100 * share))")
            overlay.colorBarLabel = nil
            overlay.range = 0...max(top, 1e-6)
            figure.add(overlay)
        }
        return try figure.pngData()
    }

    /// Grouped bars: accuracy per category (a question kind, or a part of one) for the model that sees,
    /// the blind model and chance.
    func accuracyBars(_ rows: [(name: String, sees: Double, blind: Double, chance: Double)]) throws -> [UInt8] {
        var bars = BarChart(categories: rows.map(\.name),
                            title: run.text(L("Exact-match accuracy on held-out scenes", "留出场景上的完全匹配准确率")),
                            yLabel: run.text(L("accuracy", "准确率")))
        bars.add(run.text(L("sees image + question", "看图 + 问题")), values: rows.map(\.sees))
        bars.add(run.text(L("blind: question only", "盲模型：只看问题")), values: rows.map(\.blind))
        bars.add(run.text(L("chance", "随机猜")), values: rows.map(\.chance), color: .gray)
        bars.yRange = 0...1.3   // headroom above the 1.00 bars for the legend
        return try Figure(bars, width: 1200, height: 560).pngData()
    }

    func lossCurves() throws -> [UInt8] {
        var chart = LineChart(title: run.text(L("Training loss (answer tokens only)", "训练损失（只算答案词）")),
                              xLabel: run.text(L("step", "步")), yLabel: run.text(L("cross-entropy", "交叉熵")))
        for (name, losses) in [(L("sees image + question", "看图 + 问题"), seeing.losses),
                               (L("blind: question only", "盲模型：只看问题"), blind.losses)] where !losses.isEmpty {
            let smoothed = movingAverage(losses, window: 20)
            chart.add(run.text(name), x: (1...smoothed.count).map(Double.init), y: smoothed.map(Double.init))
        }
        return try Figure(chart, width: 900, height: 500).pngData()
    }

    /// The prefix-LM mask of one sequence: 1 where a query (row) may look at a key (column).
    func maskHeatmap(_ example: VQAExample, labels: [String]) throws -> [UInt8] {
        let c = data.configuration()   // the layout only: drawing the mask needs no trained model
        let answerInput = VQASequence.answerInputs([example.answer], length: c.answerLength)[0]
        let padding = [Bool](repeating: false, count: c.patchCount) + (example.question + answerInput).map { $0 == Tokenizer.pad }
        let mask = c.attentionMask(keyIsPadding: [padding])
        let t = c.sequenceLength
        let visible = (0..<t).map { i in (0..<t).map { j in mask.isVisible(item: 0, query: i, key: j) ? 1.0 : 0.0 } }
        var map = Heatmap(visible, title: run.text(L("Who may attend to whom (1 = visible)", "谁可以看谁（1 = 可见）")))
        map.rowLabels = labels
        map.columnLabels = labels
        map.xLabel = run.text(L("key", "键"))
        map.yLabel = run.text(L("query", "查询"))
        return try Figure(map, width: 900, height: 900).pngData()
    }

    func kindName(_ kind: QuestionKind) -> String {
        switch kind {
        case .whatAnimal: return run.text(L("what animal", "什么动物"))
        case .whatColor: return run.text(L("what colour", "什么颜色"))
        case .howMany: return run.text(L("how many", "几个"))
        case .isThere: return run.text(L("is there", "有没有"))
        case .isLeftOf: return run.text(L("left of", "在左边吗"))
        case .whatIsInPicture: return run.text(L("what is in it", "图里有什么"))
        case .whereIs: return run.text(L("where is", "在哪里"))   // lesson 04's kind; lesson 05 does not ask it
        }
    }
}

/// The mean of each value and up to `window − 1` values before it.
func movingAverage(_ values: [Float], window: Int) -> [Float] {
    var sum: Float = 0
    return values.enumerated().map { i, v in
        sum += v
        if i >= window { sum -= values[i - window] }
        return sum / Float(min(i + 1, window))
    }
}
