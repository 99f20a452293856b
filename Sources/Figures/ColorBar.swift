// The colour bar beside a heatmap or overlay: the colour map as a vertical strip with numeric
// ticks on its right, so a reader can turn a colour back into a number.

/// A colour bar for values in `range` drawn with `map`.
struct ColorBar {
    var map: ColorMap
    var range: ClosedRange<Double>
    var label: String?

    func barWidth(_ style: Style) -> Double { style.tickFontSize * 1.3 }
    func gap(_ style: Style) -> Double { style.padding * 2 }

    var ticks: [Double] { LinearScale.niceTicks(range.lowerBound, range.upperBound, maxCount: 6) }

    /// The width the bar, its ticks and labels need to the right of the plot.
    func reservedWidth(canvas: Canvas, style: Style) -> Double {
        let widest = LinearScale.labels(for: ticks).map { canvas.measure($0, size: style.tickFontSize).width }.max() ?? 0
        var width = gap(style) + barWidth(style) + style.tickLength + style.padding / 2 + widest + style.padding
        if let label, !label.isEmpty { width += canvas.measure(label, size: style.labelFontSize).height + style.padding }
        return width
    }

    /// Draws the bar beside `plot` (same height), starting `gap` to its right.
    func draw(beside plot: Rect, canvas: Canvas, style: Style) {
        let bar = Rect(x: (plot.maxX + gap(style)).rounded(), y: plot.minY, width: barWidth(style), height: plot.height)
        let top = Int(bar.minY.rounded()), bottom = Int(bar.maxY.rounded())
        let span = range.upperBound - range.lowerBound
        for y in top..<bottom {
            let t = 1 - (Double(y - top) + 0.5) / Double(max(1, bottom - top))
            canvas.fill(Rect(x: bar.minX, y: Double(y), width: bar.width, height: 1), map.color(at: t))
        }
        canvas.stroke(Rect(x: bar.minX - 1, y: bar.minY - 1, width: bar.width + 2, height: bar.height + 2), style.axisColor)
        let scale = LinearScale(domain: range, from: bar.maxY, to: bar.minY)
        var widest = 0.0
        for (t, label) in zip(ticks, LinearScale.labels(for: ticks)) where span > 0 {
            let py = scale(t).rounded(.down)
            canvas.fill(Rect(x: bar.maxX + 1, y: py, width: style.tickLength, height: 1), style.axisColor)
            canvas.text(label, at: Point(bar.maxX + 1 + style.tickLength + style.padding / 2, py + 0.5),
                        size: style.tickFontSize, color: style.textColor, baseline: .middle)
            widest = max(widest, canvas.measure(label, size: style.tickFontSize).width)
        }
        if let label, !label.isEmpty {
            let x = bar.maxX + 1 + style.tickLength + style.padding / 2 + widest + style.padding
            canvas.text(label, at: Point(x, bar.midY), size: style.labelFontSize, color: style.textColor,
                        align: .center, baseline: .top, angle: .pi / 2)
        }
    }
}

/// A colour bar alone in a panel: one scale for several panels that share it (each drawn with the
/// same range and no bar of its own), instead of one bar per panel. It stands at the panel's left edge,
/// beside the panel before it, as a plot's own bar stands beside its plot.
///
///     var figure = Figure(width: 1400, height: 330, columns: 5)
///     for weights in maps {
///         var panel = AttentionOverlay(picture, weights: weights)
///         (panel.range, panel.showColorBar) = (0...0.4, false)
///         figure.add(panel)
///     }
///     figure.add(ColorBarChart(range: 0...0.4, label: "attention weight"))
public struct ColorBarChart: Chart {
    public var colorMap: ColorMap
    public var range: ClosedRange<Double>
    public var label: String?
    /// The bar's height as a share of the panel's.
    public var heightShare = 0.7

    public init(range: ClosedRange<Double>, colorMap: ColorMap = .viridis, label: String? = nil) {
        precondition(range.upperBound > range.lowerBound, "ColorBarChart: empty range \(range)")
        self.range = range; self.colorMap = colorMap; self.label = label
    }

    public func draw(on canvas: Canvas, in frame: Rect, style: Style) {
        let bar = ColorBar(map: colorMap, range: range, label: label)
        let width = bar.reservedWidth(canvas: canvas, style: style)
        let height = frame.height * heightShare
        // `ColorBar` draws to the right of a plot: a plot of width 0 at the panel's left edge, so the
        // bar stands next to the maps it reads, one padding from the panel before it. A panel too
        // narrow for the bar and its labels centres it instead.
        let left = width <= frame.width ? frame.minX : frame.midX - width / 2
        let anchor = Rect(x: left - bar.gap(style) + style.padding, y: frame.midY - height / 2, width: 0, height: height)
        bar.draw(beside: anchor, canvas: canvas, style: style)
    }
}
