// The scatter plot: points coloured by class, shaped by group (e.g. image ● vs text ▲ in a
// shared embedding space), optionally joined in pairs (an image and its caption).

/// Points on numeric axes with a legend.
///
///     // two image points (circles) and their two captions (triangles), classes cat and dog
///     let (x, y) = ([0, 1, 0.2, 0.9], [0, 1, 0.1, 0.8])
///     let chart = ScatterChart(x: x, y: y, classes: [0, 1, 0, 1], classNames: ["cat", "dog"],
///                              groups: [0, 0, 1, 1], groupNames: ["image", "text"], title: "Shared space")
///         .joiningPairs([(0, 2), (1, 3)], x: x, y: y)
///     try chart.writePNG(to: "out/space.png")
public struct ScatterChart: Chart {
    /// One set of points drawn alike.
    public struct Series: Sendable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        public var color: Color
        public var marker: Marker
        public init(name: String, x: [Double], y: [Double], color: Color, marker: Marker = .circle) {
            precondition(x.count == y.count, "ScatterChart.Series \(name): \(x.count) x values but \(y.count) y values")
            self.name = name; self.x = x; self.y = y; self.color = color; self.marker = marker
        }
    }

    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var series: [Series] = []
    /// Segments drawn under the points, as pairs of data points.
    public var segments: [(from: (x: Double, y: Double), to: (x: Double, y: Double))] = []
    public var segmentColor = Color(hex: 0x888888, opacity: 0.6)
    /// Legend lines; by default one per series.
    public var legend: [LegendEntry]?
    /// Marker radius in pixels; nil uses the style's.
    public var markerRadius: Double?
    /// Marker opacity, so overlapping points stay visible.
    public var opacity = 0.8

    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil, series: [Series] = []) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel; self.series = series
    }

    /// Points coloured by `classes[i]` (tab10 colours, names in `classNames`) and, when `groups`
    /// is given, shaped by group (circle, triangle, square, diamond). The legend lists the
    /// classes by colour, then the groups by shape in gray.
    public init(x: [Double], y: [Double], classes: [Int], classNames: [String],
                groups: [Int]? = nil, groupNames: [String] = [],
                title: String? = nil, xLabel: String? = nil, yLabel: String? = nil) {
        precondition(x.count == y.count && x.count == classes.count,
                     "ScatterChart: \(x.count) x, \(y.count) y and \(classes.count) class values must match")
        precondition(groups == nil || groups!.count == x.count,
                     "ScatterChart: \(groups?.count ?? 0) group values for \(x.count) points")
        self.init(title: title, xLabel: xLabel, yLabel: yLabel)
        let shapes = Marker.allCases
        let groupCount = groups.map { ($0.max() ?? 0) + 1 } ?? 1
        for g in 0..<groupCount {
            for c in 0..<max(classNames.count, (classes.max() ?? -1) + 1) {
                let members = x.indices.filter { classes[$0] == c && (groups?[$0] ?? 0) == g }
                guard !members.isEmpty else { continue }
                let name = c < classNames.count ? classNames[c] : "class \(c)"
                series.append(Series(name: name, x: members.map { x[$0] }, y: members.map { y[$0] },
                                     color: .palette(c), marker: shapes[g % shapes.count]))
            }
        }
        var entries = classNames.indices.map { LegendEntry(classNames[$0], color: .palette($0), symbol: .marker(.circle)) }
        if groups != nil {
            entries += groupNames.indices.map {
                LegendEntry(groupNames[$0], color: Color(hex: 0x555555), symbol: .marker(shapes[$0 % shapes.count]))
            }
        }
        legend = entries
    }

    /// The chart with segments joining point `a` to point `b` of the flat input order of
    /// `init(x:y:classes:…)`; pass the same `x` and `y` arrays.
    public func joiningPairs(_ pairs: [(Int, Int)], x: [Double], y: [Double]) -> ScatterChart {
        var copy = self
        copy.segments += pairs.map { (from: (x[$0.0], y[$0.0]), to: (x[$0.1], y[$0.1])) }
        return copy
    }

    var axes: Axes {
        Axes(x: .fitting(series.flatMap(\.x)), y: .fitting(series.flatMap(\.y)), title: title, xLabel: xLabel, yLabel: yLabel)
    }

    /// Where the plot area and the data-to-pixel scales land when drawn in `frame`.
    public func layout(on canvas: Canvas, in frame: Rect, style: Style) -> PlotLayout {
        axes.layout(in: frame, canvas: canvas, style: style)
    }

    public func draw(on canvas: Canvas, in frame: Rect, style: Style) {
        let xs = series.flatMap(\.x)
        let axes = self.axes
        let l = axes.layout(in: frame, canvas: canvas, style: style)
        axes.drawBackground(l, canvas: canvas, style: style)
        canvas.setClip(l.plot)
        for s in segments {
            canvas.line(from: Point(l.xScale(s.from.x), l.yScale(s.from.y)), to: Point(l.xScale(s.to.x), l.yScale(s.to.y)),
                        color: segmentColor, width: 1)
        }
        let radius = markerRadius ?? style.markerRadius
        var placed: [Point] = []
        placed.reserveCapacity(xs.count)
        for s in series {
            let color = s.color.withOpacity(s.color.opacity * opacity)
            for (px, py) in zip(s.x, s.y) where px.isFinite && py.isFinite {
                let p = Point(l.xScale(px), l.yScale(py))
                canvas.marker(s.marker, at: p, radius: radius, color: color)
                placed.append(p)
            }
        }
        canvas.setClip(frame)
        axes.drawForeground(l, canvas: canvas, style: style)
        let entries = legend ?? series.map { LegendEntry($0.name, color: $0.color, symbol: .marker($0.marker)) }
        Legend.draw(entries, in: l.plot, avoiding: placed, canvas: canvas, style: style)
    }
}
