// W-PLOT: two charts rendered and written to PNG files on disk.
//   scatter: 2,000 points in 10 classes, axes, ticks, labels, title, legend, 800×600
//   heatmap: 196×196 values, viridis, colour bar and title, 800×800
// Each chart is timed from data to a closed file; the figure is the median of 7 timed runs
// after one warm-up run. Tools/Benchmark/reference_plot.py does the same in matplotlib (Agg).
import Figures
import Foundation
import TeachingEngine

/// Runs W-PLOT, writing `scatter.png` and `heatmap.png` into `directory` (created if needed),
/// and returns the median milliseconds per chart.
func runPlotWorkload(directory: String) -> (scatterMs: Double, heatmapMs: Double) {
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var rng = SeededGenerator(seed: 7)

    // 2,000 points: class c is a Gaussian blob around the c-th of 10 points on a circle.
    let classCount = 10, pointCount = 2_000
    var (x, y, classes) = ([Double](), [Double](), [Int]())
    for i in 0..<pointCount {
        let c = i % classCount
        let angle = 2 * Double.pi * Double(c) / Double(classCount)
        x.append(5 * cos(angle) + Double(rng.nextNormal()))
        y.append(5 * sin(angle) + Double(rng.nextNormal()))
        classes.append(c)
    }
    let names = (0..<classCount).map { "class \($0)" }
    // 196×196 values in [0, 1).
    let values: [[Double]] = (0..<196).map { _ in (0..<196).map { _ in Double(rng.nextFloat()) } }

    func scatter() throws {
        let chart = ScatterChart(x: x, y: y, classes: classes, classNames: names,
                                 title: "2,000 points in 10 classes", xLabel: "x", yLabel: "y")
        try chart.writePNG(to: directory + "/scatter.png", width: 800, height: 600)
    }
    func heatmap() throws {
        var chart = Heatmap(values, title: "196 × 196 heatmap")
        chart.colorMap = .viridis
        try chart.writePNG(to: directory + "/heatmap.png", width: 800, height: 800)
    }
    return (medianMilliseconds(scatter), medianMilliseconds(heatmap))
}

/// The median of 7 timed runs after 1 warm-up (Timing.swift), in milliseconds; NaN and one
/// line on stderr if drawing or writing failed.
private func medianMilliseconds(_ work: () throws -> Void) -> Double {
    var failure: Error?
    let seconds = timeRuns(warmUp: 1, repeats: 7) {
        do { try work() } catch { failure = error }
    }
    if let failure {
        FileHandle.standardError.write(Data("W-PLOT: \(failure)\n".utf8))
        return .nan
    }
    return median(seconds) * 1000
}
