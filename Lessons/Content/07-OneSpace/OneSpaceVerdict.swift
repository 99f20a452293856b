// Lesson 07's reports that are layout rather than idea: the held-out voices' metrics and figure, the
// recording step 6 listens to, and the toy-beside-real table of the verdict.

import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

extension OneSpaceReport {
    /// Step 5: each held-out voice's metrics, the range over voices, and the bar chart.
    static func speakers(_ rows: [(speaker: String, scores: OneSpaceScores)], split: Double, quick: Bool, run: Run) throws {
        for row in rows {
            run.metric("heldout_\(row.speaker)_en", row.scores.nameEnglish)
            run.metric("heldout_\(row.speaker)_zh", row.scores.nameChinese)
            run.metric("heldout_\(row.speaker)_image", row.scores.image)
        }
        let english = rows.map(\.scores.nameEnglish)
        let (low, high, mean) = (english.min() ?? 0, english.max() ?? 0, OneSpace.mean(english))
        run.say(OneSpace.Say.speakerVerdict, low, high, mean, split)
        if let worst = rows.min(by: { $0.scores.nameEnglish < $1.scores.nameEnglish }) {
            run.say(OneSpace.Say.worstSpeaker, worst.speaker, worst.scores.nameEnglish)
        }
        if quick { run.say(OneSpace.Say.quickSpeakers, rows.map(\.speaker).joined(separator: ", ")) }
        run.metric("heldout_mean_en", mean)
        run.metric("heldout_min_en", low)
        run.metric("heldout_max_en", high)
        try run.figure("new-voices", png: OneSpaceFigures.speakers(rows.map(\.speaker), english: english,
                                                                   chinese: rows.map(\.scores.nameChinese),
                                                                   image: rows.map(\.scores.image), split: split, run: run))
    }

    /// Step 6's recording: the learner's --wav, or FSDD's first test take of "seven" by jackson written out
    /// as a WAV file and read back through the same reader.
    static func voice(_ lesson: OneSpace, run: Run) throws -> OneSpaceVoice {
        if let path = lesson.knobs.wav { return try OneSpaceVoice(path: path, run: run) }
        let standIn = lesson.data.recording(named: "7_jackson_0")!
        let url = try OneSpaceVoice.export(standIn, to: run.outDirectory)
        run.say(OneSpace.Say.noWav, standIn.name, url.lastPathComponent)
        return try OneSpaceVoice(path: url.path, run: run)
    }

    /// Step 7: ImageBind's data and emergent zero-shot figure beside this run's.
    static func toyBesideReal(_ scores: OneSpaceScores, data: OneSpaceData, run: Run) -> [[String]] {
        let train = data.speechSplit().train.count
        return [
            [run.text(OneSpace.Say.rowBinding), run.text(L("images (and video frames)", "图像（和视频帧）")),
             run.text(L("\(data.imageTrain.count) handwritten digits, 8×8", "\(data.imageTrain.count) 个 8×8 手写数字"))],
            [run.text(OneSpace.Say.rowPairs),
             run.text(L("image–text: a frozen OpenCLIP ViT-H trained on about 2 billion pairs; image–audio: AudioSet videos (about 2 million)",
                        "图–文：冻结的 OpenCLIP ViT-H（约 20 亿配对训练）；图–音：AudioSet 视频（约 200 万）")),
             run.text(L("picture–recording: \(train) recordings by digit; picture–text: 60 texts",
                        "图–录音：按数字配对的 \(train) 段录音；图–文字：60 句文字"))],
            [run.text(OneSpace.Say.rowClasses), "ESC-50: 50 (2%)", "10 (10%)"],
            [run.text(OneSpace.Say.rowEmergent), run.text(L("audio → text labels, ESC-50: 66.9% top-1", "音频 → 文字标签，ESC-50：top-1 66.9%")),
             run.text(L(String(format: "speech → digit names: %.1f%% (en), %.1f%% (zh)", 100 * scores.nameEnglish, 100 * scores.nameChinese),
                        String(format: "语音 → 数字名字：%.1f%%（英），%.1f%%（中）", 100 * scores.nameEnglish, 100 * scores.nameChinese)))],
        ]
    }
}
