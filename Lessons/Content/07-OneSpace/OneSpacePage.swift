// Lesson 07 on the tour's front page and in the run's page: the numbers that matter, in words, the
// figure that stands for the lesson, and what each figure shows (its alt text).

import Walkthrough

extension OneSpace {
    public static let highlights = [
        Highlight(L("Recordings and names were never paired, yet the nearest name is the spoken digit for "
                    + "{audio_to_name_en%} of the test recordings in English and {audio_to_name_zh%} in Chinese "
                    + "(untrained: {untrained_audio_to_name_en%}).",
                    "录音和名字从未配对过，可对测试录音来说，最近的名字就是所说数字的比例：英文 {audio_to_name_en%}，"
                    + "中文 {audio_to_name_zh%}（未训练：{untrained_audio_to_name_en%}）。")),
        Highlight(L("A speaker never heard in training: speech → name from {heldout_min_en%} to {heldout_max_en%} "
                    + "depending on the voice, {heldout_mean_en%} on average.",
                    "训练中从没听过的说话人：语音 → 名字在 {heldout_min_en%} 到 {heldout_max_en%} 之间，"
                    + "因人而异，平均 {heldout_mean_en%}。")),
    ]
    public static let keyFigure: String? = "one-space"
    public static let figureDescriptions: [String: L] = [
        "one-word-six-voices": L("The word seven said by six speakers: each recording's waveform and its log mel grid.",
                                 "六个人说的 seven：每段录音的波形和它的对数梅尔网格。"),
        "handwriting": L("Handwritten digits from the UCI set, each an 8×8 grid of counts.",
                         "UCI 手写数字，每个是 8×8 的计数网格。"),
        "training": L("The two contrastive losses per step, picture–speech and picture–text, against the lowest "
                      + "loss a batch allows.",
                      "每步的两个对比损失（图片–语音、图片–文字），以及一个批次能达到的最低损失。"),
        "speech-to-pictures": L("Test recordings beside the handwritten pictures nearest to them in the shared space.",
                                "测试录音，以及共享空间中离它们最近的手写图片。"),
        "one-space": L("Recordings, pictures and names of the ten digits in one map of the shared space.",
                       "十个数字的录音、图片和名字，画在同一张共享空间的图里。"),
        "new-voices": L("Speech → name accuracy for each speaker left out of training in turn.",
                        "每次留出一个说话人不参与训练时，语音 → 名字的准确率。"),
        "your-recording": L("Your recording, its grid, and the names and pictures nearest to it.",
                            "你的录音、它的网格，以及离它最近的名字和图片。"),
    ]
}
