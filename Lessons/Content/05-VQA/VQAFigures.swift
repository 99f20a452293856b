// The drawings of lesson 05: plain arrays in, PNG bytes out (Figures knows nothing of tensors).

import Figures
import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

extension VQALesson {
    /// The 32×32 image of an example, as a picture.
    func picture(_ example: VQAExample) -> RGBImage {
        RGBImage(width: data.imageSize, height: data.imageSize,
                 pixels: example.pixels.map { UInt8(max(0, min(255, (($0 / 2) + 0.5) * 255 + 0.5))) })
    }

    /// Step 1: the picture cut into its 16 patches, numbered 1 … 16 row by row.
    func inputFigure(_ example: VQAExample) throws -> [UInt8] {
        try Figure(numberedPatches(picture(example), title: run.text(Say.inputTitle)), width: 600, height: 600).pngData()
    }

    /// The picture with its 8×8 patch grid, numbered from 1 as the sequence labels are.
    func numberedPatches(_ image: RGBImage, title: String) -> ImageChart {
        var chart = ImageChart(image, title: title, patchSize: 8)
        chart.firstPatchNumber = 1
        return chart
    }

    /// The labels of the whole sequence: the patches p1 … p16 (row by row), then the question and
    /// answer tokens of `ids`.
    func sequenceLabels(_ ids: [Int]) -> [String] {
        let patches = data.configuration().patchCount
        return (1...patches).map { run.text(Say.patchLabel, $0) } + ids.map { data.tokenizer.vocabulary[$0] }
    }

    /// Step 2: the sequence as a strip of cells coloured by what they are.
    func sequenceStrip(_ labels: [String]) throws -> [UInt8] {
        let c = data.configuration()
        let modalities = [Int](repeating: 0, count: c.patchCount) + [Int](repeating: 1, count: c.questionLength)
            + [Int](repeating: 2, count: c.answerLength)
        let strip = TokenStrip(tokens: labels, modalities: modalities, modalityNames: Say.modalities.map { run.text($0) },
                               title: run.text(Say.sequenceTitle, c.sequenceLength))
        return try Figure(strip, width: 1200, height: 220).pngData()
    }

    /// Step 2: the mask of one sequence, 1 where a query (row) may look at a key (column).
    func maskHeatmap(_ mask: AttentionMask, labels: [String]) throws -> [UInt8] {
        let t = labels.count
        let visible = (0..<t).map { i in (0..<t).map { j in mask.isVisible(item: 0, query: i, key: j) ? 1.0 : 0.0 } }
        var map = Heatmap(visible, title: run.text(Say.maskTitle), rowLabels: labels, columnLabels: labels)
        map.xLabel = run.text(Say.key)
        map.yLabel = run.text(Say.query)
        return try Figure(map, width: 900, height: 900).pngData()
    }

    /// Step 4: a test question's answer strip; its title says whether the answer was right.
    func answerStrip(_ example: VQAExample, _ answer: GreedyAnswer) throws -> [UInt8] {
        let (question, said) = (words(example.question), words(answer.words))
        let title = answer.words == example.answer && answer.stoppedAtEnd
            ? run.text(Say.stripRight, question, said) : run.text(Say.stripWrong, question, said, words(example.answer))
        return try answerStrip(picture(example), answer, title: title)
    }

    /// Step 6: the learner's picture and question.
    func answerStrip(_ image: RGBImage, _ answer: GreedyAnswer, question: String) throws -> [UInt8] {
        try answerStrip(image, answer, title: run.text(Say.stripOwn, question, words(answer.words)))
    }

    /// The picture, one attention map per generated token, and one colour bar for all the maps; at most
    /// five panels a row (1,400 px wide), so a long answer wraps into a second row.
    func answerStrip(_ image: RGBImage, _ answer: GreedyAnswer, title: String) throws -> [UInt8] {
        let panels = answer.tokens.count + 2
        let columns = min(5, panels), rows = (panels + 4) / 5
        var figure = Figure(width: 280 * columns, height: 60 + 300 * rows, rows: rows, columns: columns, title: title)
        figure.add(numberedPatches(image, title: run.text(Say.input)))
        let top = max(Double(answer.patchAttention.flatMap { $0 }.max() ?? 1), 1e-6)   // one scale for all maps
        for (token, weights) in zip(answer.tokens, answer.patchAttention) {
            let grid = (0..<4).map { r in (0..<4).map { c in Double(weights[r * 4 + c]) } }
            let share = Double(100 * weights.reduce(0, +))
            var overlay = AttentionOverlay(image, weights: grid,
                                           title: run.text(Say.wordPanel, data.tokenizer.vocabulary[token], share))
            overlay.range = 0...top
            overlay.showColorBar = false
            figure.add(overlay)
        }
        figure.add(ColorBarChart(range: 0...top, label: run.text(Say.attentionWeight)))
        return try figure.pngData()
    }

    /// Step 5: grouped bars per question kind (and the "left of" verdict) for the model that sees, the
    /// blind model and chance; the axis stops at 1.0, the legend sits beside the plot.
    func accuracyBars() throws -> [UInt8] {
        var rows = kinds.map { kind in
            (name: run.text(Say.kindName(kind)), sees: seeingScore.accuracy(kind) ?? 0,
             blind: blindScore.accuracy(kind) ?? 0, chance: chance[kind] ?? 0)
        }
        if let verdicts = leftOfVerdicts {
            rows.append((name: run.text(Say.verdictCategory), sees: verdicts.sees, blind: verdicts.blind, chance: 0.5))
        }
        var bars = BarChart(categories: rows.map(\.name), title: run.text(Say.accuracyTitle),
                            yLabel: run.text(Say.accuracyAxis))
        bars.add(run.text(Say.seesGroup), values: rows.map(\.sees))
        bars.add(run.text(Say.blindGroup), values: rows.map(\.blind))
        bars.add(run.text(Say.chanceGroup), values: rows.map(\.chance), color: .gray)
        bars.yRange = 0...1.1                                   // room above the 1.00 bars for their values
        bars.yTicks = [0, 0.2, 0.4, 0.6, 0.8, 1]
        bars.legendOutside = true
        return try Figure(bars, width: 1300, height: 560).pngData()
    }

    /// Step 3: both loss curves, smoothed over 20 steps.
    func lossCurves() throws -> [UInt8] {
        var chart = LineChart(title: run.text(Say.lossTitle), xLabel: run.text(Say.step),
                              yLabel: run.text(Say.crossEntropy))
        for (name, twin) in [(Say.seesGroup, seeing), (Say.blindGroup, blind)] where !twin.losses.isEmpty {
            let smoothed = movingAverage(twin.losses, window: 20)
            chart.add(run.text(name), x: (1...smoothed.count).map(Double.init), y: smoothed.map(Double.init))
        }
        return try Figure(chart, width: 900, height: 500).pngData()
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
