// Step 9's numbers: what each Task B model costs per example, counted from its layer sizes, and how
// that grows as the image is cut into more tokens; plus the clock's view, on the terminal only (it
// changes from run to run): the three trained models, whole models of growing images, and the fusion
// stage alone at growing token counts, where cross fusion's extra work finally shows on the clock.

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
        let models: [any FusionModel] = [lesson.earlyB, lesson.lateB, lesson.crossB]
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
}

extension Fusion {
    /// Prints on the terminal only (`run.note`; the run's files stay the same for one seed) what the
    /// clock says: milliseconds per example of the three trained models, of fresh models as the image
    /// grows (default run), and of the fusion stage alone as both token counts grow (default run).
    func noteMeasuredTimes(multiplyAdds: [Int]) {
        for line in measuredTimesLines(multiplyAdds: multiplyAdds) { run.note(line) }
        guard !run.quick else { return }
        for line in measuredGrowthLines() + fusionStageLines() { run.note(line) }
    }

    /// Milliseconds per example of each Task B model on up to 250 test questions (median of interleaved
    /// rounds). When the measured order differs from the counted multiply-adds, the second line says so.
    func measuredTimesLines(multiplyAdds: [Int]) -> [String] {
        let timing = testB.subset(Array(0..<min(250, testB.count)))
        let ms = millisecondsPerExample([forwardPass(earlyB, on: timing), forwardPass(lateB, on: timing),
                                         forwardPass(crossB, on: timing)], examples: timing.count)
        lastMeasuredMilliseconds = ms
        var lines = [run.text(Say.measuredNow, EngineThreads.count, listed(ms, "%.3f ms"))]
        let countedOrder = multiplyAdds.indices.sorted { multiplyAdds[$0] < multiplyAdds[$1] }
        let measuredOrder = ms.indices.sorted { ms[$0] < ms[$1] }
        if countedOrder.last != measuredOrder.last { lines.append(run.text(Say.clockDisagrees)) }
        return lines
    }

    /// Image sides whose 8×8 patch grids give 16, 64 and 256 image tokens, for the measured growth.
    static let timedImageSides = [32, 64, 128]

    /// Milliseconds per example of fresh (untrained) early, late and cross models of the lesson's sizes as
    /// the image grows (32, 64, 128 pixels: 16, 64, 256 tokens; 32 random images with the first 32 Task B
    /// questions; median of interleaved rounds): the clock's view of the figure's left panel.
    func measuredGrowthLines() -> [String] {
        let questions = FusionText.ids(Array(testB.texts.prefix(32)), length: sizesB.text.length)   // [32][8]
        var rng = run.rng(70)
        var lines = [run.text(Say.measuredGrowth)]
        for side in Fusion.timedImageSides {
            var sizes = sizesB
            sizes.image.imageSize = side
            let images = Tensor(randomNormal: [questions.count, side, side, 3], using: &rng)          // [32, S, S, 3]
            let models: [any FusionModel] = [EarlyFusion(sizes, using: &rng), LateFusion(sizes, using: &rng),
                                             CrossFusion(sizes, using: &rng)]
            let passes = models.map { model in { _ = noGrad { model.logits(images: images, ids: questions) } } }
            let ms = millisecondsPerExample(passes, examples: questions.count)
            lines.append(run.text(Say.measuredGrowthRow, sizes.image.patchCount, listed(ms, "%.3f")))
        }
        return lines
    }

    /// Image and text token counts at which the fusion stage alone is timed: the lesson's own size, then
    /// sizes nearer real models (a 336-pixel ViT-L/14 gives 576 image tokens; a long prompt, hundreds of
    /// text tokens).
    static let fusionStageSizes = [(image: 16, text: 8), (image: 256, text: 64), (image: 1024, text: 256)]

    /// Milliseconds per example of the fusion stage alone, on given token sequences (the encoders'
    /// outputs, here random): early and late fusion pool and classify; cross fusion runs its attention
    /// from every text token to every image token first. Counted multiply-adds beside the times.
    func fusionStageLines() -> [String] {
        var rng = run.rng(71)
        let models = (EarlyFusion(sizesB, using: &rng), LateFusion(sizesB, using: &rng), CrossFusion(sizesB, using: &rng))
        var lines = [run.text(Say.measuredStage)]
        for size in Fusion.fusionStageSizes {
            let image = Variable(Tensor(randomNormal: [8, size.image, sizesB.width], using: &rng))   // [8, N, d]
            let text = Variable(Tensor(randomNormal: [8, size.text, sizesB.width], using: &rng))     // [8, T, d]
            let passes: [() -> Void] = [
                { _ = noGrad { models.0.head(concatenate([meanPool(image), meanPool(text)], alongAxis: 1)) } },
                { _ = noGrad { softmax(models.1.imageHead(meanPool(image))) + softmax(models.1.textHead(meanPool(text))) } },
                { _ = noGrad {
                    let attended = models.2.crossAttention(text, context: image).output            // [8, T, d]
                    return models.2.head(meanPool(models.2.norm(text + attended)))
                } },
            ]
            let ms = millisecondsPerExample(passes, examples: 8)
            let counted = [models.0.multiplyAdds(imageTokens: size.image, textTokens: size.text),
                           models.1.multiplyAdds(imageTokens: size.image, textTokens: size.text),
                           models.2.multiplyAdds(imageTokens: size.image, textTokens: size.text)]
                .map { $0 - sizesB.encoderMultiplyAdds(imageTokens: size.image, textTokens: size.text) }
            lines.append(run.text(Say.measuredStageRow, size.image, size.text, listed(ms, "%.4f ms"),
                                  listed(counted.map(Double.init), "%.0f")))
        }
        return lines
    }

    /// "early 0.031, late 0.029, cross 0.030" with the strategies' names.
    func listed(_ values: [Double], _ format: String) -> String {
        zip(strategies, values).map { "\($0) " + String(format: format, $1) }.joined(separator: run.text(Say.comma))
    }
}
