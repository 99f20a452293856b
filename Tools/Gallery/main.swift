// The Figures gallery: one of every chart kind, drawn from made-up data, so a reader sees what
// the chart library can do. Usage: swift run figures-gallery out/gallery
//
// The data comes from fixed formulas (a Halton sequence turned into normal samples), so every
// run draws the same pictures, byte for byte.
import Figures
import Foundation

let folder = CommandLine.arguments.dropFirst().first ?? "out/gallery"
do {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
} catch {
    FileHandle.standardError.write(Data("figures-gallery: cannot create '\(folder)': \(error.localizedDescription)\n".utf8))
    exit(1)
}

// MARK: - Made-up data

/// The i-th element of the Halton sequence in `base`: evenly spread numbers in (0, 1).
func halton(_ i: Int, _ base: Int) -> Double {
    var (f, r, n) = (1.0, 0.0, i + 1)
    while n > 0 { f /= Double(base); r += f * Double(n % base); n /= base }
    return r
}

/// An irregular-looking number in [0, 1) for index i (the fractional part of a scaled sine).
func texture(_ i: Int) -> Double {
    let v = sin(Double(i) * 12.9898) * 43_758.5453
    return v - v.rounded(.down)
}

/// A pair of standard-normal-looking numbers from the Halton points of index i (Box–Muller).
func normalPair(_ i: Int) -> (Double, Double) {
    let (u, v) = (halton(i, 2), halton(i, 3))
    let radius = (-2 * log(u)).squareRoot()
    return (radius * cos(2 * .pi * v), radius * sin(2 * .pi * v))
}

/// A toy picture: an orange cat's head (RGB 255, 128, 64, the article's orange) on grass and sky.
func toyScene(size: Int) throws -> RGBImage {
    let canvas = try Canvas(width: size, height: size, background: Color(hex: 0x9FD3F0))
    let s = Double(size)
    canvas.fill(Rect(x: 0, y: s * 0.7, width: s, height: s * 0.3), Color(hex: 0x5DAA48))
    let orange = Color(red: 255, green: 128, blue: 64)
    canvas.fillConvexPolygon([Point(s * 0.30, s * 0.42), Point(s * 0.36, s * 0.18), Point(s * 0.48, s * 0.36)], color: orange)
    canvas.fillConvexPolygon([Point(s * 0.52, s * 0.36), Point(s * 0.64, s * 0.18), Point(s * 0.70, s * 0.42)], color: orange)
    canvas.fillCircle(center: Point(s * 0.5, s * 0.52), radius: s * 0.24, color: orange)
    for x in [0.41, 0.59] { canvas.fillCircle(center: Point(s * x, s * 0.47), radius: s * 0.035, color: .darkGray) }
    canvas.fillConvexPolygon([Point(s * 0.47, s * 0.57), Point(s * 0.53, s * 0.57), Point(s * 0.5, s * 0.61)],
                             color: Color(hex: 0xC0504D))
    return canvas.rgbImage()
}

/// A similarity matrix: matching pairs high on the diagonal, small values elsewhere.
func similarityValue(_ i: Int, _ j: Int) -> Double {
    i == j ? 0.82 - 0.05 * Double(i) : 0.1 * cos(Double(i * 5 + j))
}

/// Attention that favours nearby patches, with a little texture.
func attentionValue(_ i: Int, _ j: Int, _ n: Int) -> Double {
    let distance = Double(i - j)
    return exp(-distance * distance / 200) + 0.3 * texture(i * n + j)
}

/// A tone gliding upwards with its first overtone. Row 0 is the highest bin, so that high
/// frequencies are drawn at the top (a heatmap draws row 0 at the top).
func spectrogramValue(_ bin: Int, _ frame: Int, _ rate: Double) -> Double {
    let f = Double(63 - bin) * rate / 128
    let glide = 440 + 8 * Double(frame)
    let tone = exp(-(f - glide) * (f - glide) / 2000)
    let overtone = 0.4 * exp(-(f - 2 * glide) * (f - 2 * glide) / 2000)
    return tone + overtone + 0.05 * texture(bin * 100 + frame)
}

/// A round bump of height 1 at distance 0.
func bump(_ dr: Double, _ dc: Double) -> Double { exp(-(dr * dr + dc * dc) / 3) }

func save(_ figure: Figure, _ name: String) throws {
    try figure.writePNG(to: folder + "/" + name)
    print("wrote \(folder)/\(name)")
}

do {
    // MARK: - Scatter: images (●) and captions (▲) of four animals in a shared space, pairs joined
    let animals = ["cat", "dog", "bird", "fish"]
    var (x, y, classes, groups) = ([Double](), [Double](), [Int](), [Int]())
    for i in 0..<80 {
        let c = i % 4
        let centre = (cos(Double(c) * .pi / 2) * 3, sin(Double(c) * .pi / 2) * 3)
        let (a, b) = normalPair(i)
        x.append(centre.0 + a * 0.7); y.append(centre.1 + b * 0.7); classes.append(c); groups.append(0)
        // its caption lands near the image, shifted: the "modality gap"
        let (d, e) = normalPair(i + 500)
        x.append(x.last! + 0.9 + d * 0.25); y.append(y.last! + 0.6 + e * 0.25); classes.append(c); groups.append(1)
    }
    let pairs = stride(from: 0, to: 40, by: 2).map { ($0, $0 + 1) }
    let scatter = ScatterChart(x: x, y: y, classes: classes, classNames: animals, groups: groups,
                               groupNames: ["image", "text"], title: "Shared embedding space",
                               xLabel: "dimension 1", yLabel: "dimension 2").joiningPairs(pairs, x: x, y: y)
    try save(Figure(scatter), "scatter.png")

    // MARK: - Line: loss curves and accuracy, two panels
    let steps = (0...300).map(Double.init)
    var loss = LineChart(title: "Contrastive loss", xLabel: "step", yLabel: "loss")
    loss.add("train", x: steps, y: steps.map { 4.2 * exp(-$0 / 60) + 0.35 + 0.06 * sin($0 / 3) })
    loss.add("validation", x: steps, y: steps.map { 4.2 * exp(-$0 / 70) + 0.55 }, dashed: true)
    var accuracy = LineChart(title: "Zero-shot accuracy", xLabel: "step", yLabel: "accuracy")
    accuracy.add("top-1", x: steps, y: steps.map { 1 - 0.75 * exp(-$0 / 80) }, color: .palette(2))
    accuracy.yRange = 0...1
    accuracy.referenceLines = [(0.25, "chance (4 classes)")]
    var curves = Figure(width: 1200, height: 500, columns: 2, title: "Training a toy CLIP")
    curves.add(loss); curves.add(accuracy)
    try save(curves, "lines.png")

    // MARK: - Grouped bars with values and a chance line
    var bars = BarChart(categories: ["what colour", "what animal", "is there", "left of"],
                        title: "VQA accuracy per question type", yLabel: "accuracy")
    bars.add("cross fusion", values: [0.98, 0.97, 0.88, 0.81])
    bars.add("early fusion", values: [0.91, 0.93, 0.74, 0.62])
    bars.add("text only (blind)", values: [0.34, 0.26, 0.52, 0.50])
    bars.yRange = 0...1.1
    bars.referenceLines = [(0.5, "chance (yes/no)")]
    try save(Figure(bars), "bars.png")

    // MARK: - Heatmaps: a labelled similarity matrix; the same in Chinese; a 196×196 map
    let captions = ["an orange cat on grass", "a brown dog running", "a small blue bird", "a red fish in water",
                    "a black cat sleeping on a very long sofa"]
    let similarity: [[Double]] = (0..<5).map { i in (0..<5).map { j in similarityValue(i, j) } }
    var matrix = Heatmap(similarity, title: "Image–caption cosine similarity",
                         rowLabels: (1...5).map { "image \($0)" }, columnLabels: captions)
    matrix.colorMap = .diverging
    matrix.annotate = true
    matrix.colorBarLabel = "cosine similarity"
    try save(Figure(matrix, width: 900, height: 700), "heatmap_similarity.png")

    var chinese = Heatmap([[0.91, 0.12, 0.05, 0.02], [0.15, 0.88, 0.07, 0.03], [0.04, 0.09, 0.86, 0.11], [0.02, 0.05, 0.13, 0.90]],
                          title: "相似度矩阵", rowLabels: ["猫", "狗", "鸟", "鱼"],
                          columnLabels: ["一只猫", "一只狗", "一只鸟", "一条鱼"])
    chinese.annotate = true
    chinese.xLabel = "文本"
    chinese.yLabel = "图像"
    chinese.colorBarLabel = "余弦相似度"
    try save(Figure(chinese, width: 700, height: 600), "heatmap_chinese.png")

    let n = 196
    let attention: [[Double]] = (0..<n).map { i in (0..<n).map { j in attentionValue(i, j, n) } }
    var big = Heatmap(attention, title: "Attention between 196 patches")
    big.xLabel = "key patch"; big.yLabel = "query patch"
    try save(Figure(big, width: 800, height: 800), "heatmap_196.png")

    // MARK: - Image with patches, and a zoomed crop whose pixels print their values
    let scene = try toyScene(size: 224)
    var whole = ImageChart(scene, title: "224×224 image, 16×16 patches", patchSize: 16)
    whole.showPatchNumbers = true
    var zoom = ImageChart(scene.cropped(x: 82, y: 98, width: 6, height: 6), title: "zoom: 6×6 pixels at (82, 98)")
    zoom.annotatePixels = true
    var images = Figure(width: 1300, height: 650, columns: 2, title: "An image is a grid of numbers")
    images.add(whole); images.add(zoom)
    try save(images, "image.png")

    // MARK: - Attention overlay: where an answer token looked
    let small = try toyScene(size: 64)
    let weights: [[Double]] = (0..<8).map { r in (0..<8).map { c in bump(Double(r) - 4, Double(c) - 3.5) } }
    let total = weights.joined().reduce(0, +)
    let overlay = AttentionOverlay(small, weights: weights.map { $0.map { $0 / total } }, title: "Answer 'cat': attention over 8×8 patches")
    try save(Figure(overlay, width: 800, height: 650), "attention.png")

    // MARK: - Token strip: 196 image patches then [我][喜欢][这只][猫]
    let tokens = (0..<196).map { "p\($0)" } + ["我", "喜欢", "这只", "猫"]
    let strip = TokenStrip(tokens: tokens, modalities: Array(repeating: 0, count: 196) + [1, 1, 1, 1],
                           modalityNames: ["image patch", "text token"], title: "One sequence of 200 tokens")
    try save(Figure(strip, width: 1000, height: 420), "tokens.png")

    // MARK: - Waveform and spectrogram: a line chart and a heatmap with good axes
    let rate = 8000.0
    let time = (0..<800).map { Double($0) / rate }
    var wave = LineChart(title: "Waveform: 440 Hz + 880 Hz", xLabel: "time (s)", yLabel: "amplitude")
    wave.add("", x: time, y: time.map { 0.7 * sin(2 * .pi * 440 * $0) + 0.3 * sin(2 * .pi * 880 * $0) })
    let spectrogram: [[Double]] = (0..<64).map { bin in (0..<100).map { frame in spectrogramValue(bin, frame, rate) } }
    // Row r holds the frequency (63 − r)·8000/128 Hz: label every 16th bin in Hz, 0 Hz at the bottom.
    let frequencyLabels = (0..<64).map { row in (63 - row) % 16 == 0 ? "\((63 - row) * Int(rate) / 128) Hz" : "" }
    var spectrum = Heatmap(spectrogram, title: "Spectrogram of a rising tone", rowLabels: frequencyLabels)
    spectrum.squareCells = false
    spectrum.xLabel = "frame"; spectrum.yLabel = "frequency"; spectrum.colorBarLabel = "magnitude"
    var sound = Figure(width: 900, height: 800, rows: 2, title: "Sound as numbers")
    sound.add(wave); sound.add(spectrum)
    try save(sound, "sound.png")

    // MARK: - Robustness: accuracy against noise, one panel per modality
    let noise = [0, 0.25, 0.5, 0.75, 1.0]
    var panels = Figure(width: 1500, height: 480, columns: 3, title: "Accuracy as one modality gets noisier")
    for (k, modality) in ["image noise σ", "caption dropout p", "audio noise σ"].enumerated() {
        var chart = LineChart(title: modality.components(separatedBy: " ").first!, xLabel: modality, yLabel: "accuracy")
        for (s, strategy) in ["early", "late", "cross"].enumerated() {
            chart.add(strategy, x: noise, y: noise.map { 0.95 - $0 * (0.15 + 0.1 * Double((s + k) % 3)) }, showPoints: true)
        }
        chart.yRange = 0...1
        chart.referenceLines = [(0.25, "chance")]
        panels.add(chart)
    }
    try save(panels, "robustness.png")
} catch {
    FileHandle.standardError.write(Data("figures-gallery: \(error)\n".utf8))
    exit(1)
}
