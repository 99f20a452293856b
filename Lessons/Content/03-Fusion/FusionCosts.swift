// Step 7's numbers: what each Task B model costs per example, counted from its layer sizes, and how
// that grows as the image is cut into more tokens; plus the timing line for the terminal only.

import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

/// The cost of the three Task B models (early, late, cross), counted, never typed in.
///
///     let costs = FusionCosts(lesson)
///     costs.multiplyAdds            // per example at 16 image tokens and 8 text tokens
///     costs.totals[2][3]            // cross fusion at 1024 image tokens, millions of multiply-adds
struct FusionCosts {
    /// Image-token counts the figure grows through, as a larger image would give.
    static let growth = [16, 64, 256, 1024]

    let parameters: [Int]
    /// Multiply-adds per example at the lesson's own size (16 image tokens).
    let multiplyAdds: [Int]
    /// [strategy][growth index]: millions of multiply-adds per example, whole model.
    let totals: [[Double]]
    /// [strategy][growth index]: the same minus the shared encoders: the fusion stage alone.
    let fusionOnly: [[Double]]

    init(_ lesson: Fusion) {
        let models: [any FusionModel] = [lesson.earlyB.model, lesson.lateB.model, lesson.crossB.model]
        let (n, t) = (lesson.sizesB.image.patchCount, lesson.sizesB.text.length)
        parameters = models.map(\.parameterCount)
        multiplyAdds = models.map { $0.multiplyAdds(imageTokens: n, textTokens: t) }
        let encoders = FusionCosts.growth.map { Double(lesson.sizesB.encoderMultiplyAdds(imageTokens: $0, textTokens: t)) / 1e6 }
        let totals = models.map { m in FusionCosts.growth.map { Double(m.multiplyAdds(imageTokens: $0, textTokens: t)) / 1e6 } }
        self.totals = totals
        fusionOnly = totals.map { zip($0, encoders).map { $0 - $1 } }
    }

    /// How much more cross fusion costs than early fusion at 1024 image tokens, as a share (0.03 = 3%).
    var crossExtraShareAt1024: Double { (totals[2][3] - totals[0][3]) / totals[0][3] }

    /// The figure: cost against image tokens, whole model and fusion stage, one line per strategy.
    func figure(strategies: [String], run: Run) throws -> [UInt8] {
        try FusionFigures.cost(
            tokens: FusionCosts.growth, costs: [totals, fusionOnly], strategies: strategies,
            panelTitles: [run.text(L("whole model", "整个模型")), run.text(L("fusion stage only (beyond the shared encoders)", "只算融合部分（共享编码器之外）"))],
            xLabel: run.text(L("image tokens N", "图像 token 数 N")), yLabel: run.text(L("million multiply-adds / example", "每样本乘加次数（百万）")),
            title: run.text(L("Cost per example as the image gets more tokens", "图像 token 增多时每个样本的计算量")))
    }
}

extension Fusion {
    /// Milliseconds per example of each Task B model on up to 250 test questions (median of interleaved
    /// rounds), as lines for the terminal (`run.note`): they differ from run to run, so they never enter
    /// the run's files. When the measured order differs from the counted multiply-adds, the second line says so.
    func measuredTimesLines(multiplyAdds: [Int], run: Run) -> [String] {
        let timing = testB.subset(Array(0..<min(250, testB.count)))
        let ms = millisecondsPerExample([forwardPass(earlyB.model, on: timing), forwardPass(lateB.model, on: timing),
                                         forwardPass(crossB.model, on: timing)], examples: timing.count)
        var lines = [run.text(L("  measured now (not saved, median of 7 interleaved rounds): ", "  本次实测（不写入文件，7 轮交替测量的中位数）："))
            + zip(strategies, ms).map { String(format: "%@ %.3f ms", $0, $1) }.joined(separator: ", ")
            + run.text(L(" per example", " 每样本"))]
        let countedOrder = multiplyAdds.indices.sorted { multiplyAdds[$0] < multiplyAdds[$1] }
        let measuredOrder = ms.indices.sorted { ms[$0] < ms[$1] }
        if countedOrder.last != measuredOrder.last {
            lines.append(run.text(L("  the clock does not follow the counted multiply-adds here: at 16 image tokens the models differ by a few small matrix products, and the time of so small a pass goes mostly to work the count leaves out (per-operation overhead, memory traffic); the cost claim rests on the counted multiply-adds",
                                    "  这里实测时间与算出的乘加次数排序不一致：16 个图像 token 时三个模型只差几次小矩阵乘法，这么小的一次前向，时间主要花在计数之外的开销上（每个运算的固定开销、内存读写）；代价的结论以算出的乘加次数为准")))
        }
        return lines
    }

    /// Image sides whose 8×8 patch grids give 16, 64 and 256 image tokens, for the measured growth.
    static let timedImageSides = [32, 64, 128]

    /// Milliseconds per example of fresh (untrained) early, late and cross models of the lesson's sizes as the
    /// image grows (32, 64, 128 pixels: 16, 64, 256 tokens; 32 random images with the first 32 Task B
    /// questions; median of interleaved rounds), as lines for the terminal: the clock's view of the figure.
    func measuredGrowthLines(run: Run) -> [String] {
        let questions = FusionText.ids(Array(testB.texts.prefix(32)), length: sizesB.text.length)   // [32][8]
        var rng = run.rng(70)
        var lines = [run.text(L("  measured as the image grows (not saved; untrained models of the same sizes), ms per example:",
                                "  图像变大时的实测（不写入文件；同样尺寸的未训练模型），每样本毫秒："))]
        for side in Fusion.timedImageSides {
            var sizes = sizesB
            sizes.image.imageSize = side
            let images = Tensor(randomNormal: [questions.count, side, side, 3], using: &rng)          // [32, S, S, 3]
            let models: [any FusionModel] = [EarlyFusion(sizes, using: &rng), LateFusion(sizes, using: &rng),
                                             CrossFusion(sizes, using: &rng)]
            let passes = models.map { model in { _ = noGrad { model.logits(images: images, ids: questions) } } }
            let ms = millisecondsPerExample(passes, examples: questions.count)
            lines.append("    \(sizes.image.patchCount) " + run.text(L("image tokens: ", "个图像 token："))
                         + zip(strategies, ms).map { String(format: "%@ %.3f", $0, $1) }.joined(separator: ", "))
        }
        return lines
    }
}
