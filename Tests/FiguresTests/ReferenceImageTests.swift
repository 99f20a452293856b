// Image comparison in the style of matplotlib's `image_comparison`: small charts rendered now
// are compared with reference PNGs (Reference/*.png, inspected by eye when made) by RMS
// difference on the 0…255 scale. A tolerance absorbs FreeType's anti-aliasing differences
// between versions; a moved axis, a lost label or a wrong colour map exceeds it.
//
// To remake the references after an intended change of look:
//   FIGURES_UPDATE_REFERENCES=1 swift test --filter ReferenceImageTests   (then look at them)
import Figures
import Foundation
import Testing

@Suite("Reference images: small charts match their reviewed PNGs")
struct ReferenceImageTests {
    static let tolerance = 3.0
    static let style = Style.scaled(0.55)

    static func scatter() -> Figure {
        let x: [Double] = [0, 1, 2, 3, 0.5, 1.5, 2.5, 3.5, 1, 2, 3, 4]
        let y: [Double] = [0, 1, 0.5, 1.5, 3, 3.5, 2.5, 3, 5, 4.5, 5.5, 5]
        let chart = ScatterChart(x: x, y: y, classes: [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2], classNames: ["cat", "dog", "bird"],
                                 title: "Scatter", xLabel: "x", yLabel: "y")
        return Figure(chart, width: 200, height: 150, style: style)
    }

    static func heatmap() -> Figure {
        var chart = Heatmap([[0.9, 0.1, 0.0], [0.2, 0.7, 0.1], [0.0, 0.3, 0.8]], title: "Heatmap",
                            rowLabels: ["猫", "狗", "鸟"], columnLabels: ["a", "b", "c"])
        chart.annotate = true
        return Figure(chart, width: 200, height: 150, style: style)
    }

    static func lines() -> Figure {
        var chart = LineChart(title: "Loss", xLabel: "step", yLabel: "loss")
        chart.add("train", x: [0, 1, 2, 3, 4], y: [2.0, 1.2, 0.8, 0.6, 0.5])
        chart.add("val", x: [0, 1, 2, 3, 4], y: [2.0, 1.4, 1.1, 1.0, 1.0], dashed: true)
        return Figure(chart, width: 200, height: 150, style: style)
    }

    static func bars() -> Figure {
        var chart = BarChart(categories: ["A", "B"], title: "Bars")
        chart.add("one", values: [0.8, 0.4])
        chart.add("two", values: [0.6, 0.9])
        chart.referenceLines = [(0.5, "chance")]
        chart.yRange = 0...1.4   // headroom for the legend
        return Figure(chart, width: 200, height: 150, style: style)
    }

    @Test("scatter, heatmap (with Chinese labels), line and bar charts match their references",
          arguments: ["scatter", "heatmap", "lines", "bars"])
    func matchesReference(_ name: String) throws {
        let figure: Figure = switch name {
        case "scatter": Self.scatter()
        case "heatmap": Self.heatmap()
        case "lines": Self.lines()
        default: Self.bars()
        }
        let rendered = try figure.render().rgbImage()
        if ProcessInfo.processInfo.environment["FIGURES_UPDATE_REFERENCES"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Reference/\(name).png"
            try rendered.writePNG(to: source)
            return
        }
        let reference = try RGBImage(contentsOf: TestFiles.reference + "/\(name).png")
        #expect(reference.width == 200 && reference.height == 150)
        let rms = rmsDifference(rendered, reference)
        #expect(rms <= Self.tolerance, "\(name): RMS difference \(rms) above \(Self.tolerance)")
    }

    @Test("the comparison notices a change: the scatter with 6-pixel markers instead of 2.2 is far from its reference")
    func comparisonDetectsChange() throws {
        let x: [Double] = [0, 1, 2, 3, 0.5, 1.5, 2.5, 3.5, 1, 2, 3, 4]
        let y: [Double] = [0, 1, 0.5, 1.5, 3, 3.5, 2.5, 3, 5, 4.5, 5.5, 5]
        var chart = ScatterChart(x: x, y: y, classes: [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2], classNames: ["cat", "dog", "bird"],
                                 title: "Scatter", xLabel: "x", yLabel: "y")
        chart.markerRadius = 6
        let changed = Figure(chart, width: 200, height: 150, style: Self.style)
        let reference = try RGBImage(contentsOf: TestFiles.reference + "/scatter.png")
        #expect(rmsDifference(try changed.render().rgbImage(), reference) > Self.tolerance)
    }
}
