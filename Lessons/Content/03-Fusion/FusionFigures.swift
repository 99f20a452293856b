// The figures of lesson 03: example inputs, accuracy under noise, accuracy per strategy, learning curves,
// cross-attention beside the image, and cost against the number of image tokens. Measured arrays in,
// PNG bytes out; every label in the run's language (a Chinese run glosses the English questions and
// captions the models read).

import Figures
import Multimodal
import Walkthrough

/// Figure builders for lesson 03.
enum FusionFigures {
    /// The strategies' colours, the same in every figure: early, late, cross.
    static let colors = [Color.palette(0), Color.palette(1), Color.palette(2)]

    /// The first `count` examples of `data` with their text (or, in Chinese, its meaning) as panel titles.
    static func examples(_ data: FusionDataset, count: Int = 3, title: L, _ run: Run) throws -> [UInt8] {
        var figure = Figure(width: 620 * count, height: 640, rows: 1, columns: count, title: run.text(title))
        for index in 0..<count {
            let bytes = data.pixels[index].map { UInt8(max(0, min(255, (($0 / 2) + 0.5) * 255)).rounded()) }
            var chart = ImageChart(RGBImage(width: 32, height: 32, pixels: bytes),
                                   title: exampleTitle(data, index, run), patchSize: 8)
            chart.showPatchNumbers = false
            chart.showAxes = false
            figure.add(chart)
        }
        return try figure.pngData()
    }

    /// "\"what colour is the dog ?\" → green" in English; its meaning, 狗是什么颜色？→ 绿色, in Chinese.
    /// Task A's captions are described in Chinese by what they give away (full, only 动物, none).
    static func exampleTitle(_ data: FusionDataset, _ index: Int, _ run: Run, answer: Int? = nil) -> String {
        let label = answer ?? data.labels[index]
        guard run.language == .zh else {
            return answer == nil ? "\"\(data.texts[index])\" → \(data.classNames[label])"
                : "\(data.texts[index].dropLast(2)) → \(data.classNames[label])"
        }
        if let word = data.keyWords[index], let kind = ObjectKind.allCases.first(where: { $0.english == word }) {
            return "\(kind.chinese)是什么颜色？→ \(ToyColor(rawValue: label)?.chinese ?? "")"
        }
        let animal = ObjectKind(rawValue: label)?.chinese ?? ""
        let text = data.texts[index]
        let caption = text == "a picture" ? "没有描述" : text.contains("animal") ? "描述只说“动物”" : "描述完整"
        return "\(caption) → \(animal)"
    }

    /// Task A accuracy against corruption level, one line per strategy, one panel per corrupted modality,
    /// with the other modality's classifier alone on clean input as a dashed level in each panel.
    static func robustness(_ r: [(image: [Double], text: [Double])], alone: (image: Double, text: Double),
                           _ run: Run) throws -> [UInt8] {
        let panels: [(levels: [Float], values: [[Double]], title: L, x: L, floor: (Double, L))] = [
            (Corruption.imageNoise, r.map(\.image), L("noisy image", "图像加噪"),
             L("noise σ (image spans −1…1)", "噪声 σ（图像取值 −1…1）"),
             (alone.text, L("text alone, clean", "只看文字（干净）"))),
            (Corruption.wordDropout, r.map(\.text), L("caption word dropout", "描述丢词"), L("drop probability p", "丢词概率 p"),
             (alone.image, L("image alone, clean", "只看图像（干净）"))),
        ]
        var figure = Figure(width: 1400, height: 620, rows: 1, columns: 2,
                            title: run.text(L("Task A accuracy as one modality degrades", "一个模态变差时任务 A 的准确率")))
        for panel in panels {
            var chart = LineChart(title: run.text(panel.title), xLabel: run.text(panel.x),
                                  yLabel: run.text(L("accuracy", "准确率")))
            for (s, key) in Fusion.keys.enumerated() {
                chart.add(Fusion.Say.strategy(key, run), x: panel.levels.map(Double.init), y: panel.values[s],
                          color: colors[s], showPoints: true)
            }
            let levels = panel.levels.map(Double.init)                // the intact modality alone, flat
            chart.add(run.text(panel.floor.1), x: levels, y: levels.map { _ in panel.floor.0 },
                      color: Color.palette(7), dashed: true)
            chart.yRange = 0...1
            chart.referenceLines = [(0.25, run.text(L("chance", "随机")))]
            figure.add(chart)
        }
        return try figure.pngData()
    }

    /// Task B: one bar per baseline and strategy (`values` in the order of `Say.taskBNames`), chance as a line.
    static func accuracyBars(_ values: [Double], _ run: Run) throws -> [UInt8] {
        var chart = BarChart(categories: Fusion.Say.taskBNames(run),
                             title: run.text(L("Task B: \"what colour is the X?\"", "任务 B：“X 是什么颜色？”")),
                             yLabel: run.text(L("accuracy", "准确率")))
        chart.add(run.text(L("test accuracy", "测试准确率")), values: values, color: colors[2])
        chart.yRange = 0...1.08   // room for the label of a bar at 1.00
        chart.referenceLines = [(1.0 / 8, run.text(L("chance 1/8", "随机 1/8")))]
        return try Figure(chart, width: 1100, height: 620).pngData()
    }

    /// Held-out Task B accuracy against training step, one line per strategy.
    static func learningCurves(_ steps: [Int], _ curves: [[Double]], _ run: Run) throws -> [UInt8] {
        var chart = LineChart(title: run.text(L("Task B accuracy during training", "训练过程中任务 B 的准确率")),
                              xLabel: run.text(L("training step", "训练步数")),
                              yLabel: run.text(L("held-out accuracy", "留出集准确率")))
        for (s, key) in Fusion.keys.enumerated() where curves[s].count == steps.count {
            chart.add(Fusion.Say.strategy(key, run), x: steps.map(Double.init), y: curves[s], color: colors[s],
                      showPoints: true)
        }
        chart.yRange = 0...1
        chart.referenceLines = [(1.0 / 8, run.text(L("chance", "随机")))]
        return try Figure(chart, width: 1000, height: 620).pngData()
    }

    /// Each example twice: the picture untouched (top row), so every object keeps its true colour, and
    /// below it the key word's attention over the same 4×4 patches, each cell with its weight.
    static func attention(_ examples: FusionDataset, _ grids: [[[Double]]], answers: [Int], _ run: Run) throws -> [UInt8] {
        let count = grids.count
        var figure = Figure(width: 380 * count, height: 820, rows: 2, columns: count,
                            title: run.text(L("Where the key word looks (cross fusion, Task B)",
                                              "关键词看向哪里（交叉融合，任务 B）")))
        for index in 0..<count {
            let image = SceneRenderer.render(examples.scenes[index], size: 32)
            var chart = ImageChart(RGBImage(width: image.size, height: image.size, pixels: image.bytes),
                                   title: exampleTitle(examples, index, run, answer: answers[index]), patchSize: 8)
            chart.showPatchNumbers = false
            chart.showAxes = false
            figure.add(chart)
        }
        for index in 0..<count {
            var map = Heatmap(grids[index], title: run.text(L("attention of the key word", "关键词的注意力")))
            map.range = 0...1
            map.annotate = true
            map.colorMap = .viridis
            map.colorBarLabel = run.text(L("attention", "注意力"))   // on every panel: equal widths
            figure.add(map)
        }
        return try figure.pngData()
    }

    /// Multiply-adds (millions) against image tokens: the whole model (left) and the fusion stage
    /// alone, i.e. what is added on top of the two shared encoders (right).
    static func cost(_ costs: FusionCosts, _ run: Run) throws -> [UInt8] {
        let panels = [(costs.totals, L("whole model", "整个模型")),
                      (costs.fusionOnly, L("fusion stage only (beyond the shared encoders)", "只算融合部分（共享编码器之外）"))]
        var figure = Figure(width: 1400, height: 620, rows: 1, columns: 2,
                            title: run.text(L("Cost per example as the image gets more tokens", "图像词元增多时每个样本的计算量")))
        for (values, title) in panels {
            var chart = LineChart(title: run.text(title), xLabel: run.text(L("image tokens N", "图像词元数 N")),
                                  yLabel: run.text(L("million multiply-adds / example", "每样本乘加次数（百万）")))
            for (s, key) in Fusion.keys.enumerated() {
                chart.add(Fusion.Say.strategy(key, run), x: FusionCosts.growth.map(Double.init), y: values[s],
                          color: colors[s], dashed: s == 1, showPoints: true)
            }
            figure.add(chart)
        }
        return try figure.pngData()
    }
}
