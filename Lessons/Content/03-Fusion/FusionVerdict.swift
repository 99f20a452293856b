// Lesson 03's verdict: each claim of the article about fusion, what this run measured, and whether the
// two agree. Every row is computed from the run's own numbers; a claim that does not hold says so.

import Multimodal
import Walkthrough

enum FusionVerdict {
    static func report(_ lesson: Fusion, run: Run) throws {
        let (a, b, r) = (lesson.accuracyA, lesson.accuracyB, lesson.robustnessA)
        let imageDrop = r.map { $0.image[0] - $0.image[4] }     // early, late, cross
        let textDrop = r.map { $0.text[0] - $0.text[4] }
        let costs = [lesson.earlyB.model.multiplyAdds(imageTokens: 16, textTokens: 8),
                     lesson.lateB.model.multiplyAdds(imageTokens: 16, textTokens: 8),
                     lesson.crossB.model.multiplyAdds(imageTokens: 16, textTokens: 8)]

        // 1. Early fusion: noise in one modality contaminates everything → early drops more than late.
        let earlyContaminated = imageDrop[0] > imageDrop[1] && textDrop[0] > textDrop[1]
        // 2. Late fusion is robust → the smallest drop under both corruptions.
        let lateRobust = imageDrop[1] <= imageDrop.min()! + 1e-9 && textDrop[1] <= textDrop.min()! + 1e-9
        // 3. Late fusion misses cross-modal relations → on Task B far below cross (by ≥ 0.3).
        let lateMisses = b[2] - b[1] >= 0.3
        // 4. Cross fusion works best → best on Task B and on Task A.
        let crossBestB = b[2] >= b.max()!
        let crossBestA = a[2] >= a.max()!
        // 5. Cross fusion costs the most compute.
        let crossCostliest = costs[2] > costs[0] && costs[2] > costs[1]

        let measured: [(L, String, Bool)] = [
            (L("Early fusion: one modality's noise contaminates the rest", "早期融合：一个模态的噪声会污染整体"),
             run.text(L("drop σ=2: \(f2(imageDrop[0])) vs late \(f2(imageDrop[1])); p=0.8: \(f2(textDrop[0])) vs late \(f2(textDrop[1]))",
                        "下降 σ=2：\(f2(imageDrop[0]))，晚期 \(f2(imageDrop[1]))；p=0.8：\(f2(textDrop[0]))，晚期 \(f2(textDrop[1]))")), earlyContaminated),
            (L("Late fusion is robust to noise in one modality", "晚期融合对单个模态的噪声更稳健"),
             run.text(L("drops σ=2 e/l/c: ", "下降 σ=2 早/晚/交叉：")) + imageDrop.map(f2).joined(separator: "/")
                + run.text(L("; p=0.8: ", "；p=0.8：")) + textDrop.map(f2).joined(separator: "/"), lateRobust),
            (L("Late fusion misses deep cross-modal relations", "晚期融合抓不住深层的跨模态关系"),
             run.text(L("Task B late \(f2(b[1])) vs cross \(f2(b[2]))", "任务 B：晚期 \(f2(b[1]))，交叉 \(f2(b[2]))")), lateMisses),
            (L("Cross fusion works best (needs interaction: Task B)", "交叉融合效果最好（需要交互的任务 B）"),
             run.text(L("Task B e/l/c: ", "任务 B 早/晚/交叉：")) + b.map(f2).joined(separator: "/"), crossBestB),
            (L("Cross fusion works best (complementary evidence: Task A)", "交叉融合效果最好（互补证据的任务 A）"),
             run.text(L("Task A e/l/c: ", "任务 A 早/晚/交叉：")) + a.map(f2).joined(separator: "/"), crossBestA),
            (L("Cross fusion costs the most compute", "交叉融合的计算量最大"),
             run.text(L("multiply-adds e/l/c: ", "乘加次数 早/晚/交叉：")) + costs.map(String.init).joined(separator: "/"), crossCostliest),
        ]
        run.table([run.text(L("the article's claim", "文章的论断")), run.text(L("this run measured", "本次测量")),
                   run.text(L("verdict", "结论"))],
                  measured.map { [run.text($0.0), $0.1, lesson.verdict($0.2)] })
        let keys = ["early_contaminated", "late_robust", "late_misses_relations", "cross_best_task_b",
                    "cross_best_task_a", "cross_costliest"]
        for (key, row) in zip(keys, measured) { run.metric("verdict.\(key)", row.2 ? 1 : 0) }
        for line in noiseReading(imageDrop: imageDrop, textDrop: textDrop, earlyContaminated: earlyContaminated,
                                 lateRobust: lateRobust, run: run) { run.print(line) }
        if !crossBestA {
            run.print(L("On Task A the evidence only has to be added up, not connected, so the cheaper strategies do as well or better: \"cross fusion works best\" holds where interaction is needed, not everywhere.",
                        "在任务 A 上，证据只需要相加，不需要相互关联，所以更便宜的策略同样好甚至更好：“交叉融合效果最好”在需要交互的任务上成立，并非处处成立。"))
        }
        if crossCostliest {
            let extra = Double(costs[2] - costs[0]) / Double(costs[0])
            run.print(L("At 16 image tokens cross fusion costs \(f2(extra * 100))% more than early fusion. Its extra work grows linearly with the image tokens, but the shared image encoder's self-attention grows with their square, so in relative terms the gap shrinks as images get larger (step 7).",
                        "在 16 个图像 token 时，交叉融合比早期融合多 \(f2(extra * 100))% 的计算。它多出的部分随图像 token 数线性增长，而共享图像编码器的自注意力随 token 数的平方增长，所以图像越大，相对差距反而越小（见第 7 步）。"))
        }
    }

    /// Why the two noise rows came out as they did, read off this run's drops (early, late, cross).
    static func noiseReading(imageDrop: [Double], textDrop: [Double], earlyContaminated: Bool, lateRobust: Bool,
                             run: Run) -> [String] {
        var lines: [String] = []
        if !earlyContaminated && textDrop[0] > imageDrop[0] {
            let (text, image) = (f2(textDrop[0]), f2(imageDrop[0]))
            lines.append(run.text(L("Early fusion leans on the caption here: dropping words costs it \(text), the noisiest pictures only \(image).",
                                    "早期融合在这里主要依赖描述：丢词让它下降 \(text)，最强的图像噪声只让它下降 \(image)。")))
        }
        if !lateRobust {
            let leastUnderText = textDrop[1] <= textDrop.min()! + 1e-9
            let leastUnderImage = imageDrop[1] <= imageDrop.min()! + 1e-9
            let reading = leastUnderText ? L("loses least when words are dropped, but not under image noise", "丢词时下降最少，图像加噪时却不是")
                : leastUnderImage ? L("loses least under image noise, but not when words are dropped", "图像加噪时下降最少，丢词时却不是")
                : L("loses least under neither corruption", "两种破坏下都不是下降最少的")
            lines.append(run.text(L("Late fusion \(reading.en): its average gives the corrupted modality's classifier half of the vote, however unreadable its input.",
                                    "晚期融合\(reading.zh)：它取平均，被破坏模态的分类器始终占一半票数，不管输入已经多难辨认。")))
        }
        return lines
    }
}
