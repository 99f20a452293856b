// What lesson 01 prints, in English and Chinese: the phrases its steps fill with numbers, its table
// headers and rows. The steps' narration is in 01-heterogeneity.en.md and 01-heterogeneity.zh.md.

import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

extension Heterogeneity {
    enum Say {
        // Step 1: the drawn scene
        static let imageShape = L("image shape: [%d, %d, 3], values %d…%d (UInt8)", "图像形状：[%d, %d, 3]，数值 %d…%d（UInt8）")
        static let catPixel = L("a cat pixel at (x %d, y %d): RGB %d, %d, %d", "猫身上的一个像素 (x %d, y %d)：RGB %d, %d, %d")
        static let orangeShare = L("%.1f%% of the pixels are exactly the cat's orange", "%.1f%% 的像素恰好是猫的橘色")

        // Step 2: the photograph
        static let photoShape = L("photograph shape: [%d, %d, 3], %d numbers from 0 to 255",
                                  "照片形状：[%d, %d, 3]，共 %d 个 0 到 255 的数")
        static let photoPixel = L("at the rim of the cat's eye (x %d, y %d): RGB %d, %d, %d",
                                  "猫眼边缘的一个像素 (x %d, y %d)：RGB %d, %d, %d")
        static let photoColours = L("%d different colours among its %d pixels (the drawn scene: %d); exactly the "
                                    + "article's orange 255, 128, 64: %.2f%% of them",
                                    "%2$d 个像素里有 %1$d 种不同的颜色（画出来的场景只有 %3$d 种）；恰好是文章里的橘色 "
                                    + "255, 128, 64 的：%4$.2f%%")

        // Step 3: text
        static let tokens = L("\"%@\" → %d tokens %@", "“%@” → %d 个词元 %@")
        static let ids = L("    ids: %@", "    编号：%@")
        static let vocabulary = L("vocabulary: %d tokens (%d special, then the words of the ToyWorld captions, most "
                                  + "frequent first)",
                                  "词表：%d 个词元（%d 个特殊词元，然后是 ToyWorld 描述里的词，按出现次数从多到少）")
        static let stripNames = [L("Chinese token·id", "中文词元·编号"), L("English token·id", "英文词元·编号")]

        // Step 4: sound
        static let waveform = L("waveform: %d samples at %d Hz = %g s, values %.3f…%.3f",
                                "波形：%d 个采样点，采样率 %d Hz = %g 秒，数值 %.3f…%.3f")
        static let spectrogram = L("spectrogram: [%d frames, %d bins]; frames 1 + ⌊(S − L)/H⌋ = %d, bins L/2 + 1 = %d; "
                                   + "bin k is k·%d/%d Hz",
                                   "频谱图：[%d 帧，%d 个频段]；帧数 1 + ⌊(S − L)/H⌋ = %d，频段数 L/2 + 1 = %d；"
                                   + "第 k 个频段是 k·%d/%d Hz")
        static let loudest = L("loudest: frame %d, %d Hz", "最响处：第 %d 帧，%d Hz")

        // Step 5: side by side
        static let sideColumns: [L] = [L("modality", "模态"), L("shape", "形状"), L("values", "数值"),
                                       L("structure", "结构"), L("a neighbour is", "“相邻”指")]

        static func imageRow(shape: [Int], _ low: Int, _ high: Int, _ run: Run) -> [String] {
            [run.text(L("image", "图像")), describe(shape: shape), "UInt8 \(low)…\(high)",
             run.text(L("2D grid", "二维网格")), run.text(L("the pixel beside it", "旁边的像素"))]
        }

        static func textRow(shape: [Int], _ low: Int, _ high: Int, _ vocabulary: Int, _ run: Run) -> [String] {
            [run.text(L("text", "文本")), describe(shape: shape), run.text(L("id", "编号")) + " \(low)…\(high) / \(vocabulary)",
             run.text(L("discrete sequence", "离散序列")), run.text(L("the next word", "下一个词"))]
        }

        static func soundRow(shape: [Int], _ low: Float, _ high: Float, _ rate: Int, _ run: Run) -> [String] {
            [run.text(L("sound", "声音")), describe(shape: shape), String(format: "Float %.2f…%.2f", low, high),
             run.text(L("continuous time", "连续时间")), run.text(L("the next 1/%d s", "下一个 1/%d 秒"), rate)]
        }

        // Step 6: distances between drawn pictures
        /// "orange cat", …, "orange cat, moved" (or 橘猫 … 橘猫（右移）): the compared pictures' names.
        static func objectNames(_ objects: [ToyObject], _ run: Run) -> [String] {
            objects.enumerated().map { i, o in
                run.text(L("\(o.color.english) \(o.kind.english)", o.color.chineseShort + o.kind.chinese))
                    + (i == objects.count - 1 ? run.text(L(", moved", "（右移）")) : "")
            }
        }

        static let distanceFromCat = L("  orange cat ↔ %@: %.2f", "  橘猫 ↔ %@：%.2f")
        static let tokenIds = L("token ids: 猫 %d, 狗 %d, 橘 %d · cat %d, dog %d, orange %d",
                                "词元编号：猫 %d，狗 %d，橘 %d · cat %d，dog %d，orange %d")
        static let idGaps = L("|id(猫) − id(狗)| = %d but |id(cat) − id(dog)| = %d: the same pair, another gap — ids "
                              + "are row numbers, not meanings",
                              "|id(猫) − id(狗)| = %d，而 |id(cat) − id(dog)| = %d：同一对词，差距却不同——编号只是行号，"
                              + "不代表含义")

        // Step 7: distances between photographs
        static let photoCopyKeys = ["shifted_2px", "brightened_20", "mirrored", "flat_mean_colour"]
        static let photoCopies = [L("the same photo moved 2 pixels right", "同一张照片右移 2 个像素"),
                                  L("the same photo, every value +20 (brighter)", "同一张照片，每个值 +20（更亮）"),
                                  L("the same photo mirrored (the cat looks the other way)", "同一张照片左右翻转（猫朝另一边看）"),
                                  L("a flat picture of its mean colour (no cat at all)", "一张只有平均颜色的纯色图（根本没有猫）")]
        static let photoCopyShort = [L("moved 2 px", "右移 2 像素"), L("+20 brighter", "亮 +20"),
                                     L("mirrored", "左右翻转"), L("mean colour, no cat", "平均色，没有猫")]
        static let photoDistanceColumns: [L] = [L("the photo against", "照片对比"), L("distance d", "距离 d"),
                                                L("per value d/√n", "每个值 d/√n")]

        static func photoDistanceRows(_ d: [Double], _ rms: [Double], _ run: Run) -> [[String]] {
            d.indices.map { [run.text(photoCopies[$0]), String(format: "%.1f", d[$0]), String(format: "%.3f", rms[$0])] }
        }

        static func photoCopyName(_ index: Int, _ run: Run) -> String { run.text(photoCopies[index]) }

        static let photoNearest = L("nearest to the photo in pixel space: %@ (%.1f)", "像素空间里离照片最近的：%@（%.1f）")
        static let flatNearerThanMirror = L("a picture with no cat at all (%.1f) is nearer the cat photo than the same cat "
                                            + "mirrored (%.1f): pixel distance measures where each colour sits, not what "
                                            + "the picture shows",
                                            "一张根本没有猫的图（%.1f）比同一只猫的镜像（%.1f）离这张猫的照片还近：像素距离"
                                            + "衡量的是每种颜色在哪里，而不是图里有什么")

        // Step 8: untrained encoders
        static let encoded = L("%d scenes → %d vectors of %d values (image, caption, sound)",
                               "%d 个场景 → %d 个向量，每个 %d 个数（图像、描述、声音）")
        static let sameModality = L("nearest neighbour from the same modality: %.0f%% of the points",
                                    "最近邻来自同一模态的点：%.0f%%")
        static let topOne = L("image → its own caption ranked first among %d captions: %.1f%% (chance %.1f%%)",
                              "图像 → 自己的描述在 %d 句描述中排第一：%.1f%%（随机水平 %.1f%%）")
        static let realColumns: [L] = [L("", ""), L("this lesson", "本课"), L("real systems", "真实系统")]
    }
}
