// The figures of lesson 07, drawn from what the steps measured: one word by six speakers, the
// handwriting, the training curves, recordings beside the pictures they retrieve, the three-modality
// space in 2-D, the held-out speakers, and a learner's own recording.

import Figures
import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

enum OneSpaceFigures {
    /// Handwritten digits side by side in one picture: dark ink on white, each 8×8 digit drawn at
    /// `scale` pixels per count cell with a white gap, `columns` per row.
    static func mosaic(_ digits: [HandwrittenDigit], columns: Int, scale: Int = 6) -> RGBImage {
        let cell = 8 * scale + scale, rows = (digits.count + columns - 1) / max(columns, 1)
        let (width, height) = (columns * cell + scale, rows * cell + scale)
        var pixels = [UInt8](repeating: 255, count: width * height * 3)
        for (n, digit) in digits.enumerated() {
            let (left, top) = (scale + (n % columns) * cell, scale + (n / columns) * cell)
            for y in 0..<(8 * scale) {
                for x in 0..<(8 * scale) {
                    let ink = UInt8(255 - Int(digit.counts[(y / scale) * 8 + x / scale]) * 255 / 16)
                    let i = 3 * ((top + y) * width + left + x)
                    pixels[i] = ink; pixels[i + 1] = ink; pixels[i + 2] = ink
                }
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }

    /// A log mel grid [frames · bands] as a heatmap, low bands at the bottom.
    static func grid(_ values: [Float], features: SpeechFeatures, title: String, run: Run) -> Heatmap {
        let rows = (0..<features.bands).reversed().map { b in (0..<features.frames).map { Double(values[$0 * features.bands + b]) } }
        let labels = (0..<features.bands).reversed().map { $0 % 8 == 0 ? "\($0)" : "" }   // band 0 (lowest) at the bottom
        var chart = Heatmap(rows, title: title, rowLabels: labels)
        chart.squareCells = false
        chart.range = -2.5...2.5
        chart.xLabel = run.text(OneSpace.Say.gridFrames)
        chart.yLabel = run.text(OneSpace.Say.gridBands)
        return chart
    }

    /// Step 1: one digit by every speaker, waveform beside log mel grid; then the handwriting.
    static func messy(_ takes: [SpokenDigit], data: OneSpaceData, run: Run) throws -> [UInt8] {
        let features = data.features
        var figure = Figure(width: 1400, height: 260 * takes.count + 80, rows: takes.count, columns: 2,
                            title: run.text(OneSpace.Say.messyTitle, DigitNames.english[takes[0].digit]))
        for take in takes {
            var line = LineChart(title: run.text(OneSpace.Say.waveTitle, take.speaker, Double(take.samples.count) / 8_000),
                                 xLabel: run.text(OneSpace.Say.seconds))
            line.add("", x: (0..<take.samples.count).map { Double($0) / 8_000 }, y: take.samples.map(Double.init))
            line.yRange = -1...1
            figure.add(line)
            figure.add(grid(features.grid(of: take.samples), features: features,
                            title: run.text(OneSpace.Say.gridTitle, take.name), run: run))
        }
        return try figure.pngData()
    }

    static func handwriting(_ digits: [HandwrittenDigit], run: Run) throws -> [UInt8] {
        var chart = ImageChart(mosaic(digits, columns: 10), title: run.text(OneSpace.Say.handwritingTitle))
        chart.showAxes = false
        chart.showPatchNumbers = false
        return try Figure(chart, width: 640, height: 680).pngData()
    }

    /// Step 3: the two losses per step (running mean of 10) and the floor duplicates in a batch impose.
    static func training(speech: [Double], words: [Double], floor: Double, run: Run) throws -> [UInt8] {
        var chart = LineChart(title: run.text(OneSpace.Say.trainingTitle), xLabel: run.text(OneSpace.Say.step),
                              yLabel: run.text(OneSpace.Say.loss))
        let steps = (1...max(1, speech.count)).map(Double.init)
        chart.add(run.text(OneSpace.Say.pictureSpeech), x: steps, y: smoothed(speech))
        chart.add(run.text(OneSpace.Say.pictureWords), x: steps, y: smoothed(words), color: .palette(1))
        chart.referenceLines = [(floor, run.text(OneSpace.Say.floorLabel))]
        return try Figure(chart, width: 1100, height: 560).pngData()
    }

    /// Step 4: test recordings (their grid) beside the handwritten pictures nearest them.
    static func retrieval(_ queries: [(grid: [Float], name: String, found: [HandwrittenDigit])],
                          features: SpeechFeatures, run: Run) throws -> [UInt8] {
        var figure = Figure(width: 1300, height: 250 * queries.count + 80, rows: queries.count, columns: 2,
                            title: run.text(OneSpace.Say.retrievalTitle))
        for query in queries {
            figure.add(grid(query.grid, features: features, title: query.name, run: run))
            var found = ImageChart(mosaic(query.found, columns: query.found.count, scale: 5),
                                   title: run.text(OneSpace.Say.nearestPictures, query.found.count))
            found.showAxes = false
            found.showPatchNumbers = false
            figure.add(found)
        }
        return try figure.pngData()
    }

    /// Step 4: recordings, pictures and names in 2-D (PCA | t-SNE), coloured by digit, shaped by modality.
    static func space(pca: [[Float]], tsne: [[Float]], digits: [Int], modality: [Int], run: Run) throws -> [UInt8] {
        var figure = Figure(width: 1600, height: 720, columns: 2, title: run.text(OneSpace.Say.spaceTitle))
        for (xy, axis) in [(pca, "PCA"), (tsne, "t-SNE")] {
            figure.add(ScatterChart(x: xy.map { Double($0[0]) }, y: xy.map { Double($0[1]) }, classes: digits,
                                    classNames: (0..<10).map(String.init), groups: modality,
                                    groupNames: OneSpace.Say.modalities.map(run.text),
                                    title: axis, xLabel: axis + " 1", yLabel: axis + " 2"))
        }
        return try figure.pngData()
    }

    /// Step 5: per held-out speaker, recording → name (English, Chinese) and → picture, beside FSDD's split.
    static func speakers(_ names: [String], english: [Double], chinese: [Double], image: [Double],
                         split: Double, run: Run) throws -> [UInt8] {
        var chart = BarChart(categories: names, title: run.text(OneSpace.Say.speakersTitle),
                             yLabel: run.text(OneSpace.Say.accuracy))
        chart.add(run.text(OneSpace.Say.toNameEnglish), values: english)
        chart.add(run.text(OneSpace.Say.toNameChinese), values: chinese)
        chart.add(run.text(OneSpace.Say.toPicture), values: image)
        chart.yRange = 0...1
        chart.referenceLines = [(split, run.text(OneSpace.Say.splitLine)), (0.1, run.text(OneSpace.Say.chance))]
        return try Figure(chart, width: 1200, height: 600).pngData()
    }

    /// Step 6: the learner's recording as a grid, its cosine to each name, and the nearest pictures.
    static func yours(grid values: [Float], cosines: [Float], found: [HandwrittenDigit], named: (en: Int, zh: Int),
                      data: OneSpaceData, run: Run) throws -> [UInt8] {
        let features = data.features
        let title = run.text(OneSpace.Say.yoursTitle,
                             run.language == .zh ? DigitNames.chinese[named.zh] : DigitNames.english[named.en])
        var figure = Figure(width: 1500, height: 560, columns: 3, title: title)
        figure.add(grid(values, features: features, title: run.text(OneSpace.Say.yourGrid), run: run))
        let names = run.language == .zh ? DigitNames.chinese : DigitNames.english
        var bars = BarChart(categories: names, title: run.text(OneSpace.Say.yourCosines), yLabel: "cos")
        bars.add("cos", values: cosines.map(Double.init))
        bars.valueFormat = "%.2f"
        figure.add(bars)
        var pictures = ImageChart(mosaic(found, columns: 4, scale: 6), title: run.text(OneSpace.Say.nearestPictures, found.count))
        pictures.showAxes = false
        pictures.showPatchNumbers = false
        figure.add(pictures)
        return try figure.pngData()
    }

    /// A running mean over the last `window` values.
    static func smoothed(_ values: [Double], window: Int = 10) -> [Double] {
        var (out, sum) = ([Double](), 0.0)
        for (i, v) in values.enumerated() {
            sum += v
            if i >= window { sum -= values[i - window] }
            out.append(sum / Double(min(i + 1, window)))
        }
        return out
    }
}
