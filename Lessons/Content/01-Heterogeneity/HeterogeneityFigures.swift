// The figures of lesson 01, drawn from what the steps measured: the image with a zoom on the cat's
// edge, the photograph beside the drawn scene, the caption's tokens, the sound as waveform and
// spectrogram, the pixel-distance matrices, the photograph's copies, and the untrained space.

import Figures
import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

/// Lesson 01's figures as PNG bytes; labels in the run's language.
enum HeterogeneityFigures {
    /// Step 1: the whole 224×224 image beside the 8×8 window at `corner` with each pixel's RGB written in.
    static func pixels(_ image: ToyImage, zoomAt corner: (x: Int, y: Int), run: Run) throws -> [UInt8] {
        let rgb = RGBImage(width: image.size, height: image.size, pixels: image.bytes)
        var whole = ImageChart(rgb, title: run.text(L("\(image.size)×\(image.size) pixels, 3 numbers each", "\(image.size)×\(image.size) 个像素，每个 3 个数")))
        whole.showPatchNumbers = false
        whole.highlight = (corner.x, corner.y, 8, 8)
        var zoom = ImageChart(rgb.cropped(x: corner.x, y: corner.y, width: 8, height: 8),
                              title: run.text(L("zoom: 8×8 pixels at (\(corner.x), \(corner.y))", "放大：(\(corner.x), \(corner.y)) 处的 8×8 像素")))
        zoom.annotatePixels = true
        var figure = Figure(width: 1400, height: 700, columns: 2,
                            title: run.text(L("An image is a grid of numbers", "图像是一张数字网格")))
        figure.add(whole)
        figure.add(zoom)
        return try figure.pngData()
    }

    /// Step 2: the photograph (with its credit), the 8×8 window at `corner` with each pixel's RGB
    /// written in, and the drawn scene at the same height for comparison.
    static func photo(_ photo: RGBImage, zoomAt corner: (x: Int, y: Int), toy: RGBImage, run: Run) throws -> [UInt8] {
        var whole = ImageChart(photo, title: run.text(L("a photograph: %d×%d pixels", "一张照片：%d×%d 个像素"),
                                                      photo.width, photo.height))
        whole.showPatchNumbers = false
        whole.highlight = (corner.x, corner.y, 8, 8)
        var zoom = ImageChart(photo.cropped(x: corner.x, y: corner.y, width: 8, height: 8),
                              title: run.text(L("zoom: 8×8 pixels at (%d, %d)", "放大：(%d, %d) 处的 8×8 像素"),
                                              corner.x, corner.y))
        zoom.annotatePixels = true
        var drawn = ImageChart(toy, title: run.text(L("the drawn scene: %d×%d", "画出来的场景：%d×%d"), toy.width, toy.height))
        drawn.showPatchNumbers = false
        var figure = Figure(width: 2100, height: 700, columns: 3,
                            title: run.text(L("A real cat is a grid of numbers too", "真实的猫也是一张数字网格")))
        figure.note = run.text(Photos.chelseaCredit)
        figure.add(whole)
        figure.add(zoom)
        figure.add(drawn)
        return try figure.pngData()
    }

    /// Step 3: each token with its id, coloured by language.
    static func tokens(_ strip: [(token: String, id: Int, language: Int)], run: Run) throws -> [UInt8] {
        let chart = TokenStrip(tokens: strip.map { "\($0.token)·\($0.id)" }, modalities: strip.map(\.language),
                               modalityNames: Heterogeneity.Say.stripNames.map { run.text($0) },
                               title: run.text(L("Text becomes token ids", "文本变成词元编号")))
        return try Figure(chart, width: 1000, height: 130).pngData()
    }

    /// Step 7: the photograph and its four copies, each titled with its pixel distance from the photograph.
    static func photoCopies(_ photo: RGBImage, _ copies: [RGBImage], _ d: [Double], run: Run) throws -> [UInt8] {
        var figure = Figure(width: 2000, height: 420, columns: 1 + copies.count,
                            title: run.text(L("Pixel distance from the photograph", "与照片的像素距离")))
        let titles = [run.text(L("the photograph", "原照片"))]
            + d.indices.map { run.text(Heterogeneity.Say.photoCopyShort[$0]) + String(format: "  d = %.1f", d[$0]) }
        for (image, title) in zip([photo] + copies, titles) {
            var chart = ImageChart(image, title: title)
            chart.showPatchNumbers = false
            chart.showAxes = false
            figure.add(chart)
        }
        return try figure.pngData()
    }

    /// Step 4: the waveform above its spectrogram (high frequencies on top, log(1 + magnitude)).
    static func sound(wave: [Float], spectrogram frames: Tensor, run: Run) throws -> [UInt8] {
        let (f, bins) = (frames.shape[0], frames.shape[1])                                  // [45, 129]
        let time = (0..<wave.count).map { Double($0) / Double(SceneSound.sampleRate) }
        var line = LineChart(title: run.text(L("Waveform", "波形")), xLabel: run.text(L("time (s)", "时间（秒）")),
                             yLabel: run.text(L("amplitude", "振幅")))
        line.add("", x: time, y: wave.map(Double.init))
        let rows = (0..<bins).reversed().map { k in (0..<f).map { log1p(Double(frames[$0, k])) } }
        var heat = Heatmap(rows, title: run.text(L("Spectrogram", "频谱图")),
                           rowLabels: (0..<bins).reversed().map { $0 % 32 == 0 ? "\(Int(Spectrogram.frequency(ofBin: $0))) Hz" : "" })
        heat.squareCells = false
        heat.xLabel = run.text(L("frame (16 ms apart)", "帧（间隔 16 毫秒）"))
        heat.colorBarLabel = run.text(L("log(1 + magnitude)", "log(1 + 幅度)"))
        var figure = Figure(width: 1000, height: 900, rows: 2, title: run.text(L("Sound as numbers", "声音是数字")))
        figure.add(line)
        figure.add(heat)
        return try figure.pngData()
    }

    /// Step 6: pixel distances (near = dark) beside "same kind of object?" (1 or 0), both annotated.
    static func distances(_ distances: [[Double]], sameKind: [[Double]], names: [String], run: Run) throws -> [UInt8] {
        var left = Heatmap(distances, title: run.text(L("pixel distance (64×64 images)", "像素距离（64×64 图像）")),
                           rowLabels: names, columnLabels: names)
        left.annotate = true
        left.valueFormat = "%.1f"
        left.colorMap = ColorMap(name: "viridis-reversed", anchors: (0...8).map { ColorMap.viridis.color(at: 1 - Double($0) / 8) })
        var right = Heatmap(sameKind, title: run.text(L("same kind of object?", "是同一种物体吗？")), rowLabels: names, columnLabels: names)
        right.annotate = true
        right.valueFormat = "%.0f"
        var figure = Figure(width: 1600, height: 760, columns: 2,
                            title: run.text(L("Near in pixels is not near in meaning", "像素上接近不等于含义上接近")))
        figure.add(left)
        figure.add(right)
        return try figure.pngData()
    }

    /// Step 8: every vector in 2D, PCA (straight axes) beside t-SNE (neighbours kept), coloured by the
    /// object shown and shaped by modality (`samples` once per modality: images, captions, sounds).
    static func untrainedSpace(pca: [[Float]], tsne: [[Float]], samples: [ToySample], modality: [Int],
                               run: Run) throws -> [UInt8] {
        let kinds = ObjectKind.allCases
        let objectIndex = (0..<3).flatMap { _ in samples.map { kinds.firstIndex(of: $0.scene.objects[0].kind)! } }
        let panels = [(pca, run.text(L("PCA: two straight axes", "PCA：两条直线坐标轴")), "PCA"),
                      (tsne, run.text(L("t-SNE: each point's neighbours kept", "t-SNE：保留每个点的近邻")), "t-SNE")]
        var figure = Figure(width: 1600, height: 720, columns: 2,
                            title: run.text(L("Untrained encoders: grouped by modality, not by content", "未训练的编码器：按模态分组，而不是按内容")))
        for (xy, title, axis) in panels {
            figure.add(ScatterChart(x: xy.map { Double($0[0]) }, y: xy.map { Double($0[1]) }, classes: objectIndex,
                                    classNames: kinds.map { run.language == .zh ? $0.chinese : $0.english },
                                    groups: modality,
                                    groupNames: [run.text(L("image", "图像")), run.text(L("caption", "描述")), run.text(L("sound", "声音"))],
                                    title: title, xLabel: axis + " 1", yLabel: axis + " 2"))
        }
        return try figure.pngData()
    }
}
