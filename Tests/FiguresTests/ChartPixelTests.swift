// Exact pixel checks: the colour a reader sees is the colour the data asks for, at the place
// the scales say.
import Figures
import Testing

@Suite("Charts: pixels land where the scales say, in the colours the maps say")
struct ChartPixelTests {
    let frame = Rect(x: 0, y: 0, width: 400, height: 300)

    @Test("a 2×2 viridis heatmap paints cell (0, 1) with viridis(1) and cell (1, 1) with viridis(0)")
    func heatmapCellColour() throws {
        // values 0…3 span the colour map: 0 → viridis(0), 3 → viridis(1), 1 → viridis(1/3)
        let chart = Heatmap([[1, 3], [2, 0]])
        let canvas = try Canvas(width: 400, height: 300)
        chart.draw(on: canvas, in: frame, style: .standard)
        let l = chart.layout(on: canvas, in: frame, style: .standard)
        // cell (row i, column j) centre: x = xScale(j + 0.5), y = yScale(rows − i − 0.5)
        func centre(_ i: Int, _ j: Int) -> Color {
            canvas.pixel(x: Int(l.xScale(Double(j) + 0.5)), y: Int(l.yScale(2 - Double(i) - 0.5)))
        }
        #expect(centre(0, 1) == ColorMap.viridis.color(at: 1))
        #expect(centre(1, 1) == ColorMap.viridis.color(at: 0))
        #expect(centre(0, 0) == ColorMap.viridis.color(at: 1.0 / 3))
        #expect(ColorMap.viridis.color(at: 1) == Color(hex: 0xFDE725))
    }

    @Test("a heatmap with 8 rows but only rows 0 and 4 labelled draws 2 row ticks, not 8")
    func heatmapTicksOnlyAtLabels() throws {
        // A spectrogram labels every 16th of 64 rows; empty labels must not leave a comb of ticks.
        let chart = Heatmap(Array(repeating: [0.0, 1.0], count: 8), rowLabels: ["top", "", "", "", "mid", "", "", ""])
        let canvas = try Canvas(width: 400, height: 300)
        chart.draw(on: canvas, in: frame, style: .standard)
        let l = chart.layout(on: canvas, in: frame, style: .standard)
        let x = Int(l.plot.minX - 1 - Style.standard.tickLength / 2)          // the middle of a tick mark
        let ticked = (0..<8).filter { row in
            canvas.pixel(x: x, y: Int(l.yScale(8 - Double(row) - 0.5).rounded(.down))) == Style.standard.axisColor
        }
        #expect(ticked == [0, 4])
    }

    @Test("the diverging map is blue below the middle, near-white at it and red above")
    func divergingMap() {
        let map = ColorMap.diverging
        #expect(map.color(at: 0.5) == Color(hex: 0xF7F7F7))
        #expect(map.color(at: 0.1).blue > map.color(at: 0.1).red)
        #expect(map.color(at: 0.9).red > map.color(at: 0.9).blue)
    }

    @Test("a scatter point at (2, 3) is painted in its class colour at the scaled pixel")
    func scatterPointPosition() throws {
        // points (0, 0), (2, 3), (4, 4): the x range 0…4 widened by 5% each side is −0.2…4.2
        var chart = ScatterChart(x: [0, 2, 4], y: [0, 3, 4], classes: [0, 1, 0], classNames: ["a", "b"])
        chart.opacity = 1
        chart.legend = []
        let canvas = try Canvas(width: 400, height: 300)
        chart.draw(on: canvas, in: frame, style: .standard)
        let l = chart.layout(on: canvas, in: frame, style: .standard)
        #expect(l.xScale.domain == -0.2...4.2)
        let (px, py) = (l.xScale(2), l.yScale(3))
        #expect(abs(px - (l.plot.minX + 2.2 / 4.4 * l.plot.width)) < 1e-9)
        #expect(canvas.pixel(x: Int(px), y: Int(py)) == Color.palette(1))
        // 10 pixels right of and below a 4-pixel marker is background again (off the grid lines)
        #expect(canvas.pixel(x: Int(px) + 10, y: Int(py) + 10) == Color.white)
    }

    @Test("a triangle marker covers its centre; a circle of radius 3 fully covers 5 pixels of a row and half of 2 more")
    func markerShapes() throws {
        let canvas = try Canvas(width: 20, height: 20)
        canvas.marker(.triangle, at: Point(5, 5), radius: 3, color: .black)
        canvas.fillCircle(center: Point(14.5, 10.5), radius: 3, color: .black)
        #expect(canvas.pixel(x: 5, y: 5) == .black)
        // coverage = r + 0.5 − distance: pixel centres 12.5…16.5 (distance ≤ 2) are fully dark,
        // 11.5 and 17.5 (distance 3) are half covered: 255 − 255·128/256 = 127.5 → 128
        let row = (0..<20).map { canvas.pixel(x: $0, y: 10) == .black }
        #expect(row.enumerated().filter(\.element).map(\.offset) == Array(12...16))
        #expect(canvas.pixel(x: 11, y: 10) == Color(red: 128, green: 128, blue: 128))
        #expect(canvas.pixel(x: 17, y: 10) == Color(red: 128, green: 128, blue: 128))
        #expect(canvas.pixel(x: 10, y: 10) == .white)
    }

    @Test("half-transparent black over white gives gray 128")
    func alphaBlending() throws {
        let canvas = try Canvas(width: 4, height: 4)
        canvas.fill(Rect(x: 0, y: 0, width: 4, height: 4), Color.black.withOpacity(0.5))
        #expect(canvas.pixel(x: 2, y: 2) == Color(red: 128, green: 128, blue: 128))
    }

    @Test("an image chart upscales without blending: each source pixel is one flat square")
    func nearestNeighbour() throws {
        let picture = RGBImage(width: 2, height: 1, pixels: [255, 0, 0, 0, 0, 255])
        let canvas = try Canvas(width: 200, height: 200)
        let rect = Rect(x: 0, y: 0, width: 200, height: 100)
        canvas.draw(picture, in: rect)
        #expect(canvas.pixel(x: 99, y: 50) == Color(red: 255, green: 0, blue: 0))
        #expect(canvas.pixel(x: 100, y: 50) == Color(red: 0, green: 0, blue: 255))
    }

    @Test("a figure with two columns gives each chart half the width below the title")
    func figureGrid() throws {
        var figure = Figure(width: 800, height: 400, columns: 2, title: "Two panels")
        figure.add(Heatmap([[0, 1]]))
        figure.add(Heatmap([[1, 0]]))
        let canvas = try figure.render()
        let right = figure.panelFrame(1, canvas: canvas)
        #expect(right.minX == 400 && right.width == 400)
        #expect(right.minY > 0 && right.maxY == 400)
    }

    @Test("black text on light colours, white text on dark ones")
    func contrastingText() {
        #expect(ColorMap.viridis.color(at: 0).contrastingText == .white)
        #expect(ColorMap.viridis.color(at: 1).contrastingText == .black)
    }
    @Test("a figure's note takes a strip at the bottom: the panels end above it and its text is drawn there, at the right")
    func figureNoteBelowPanels() throws {
        var figure = Figure(width: 600, height: 300, columns: 2, title: "A title")
        let canvasWithout = try figure.render()
        let panelWithout = figure.panelFrame(0, canvas: canvasWithout)
        figure.note = "photo: a credit line"
        let canvas = try figure.render()
        let panel = figure.panelFrame(0, canvas: canvas)
        // Same top, shorter by the note's strip (two paddings and the text's height, about 25 px here).
        #expect(panel.minY == panelWithout.minY)
        #expect(panel.height < panelWithout.height - 15)
        #expect(panel.maxY < 300)
        // Dark text pixels in the strip below the panels, in its right half only.
        let strip = (Int(panel.maxY)..<300).flatMap { y in (0..<600).map { x in (x, y) } }
        let inked = strip.filter { canvas.pixel(x: $0.0, y: $0.1).red < 128 }
        #expect(!inked.isEmpty)
        #expect(inked.allSatisfy { $0.0 > 300 })
    }

    @Test("a figure's shared legend sits in a strip under the panels, its two entries' colours drawn there and not inside a panel")
    func sharedLegendBelowPanels() throws {
        var left = LineChart(title: "kind"), right = LineChart(title: "colour")
        for i in 0..<2 {
            var chart = i == 0 ? left : right
            chart.add("aligned", x: [1, 2, 5], y: [0.8, 0.9, 1], color: Color(hex: 0xFF0000))
            chart.add("random", x: [1, 2, 5], y: [0.2, 0.3, 0.3], color: Color(hex: 0x0000FF), dashed: true)
            chart.showsLegend = false
            if i == 0 { left = chart } else { right = chart }
        }
        var figure = Figure(width: 600, height: 300, columns: 2)
        figure.add(left)
        figure.add(right)
        let panelWithout = figure.panelFrame(0, canvas: try figure.render())
        figure.legend = left.legendEntries
        #expect(figure.legend.map(\.label) == ["aligned", "random"])
        let canvas = try figure.render()
        let panel = figure.panelFrame(0, canvas: canvas)
        // One row of legend (about 25 px) comes off the panels' height.
        #expect(panel.height < panelWithout.height - 15)
        func pure(_ hex: UInt32, rows: Range<Int>) -> Int {
            rows.flatMap { y in (0..<600).map { x in canvas.pixel(x: x, y: y) } }.filter { $0 == Color(hex: hex) }.count
        }
        let strip = Int(panel.maxY.rounded(.up))..<300
        #expect(pure(0xFF0000, rows: strip) > 0)
        #expect(pure(0x0000FF, rows: strip) > 0)
        // Inside the panels the lines are drawn, but no legend box: the panels' upper corners stay white.
        #expect(canvas.pixel(x: 290, y: 40) == Color.white && canvas.pixel(x: 590, y: 40) == Color.white)
    }

    @Test("the legend avoids a line's segments, not only its points: a level line across the top sends it to the lower left")
    func legendAvoidsSegments() throws {
        // One level line near the top, its two points at the plot's left and right edges: no point lies in
        // a corner's box (they sit a padding in from the edges), but the line crosses both upper boxes.
        var chart = LineChart()
        chart.add("level", x: [0, 1], y: [0.92, 0.92])
        chart.yRange = 0...1
        let canvas = try Figure(chart, width: 400, height: 300).render()
        // The legend's border is the only 0xCCCCCC in the figure; count it by quadrant.
        func border(x: Range<Int>, y: Range<Int>) -> Int {
            y.flatMap { row in x.map { canvas.pixel(x: $0, y: row) } }.filter { $0 == Color(hex: 0xCCCCCC) }.count
        }
        #expect(border(x: 0..<200, y: 150..<300) > 0)   // lower left
        #expect(border(x: 0..<200, y: 0..<150) == 0)    // not upper left, across the line
    }

    @Test("an image's highlight outlines the zoomed region, dark inside light, over the region's own place: a grey 40×40 picture with (10, 20, 8, 8) outlined")
    func imageHighlight() throws {
        var chart = ImageChart(RGBImage(width: 40, height: 40, filledWith: Color(hex: 0x808080)))
        chart.showAxes = false
        func dark(_ canvas: Canvas) -> [(x: Int, y: Int)] {
            (0..<200).flatMap { y in (0..<200).map { x in (x: x, y: y) } }.filter { canvas.pixel(x: $0.x, y: $0.y) == .black }
        }
        #expect(dark(try Figure(chart, width: 200, height: 200).render()).isEmpty)
        chart.highlight = (x: 10, y: 20, width: 8, height: 8)
        let outlined = dark(try Figure(chart, width: 200, height: 200).render())
        #expect(!outlined.isEmpty)
        // The region is 8×8, so its outline is a square; it starts 10 pixels from the left and 20 from the
        // top, so its top edge lies further in than its left edge.
        let xs = outlined.map(\.x), ys = outlined.map(\.y)
        #expect(xs.max()! - xs.min()! == ys.max()! - ys.min()!)
        #expect(ys.min()! > xs.min()!)   // y = 20 lies further in than x = 10
    }

    @Test("a colour bar alone in a 280-pixel panel stands at the panel's left, beside the maps it reads")
    func colorBarBesideThePanelBefore() throws {
        // The panel spans x 300…580. Its bar (viridis, 0 at the bottom, 1 at the top) starts one
        // padding (6 px) in, at x = 306, and is 1.3 tick fonts wide: so x = 310 is inside the bar and,
        // at the bar's middle row, shows viridis(1/2); x = 440, the panel's middle, is past the bar.
        let panel = Rect(x: 300, y: 0, width: 280, height: 300)
        let canvas = try Canvas(width: 600, height: 300)
        ColorBarChart(range: 0...1).draw(on: canvas, in: panel, style: .standard)
        let middle = Int(panel.midY)
        let mid = ColorMap.viridis.color(at: 0.5)
        func near(_ a: Color, _ b: Color) -> Bool {
            abs(Int(a.red) - Int(b.red)) + abs(Int(a.green) - Int(b.green)) + abs(Int(a.blue) - Int(b.blue)) <= 12
        }
        #expect(near(canvas.pixel(x: 310, y: middle), mid))
        #expect(canvas.pixel(x: 302, y: middle) == .white)       // the padding before the bar
        #expect(!near(canvas.pixel(x: 440, y: middle), mid))     // not centred in the panel any more
    }
}

