// The figures of lesson 03: example inputs, accuracy under noise, accuracy per strategy, learning curves,
// cross-attention over the image, and cost against the number of image tokens. Plain arrays in, PNG bytes out.

import Figures
import Multimodal

/// Figure builders for lesson 03.
public enum FusionFigures {
    /// The strategies' colours, the same in every figure: early, late, cross.
    static let colors = [Color.palette(0), Color.palette(1), Color.palette(2)]

    /// A row of example images with their texts as panel titles.
    public static func examples(_ scenes: [ToyScene], pixels: [[Float]], texts: [String], title: String) throws -> [UInt8] {
        var figure = Figure(width: 620 * scenes.count, height: 640, rows: 1, columns: scenes.count, title: title)
        for (index, centred) in pixels.enumerated() {
            let bytes = centred.map { UInt8(max(0, min(255, (($0 / 2) + 0.5) * 255)).rounded()) }
            var chart = ImageChart(RGBImage(width: 32, height: 32, pixels: bytes), title: texts[index], patchSize: 8)
            chart.showPatchNumbers = false
            chart.showAxes = false
            figure.add(chart)
        }
        return try figure.pngData()
    }

    /// Accuracy against corruption level, one line per strategy, one panel per corrupted modality.
    /// `accuracies[panel][strategy][level]`.
    public static func robustness(levels: [[Double]], accuracies: [[[Double]]], strategies: [String],
                                  panelTitles: [String], xLabels: [String], yLabel: String,
                                  chance: (value: Double, label: String), title: String) throws -> [UInt8] {
        var figure = Figure(width: 1400, height: 620, rows: 1, columns: levels.count, title: title)
        for panel in levels.indices {
            var chart = LineChart(title: panelTitles[panel], xLabel: xLabels[panel], yLabel: yLabel)
            for (s, name) in strategies.enumerated() {
                chart.add(name, x: levels[panel], y: accuracies[panel][s], color: colors[s], showPoints: true)
            }
            chart.yRange = 0...1
            chart.referenceLines = [chance]
            figure.add(chart)
        }
        return try figure.pngData()
    }

    /// One bar per model or baseline, with the chance level as a line.
    public static func accuracyBars(names: [String], values: [Double], seriesName: String,
                                    chance: (value: Double, label: String), title: String, yLabel: String) throws -> [UInt8] {
        var chart = BarChart(categories: names, title: title, yLabel: yLabel)
        chart.add(seriesName, values: values, color: colors[2])
        chart.yRange = 0...1.08   // room for the label of a bar at 1.00
        chart.referenceLines = [chance]
        return try Figure(chart, width: 1100, height: 620).pngData()
    }

    /// Held-out accuracy against training step, one line per strategy.
    public static func learningCurves(steps: [Int], curves: [[Double]], strategies: [String],
                                      references: [(value: Double, label: String)],
                                      title: String, xLabel: String, yLabel: String) throws -> [UInt8] {
        var chart = LineChart(title: title, xLabel: xLabel, yLabel: yLabel)
        for (s, name) in strategies.enumerated() {
            chart.add(name, x: steps.map(Double.init), y: curves[s], color: colors[s], showPoints: true)
        }
        chart.yRange = 0...1
        chart.referenceLines = references
        return try Figure(chart, width: 1000, height: 620).pngData()
    }

    /// Attention weights [4][4] over each image, one panel per example.
    public static func attention(_ images: [ToyImage], weights: [[[Double]]], titles: [String],
                                 colorBarLabel: String, title: String) throws -> [UInt8] {
        var figure = Figure(width: 360 * images.count, height: 430, rows: 1, columns: images.count, title: title)
        for (index, image) in images.enumerated() {
            var chart = AttentionOverlay(RGBImage(width: image.size, height: image.size, pixels: image.bytes),
                                         weights: weights[index], title: titles[index])
            chart.range = 0...1
            chart.colorBarLabel = index == images.count - 1 ? colorBarLabel : nil
            figure.add(chart)
        }
        return try figure.pngData()
    }

    /// Multiply-adds (millions) against image tokens: the whole model (left) and the fusion stage
    /// alone, i.e. what is added on top of the two shared encoders (right). `costs[panel][strategy][i]`.
    public static func cost(tokens: [Int], costs: [[[Double]]], strategies: [String], panelTitles: [String],
                            xLabel: String, yLabel: String, title: String) throws -> [UInt8] {
        var figure = Figure(width: 1400, height: 620, rows: 1, columns: 2, title: title)
        for panel in 0..<2 {
            var chart = LineChart(title: panelTitles[panel], xLabel: xLabel, yLabel: yLabel)
            for (s, name) in strategies.enumerated() {
                chart.add(name, x: tokens.map(Double.init), y: costs[panel][s], color: colors[s],
                          dashed: s == 1, showPoints: true)
            }
            figure.add(chart)
        }
        return try figure.pngData()
    }
}
