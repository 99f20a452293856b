// The drawings of lesson 04: plain arrays in, PNG bytes out (Figures knows nothing of tensors).

import Figures
import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

enum TokensFigures {
    typealias Say = Tokens.Say

    /// Step 1: the picture with its patch grid, numbered from 1 as the article numbers [patch1] … [patch196].
    static func patches(_ picture: RGBImage, patchSize p: Int, _ run: Run) throws -> [UInt8] {
        let n = (224 / p) * (224 / p)
        var chart = ImageChart(picture, title: run.text(Say.patchesTitle, n, p, p, n), patchSize: p)
        chart.showPatchNumbers = n <= 256
        chart.firstPatchNumber = 1
        return try Figure(chart, width: 820, height: 820).pngData()
    }

    /// Step 2: mean tokens per caption, by language, for the three ways of cutting.
    static func tokenCounts(_ counts: SubwordCounts, _ run: Run) throws -> [UInt8] {
        let languages: [(Multimodal.Language, L)] = [(.english, Say.english), (.chinese, Say.chinese)]
        var bars = BarChart(categories: languages.map { run.text($0.1) }, title: run.text(Say.countsTitle),
                            yLabel: run.text(Say.countsAxis))
        for (method, name) in zip(SubwordCounts.Method.allCases, Say.methodNames) {
            bars.add(run.text(name), values: languages.map { counts.mean($0.0, method) })
        }
        bars.valueFormat = "%.1f"
        bars.legendOutside = true
        return try Figure(bars, width: 1000, height: 520).pngData()
    }

    /// Step 4: the sequence with the patches themselves, then the words.
    static func sequence(_ picture: RGBImage, patchSize p: Int, words: [String], _ run: Run) throws -> [UInt8] {
        let n = (224 / p) * (224 / p)
        let chart = PatchSequenceChart(picture, patchSize: p, words: words,
                                       modalityNames: Say.modalityNames.map { run.text($0) },
                                       title: run.text(Say.sequenceTitle, n + words.count, n))
        return try Figure(chart, width: 1200, height: 760).pngData()
    }

    /// Step 6: the 1D code and its cosine matrix, side by side.
    static func oneDimensional(_ pe1: [[Float]], _ run: Run) throws -> [UInt8] {
        var heat = Heatmap(pe1.map { $0.map(Double.init) }, title: run.text(Say.codeTitle))
        (heat.squareCells, heat.colorMap, heat.range) = (false, .diverging, -1...1)
        (heat.xLabel, heat.yLabel) = (run.text(Say.dimension), run.text(Say.position))
        var cosine = Heatmap(RawPositions.cosineMatrix(pe1), title: run.text(Say.cosineTitle))
        (cosine.colorMap, cosine.range) = (.diverging, -1...1)
        (cosine.xLabel, cosine.yLabel) = (run.text(Say.position), run.text(Say.position))
        var figure = Figure(width: 1400, height: 650, columns: 2, title: run.text(Say.oneDimensionalTitle))
        figure.add(heat)
        figure.add(cosine)
        return try figure.pngData()
    }

    /// Step 6: four patches' similarity to every patch under the 2D code.
    static func twoDimensional(_ pe2: [[Float]], side: Int, _ run: Run) throws -> [UInt8] {
        try RawPositions.similarityMaps(pe2, side: side, title: run.text(Say.twoDimensionalTitle),
                                        patchTitle: { run.text(Say.patchAt, $0, $1, $2) },
                                        colorBarLabel: run.text(Say.cosine)).pngData()
    }

    /// Step 7: the computed cost of one layer against the number of tokens.
    static func cost(_ lengths: [Int], _ flops: [Double], width d: Int, _ run: Run) throws -> [UInt8] {
        var chart = LineChart(title: run.text(Say.costTitle, d), xLabel: run.text(Say.tokensAxis),
                              yLabel: run.text(Say.mflopAxis))
        chart.add(run.text(Say.computed), x: lengths.map(Double.init), y: flops.map { $0 / 1e6 }, showPoints: true)
        return try Figure(chart).pngData()
    }

    /// Step 9: the ViT-style mosaic for the learned positions, what training added, and the fixed sines;
    /// each panel on its own colour scale.
    static func learnedPositions(_ lesson: Tokens, sines: Tensor, _ run: Run) throws -> [UInt8] {
        let (model, untrained) = (lesson.model, lesson.untrained)
        let panels: [([[Float]], String)] = [
            (RawPositions.rows(model.patchPositions), run.text(Say.learnedPanel, lesson.recipe.steps)),
            (LearnedGrid.changeRows(before: untrained.patchPositions, after: model.patchPositions),
             run.text(Say.addedPanel)),
            (RawPositions.rows(sines), run.text(Say.sinesPanel)),
        ]
        var figure = Figure(width: 2100, height: 760, columns: 3, title: run.text(Say.mosaicTitle))
        for (codes, title) in panels {
            figure.add(RawPositions.mosaicChart(codes, side: 4, title: title, colorBarLabel: run.text(Say.cosine),
                                                rowLabel: run.text(Say.inputRow), columnLabel: run.text(Say.inputColumn)))
        }
        return try figure.pngData()
    }

    /// Step 10: the word's attention over the first four pictures, on one colour scale.
    static func catAttention(_ probes: [LearnedGrid.Probe], _ attention: [[[Double]]], block: Int,
                             _ run: Run) throws -> [UInt8] {
        let shown = Array(zip(probes, attention).prefix(4))
        let top = shown.map { $1[block].max()! }.max()!   // 0 → the largest share shown
        var figure = Figure(width: 1600, height: 340, columns: shown.count, title: run.text(Say.catTitle, block + 1))
        for (probe, a) in shown {
            let picture = SceneRenderer.render(probe.sample.scene, size: 224)
            var overlay = AttentionOverlay(RGBImage(width: 224, height: 224, pixels: picture.bytes),
                                           weights: (0..<4).map { r in Array(a[block][(r * 4)..<(r * 4 + 4)]) },
                                           title: run.text(Say.catPanel, a[block][probe.catPatch]))
            overlay.range = 0...top
            overlay.opacity = 0.5
            overlay.colorBarLabel = run.text(Say.attentionShare)
            figure.add(overlay)
        }
        return try figure.pngData()
    }
}
