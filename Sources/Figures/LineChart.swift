// The line chart: several series over a shared x axis, e.g. training and validation loss per
// step. A series with different units belongs in its own panel of a `Figure`.

/// Lines on numeric axes with a legend.
///
///     var chart = LineChart(title: "Loss", xLabel: "step", yLabel: "loss")
///     chart.add("train", x: [0, 1, 2, 3], y: [2.3, 1.4, 0.9, 0.7])
///     chart.add("validation", x: [0, 1, 2, 3], y: [2.3, 1.6, 1.2, 1.1], dashed: true)
///     try chart.writePNG(to: "out/loss.png")
public struct LineChart: Chart {
    public struct Series: Sendable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        public var color: Color
        public var dashed: Bool
        /// Draw a dot on each point (useful for few points).
        public var showPoints: Bool
    }

    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public private(set) var series: [Series] = []
    /// Fixed y range (e.g. 0…1 for accuracy); nil fits the data.
    public var yRange: ClosedRange<Double>?
    /// Horizontal reference lines such as chance level, with their labels.
    public var referenceLines: [(value: Double, label: String)] = []
    /// False when the figure shows one legend for all its panels (`Figure.legend`).
    public var showsLegend = true

    /// What the legend lists: every named series, then the labelled reference lines.
    public var legendEntries: [LegendEntry] {
        series.filter { !$0.name.isEmpty }
            .map { LegendEntry($0.name, color: $0.color, symbol: $0.dashed ? .dashedLine : .line) }
            + ReferenceLine.legendEntries(referenceLines)
    }

    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel
    }

    /// Adds a series; its colour defaults to the next tab10 colour.
    public mutating func add(_ name: String, x: [Double], y: [Double], color: Color? = nil,
                             dashed: Bool = false, showPoints: Bool = false) {
        precondition(x.count == y.count, "LineChart.add \(name): \(x.count) x values but \(y.count) y values")
        series.append(Series(name: name, x: x, y: y, color: color ?? .palette(series.count),
                             dashed: dashed, showPoints: showPoints))
    }

    public func draw(on canvas: Canvas, in frame: Rect, style: Style) {
        let xs = series.flatMap(\.x), ys = series.flatMap(\.y)
        let yAxis = yRange.map { AxisSpec.numeric($0.lowerBound, $0.upperBound) }
            ?? .fitting(ys, including: referenceLines.map(\.value))
        let axes = Axes(x: .fitting(xs, margin: 0.02), y: yAxis, title: title, xLabel: xLabel, yLabel: yLabel)
        let l = axes.layout(in: frame, canvas: canvas, style: style)
        axes.drawBackground(l, canvas: canvas, style: style)
        canvas.setClip(l.plot)
        ReferenceLine.draw(referenceLines, layout: l, canvas: canvas, style: style)
        var placed: [Point] = []
        for s in series {
            let points = zip(s.x, s.y).map { Point(l.xScale($0.0), l.yScale($0.1)) }
            placed += Self.alongPath(points)
            if s.dashed { dashedPolyline(points, color: s.color, canvas: canvas, style: style) }
            else { canvas.polyline(points, color: s.color, width: style.lineWidth) }
            if s.showPoints {
                for p in points { canvas.fillCircle(center: p, radius: style.lineWidth * 1.8, color: s.color) }
            }
        }
        for line in referenceLines where axes.y.domain.contains(line.value) {
            let y = l.yScale(line.value)
            placed += Self.alongPath([Point(l.plot.minX, y), Point(l.plot.maxX, y)])
        }
        canvas.setClip(frame)
        axes.drawForeground(l, canvas: canvas, style: style)
        if showsLegend && !legendEntries.isEmpty {
            Legend.draw(legendEntries, in: l.plot, avoiding: placed, canvas: canvas, style: style)
        }
    }

    /// Points every 4 px along a polyline: what the legend must not cover is the whole line, not only
    /// its data points (a line from (100, 0.37) to (250, 0.96) crosses the upper-left corner).
    static func alongPath(_ points: [Point], every spacing: Double = 4) -> [Point] {
        guard let first = points.first else { return [] }
        var out = [first]
        for (a, b) in zip(points, points.dropFirst()) {
            let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            guard length.isFinite else { continue }
            let n = max(1, Int(length / spacing))
            for k in 1...n {
                let t = Double(k) / Double(n)
                out.append(Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t))
            }
        }
        return out
    }

    /// Dashes of 6 line widths with gaps of 3, measured along the path.
    private func dashedPolyline(_ points: [Point], color: Color, canvas: Canvas, style: Style) {
        let dash = style.lineWidth * 4, gap = style.lineWidth * 2.5
        var phase = 0.0   // distance travelled within the current dash+gap period
        for (a, b) in zip(points, points.dropFirst()) {
            let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            guard length > 0, length.isFinite else { continue }
            var t = 0.0
            while t < length {
                let inDash = phase < dash
                let run = min(length - t, inDash ? dash - phase : dash + gap - phase)
                if inDash {
                    let p = Point(a.x + (b.x - a.x) * t / length, a.y + (b.y - a.y) * t / length)
                    let q = Point(a.x + (b.x - a.x) * (t + run) / length, a.y + (b.y - a.y) * (t + run) / length)
                    canvas.line(from: p, to: q, color: color, width: style.lineWidth)
                }
                t += run
                phase = (phase + run).truncatingRemainder(dividingBy: dash + gap)
            }
        }
    }
}

/// Dashed horizontal lines across the plot (chance level, a baseline), named in the legend.
enum ReferenceLine {
    static let color = Color(hex: 0x555555)

    static func draw(_ lines: [(value: Double, label: String)], layout l: Axes.Layout, canvas: Canvas, style: Style) {
        for (value, _) in lines {
            let y = l.yScale(value).rounded(.down)
            let (dash, gap) = (style.lineWidth * 4, style.lineWidth * 2.5)
            var x = l.plot.minX
            while x < l.plot.maxX {
                canvas.fill(Rect(x: x, y: y, width: min(dash, l.plot.maxX - x), height: max(1, style.lineWidth * 0.75)), color)
                x += dash + gap
            }
        }
    }

    static func legendEntries(_ lines: [(value: Double, label: String)]) -> [LegendEntry] {
        lines.filter { !$0.label.isEmpty }.map { LegendEntry($0.label, color: color, symbol: .dashedLine) }
    }
}
