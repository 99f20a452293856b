// A picture on pixel axes: nearest-neighbour upscaling so every pixel stays a sharp square,
// an optional patch grid with patch numbers (how a ViT cuts the image), and optional per-pixel
// values for a zoomed crop ("255,128,64").
import Foundation

/// An RGB picture shown with square pixels, pixel-index axes and optional annotations.
///
///     var chart = ImageChart(picture, title: "224×224 → 196 patches")
///     chart.patchSize = 16            // grid every 16 pixels, patches numbered 0…195
///     var zoom = ImageChart(picture.cropped(x: 0, y: 0, width: 4, height: 4), title: "zoom")
///     zoom.annotatePixels = true      // each pixel prints its "r,g,b"
public struct ImageChart: Chart {
    public var image: RGBImage
    public var title: String?
    /// Draw a grid every `patchSize` pixels.
    public var patchSize: Int?
    /// Number the patches row by row (needs `patchSize`).
    public var showPatchNumbers = true
    /// The number of the top-left patch: 0 as an array index, 1 as the article counts ([patch1] … [patch196]).
    public var firstPatchNumber = 0
    /// Print each pixel's red, green and blue values in it (where the pixels are big enough).
    public var annotatePixels = false
    public var showAxes = true
    /// A region to outline, in pixels (x, y from the top left): where a zoomed panel beside it comes from,
    /// as matplotlib's `Rectangle` patch marks an inset. Drawn two pixels wide, dark inside light, so it
    /// shows on any picture; at least 6 pixels across however small the region.
    public var highlight: (x: Int, y: Int, width: Int, height: Int)?

    public init(_ image: RGBImage, title: String? = nil, patchSize: Int? = nil) {
        self.image = image; self.title = title; self.patchSize = patchSize
    }

    public func draw(on canvas: Canvas, in frame: Rect, style: Style) {
        let (axes, l) = ImagePanel.layout(width: image.width, height: image.height, title: title, showAxes: showAxes,
                                          rightReserve: 0, frame: frame, canvas: canvas, style: style)
        canvas.draw(image, in: l.plot)
        if let patchSize { ImagePanel.drawPatches(patchSize, numbered: showPatchNumbers, from: firstPatchNumber,
                                                  image: image, plot: l.plot, canvas: canvas, style: style) }
        if annotatePixels { drawPixelValues(plot: l.plot, canvas: canvas, style: style) }
        if let highlight { drawHighlight(highlight, plot: l.plot, canvas: canvas) }
        ImagePanel.finish(axes, l, showAxes: showAxes, canvas: canvas, style: style)
    }

    private func drawHighlight(_ r: (x: Int, y: Int, width: Int, height: Int), plot: Rect, canvas: Canvas) {
        let scale = plot.width / Double(image.width)
        let (cx, cy) = (plot.minX + (Double(r.x) + Double(r.width) / 2) * scale,
                        plot.minY + (Double(r.y) + Double(r.height) / 2) * scale)
        let (w, h) = (max(6, Double(r.width) * scale), max(6, Double(r.height) * scale))
        let inner = Rect(x: (cx - w / 2).rounded(), y: (cy - h / 2).rounded(), width: w.rounded(), height: h.rounded())
        let outer = Rect(x: inner.minX - 2, y: inner.minY - 2, width: inner.width + 4, height: inner.height + 4)
        canvas.stroke(outer, .white)
        canvas.stroke(Rect(x: outer.minX + 1, y: outer.minY + 1, width: outer.width - 2, height: outer.height - 2), .white)
        canvas.stroke(inner, .black)
        canvas.stroke(Rect(x: inner.minX + 1, y: inner.minY + 1, width: inner.width - 2, height: inner.height - 2), .black)
    }

    private func drawPixelValues(plot: Rect, canvas: Canvas, style: Style) {
        let cell = plot.width / Double(image.width)
        let widest = canvas.measure("255,255,255", size: 10).width / 10   // width per pixel of font size
        let oneLine = min(style.annotationFontSize, cell * 0.9 / widest)
        let stacked = min(style.annotationFontSize, cell * 0.9 / (widest * 0.32), cell / 3.6)
        for y in 0..<image.height {
            for x in 0..<image.width {
                let p = image.pixel(x: x, y: y)
                let color = Color(red: p.red, green: p.green, blue: p.blue).contrastingText
                let centre = Point(plot.minX + (Double(x) + 0.5) * cell, plot.minY + (Double(y) + 0.5) * cell)
                if oneLine >= 8 {
                    canvas.text("\(p.red),\(p.green),\(p.blue)", at: centre, size: oneLine, color: color,
                                align: .center, baseline: .middle)
                } else if stacked >= 6 {
                    for (k, v) in [p.red, p.green, p.blue].enumerated() {
                        canvas.text("\(v)", at: Point(centre.x, centre.y + Double(k - 1) * stacked * 1.2), size: stacked,
                                    color: color, align: .center, baseline: .middle)
                    }
                }
            }
        }
    }
}

/// The parts the image-like charts share: square-pixel layout, pixel axes, patch grid.
enum ImagePanel {
    static func layout(width: Int, height: Int, title: String?, showAxes: Bool, rightReserve: Double,
                       frame: Rect, canvas: Canvas, style: Style) -> (Axes, Axes.Layout) {
        func axis(_ n: Int, flipped: Bool) -> AxisSpec {
            let ticks = showAxes ? LinearScale.niceTicks(0, Double(n), maxCount: 5).filter { $0 < Double(n) } : []
            let positions = ticks.map { flipped ? Double(n) - $0 - 0.5 : $0 + 0.5 }
            return AxisSpec(domain: 0...Double(n), ticks: positions, tickLabels: ticks.map { String(Int($0)) })
        }
        let axes = Axes(x: axis(width, flipped: false), y: axis(height, flipped: true), title: title,
                        xLabel: nil, yLabel: nil, showGrid: false)
        var l = axes.layout(in: frame, canvas: canvas, style: style, rightReserve: rightReserve)
        let cell = min(l.plot.width / Double(width), l.plot.height / Double(height))
        // Whole pixels per image pixel when enlarging, so every pixel is the same size.
        let size = cell >= 1 ? cell.rounded(.down) : cell
        let (w, h) = (size * Double(width), size * Double(height))
        l.plot = Rect(x: (l.plot.minX + (l.plot.width - w) / 2).rounded(), y: (l.plot.minY + (l.plot.height - h) / 2).rounded(),
                      width: w, height: h)
        l.xScale = LinearScale(domain: axes.x.domain, from: l.plot.minX, to: l.plot.maxX)
        l.yScale = LinearScale(domain: axes.y.domain, from: l.plot.maxY, to: l.plot.minY)
        return (axes, l)
    }

    static func finish(_ axes: Axes, _ l: Axes.Layout, showAxes: Bool, canvas: Canvas, style: Style) {
        if showAxes { axes.drawForeground(l, canvas: canvas, style: style); return }
        if let title = axes.title, !title.isEmpty {
            canvas.text(title, at: Point(l.plot.midX, l.plot.minY - style.padding), size: style.titleFontSize,
                        color: style.textColor, align: .center, baseline: .bottom)
        }
    }

    /// White grid lines every `patch` pixels and, if room, each patch's row-major number.
    static func drawPatches(_ patch: Int, numbered: Bool, from first: Int = 0, image: RGBImage, plot: Rect,
                            canvas: Canvas, style: Style) {
        precondition(patch > 0, "ImageChart: patch size must be positive, got \(patch)")
        let scale = plot.width / Double(image.width)
        let line = Color.white.withOpacity(0.85)
        for x in stride(from: patch, to: image.width, by: patch) {
            canvas.fill(Rect(x: (plot.minX + Double(x) * scale).rounded() - 0.5, y: plot.minY, width: 1, height: plot.height), line)
        }
        for y in stride(from: patch, to: image.height, by: patch) {
            canvas.fill(Rect(x: plot.minX, y: (plot.minY + Double(y) * scale).rounded() - 0.5, width: plot.width, height: 1), line)
        }
        guard numbered else { return }
        let (columns, rows) = ((image.width + patch - 1) / patch, (image.height + patch - 1) / patch)
        let cell = Double(patch) * scale
        let size = min(style.annotationFontSize, cell * 0.4)
        guard size >= 6, canvas.measure("\(rows * columns - 1 + first)", size: size).width < cell * 0.9 else { return }
        for r in 0..<rows {
            for c in 0..<columns {
                let label = "\(r * columns + c + first)"
                let centre = Point(plot.minX + (Double(c) + 0.5) * cell, plot.minY + (Double(r) + 0.5) * cell)
                let box = canvas.measure(label, size: size)
                canvas.fill(Rect(x: centre.x - box.width / 2 - 2, y: centre.y - box.height / 2 - 1,
                                 width: box.width + 4, height: box.height + 2), Color.black.withOpacity(0.45))
                canvas.text(label, at: centre, size: size, color: .white, align: .center, baseline: .middle)
            }
        }
    }
}
