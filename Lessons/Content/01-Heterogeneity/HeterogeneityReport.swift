// The sentences lesson 01 prints about its measurements, chosen by the numbers themselves: if a
// comparison comes out the other way for some seed or setting, the printed sentence says so.

import Foundation
import Multimodal
import Walkthrough

/// Lesson 01's computed sentences, in the run's language.
enum HeterogeneityReport {
    /// Step 5's reading of the pixel distances from the orange cat, `row` in the order of
    /// `Heterogeneity.comparedObjects`: [cat, gray cat, orange dog, gray dog, orange square, orange circle, moved cat].
    ///
    ///     distanceReading([0, 9.1, 8.2, 9.9, 6.5, 6.8, 12.0], run: run)
    ///     // ["the orange square (6.50) is nearer the orange cat than the orange dog (8.20), …", …]
    static func distanceReading(_ row: [Double], run: Run) -> [String] {
        let (grayCat, dog, square, moved) = (row[1], row[2], row[4], row[6])
        let squareVersusDog = square < dog
            ? L(String(format: "the orange square (%.2f) is nearer the orange cat than the orange dog (%.2f), a fellow animal", square, dog),
                String(format: "橘色方块（%.2f）比同为动物的橘色狗（%.2f）离橘猫更近", square, dog))
            : L(String(format: "the orange dog (%.2f) is nearer the orange cat than the orange square (%.2f)", dog, square),
                String(format: "橘色狗（%.2f）比橘色方块（%.2f）离橘猫更近", dog, square))
        let squareVersusGrayCat = square < grayCat
            ? L(String(format: "the orange square (%.2f) is even nearer than the gray cat (%.2f)", square, grayCat),
                String(format: "橘色方块（%.2f）甚至比灰猫（%.2f）还近", square, grayCat))
            : L(String(format: "but the gray cat (%.2f) is still a little nearer than the orange square (%.2f): in the same place, the cat's outline counts too", grayCat, square),
                String(format: "不过灰猫（%.2f）仍比橘色方块（%.2f）近一点：位置相同时，猫的轮廓也起作用", grayCat, square))
        let farthest = moved >= row.max()!
        let movedCat = farthest
            ? L(String(format: "the same orange cat moved one cell: %.2f, farther than every other picture", moved),
                String(format: "同一只橘猫右移一格：%.2f，比其他所有图都远", moved))
            : L(String(format: "the same orange cat moved one cell: %.2f", moved),
                String(format: "同一只橘猫右移一格：%.2f", moved))
        return [squareVersusDog, squareVersusGrayCat, movedCat].map { run.text($0) }
    }
}

extension Heterogeneity {
    /// Rows of the toy beside real systems: the toy's sizes are this run's (the scene, the photograph,
    /// the vocabulary, the sound, step 8's encoders); the real side is from the papers (CLIP, Radford et
    /// al. 2021; ViT, Dosovitskiy et al. 2021; GPT-2, Radford et al. 2019; Whisper, Radford et al. 2022).
    /// `sameModality` is step 8's share of nearest neighbours from the same modality.
    ///
    ///     run.table(Say.realColumns, lesson.toyBesideReal(sameModality: 1))
    ///     // image | one 224×224×3 drawn scene (117 colours) and one 451×300 photograph | CLIP ViT-B/16 …
    func toyBesideReal(sameModality: Double) -> [[String]] {
        let t = { (en: String, zh: String) in self.run.text(L(en, zh)) }
        let (side, colours) = (image.size, PhotoMeasures.distinctColours(imageRGB))
        let (rate, samples) = (SceneSound.sampleRate, wave.count)
        let seconds = String(format: "%g", Double(samples) / Double(rate))
        let (frames, bins) = (spectrogram.shape[0], spectrogram.shape[1])
        let (n, width, hidden) = (encodedSamples.count, knobs.width, UntrainedEncoders.hidden)
        let crossing = sameModality == 1
            ? run.text(L("no neighbour crosses a modality", "没有一个最近邻跨过模态"))
            : run.text(L("%.0f%% of nearest neighbours from the same modality", "%.0f%% 的最近邻来自同一模态"),
                       sameModality * 100)
        return [
            [t("image", "图像"),
             t("one \(side)×\(side)×3 drawn scene (\(colours) colours) and one \(photo.width)×\(photo.height) photograph",
               "一张 \(side)×\(side)×3 的画出来的场景（\(colours) 种颜色）和一张 \(photo.width)×\(photo.height) 的照片"),
             t("CLIP ViT-B/16 reads 224×224×3 = 150,528 values per picture, cut into 196 patches (lesson 04)",
               "CLIP ViT-B/16 每张图读 224×224×3 = 150,528 个数，切成 196 个图块（第 04 课）")],
            [t("text", "文本"),
             t("\(tokenizer.count) whole words, cut by longest match", "\(tokenizer.count) 个整词，按最长匹配切分"),
             t("CLIP: 49,408 byte-level BPE tokens, 77 per caption; GPT-2: 50,257 (lesson 04 learns merges)",
               "CLIP：49,408 个字节级 BPE 词元，每句描述 77 个；GPT-2：50,257 个（第 04 课学习合并）")],
            [t("sound", "声音"),
             t("\(rate / 1000) kHz, \(seconds) s, STFT of \(Heterogeneity.frameLength) samples every "
               + "\(Heterogeneity.hop) → \(frames) frames × \(bins) bins",
               "\(rate / 1000) kHz，\(seconds) 秒，每 \(Heterogeneity.hop) 个采样点做一次 \(Heterogeneity.frameLength) "
               + "点的 STFT → \(frames) 帧 × \(bins) 个频段"),
             t("Whisper: 16 kHz, 30 s windows, 25 ms frames every 10 ms → 3,000 frames × 80 log-mel bins",
               "Whisper：16 kHz，每段 30 秒，每 10 毫秒取一帧 25 毫秒 → 3,000 帧 × 80 个对数梅尔频段")],
            [t("encoders", "编码器"),
             t("three untrained, widths \(hidden) → \(width), \(n) scenes: ", "三个未训练的，宽 \(hidden) → \(width)，"
               + "\(n) 个场景：") + crossing,
             t("CLIP's image and text towers meet in a 512-wide space (ViT-B) only after training on 400 M pairs",
               "CLIP 的图像塔和文本塔要在 4 亿个配对上训练之后，才在 512 维的共享空间里相遇（ViT-B）")],
        ]
    }
}
