// A figure: one or more charts laid out in a grid of equal panels, with an optional overall
// title, rendered to PNG. This is what lessons build and save.

/// Anything that can draw itself into a rectangle of a canvas: the chart kinds of this module,
/// or your own.
public protocol Chart: Sendable {
    /// Draws the chart, its axes, labels and legend inside `frame`.
    func draw(on canvas: Canvas, in frame: Rect, style: Style)
}

/// Several charts in a grid of `rows × columns` panels, filled row by row.
///
///     var figure = Figure(width: 1200, height: 500, columns: 2, title: "Before and after")
///     figure.add(before)    // any Chart, e.g. a Heatmap
///     figure.add(after)
///     try figure.writePNG(to: "out/similarity.png")
public struct Figure: Sendable {
    public var width: Int
    public var height: Int
    public var rows: Int
    public var columns: Int
    public var title: String?
    /// A line of small text under the panels, at the right (a credit, a source): kept off the
    /// title line so that the title stays short and the panels' own titles keep their room.
    public var note: String?
    /// One legend for all the panels, in rows under them (the panels then hide their own, e.g.
    /// `LineChart.showsLegend = false`): for panels that share their series, or that have no empty corner.
    public var legend: [LegendEntry] = []
    public var style: Style
    public private(set) var charts: [any Chart] = []

    public init(width: Int = 800, height: Int = 600, rows: Int = 1, columns: Int = 1,
                title: String? = nil, style: Style = .standard) {
        precondition(width > 0 && height > 0, "Figure: size \(width)×\(height) must be positive")
        precondition(rows > 0 && columns > 0, "Figure: grid \(rows)×\(columns) must be positive")
        self.width = width; self.height = height; self.rows = rows; self.columns = columns
        self.title = title; self.style = style
    }

    /// A one-panel figure showing `chart`.
    public init(_ chart: any Chart, width: Int = 800, height: Int = 600, style: Style = .standard) {
        self.init(width: width, height: height, style: style)
        charts = [chart]
    }

    /// Appends a chart to the next free panel.
    public mutating func add(_ chart: any Chart) {
        precondition(charts.count < rows * columns,
                     "Figure.add: all \(rows)×\(columns) panels are taken (\(charts.count) charts)")
        charts.append(chart)
    }

    /// The rectangle of panel `index` (row-major) on a canvas of this figure's size.
    public func panelFrame(_ index: Int, canvas: Canvas) -> Rect {
        var top = 0.0
        if let title, !title.isEmpty {
            top = style.padding * 2 + canvas.measure(title, size: style.figureTitleFontSize).height
        }
        let cellWidth = Double(width) / Double(columns)
        let cellHeight = (Double(height) - top - legendHeight(canvas) - noteHeight(canvas)) / Double(rows)
        let (row, column) = (index / columns, index % columns)
        return Rect(x: Double(column) * cellWidth, y: top + Double(row) * cellHeight,
                    width: cellWidth, height: cellHeight)
    }

    /// The strip the note takes at the bottom (0 without a note).
    func noteHeight(_ canvas: Canvas) -> Double {
        guard let note, !note.isEmpty else { return 0 }
        return style.padding * 2 + canvas.measure(note, size: style.tickFontSize).height
    }

    /// The strip the shared legend takes under the panels (0 without one).
    func legendHeight(_ canvas: Canvas) -> Double {
        guard !legend.isEmpty else { return 0 }
        return Legend.rowsHeight(legend, width: Double(width) - style.padding * 4, canvas: canvas, style: style)
    }

    /// Draws every chart onto a new canvas.
    public func render() throws -> Canvas {
        let canvas = try Canvas(width: width, height: height, background: style.background)
        if let title, !title.isEmpty {
            canvas.text(title, at: Point(Double(width) / 2, style.padding * 1.5), size: style.figureTitleFontSize,
                        color: style.textColor, align: .center, baseline: .top)
        }
        for (i, chart) in charts.enumerated() {
            let frame = panelFrame(i, canvas: canvas)
            canvas.setClip(frame)
            chart.draw(on: canvas, in: frame, style: style)
        }
        canvas.setClip(nil)
        if !legend.isEmpty {
            let height = legendHeight(canvas)
            let strip = Rect(x: style.padding * 2, y: Double(self.height) - noteHeight(canvas) - height,
                             width: Double(width) - style.padding * 4, height: height)
            Legend.drawRows(legend, in: strip, canvas: canvas, style: style)
        }
        if let note, !note.isEmpty {
            canvas.text(note, at: Point(Double(width) - style.padding * 2, Double(height) - style.padding),
                        size: style.tickFontSize, color: style.axisColor, align: .right, baseline: .bottom)
        }
        return canvas
    }

    /// PNG bytes of the rendered figure (same figure, same bytes).
    public func pngData() throws -> [UInt8] { try render().pngData() }

    /// Renders and writes the figure to `path` atomically.
    public func writePNG(to path: String) throws { try render().writePNG(to: path) }
}

extension Chart {
    /// Renders this chart alone on a `width × height` figure and writes it to `path`.
    public func writePNG(to path: String, width: Int = 800, height: Int = 600, style: Style = .standard) throws {
        try Figure(self, width: width, height: height, style: style).writePNG(to: path)
    }
}
