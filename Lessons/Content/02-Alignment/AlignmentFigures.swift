// The figures of lesson 02: example pairs, a similarity heatmap, the shared space in 2D (images and texts
// as two marker shapes, each pair joined by a line), the training curves, and English captions against
// Chinese ones. Captions are shown in the run's language (--lang zh: the Chinese captions); training pairs
// as they were trained, each picture with its one caption. Plain arrays in, PNG bytes out.

import Figures
import Multimodal
import TeachingEngine
import Walkthrough

/// Figure builders for lesson 02.
public enum AlignmentFigures {
    /// A grid of training pictures with their captions as panel titles (two rows); the run shows pairs
    /// whose caption is in its own language.
    public static func pairs(_ samples: [ToySample], _ captions: [String], _ run: Run) throws -> [UInt8] {
        let title = run.text(L("Training pairs: each picture with one caption (these in English; about half "
                               + "the pictures have a Chinese one instead)",
                               "训练样本：每张图只配一句描述（这里是中文的；大约一半的图配的是英文）"))
        let columns = (samples.count + 1) / 2
        var figure = Figure(width: 300 * columns, height: 640, rows: 2, columns: columns, title: title)
        for (sample, caption) in zip(samples, captions) {
            let picture = RGBImage(width: sample.image.size, height: sample.image.size, pixels: sample.image.bytes)
            var chart = ImageChart(picture, title: caption, patchSize: 8)
            chart.showPatchNumbers = false
            chart.showAxes = false
            figure.add(chart)
        }
        return try figure.pngData()
    }

    /// When a figure was drawn: before or after training.
    public enum Moment: String { case before, after }

    /// A block of test pairs' similarities, labelled with their scenes (rows) and captions in `language`
    /// (columns).
    public static func similarity(_ block: SimilarityBlock, _ data: AlignmentData, _ language: Multimodal.Language,
                                  when: Moment, _ run: Run) throws -> [UInt8] {
        let captions = data.testCaptions(language)
        let title = when == .before ? L("Similarity before training", "训练前的相似度") : L("Similarity after training", "训练后的相似度")
        return try similarity(block.values, imageLabels: block.indices.map { sceneLabel(data, $0, run) },
                              textLabels: block.indices.map { captions[$0] },
                              title: run.text(title), xLabel: run.text(L("caption", "描述")), yLabel: run.text(L("picture", "图")))
    }

    /// English test captions (rows) against Chinese ones (columns), cosine in the shared space: the two
    /// languages were never paired in training.
    public static func languages(_ values: [[Float]], _ indices: [Int], _ data: AlignmentData, _ run: Run) throws -> [UInt8] {
        let (english, chinese) = (data.testCaptions(.english), data.testCaptions(.chinese))
        return try similarity(values, imageLabels: indices.map { english[$0] }, textLabels: indices.map { chinese[$0] },
                              title: run.text(L("English captions × Chinese captions, never paired in training",
                                                "英文描述 × 中文描述：训练中从未配对")),
                              xLabel: run.text(L("Chinese caption", "中文描述")),
                              yLabel: run.text(L("English caption", "英文描述")))
    }

    /// "small orange cat + sun", or 小橘色猫 + 太阳: what test scene `i` shows.
    static func sceneLabel(_ data: AlignmentData, _ i: Int, _ run: Run) -> String {
        let o = data.test.samples[i].scene.objects[0]
        let sun = data.test.samples[i].scene.hasSun
        return run.text(L("\(o.size.english) \(o.color.english) \(o.kind.english)" + (sun ? " + sun" : ""),
                          o.size.chinese + o.color.chinese + o.kind.chinese + (sun ? " + 太阳" : "")))
    }

    /// PCA before | after, and t-SNE after, of 200 test pairs (captions in `language`) coloured by object kind.
    public static func spaces(before: AlignmentSpace, after: AlignmentSpace, data: AlignmentData,
                              _ language: Multimodal.Language, _ run: Run) throws {
        let n = min(run.quick ? 100 : 200, data.test.count)
        let classes = data.test.samples.prefix(n).map { $0.scene.objects[0].kind.rawValue }
        let names = ObjectKind.allCases.map { run.text(L($0.english, $0.chinese)) }
        let groups = [run.text(L("picture", "图")), run.text(L("caption", "描述"))]
        let points = { (space: AlignmentSpace) in
            Array(space.images.prefix(n)) + Array(space.texts(language).prefix(n))      // [2n][32]
        }
        let pca = [before, after].map { space -> [[Float]] in PCA(points: points(space), components: 2).project(points(space)) }
        try run.figure("space-pca", png: space(
            pca, panelTitles: [run.text(L("before training (PCA)", "训练前（PCA）")), run.text(L("after training (PCA)", "训练后（PCA）"))],
            classes: classes, classNames: names, groupNames: groups,
            title: run.text(L("The shared space: each line joins a picture to its caption", "共享空间：每条线连着一张图和它的描述"))))
        var options = TSNEOptions()
        options.seed = run.seed
        options.iterations = run.quick ? 250 : 750
        let tsne = TSNE.embed(points(after), options: options)
        try run.figure("space-tsne", png: space(
            [tsne], panelTitles: [run.text(L("after training (t-SNE)", "训练后（t-SNE）"))], classes: classes, classNames: names,
            groupNames: groups, title: run.text(L("Pictures and captions gather by content", "图和描述按内容聚在一起"))))
    }

    /// Cosine similarities [images][texts] with each value written in its cell, on a fixed −1…1 scale so
    /// "before" and "after" compare by colour.
    public static func similarity(_ values: [[Float]], imageLabels: [String], textLabels: [String],
                                  title: String, xLabel: String, yLabel: String) throws -> [UInt8] {
        var chart = Heatmap(values.map { $0.map(Double.init) }, title: title, rowLabels: imageLabels, columnLabels: textLabels)
        chart.range = -1...1
        chart.annotate = true
        chart.colorMap = .viridis
        chart.xLabel = xLabel
        chart.yLabel = yLabel
        chart.colorBarLabel = "cos"
        chart.maxLabelWidth = 260
        return try Figure(chart, width: 1100, height: 820).pngData()
    }

    /// Two side-by-side 2D maps of the same pairs (e.g. before | after). Points are coloured by `classes`
    /// (names in `classNames`); images are circles, texts triangles; a grey line joins each pair.
    /// `points[k]` holds 2·n points: the n images first, then the n texts in the same order.
    public static func space(_ points: [[[Float]]], panelTitles: [String], classes: [Int], classNames: [String],
                             groupNames: [String], title: String) throws -> [UInt8] {
        var figure = Figure(width: 1500, height: 700, rows: 1, columns: points.count, title: title)
        for (panel, map) in points.enumerated() {
            let n = map.count / 2
            let x = map.map { Double($0[0]) }, y = map.map { Double($0[1]) }
            var chart = ScatterChart(x: x, y: y, classes: classes + classes, classNames: classNames,
                                     groups: [Int](repeating: 0, count: n) + [Int](repeating: 1, count: n),
                                     groupNames: groupNames, title: panelTitles[panel])
            chart = chart.joiningPairs((0..<n).map { ($0, $0 + n) }, x: x, y: y)
            chart.segmentColor = Color(hex: 0x888888, opacity: 0.35)
            if panel < points.count - 1 { chart.legend = [] }
            figure.add(chart)
        }
        return try figure.pngData()
    }

    /// The loss per step (left) and the learned temperature τ per step (right).
    public static func training(_ history: TrainingHistory, chanceLoss: Double, _ run: Run) throws -> [UInt8] {
        let (losses, temperatures) = (history.losses, history.curves["temperature"] ?? [])
        let titles = (loss: run.text(L("Contrastive loss (mean of 10 steps)", "对比损失（10 步滑动平均）")),
                      temperature: run.text(L("Learned temperature τ", "学到的温度 τ")))
        let xLabel = run.text(L("step", "步")), chanceLabel = run.text(L("chance, ln 64", "随机水平 ln 64"))
        let steps = (1...max(1, losses.count)).map(Double.init)
        var loss = LineChart(title: titles.loss, xLabel: xLabel, yLabel: run.text(L("loss", "损失")))
        loss.add(run.text(L("loss", "损失")), x: steps, y: smoothed(losses))
        loss.referenceLines = [(chanceLoss, chanceLabel)]
        var temperature = LineChart(title: titles.temperature, xLabel: xLabel, yLabel: "τ")
        temperature.add("τ", x: steps, y: temperatures, color: .palette(1))
        var figure = Figure(width: 1300, height: 520, rows: 1, columns: 2)
        figure.add(loss)
        figure.add(temperature)
        return try figure.pngData()
    }

    /// A running mean over the last `window` values, so the curve shows the trend through batch noise.
    static func smoothed(_ values: [Double], window: Int = 10) -> [Double] {
        var out: [Double] = []
        var sum = 0.0
        for (i, v) in values.enumerated() {
            sum += v
            if i >= window { sum -= values[i - window] }
            out.append(sum / Double(min(i + 1, window)))
        }
        return out
    }
}
