// A token sequence as a strip of labelled cells coloured by modality, wrapping into rows, e.g.
// 196 image patches followed by [我][喜欢][这只][猫]: one sequence for one transformer.

/// Labelled cells in reading order, coloured by modality, with a legend of modalities.
///
///     let strip = TokenStrip(tokens: ["p0", "p1", "我", "喜欢", "这只", "猫"], modalities: [0, 0, 1, 1, 1, 1],
///                            modalityNames: ["image patch", "text"], title: "One sequence")
public struct TokenStrip: Chart {
    public var tokens: [String]
    public var modalities: [Int]
    public var modalityNames: [String]
    public var title: String?
    /// Print each token's position above its cell.
    public var showPositions = false

    public init(tokens: [String], modalities: [Int], modalityNames: [String], title: String? = nil) {
        precondition(tokens.count == modalities.count,
                     "TokenStrip: \(tokens.count) tokens but \(modalities.count) modality indices")
        self.tokens = tokens; self.modalities = modalities; self.modalityNames = modalityNames; self.title = title
    }

    public func draw(on canvas: Canvas, in frame: Rect, style: Style) {
        let pad = style.padding
        var top = frame.minY + pad
        if let title, !title.isEmpty {
            canvas.text(title, at: Point(frame.midX, top), size: style.titleFontSize, color: style.textColor,
                        align: .center, baseline: .top)
            top += canvas.measure(title, size: style.titleFontSize).height + pad
        }
        let entries = modalityNames.indices.map { LegendEntry(modalityNames[$0], color: fill($0), symbol: .box) }
        let legendHeight = entries.isEmpty ? 0 : Legend.size(entries, canvas: canvas, style: style).height + pad
        let area = Rect(x: frame.minX + pad * 2, y: top, width: frame.width - pad * 4,
                        height: frame.maxY - top - legendHeight - pad)
        // The largest font (down to 7 px) at which the wrapped strip fits the area.
        var size = style.tickFontSize
        var cells = layout(size: size, width: area.width, canvas: canvas)
        while size > 7, (cells.last.map { $0.maxY } ?? 0) > area.height {
            size -= 1
            cells = layout(size: size, width: area.width, canvas: canvas)
        }
        for (i, cell) in cells.enumerated() {
            let r = Rect(x: area.minX + cell.x, y: area.minY + cell.y, width: cell.width, height: cell.height)
            canvas.fill(r, fill(modalities[i]))
            canvas.stroke(r, Color.palette(modalities[i]))
            canvas.text(tokens[i], at: Point(r.midX, r.midY), size: size, color: style.textColor,
                        align: .center, baseline: .middle)
            if showPositions {
                canvas.text("\(i)", at: Point(r.midX, r.minY - 1), size: size * 0.7, color: Color.gray,
                            align: .center, baseline: .bottom)
            }
        }
        if !entries.isEmpty {
            let w = Legend.size(entries, canvas: canvas, style: style).width
            let below = area.minY + (cells.last.map { $0.maxY } ?? 0) + pad * 2
            Legend.draw(entries, at: Point(frame.midX - w / 2, min(below, frame.maxY - legendHeight)), canvas: canvas, style: style)
        }
    }

    private func fill(_ modality: Int) -> Color { Color.palette(modality).mixed(with: .white, 0.6) }

    /// Cell rectangles relative to the area's corner, wrapped at `width`.
    private func layout(size: Double, width: Double, canvas: Canvas) -> [Rect] {
        let height = size * 2, gap = size * 0.3, rowGap = size * (showPositions ? 1.2 : 0.5)
        var (x, y) = (0.0, showPositions ? size * 0.8 : 0)
        return tokens.map { token in
            let w = max(height, canvas.measure(token, size: size).width + size)
            if x > 0 && x + w > width { x = 0; y += height + rowGap }
            defer { x += w + gap }
            return Rect(x: x, y: y, width: min(w, width), height: height)
        }
    }
}
