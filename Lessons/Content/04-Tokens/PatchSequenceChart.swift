// The article's sequence [patch1, patch2, …, patch196, 我, 喜欢, 这只, 猫] drawn with the patches
// themselves: each patch a small picture, in reading order (left to right, top to bottom of the
// image), then the words, wrapping into rows like a line of text.

import Figures

/// Patches of a picture as thumbnails followed by word cells, in one wrapped sequence.
///
///     let chart = PatchSequenceChart(picture, patchSize: 16, words: ["我", "喜欢", "这只", "猫"],
///                                    modalityNames: ["image patch", "text token"], title: "One sequence")
///     // 196 thumbnails numbered 1…196, then four word cells: 200 tokens
struct PatchSequenceChart: Chart {
    let picture: RGBImage
    let patchSize: Int
    let words: [String]
    let modalityNames: [String]
    let title: String

    init(_ picture: RGBImage, patchSize: Int, words: [String], modalityNames: [String], title: String) {
        self.picture = picture; self.patchSize = patchSize; self.words = words
        self.modalityNames = modalityNames; self.title = title
    }

    /// The patches, row by row, each as its own small picture.
    var patches: [RGBImage] {
        let (columns, rows) = (picture.width / patchSize, picture.height / patchSize)
        return (0..<(rows * columns)).map { k in
            picture.cropped(x: (k % columns) * patchSize, y: (k / columns) * patchSize, width: patchSize, height: patchSize)
        }
    }

    func draw(on canvas: Canvas, in frame: Rect, style: Style) {
        let pad = style.padding
        canvas.text(title, at: Point(frame.midX, frame.minY + pad), size: style.titleFontSize, color: style.textColor,
                    align: .center, baseline: .top)
        let top = frame.minY + pad * 3 + canvas.measure(title, size: style.titleFontSize).height
        let legendHeight = style.legendFontSize * 2.5
        let thumbnails = patches
        let count = thumbnails.count + words.count
        // The largest cell (a patch's side on screen) at which every token fits the frame.
        let (width, height) = (frame.width - pad * 4, frame.maxY - top - legendHeight - pad * 2)
        let label = style.annotationFontSize * 0.9
        var cell = 64.0
        func rowsNeeded(_ cell: Double) -> Int {
            var (x, rows) = (0.0, 1)
            for i in 0..<count {
                let w = i < thumbnails.count ? cell : wordWidth(words[i - thumbnails.count], cell, canvas, style)
                if x > 0 && x + w > width { x = 0; rows += 1 }
                x += w + cell * 0.12
            }
            return rows
        }
        while cell > 8, Double(rowsNeeded(cell)) * (cell * 1.12 + label * 1.3) > height { cell -= 1 }
        let rowHeight = cell * 1.12 + label * 1.3
        let colors = [Color.palette(0), Color.palette(1)]
        var (x, y) = (0.0, 0.0)
        for i in 0..<count {
            let isPatch = i < thumbnails.count
            let w = isPatch ? cell : wordWidth(words[i - thumbnails.count], cell, canvas, style)
            if x > 0 && x + w > width { x = 0; y += rowHeight }
            let r = Rect(x: frame.minX + pad * 2 + x, y: top + y, width: w, height: cell)
            if isPatch {
                canvas.draw(thumbnails[i], in: r)
            } else {
                canvas.fill(r, colors[1].mixed(with: .white, 0.6))
                canvas.text(words[i - thumbnails.count], at: Point(r.midX, r.midY), size: min(cell * 0.45, 18),
                            color: style.textColor, align: .center, baseline: .middle)
            }
            canvas.stroke(r, colors[isPatch ? 0 : 1], lineWidth: 1)
            if label >= 6 {   // the position in the sequence, 1 … 200
                canvas.text("\(i + 1)", at: Point(r.midX, r.maxY + 1), size: label, color: Color.gray,
                            align: .center, baseline: .top)
            }
            x += w + cell * 0.12
        }
        var lx = frame.midX - 160
        let ly = frame.maxY - legendHeight + pad
        for (k, name) in modalityNames.enumerated() {
            canvas.fill(Rect(x: lx, y: ly, width: 14, height: 14), colors[k])
            canvas.text(name, at: Point(lx + 20, ly + 7), size: style.legendFontSize, color: style.textColor,
                        baseline: .middle)
            lx += 40 + canvas.measure(name, size: style.legendFontSize).width
        }
    }

    private func wordWidth(_ word: String, _ cell: Double, _ canvas: Canvas, _ style: Style) -> Double {
        max(cell, canvas.measure(word, size: min(cell * 0.45, 18)).width + cell * 0.4)
    }
}
