// The growth figure of the benchmark, drawn by the kit itself: step time against batch size
// (W-CLIP) and against sequence length (W-VQA), each beside the line that linear growth would draw
// through the smallest size. A measured curve above its dashed line grows faster than linearly.

import Figures

/// Measured milliseconds per step at each size, smallest size first.
struct GrowthSeries {
    let sizes: [Int]
    let milliseconds: [Double]

    /// Linear growth from the first point: ms(size) = ms(first) · size / first.
    ///
    ///     sizes [16, 64], ms [10, 30]  →  [10, 40]
    var linearReference: [Double] {
        guard let first = sizes.first, let ms = milliseconds.first, first > 0 else { return [] }
        return sizes.map { ms * Double($0) / Double(first) }
    }
}

/// Writes `growth.png` (two panels: W-CLIP by batch, W-VQA by tokens) into `directory`; returns its path.
func writeGrowthFigure(clip: GrowthSeries, vqa: GrowthSeries, directory: String, note: String) throws -> String {
    var figure = Figure(width: 1200, height: 520, rows: 1, columns: 2,
                        title: "How a training step's time grows (\(note))")
    for (series, title, xLabel) in [(clip, "W-CLIP: time per step vs batch", "batch (image–caption pairs)"),
                                    (vqa, "W-VQA: time per step vs sequence length", "tokens per example")] {
        var chart = LineChart(title: title, xLabel: xLabel, yLabel: "ms per step")
        let x = series.sizes.map(Double.init)
        chart.add("measured", x: x, y: series.milliseconds, showPoints: true)
        chart.add("linear from the smallest size", x: x, y: series.linearReference, dashed: true)
        figure.add(chart)
    }
    let path = directory + "/growth.png"
    try figure.writePNG(to: path)
    return path
}
