// The grouped bar chart: one cluster of bars per category, one bar per group within it, e.g.
// accuracy per question type for a fused and a text-only ("blind") model, with chance level.
import Foundation

/// Bars grouped by category, with an optional value on each bar and reference lines.
///
///     var chart = BarChart(categories: ["colour", "animal", "left of"], title: "Accuracy", yLabel: "accuracy")
///     chart.add("cross fusion", values: [0.98, 0.97, 0.81])
///     chart.add("text only", values: [0.50, 0.26, 0.52])
///     chart.referenceLines = [(0.5, "chance")]
///     chart.yRange = 0...1
public struct BarChart: Chart {
    public struct Group: Sendable {
        public var name: String
        public var values: [Double]
        public var color: Color
    }

    public var categories: [String]
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public private(set) var groups: [Group] = []
    /// Print each bar's value above it.
    public var showValues = true
    /// printf format for the values, e.g. "%.2f".
    public var valueFormat = "%.2f"
    /// Fixed y range; nil starts at 0 and fits the tallest bar.
    public var yRange: ClosedRange<Double>?
    /// The y axis's ticks; nil: 1-2-5 steps over the range. E.g. an accuracy axis that stops at 1.0
    /// while the range leaves room above it for the values: `yRange = 0...1.1`, `yTicks = [0, 0.2, …, 1]`.
    public var yTicks: [Double]?
    /// Put the legend to the right of the plot instead of inside it (for bars that fill the plot).
    public var legendOutside = false
    public var referenceLines: [(value: Double, label: String)] = []

    public init(categories: [String], title: String? = nil, xLabel: String? = nil, yLabel: String? = nil) {
        precondition(!categories.isEmpty, "BarChart: needs at least one category")
        self.categories = categories; self.title = title; self.xLabel = xLabel; self.yLabel = yLabel
    }

    /// Adds one bar per category; the colour defaults to the next tab10 colour.
    public mutating func add(_ name: String, values: [Double], color: Color? = nil) {
        precondition(values.count == categories.count,
                     "BarChart.add \(name): \(values.count) values for \(categories.count) categories")
        groups.append(Group(name: name, values: values, color: color ?? .palette(groups.count)))
    }

    public func draw(on canvas: Canvas, in frame: Rect, style: Style) {
        let values = groups.flatMap(\.values).filter(\.isFinite) + referenceLines.map(\.value)
        let lo = min(0, values.min() ?? 0), hi = max(0, values.max() ?? 1)
        var yAxis: AxisSpec = yRange.map { .numeric($0.lowerBound, $0.upperBound) }
            ?? .numeric(lo, hi + (hi - lo) * (showValues ? 0.12 : 0.05))
        if let yTicks { (yAxis.ticks, yAxis.tickLabels) = (yTicks, LinearScale.labels(for: yTicks)) }
        // Categories sit at 0, 1, 2, … with half a slot of room on each side.
        let count = Double(categories.count)
        var xAxis = AxisSpec(domain: -0.5...(count - 0.5), ticks: categories.indices.map(Double.init), tickLabels: categories)
        let slot = (frame.width * 0.8) / count
        if let widest = categories.map({ canvas.measure($0, size: style.tickFontSize).width }).max(), widest > slot * 0.95 {
            xAxis.labelAngle = .pi / 6
        }
        var axes = Axes(x: xAxis, y: yAxis, title: title, xLabel: xLabel, yLabel: yLabel)
        axes.showGrid = false
        let entries = (groups.count > 1 ? groups.map { LegendEntry($0.name, color: $0.color, symbol: .box) } : [])
            + ReferenceLine.legendEntries(referenceLines)
        let legendWidth = legendOutside && !entries.isEmpty
            ? Legend.size(entries, canvas: canvas, style: style).width + style.padding * 2 : 0
        let l = axes.layout(in: frame, canvas: canvas, style: style, rightReserve: legendWidth)
        canvas.fill(l.plot, style.background)
        for t in yAxis.ticks where yAxis.domain.contains(t) {
            canvas.fill(Rect(x: l.plot.minX, y: l.yScale(t).rounded(.down), width: l.plot.width, height: 1), style.gridColor)
        }
        canvas.setClip(l.plot)
        let groupWidth = 0.8, barWidth = groupWidth / Double(max(1, groups.count))
        let zero = l.yScale(max(yAxis.domain.lowerBound, 0))
        var covered: [Point] = []   // sample points of every bar and its value label, for the legend to avoid
        var labels: [(text: String, at: Point)] = []
        for (g, group) in groups.enumerated() {
            for (c, value) in group.values.enumerated() where value.isFinite {
                let left = Double(c) - groupWidth / 2 + Double(g) * barWidth
                let x0 = l.xScale(left), x1 = l.xScale(left + barWidth)
                let y = l.yScale(value)
                canvas.fill(Rect(x: x0 + 0.5, y: min(y, zero), width: x1 - x0 - 1, height: abs(zero - y)), group.color)
                let labelTop = min(y, zero) - (showValues ? style.annotationFontSize * 1.4 : 0)
                for sx in stride(from: x0, through: x1, by: 3) {
                    for sy in stride(from: labelTop, through: max(y, zero), by: 3) { covered.append(Point(sx, sy)) }
                }
                if showValues {
                    labels.append((String(format: valueFormat, value), Point((x0 + x1) / 2, min(y, zero) - 2)))
                }
            }
        }
        // As matplotlib stacks them: bars, then reference lines, then the values, each on a pale ground so
        // that a chance line through a short bar's label does not strike it out.
        ReferenceLine.draw(referenceLines, layout: l, canvas: canvas, style: style)
        for (text, at) in labels {
            let box = canvas.measure(text, size: style.annotationFontSize)
            canvas.fill(Rect(x: at.x - box.width / 2 - 1, y: at.y - box.height, width: box.width + 2, height: box.height),
                        style.background.withOpacity(0.8))
            canvas.text(text, at: at, size: style.annotationFontSize, color: style.textColor, align: .center,
                        baseline: .bottom)
        }
        canvas.setClip(frame)
        axes.drawForeground(l, canvas: canvas, style: style)
        if legendOutside && !entries.isEmpty {
            Legend.draw(entries, at: Point(l.plot.maxX + style.padding * 2, l.plot.minY), canvas: canvas, style: style)
        } else if !entries.isEmpty {
            Legend.draw(entries, in: l.plot, avoiding: covered, canvas: canvas, style: style)
        }
    }
}
