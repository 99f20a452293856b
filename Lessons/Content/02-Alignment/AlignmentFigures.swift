// The figures of lesson 02: example pairs, a similarity heatmap, the shared space in 2D (images and texts
// as two marker shapes, each pair joined by a line), and the training curves. Plain arrays in, PNG bytes out.

import Figures
import Multimodal
import Walkthrough

/// Figure builders for lesson 02.
public enum AlignmentFigures {
    /// A grid of images with their captions as panel titles (two rows).
    public static func pairs(_ samples: [ToySample], title: String) throws -> [UInt8] {
        let columns = (samples.count + 1) / 2
        var figure = Figure(width: 300 * columns, height: 640, rows: 2, columns: columns, title: title)
        for sample in samples {
            let picture = RGBImage(width: sample.image.size, height: sample.image.size, pixels: sample.image.bytes)
            var chart = ImageChart(picture, title: sample.caption.english, patchSize: 8)
            chart.showPatchNumbers = false
            chart.showAxes = false
            figure.add(chart)
        }
        return try figure.pngData()
    }

    /// Cosine similarities [images][texts] with each value written in its cell, on a fixed −1…1 scale so
    /// "before" and "after" compare by colour.
    public static func similarity(_ values: [[Float]], imageLabels: [String], textLabels: [String],
                                  title: String, xLabel: String, yLabel: String) throws -> [UInt8] {
        var chart = Heatmap(values.map { $0.map(Double.init) }, title: title, rowLabels: imageLabels, columnLabels: textLabels)
        chart.range = -1...1
        chart.annotate = true
        chart.colorMap = .viridis
        chart.xLabel = xLabel
        chart.yLabel = yLabel
        chart.colorBarLabel = "cos"
        chart.maxLabelWidth = 260
        return try Figure(chart, width: 1100, height: 820).pngData()
    }

    /// Two side-by-side 2D maps of the same pairs (e.g. before | after). Points are coloured by `classes`
    /// (names in `classNames`); images are circles, texts triangles; a grey line joins each pair.
    /// `points[k]` holds 2·n points: the n images first, then the n texts in the same order.
    public static func space(_ points: [[[Float]]], panelTitles: [String], classes: [Int], classNames: [String],
                             groupNames: [String], title: String) throws -> [UInt8] {
        var figure = Figure(width: 1500, height: 700, rows: 1, columns: points.count, title: title)
        for (panel, map) in points.enumerated() {
            let n = map.count / 2
            let x = map.map { Double($0[0]) }, y = map.map { Double($0[1]) }
            var chart = ScatterChart(x: x, y: y, classes: classes + classes, classNames: classNames,
                                     groups: [Int](repeating: 0, count: n) + [Int](repeating: 1, count: n),
                                     groupNames: groupNames, title: panelTitles[panel])
            chart = chart.joiningPairs((0..<n).map { ($0, $0 + n) }, x: x, y: y)
            chart.segmentColor = Color(hex: 0x888888, opacity: 0.35)
            if panel < points.count - 1 { chart.legend = [] }
            figure.add(chart)
        }
        return try figure.pngData()
    }

    /// The loss per step (left) and the learned temperature τ per step (right).
    public static func training(losses: [Float], temperatures: [Float], chanceLoss: Double, run: Run) throws -> [UInt8] {
        let titles = (loss: run.text(L("Contrastive loss (mean of 10 steps)", "对比损失（10 步滑动平均）")),
                      temperature: run.text(L("Learned temperature τ", "学到的温度 τ")))
        let xLabel = run.text(L("step", "步")), chanceLabel = run.text(L("chance, ln 64", "随机水平 ln 64"))
        let steps = (1...max(1, losses.count)).map(Double.init)
        var loss = LineChart(title: titles.loss, xLabel: xLabel, yLabel: "loss")
        loss.add("loss", x: steps, y: smoothed(losses.map(Double.init)))
        loss.referenceLines = [(chanceLoss, chanceLabel)]
        var temperature = LineChart(title: titles.temperature, xLabel: xLabel, yLabel: "τ")
        temperature.add("τ", x: steps, y: temperatures.map(Double.init), color: .palette(1))
        var figure = Figure(width: 1300, height: 520, rows: 1, columns: 2)
        figure.add(loss)
        figure.add(temperature)
        return try figure.pngData()
    }

    /// A running mean over the last `window` values, so the curve shows the trend through batch noise.
    static func smoothed(_ values: [Double], window: Int = 10) -> [Double] {
        var out: [Double] = []
        var sum = 0.0
        for (i, v) in values.enumerated() {
            sum += v
            if i >= window { sum -= values[i - window] }
            out.append(sum / Double(min(i + 1, window)))
        }
        return out
    }
}
