// The legend: a small box naming each series by its colour and symbol. Like matplotlib's
// loc="best", it goes in the corner of the plot that hides the fewest data points.

/// One line of a legend.
public struct LegendEntry: Sendable {
    /// How the entry shows its series.
    public enum Symbol: Sendable { case marker(Marker), line, dashedLine, box }
    public var label: String
    public var color: Color
    public var symbol: Symbol

    public init(_ label: String, color: Color, symbol: Symbol) {
        self.label = label; self.color = color; self.symbol = symbol
    }
}

enum Legend {
    static func size(_ entries: [LegendEntry], canvas: Canvas, style: Style) -> (width: Double, height: Double, row: Double) {
        let row = canvas.measure("Hg", size: style.legendFontSize).height + style.padding * 0.75
        let widest = entries.map { canvas.measure($0.label, size: style.legendFontSize).width }.max() ?? 0
        let width = style.padding * 2 + symbolWidth(style) + style.padding + widest
        return (width, Double(entries.count) * row + style.padding * 1.5, row)
    }

    static func symbolWidth(_ style: Style) -> Double { style.legendFontSize * 1.6 }

    /// Draws the legend inside `plot` in the corner that covers the fewest of `avoid` (pixels).
    static func draw(_ entries: [LegendEntry], in plot: Rect, avoiding avoid: [Point], canvas: Canvas, style: Style) {
        guard !entries.isEmpty else { return }
        let s = size(entries, canvas: canvas, style: style)
        let inset = style.padding
        let corners = [
            Point(plot.maxX - inset - s.width, plot.minY + inset),            // upper right
            Point(plot.minX + inset, plot.minY + inset),                       // upper left
            Point(plot.minX + inset, plot.maxY - inset - s.height),            // lower left
            Point(plot.maxX - inset - s.width, plot.maxY - inset - s.height),  // lower right
        ]
        let step = max(1, avoid.count / 20_000)
        func hidden(_ c: Point) -> Int {
            stride(from: 0, to: avoid.count, by: step).reduce(0) { n, i in
                let p = avoid[i]
                return n + ((p.x >= c.x && p.x <= c.x + s.width && p.y >= c.y && p.y <= c.y + s.height) ? 1 : 0)
            }
        }
        let best = corners.min { hidden($0) < hidden($1) }!
        draw(entries, at: best, canvas: canvas, style: style)
    }

    /// The height of `entries` laid out in rows across `width` (see `drawRows`).
    static func rowsHeight(_ entries: [LegendEntry], width: Double, canvas: Canvas, style: Style) -> Double {
        let (rows, row) = rowLayout(entries, width: width, canvas: canvas, style: style)
        return Double(rows.count) * row + style.padding
    }

    /// Draws `entries` side by side, centred in `strip` and wrapped onto more rows when they do not fit:
    /// one legend under a figure's panels, as matplotlib's `fig.legend(loc="lower center", ncol=…)`.
    static func drawRows(_ entries: [LegendEntry], in strip: Rect, canvas: Canvas, style: Style) {
        let (rows, row) = rowLayout(entries, width: strip.width, canvas: canvas, style: style)
        for (r, items) in rows.enumerated() {
            let total = items.map(\.width).reduce(0, +)
            var x = strip.minX + (strip.width - total) / 2
            let midY = strip.minY + style.padding / 2 + (Double(r) + 0.5) * row
            for item in items {
                symbol(item.entry, at: Point(x, midY), canvas: canvas, style: style)
                canvas.text(item.entry.label, at: Point(x + symbolWidth(style) + style.padding / 2, midY),
                            size: style.legendFontSize, color: style.textColor, baseline: .middle)
                x += item.width
            }
        }
    }

    /// Entries packed greedily into rows no wider than `width`, each with the width it takes.
    private static func rowLayout(_ entries: [LegendEntry], width: Double, canvas: Canvas, style: Style)
        -> (rows: [[(entry: LegendEntry, width: Double)]], row: Double) {
        let row = canvas.measure("Hg", size: style.legendFontSize).height + style.padding * 0.75
        var rows: [[(entry: LegendEntry, width: Double)]] = [[]]
        var used = 0.0
        for entry in entries {
            let w = symbolWidth(style) + style.padding / 2 + canvas.measure(entry.label, size: style.legendFontSize).width
                + style.padding * 2
            if used + w > width && !rows[rows.count - 1].isEmpty { rows.append([]); used = 0 }
            rows[rows.count - 1].append((entry, w))
            used += w
        }
        return (rows.filter { !$0.isEmpty }, row)
    }

    /// Draws the legend box with its top-left corner at `origin`.
    static func draw(_ entries: [LegendEntry], at origin: Point, canvas: Canvas, style: Style) {
        let s = size(entries, canvas: canvas, style: style)
        let box = Rect(x: origin.x, y: origin.y, width: s.width, height: s.height)
        canvas.fill(box, Color.white.withOpacity(0.85))
        canvas.stroke(box, Color(hex: 0xCCCCCC))
        let symbolWidth = Self.symbolWidth(style)
        for (i, entry) in entries.enumerated() {
            let midY = origin.y + style.padding * 0.75 + (Double(i) + 0.5) * s.row
            let symbolX = origin.x + style.padding
            symbol(entry, at: Point(symbolX, midY), canvas: canvas, style: style)
            canvas.text(entry.label, at: Point(symbolX + symbolWidth + style.padding, midY),
                        size: style.legendFontSize, color: style.textColor, baseline: .middle)
        }
    }

    /// An entry's symbol (a marker, a line, dashes or a box), starting at `start` on its middle line.
    static func symbol(_ entry: LegendEntry, at start: Point, canvas: Canvas, style: Style) {
        let (symbolX, midY, symbolWidth) = (start.x, start.y, Self.symbolWidth(style))
        switch entry.symbol {
        case .marker(let m):
            canvas.marker(m, at: Point(symbolX + symbolWidth / 2, midY), radius: style.legendFontSize * 0.35,
                          color: entry.color.withOpacity(1))
        case .line:
            canvas.line(from: Point(symbolX, midY), to: Point(symbolX + symbolWidth, midY),
                        color: entry.color, width: style.lineWidth)
        case .dashedLine:
            for k in 0..<3 {
                let x0 = symbolX + Double(k) * symbolWidth / 2.5
                let h = max(1.5, style.lineWidth)
                canvas.fill(Rect(x: x0, y: midY - h / 2, width: symbolWidth / 4, height: h), entry.color)
            }
        case .box:
            let h = style.legendFontSize * 0.7
            canvas.fill(Rect(x: symbolX + symbolWidth * 0.15, y: midY - h / 2, width: symbolWidth * 0.7, height: h), entry.color)
        }
    }
}
