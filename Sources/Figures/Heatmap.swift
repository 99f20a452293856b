// The heatmap: a matrix as coloured cells with a colour bar, e.g. image–caption cosine
// similarities with captions as row labels, or a 196×196 attention map.
import Foundation

/// A matrix drawn as cells; row 0 is at the top, as printed. A cell that is not a number (`.nan`) is
/// left blank, in the background colour.
///
///     var chart = Heatmap([[0.9, 0.1], [0.2, 0.8]], title: "Similarity",
///                         rowLabels: ["cat photo", "dog photo"], columnLabels: ["a cat", "a dog"])
///     chart.annotate = true          // print 0.90, 0.10, … in each cell
///     chart.colorMap = .diverging    // blue < 0 < red; the range becomes symmetric
public struct Heatmap: Chart {
    public var values: [[Double]]
    public var title: String?
    public var rowLabels: [String]?
    public var columnLabels: [String]?
    public var xLabel: String?
    public var yLabel: String?
    public var colorMap: ColorMap = .viridis
    /// The values at the ends of the colour map; nil uses the data's range (symmetric about 0
    /// for the diverging map).
    public var range: ClosedRange<Double>?
    /// Print each value in its cell (only where the cells are big enough).
    public var annotate = false
    public var valueFormat = "%.2f"
    public var colorBarLabel: String?
    /// Keep cells square, as matplotlib's imshow does.
    public var squareCells = true
    /// Tick labels longer than this many pixels are cut and end with "…".
    public var maxLabelWidth = 160.0

    public init(_ values: [[Double]], title: String? = nil, rowLabels: [String]? = nil, columnLabels: [String]? = nil) {
        precondition(!values.isEmpty && !values[0].isEmpty, "Heatmap: the matrix is empty")
        precondition(values.allSatisfy { $0.count == values[0].count },
                     "Heatmap: rows have different lengths \(Set(values.map(\.count)).sorted())")
        precondition(rowLabels == nil || rowLabels!.count == values.count,
                     "Heatmap: \(rowLabels?.count ?? 0) row labels for \(values.count) rows")
        precondition(columnLabels == nil || columnLabels!.count == values[0].count,
                     "Heatmap: \(columnLabels?.count ?? 0) column labels for \(values[0].count) columns")
        self.values = values; self.title = title; self.rowLabels = rowLabels; self.columnLabels = columnLabels
    }

    /// The range the colour map spans.
    public var effectiveRange: ClosedRange<Double> {
        if let range { return range }
        let finite = values.joined().filter(\.isFinite)
        let lo = finite.min() ?? 0, hi = finite.max() ?? 1
        if colorMap.name == ColorMap.diverging.name {
            let m = max(abs(lo), abs(hi), 1e-12)
            return -m...m
        }
        return lo < hi ? lo...hi : (lo - 0.5)...(hi + 0.5)
    }

    /// Where the cells land when drawn in `frame`: x runs over column indices 0…columns, y over
    /// rows…0, so cell (i, j) spans xScale(j)…xScale(j + 1) and yScale(rows − i)…yScale(rows − i − 1).
    public func layout(on canvas: Canvas, in frame: Rect, style: Style) -> PlotLayout {
        layoutParts(canvas: canvas, frame: frame, style: style).layout
    }

    public func draw(on canvas: Canvas, in frame: Rect, style: Style) {
        let (rows, columns) = (values.count, values[0].count)
        let (axes, bar, l) = layoutParts(canvas: canvas, frame: frame, style: style)
        let r = bar.range, span = r.upperBound - r.lowerBound
        let colors = values.map { row in
            row.map { !$0.isNaN ? colorMap.color(at: span > 0 ? ($0 - r.lowerBound) / span : 0.5) : style.background }
        }
        canvas.fillCells(l.plot, rows: rows, columns: columns, colors: Array(colors.joined()))
        if annotate { drawValues(colors, plot: l.plot, canvas: canvas, style: style) }
        axes.drawForeground(l, canvas: canvas, style: style)
        bar.draw(beside: l.plot, canvas: canvas, style: style)
    }

    private func layoutParts(canvas: Canvas, frame: Rect, style: Style) -> (axes: Axes, bar: ColorBar, layout: PlotLayout) {
        let (rows, columns) = (values.count, values[0].count)
        let bar = ColorBar(map: colorMap, range: effectiveRange, label: colorBarLabel)
        let axes = Axes(x: axis(count: columns, labels: columnLabels, isColumn: true, canvas: canvas, style: style),
                        y: axis(count: rows, labels: rowLabels, isColumn: false, canvas: canvas, style: style),
                        title: title, xLabel: xLabel, yLabel: yLabel, showGrid: false)
        var l = axes.layout(in: frame, canvas: canvas, style: style, rightReserve: bar.reservedWidth(canvas: canvas, style: style))
        if squareCells {
            let cell = min(l.plot.width / Double(columns), l.plot.height / Double(rows))
            let (w, h) = (cell * Double(columns), cell * Double(rows))
            // Centre the plot (and the colour bar that follows it) in the space left over.
            l.plot = Rect(x: l.plot.minX + (l.plot.width - w) / 2, y: l.plot.minY + (l.plot.height - h) / 2, width: w, height: h)
            l.xScale = LinearScale(domain: axes.x.domain, from: l.plot.minX, to: l.plot.maxX)
            l.yScale = LinearScale(domain: axes.y.domain, from: l.plot.maxY, to: l.plot.minY)
        }
        return (axes, bar, l)
    }

    /// Ticks at the cell centres: when labels are given, one tick per non-empty label (cut to
    /// `maxLabelWidth`, and turned for columns if wider than a cell) and none for empty ones; else
    /// 1-2-5 steps of the cell index.
    func axis(count: Int, labels: [String]?, isColumn: Bool, canvas: Canvas, style: Style) -> AxisSpec {
        let n = Double(count)
        func position(_ i: Int) -> Double { isColumn ? Double(i) + 0.5 : n - Double(i) - 0.5 }
        guard let labels else {
            let indices = LinearScale.niceTicks(0, n - 1, maxCount: 6).map { Int($0) }
            return AxisSpec(domain: 0...n, ticks: indices.map(position), tickLabels: indices.map(String.init))
        }
        // Only labelled cells get a tick: a 64-row spectrogram labelled every 16 rows shows 4 ticks, not a comb of 64.
        let labelled = labels.indices.filter { !labels[$0].trimmingCharacters(in: .whitespaces).isEmpty }
        let cut = labelled.map { canvas.truncate(labels[$0], toWidth: maxLabelWidth, size: style.tickFontSize) }
        var spec = AxisSpec(domain: 0...n, ticks: labelled.map(position), tickLabels: cut)
        let widest = cut.map { canvas.measure($0, size: style.tickFontSize).width }.max() ?? 0
        if isColumn && widest > 600 / n { spec.labelAngle = widest > 3 * 600 / n ? .pi / 2 : .pi / 4 }
        return spec
    }

    private func drawValues(_ colors: [[Color]], plot: Rect, canvas: Canvas, style: Style) {
        let cellWidth = plot.width / Double(values[0].count), cellHeight = plot.height / Double(values.count)
        let size = min(style.annotationFontSize, cellHeight * 0.45)
        guard size >= 6 else { return }
        for (i, row) in values.enumerated() {
            for (j, value) in row.enumerated() where !value.isNaN {
                let text = String(format: valueFormat, value)
                guard canvas.measure(text, size: size).width < cellWidth * 0.92 else { continue }
                canvas.text(text, at: Point(plot.minX + (Double(j) + 0.5) * cellWidth, plot.minY + (Double(i) + 0.5) * cellHeight),
                            size: size, color: colors[i][j].contrastingText, align: .center, baseline: .middle)
            }
        }
    }
}

extension Canvas {
    /// Paints `rect` as a grid of `rows × columns` cells coloured by `colors` (row-major), each
    /// pixel taking the colour of the cell its centre falls in (cells share pixels evenly, no gaps).
    func fillCells(_ rect: Rect, rows: Int, columns: Int, colors: [Color]) {
        precondition(colors.count == rows * columns, "fillCells: \(colors.count) colours for \(rows)×\(columns) cells")
        let b = pixelBounds(rect)
        guard b.x1 > b.x0 else { return }
        let columnOf = (b.x0..<b.x1).map { x in
            min(columns - 1, max(0, Int((Double(x) + 0.5 - rect.minX) / rect.width * Double(columns))))
        }
        let opaque = colors.allSatisfy { $0.opacity == 1 }
        let packed = colors.map { Int32($0.red) << 16 | Int32($0.green) << 8 | Int32($0.blue) }
        for y in b.y0..<b.y1 {
            let r = min(rows - 1, max(0, Int((Double(y) + 0.5 - rect.minY) / rect.height * Double(rows))))
            let line = image.row(y)
            if opaque {
                for x in b.x0..<b.x1 { line[x] = packed[r * columns + columnOf[x - b.x0]] }
            } else {
                for x in b.x0..<b.x1 { blend(line, x, colors[r * columns + columnOf[x - b.x0]], 1) }
            }
        }
    }
}
