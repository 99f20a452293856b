// Attention over an image: one weight per patch, painted over the picture in a colour map,
// so a reader sees where an answer token looked.

/// A per-patch weight map blended over an image, with a colour bar.
///
///     // a 32×32 picture cut in 4×4 patches of 8 pixels; the weights sum to 1
///     var chart = AttentionOverlay(picture, weights: weights4x4, title: "'cat' looks at")
///     chart.opacity = 0.6
public struct AttentionOverlay: Chart {
    public var image: RGBImage
    /// `[patch rows][patch columns]`, covering the image evenly.
    public var weights: [[Double]]
    public var title: String?
    public var colorMap: ColorMap = .viridis
    /// How strongly the weight colours cover the picture (0…1).
    public var opacity = 0.6
    /// Colour map range; nil uses 0…(largest weight).
    public var range: ClosedRange<Double>?
    public var colorBarLabel: String? = "attention weight"
    /// false: no colour bar beside this panel, for a figure whose panels share one `ColorBarChart`
    /// (give them all the same `range`).
    public var showColorBar = true
    public var showPatchGrid = true

    public init(_ image: RGBImage, weights: [[Double]], title: String? = nil) {
        precondition(!weights.isEmpty && !weights[0].isEmpty && weights.allSatisfy { $0.count == weights[0].count },
                     "AttentionOverlay: weights must be a non-empty rectangle, got row lengths \(weights.map(\.count))")
        self.image = image; self.weights = weights; self.title = title
    }

    public func draw(on canvas: Canvas, in frame: Rect, style: Style) {
        let (rows, columns) = (weights.count, weights[0].count)
        let top = weights.joined().filter(\.isFinite).max() ?? 1
        let bar = ColorBar(map: colorMap, range: range ?? 0...(top > 0 ? top : 1), label: colorBarLabel)
        let (axes, l) = ImagePanel.layout(width: image.width, height: image.height, title: title, showAxes: true,
                                          rightReserve: showColorBar ? bar.reservedWidth(canvas: canvas, style: style) : 0,
                                          frame: frame, canvas: canvas, style: style)
        canvas.draw(image, in: l.plot)
        let span = bar.range.upperBound - bar.range.lowerBound
        let colors = weights.joined().map { colorMap.color(at: ($0 - bar.range.lowerBound) / span).withOpacity(opacity) }
        canvas.fillCells(l.plot, rows: rows, columns: columns, colors: colors)
        if showPatchGrid && image.width % columns == 0 {
            ImagePanel.drawPatches(image.width / columns, numbered: false, image: image, plot: l.plot, canvas: canvas, style: style)
        }
        ImagePanel.finish(axes, l, showAxes: true, canvas: canvas, style: style)
        if showColorBar { bar.draw(beside: l.plot, canvas: canvas, style: style) }
    }
}
