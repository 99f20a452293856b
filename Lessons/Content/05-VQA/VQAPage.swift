// Lesson 05 on the tour's front page and in the run's page: the numbers that matter, in words, the
// figure that stands for the lesson, and what each figure shows (its alt text).

import Walkthrough

extension VQALesson {
    public static let highlights = [
        Highlight(L("Exact answers on held-out scenes: {accuracy_overall%} for the model that sees the picture, "
                    + "{blind_accuracy_overall%} for its blind twin that reads only the question.",
                    "留出场景上完全答对的比例：看得见图片的模型 {accuracy_overall%}，只读问题的盲模型 {blind_accuracy_overall%}。")),
        Highlight(L("\"Is the X left of the Y?\" with its working shown: the verdict is right {verdict_accuracy.isleftof%} "
                    + "of the time (blind: {blind_verdict_accuracy.isleftof%}).",
                    "“X 在 Y 左边吗？”并写出推理过程：判断正确的比例是 {verdict_accuracy.isleftof%}"
                    + "（盲模型：{blind_verdict_accuracy.isleftof%}）。")),
    ]
    public static let keyFigure: String? = "accuracy"
    public static let figureDescriptions: [String: L] = Dictionary(uniqueKeysWithValues: (1...8).map {
        ("answer-\($0)", answerDescription)
    }).merging([
        "input": L("The 32×32 picture cut into 16 patches of 8×8.", "32×32 的图片被切成 16 个 8×8 的图块。"),
        "sequence": L("One sequence: 16 patch tokens, the question's words, then <sep> where the answer begins.",
                      "一个序列：16 个图块词元、问题的词，然后是答案开始处的 <sep>。"),
        "mask": L("The attention mask: image and question see each other; each answer word sees only what came before it.",
                  "注意力掩码：图像和问题互相可见；每个答案词只看得见它之前的内容。"),
        "loss": L("Training loss of the model that sees and of the blind twin.", "看得见图片的模型与盲模型的训练损失。"),
        "accuracy": L("Accuracy per question type for the model that sees, the blind twin and chance.",
                      "各类问题的准确率：看得见图片的模型、盲模型和随机猜测。"),
        "your-picture": L("Your picture with the model's answer and where each answer word looked.",
                          "你的图片、模型的回答，以及每个答案词看向了哪里。"),
    ]) { $1 }

    /// The answer strips are numbered `answer-1` …; each gets this description.
    static let answerDescription = L("A generated answer, word by word, with where each word looked among the 16 patches.",
                                     "逐词生成的回答，以及每个词在 16 个图块中看向了哪里。")
}
