// A pair of axes: frame, grid, ticks, tick labels, axis labels and title. The margins around the
// plot area are computed from the measured sizes of the labels, so nothing is clipped.
import Foundation

/// One axis: the data range it shows and where its ticks go.
struct AxisSpec {
    var domain: ClosedRange<Double>
    var ticks: [Double]
    var tickLabels: [String]
    /// Tick labels turned by this angle (radians, counter-clockwise); x axis only.
    var labelAngle: Double = 0

    /// A numeric axis over `lo…hi` with 1-2-5 ticks.
    static func numeric(_ lo: Double, _ hi: Double, maxTicks: Int = 7) -> AxisSpec {
        let ticks = LinearScale.niceTicks(lo, hi, maxCount: maxTicks)
        return AxisSpec(domain: lo...hi, ticks: ticks, tickLabels: LinearScale.labels(for: ticks))
    }

    /// A numeric axis over the data's range widened by `margin` of its span on each side (as
    /// matplotlib's default 5%), or by ±0.5 when the data has no span.
    static func fitting(_ values: [Double], margin: Double = 0.05, including: [Double] = [], maxTicks: Int = 7) -> AxisSpec {
        let finite = (values + including).filter(\.isFinite)
        guard var lo = finite.min(), var hi = finite.max() else { return numeric(0, 1, maxTicks: maxTicks) }
        if lo == hi { lo -= 0.5; hi += 0.5 }
        let pad = (hi - lo) * margin
        return numeric(lo - pad, hi + pad, maxTicks: maxTicks)
    }
}

/// Where a chart's axes landed: the plot area and the scales from data to pixels. Use it to
/// annotate a chart or to check where a value is drawn.
///
///     let l = chart.layout(on: canvas, in: frame, style: .standard)
///     l.xScale(2.0)   // the pixel column of x = 2
public struct PlotLayout: Sendable {
    public var plot: Rect
    public var xScale: LinearScale
    public var yScale: LinearScale
}

/// Axes ready to draw: the specs, the titles, and (after `layout`) the plot rectangle.
struct Axes {
    var x: AxisSpec
    var y: AxisSpec
    var title: String?
    var xLabel: String?
    var yLabel: String?
    var showGrid = true

    typealias Layout = PlotLayout

    /// Places the plot area inside `frame`, leaving `rightReserve` pixels on the right for a
    /// colour bar or legend.
    func layout(in frame: Rect, canvas: Canvas, style: Style, rightReserve: Double = 0) -> Layout {
        let tickHeight = canvas.measure("0", size: style.tickFontSize).height
        let pad = style.padding
        var top = pad + tickHeight / 2
        if let title, !title.isEmpty { top = max(top, pad + canvas.measure(title, size: style.titleFontSize).height + pad) }
        let yTickWidth = y.tickLabels.map { canvas.measure($0, size: style.tickFontSize).width }.max() ?? 0
        var left = pad + yTickWidth + pad / 2 + style.tickLength
        if let yLabel, !yLabel.isEmpty { left += canvas.measure(yLabel, size: style.labelFontSize).height + pad }
        var bottom = pad + style.tickLength + pad / 2 + xTickLabelsHeight(canvas: canvas, style: style)
        if let xLabel, !xLabel.isEmpty { bottom += canvas.measure(xLabel, size: style.labelFontSize).height + pad }
        let lastXWidth = x.labelAngle == 0 ? (x.tickLabels.last.map { canvas.measure($0, size: style.tickFontSize).width } ?? 0) : 0
        let right = max(pad * 2, lastXWidth / 2 + pad) + rightReserve
        let plot = frame.inset(top: top, left: left, bottom: bottom, right: right)
        return Layout(plot: plot,
                      xScale: LinearScale(domain: x.domain, from: plot.minX, to: plot.maxX),
                      yScale: LinearScale(domain: y.domain, from: plot.maxY, to: plot.minY))
    }

    func xTickLabelsHeight(canvas: Canvas, style: Style) -> Double {
        let height = canvas.measure("0", size: style.tickFontSize).height
        guard x.labelAngle != 0 else { return height }
        let widest = x.tickLabels.map { canvas.measure($0, size: style.tickFontSize).width }.max() ?? 0
        return widest * abs(sin(x.labelAngle)) + height * abs(cos(x.labelAngle))
    }

    /// The white plot area and the light grid, drawn before the data.
    func drawBackground(_ l: Layout, canvas: Canvas, style: Style) {
        canvas.fill(l.plot, style.background)
        guard showGrid else { return }
        for t in x.ticks where x.domain.contains(t) {
            canvas.fill(Rect(x: l.xScale(t).rounded(.down), y: l.plot.minY, width: 1, height: l.plot.height), style.gridColor)
        }
        for t in y.ticks where y.domain.contains(t) {
            canvas.fill(Rect(x: l.plot.minX, y: l.yScale(t).rounded(.down), width: l.plot.width, height: 1), style.gridColor)
        }
    }

    /// Frame, ticks, labels and title, drawn after the data.
    func drawForeground(_ l: Layout, canvas: Canvas, style: Style) {
        let p = l.plot, pad = style.padding
        canvas.stroke(Rect(x: p.minX - 1, y: p.minY - 1, width: p.width + 2, height: p.height + 2), style.axisColor)
        for (t, label) in zip(x.ticks, x.tickLabels) where x.domain.contains(t) {
            let px = l.xScale(t).rounded(.down)
            canvas.fill(Rect(x: px, y: p.maxY + 1, width: 1, height: style.tickLength), style.axisColor)
            let anchor = Point(px + 0.5, p.maxY + 1 + style.tickLength + pad / 2)
            if x.labelAngle == 0 {
                canvas.text(label, at: anchor, size: style.tickFontSize, color: style.textColor, align: .center, baseline: .top)
            } else {
                canvas.text(label, at: anchor, size: style.tickFontSize, color: style.textColor,
                            align: .right, baseline: .middle, angle: x.labelAngle)
            }
        }
        for (t, label) in zip(y.ticks, y.tickLabels) where y.domain.contains(t) {
            let py = l.yScale(t).rounded(.down)
            canvas.fill(Rect(x: p.minX - 1 - style.tickLength, y: py, width: style.tickLength, height: 1), style.axisColor)
            canvas.text(label, at: Point(p.minX - 1 - style.tickLength - pad / 2, py + 0.5), size: style.tickFontSize,
                        color: style.textColor, align: .right, baseline: .middle)
        }
        if let title, !title.isEmpty {
            canvas.text(title, at: Point(p.midX, p.minY - pad), size: style.titleFontSize, color: style.textColor,
                        align: .center, baseline: .bottom)
        }
        if let xLabel, !xLabel.isEmpty {
            let y0 = p.maxY + 1 + style.tickLength + pad / 2 + xTickLabelsHeight(canvas: canvas, style: style) + pad
            canvas.text(xLabel, at: Point(p.midX, y0), size: style.labelFontSize, color: style.textColor,
                        align: .center, baseline: .top)
        }
        if let yLabel, !yLabel.isEmpty {
            let widest = y.tickLabels.map { canvas.measure($0, size: style.tickFontSize).width }.max() ?? 0
            let x0 = p.minX - 1 - style.tickLength - pad / 2 - widest - pad
            canvas.text(yLabel, at: Point(x0, p.midY), size: style.labelFontSize, color: style.textColor,
                        align: .center, baseline: .bottom, angle: .pi / 2)
        }
    }
}
