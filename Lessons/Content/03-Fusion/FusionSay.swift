// What lesson 03 prints, in English and Chinese: the phrases its steps fill with numbers, its table
// headers, and the rows those tables are built from. The steps' narration is in 03-fusion.en.md and
// 03-fusion.zh.md; the verdicts' words are in FusionVerdicts.swift.

import Foundation
import Multimodal
import Walkthrough

extension Fusion {
    enum Say {
        // Step 1: the wirings
        static let wiringColumns: [L] = [L("strategy", "策略"), L("where image and text meet", "图文在哪里相遇"),
                                         L("parameters", "参数量")]
        static let wirings = [L("mean(image) ⧺ mean(text) → head → answer", "均值（图像）⧺ 均值（文本）→ 分类头 → 答案"),
                              L("image → head₁ → p₁;  text → head₂ → p₂;  (p₁ + p₂)/2",
                                "图像 → 分类头₁ → p₁；文本 → 分类头₂ → p₂；(p₁ + p₂)/2"),
                              L("text tokens —attend→ image tokens → mean → head", "文本词元 —注意→ 图像词元 → 均值 → 分类头")]
        static let sharedEncoders = L("shared encoders: %d parameters (d = %d)", "共享编码器：%d 个参数（d = %d）")

        static func wiringRows(_ parameters: [Int], _ run: Run) -> [[String]] {
            Fusion.keys.indices.map { [strategy(Fusion.keys[$0], run), run.text(wirings[$0]), "\(parameters[$0])"] }
        }

        /// "early" or 早期.
        static func strategy(_ key: String, _ run: Run) -> String {
            run.text(["early": L("early", "早期"), "late": L("late", "晚期"), "cross": L("cross", "交叉")][key] ?? L(key, key))
        }

        // Step 2: the tasks
        static let taskA = L("Task A (which animal?): %d training and %d test examples, %d classes",
                             "任务 A（哪种动物？）：训练样本 %d 个，测试样本 %d 个，%d 个类别")
        static let taskB = L("Task B (what colour is the X?): %d training and %d test examples, %d classes",
                             "任务 B（X 是什么颜色？）：训练样本 %d 个，测试样本 %d 个，%d 个类别")
        static let taskATitle = L("Task A: noisy images, vague captions", "任务 A：带噪声的图像，含糊的描述")
        static let taskBTitle = L("Task B: the question picks the object, the image holds its colour",
                                  "任务 B：问题选出物体，颜色在图像里")

        // Step 3: training
        static let trainedColumns: [L] = [L("model", "模型"), L("steps", "步数"), L("first loss", "初始损失"),
                                          L("last loss (mean of 20)", "最终损失（后 20 步平均）"),
                                          L("held-out accuracy at the end", "训练结束时的留出集准确率")]

        static func trainedRows(_ jobs: [FusionJob], _ histories: [String: TrainingHistory], _ run: Run) -> [[String]] {
            jobs.map { job in
                let history = histories[job.name]
                let task = job.name.hasPrefix("a") ? run.text(L("Task A", "任务 A")) : run.text(L("Task B", "任务 B"))
                return [task + " · " + strategy(String(job.name.dropFirst(2)), run), "\(history?.losses.count ?? 0)",
                        String(format: "%.3f", history?.losses.first ?? .nan),
                        String(format: "%.3f", history?.finalLoss(last: 20) ?? .nan),
                        f2(history?.curves["accuracy"]?.last ?? .nan)]
            }
        }

        // Steps 4 and 6: accuracy
        static let accuracyColumns: [L] = [L("model", "模型"), L("test accuracy", "测试准确率")]

        static func taskARows(_ majority: Double, _ alone: (image: Double, text: Double), _ fused: [Double],
                              _ run: Run) -> [[String]] {
            [[run.text(L("majority class", "多数类")), f2(majority)],
             [run.text(L("image alone", "只看图像")), f2(alone.image)],
             [run.text(L("text alone", "只看文字")), f2(alone.text)]]
                + Fusion.keys.indices.map { [strategy(Fusion.keys[$0], run) + run.text(L(" fusion", "融合")), f2(fused[$0])] }
        }

        /// The six bars of step 6, in the order of its values: baselines, then early, late, cross.
        static func taskBNames(_ run: Run) -> [String] {
            [run.text(L("majority", "多数类")), run.text(L("text only", "只看文字")), run.text(L("image only", "只看图像"))]
                + Fusion.keys.map { strategy($0, run) + run.text(L(" fusion", "融合")) }
        }

        // Step 5: noise
        static let noiseColumns: [L] = [L("strategy", "策略"), "σ=0", "σ=1", "σ=2", "p=0.4", "p=0.8"]

        static func noiseRows(_ r: [(image: [Double], text: [Double])], _ run: Run) -> [[String]] {
            zip(Fusion.keys, r).map { key, m in
                [strategy(key, run), f2(m.image[0]), f2(m.image[2]), f2(m.image[4]), f2(m.text[2]), f2(m.text[4])]
            }
        }

        static let marginColumns: [L] = [L("strategy", "策略"), L("σ=2 − text alone", "σ=2 − 只看文字"),
                                         L("under image noise", "图像加噪时"), L("p=0.8 − image alone", "p=0.8 − 只看图像"),
                                         L("under word dropout", "丢词时")]

        /// Each strategy's margin over the clean other modality alone, and what it means.
        static func marginRows(_ margins: [NoiseMargins], _ alone: (image: Double, text: Double), _ run: Run) -> [[String]] {
            let reading = { (contaminated: Bool) in
                run.text(contaminated ? L("falls below it", "低于它") : L("stays near it", "保持在它附近"))
            }
            return zip(Fusion.keys, margins).map { key, m in
                [strategy(key, run), String(format: "%+.3f", m.image), reading(m.contaminatedByImage),
                 String(format: "%+.3f", m.text), reading(m.contaminatedByText)]
            }
        }

        // Step 7: learning curves
        static let curveColumns: [L] = [L("step", "步数"), L("early", "早期"), L("late", "晚期"), L("cross", "交叉")]

        static func curveRows(_ steps: [Int], _ curves: [[Double]]) -> [[String]] {
            steps.indices.map { i in ["\(steps[i])"] + curves.map { i < $0.count ? f2($0[i]) : "–" } }
        }

        static let reachedAt = L("%@: 0.90 first reached at step %d", "%@：第 %d 步首次达到 0.90")
        static let notReached = L("%@: 0.90 not reached", "%@：没有达到 0.90")
        static let curvesMean = L("What it means: at equal steps cross %.2f > early %.2f > late %.2f. Cross fusion lets the "
                                  + "question's word pick the patch to read; early fusion gets one average of all patches "
                                  + "beside the question, an average that blurs which colour sits where, so it learns slowly; "
                                  + "late fusion's two classifiers never see the question and the picture together, so it "
                                  + "cannot tell which object is asked about.",
                                  "这说明：步数相同时，交叉 %.2f > 早期 %.2f > 晚期 %.2f。交叉融合让问题里的词自己挑出要读的"
                                  + "图块；早期融合只拿到所有图块的一个平均，和问题并排，哪个颜色在哪里已被抹平，所以学得慢；"
                                  + "晚期融合的两个分类器从不同时看到问题和图，分不清问的是哪个物体。")

        // Step 8: attention
        static let onTarget = L("On %d test questions, the key word's strongest patch is the asked object's in %.2f%% of them.",
                                "在 %d 个测试问题中，关键词权重最大的图块正是被问物体所在图块的比例为 %.2f%%。")

        // Step 9: cost
        static let costColumns: [L] = [L("strategy", "策略"), L("parameters", "参数量"),
                                       L("multiply-adds / example", "乘加次数 / 样本")]

        static func costRows(_ costs: FusionCosts, _ run: Run) -> [[String]] {
            Fusion.keys.indices.map { [strategy(Fusion.keys[$0], run), "\(costs.parameters[$0])", "\(costs.multiplyAdds[$0])"] }
        }

        static let extraAt1024 = L("At 1024 image tokens cross fusion needs %.2f%% more multiply-adds than early fusion.",
                                   "在 1024 个图像词元时，交叉融合比早期融合多需要 %.2f%% 的乘加次数。")
        static let measuredNow = L("  measured now (not saved, median of 7 interleaved rounds, engine threads: %d): %@ per example",
                                   "  本次实测（不写入文件，7 轮交替测量的中位数，引擎线程数 %d）：每样本 %@")
        static let clockDisagrees = L("  the clock does not follow the counted multiply-adds here: at 16 image tokens the "
                                      + "models differ by a few small matrix products, and the time of so small a pass goes "
                                      + "mostly to work the count leaves out (per-operation overhead, memory traffic)",
                                      "  这里实测时间与算出的乘加次数排序不一致：16 个图像词元时三个模型只差几次小矩阵乘法，"
                                      + "这么小的一次前向，时间主要花在计数之外的开销上（每个运算的固定开销、内存读写）")
        static let measuredGrowth = L("  measured as the image grows (not saved; untrained models of the same sizes), ms per example:",
                                      "  图像变大时的实测（不写入文件；同样尺寸的未训练模型），每样本毫秒：")
        static let measuredGrowthRow = L("    %d image tokens: %@", "    %d 个图像词元：%@")
        static let measuredStage = L("  the fusion stage alone (encoders excluded; not saved), as both token counts grow:",
                                     "  只算融合部分（不含编码器；不写入文件），两种词元数一起增长时：")
        static let measuredStageRow = L("    %d image × %d text tokens: %@ per example; multiply-adds %@",
                                        "    %d 个图像词元 × %d 个文本词元：每样本 %@；乘加次数 %@")
        static let comma = L(", ", "，")

        // Step 10: verdicts
        static let verdictColumns: [L] = [L("the article's claim", "文章的论断"), L("the test", "检验标准"),
                                          L("this run measured", "本次测量"), L("verdict", "结论")]
        static let realColumns: [L] = [L("", ""), L("this lesson", "本课"), L("real systems", "真实系统")]
    }
}

/// Formats an accuracy as 0.00.
func f2(_ value: Double) -> String { String(format: "%.2f", value) }
