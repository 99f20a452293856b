// Exercise 02 · The symmetric InfoNCE loss with a temperature                    (lesson 02)
//
// CLIP's training signal. A batch holds B matching pairs: image i belongs with text i. Compare
// every image with every text (the cosine matrix of exercise 01), divide by the temperature τ so
// the differences are sharp enough to learn from, and ask two things at once: each image must pick
// its own text among the B texts (cross-entropy along each row, the right answer on the diagonal),
// and each text its own image (along each column). The loss is the mean of the two.
//
//   image [B, e], text [B, e], temperature τ [] (one value, > 0)  →  loss []
//   S = cos(image, text) / τ                                 [B, B]
//   L = ½ · ( CE(S, [0, 1, …, B−1]) + CE(Sᵀ, [0, 1, …, B−1]) )
//   CE(Z, t) = (1/B) Σᵢ ( log Σⱼ exp Zᵢⱼ − Zᵢ,ₜᵢ )
//
// τ is a Variable because CLIP learns it: divide by it with the engine's `/` and its gradient
// comes for free. You may call your `cosineSimilarityMatrix` from exercise 01 and the engine's
// `crossEntropy(_:targets:)`; not the engine's `contrastiveLoss`, which is the answer.
//
// 练习 02 · 带温度的对称 InfoNCE 损失（第 02 课）
// CLIP 的训练信号。一个批次有 B 个配对：图 i 与文 i 相配。把每张图与每段文字比较（练习 01 的余弦矩阵），
// 除以温度 τ，让差别足够分明；然后同时要求两件事：每张图要在 B 段文字中选中自己的那段（沿每一行做交叉熵，
// 正确答案在对角线上），每段文字也要选中自己的图（沿每一列）。损失是两者的平均。
//   S = cos(image, text) / τ，L = ½ · (CE(S, 对角线) + CE(Sᵀ, 对角线))
// τ 是一个 Variable，因为 CLIP 会学习它：用引擎的 `/` 去除，梯度自然就有了。可以调用练习 01 的
// `cosineSimilarityMatrix` 和引擎的 `crossEntropy`，但不要调用引擎的 `contrastiveLoss`（那就是答案）。
//
// Check it: swift run -c release exercises check 2        A hint: … exercises hint 2
// Then train lesson 02 with it: swift run -c release exercises lesson 2

import ExerciseKit
import TeachingEngine

/// CLIP's symmetric contrastive loss of `image` and `text` [B, e] at temperature `temperature` [].
public func infoNCE(image: Variable, text: Variable, temperature: Variable) throws -> Variable {
    let logits = try cosineSimilarityMatrix(image, text) / temperature   // [B, B]: row i is image i
    let pairs = Array(0..<image.shape[0])                                // image i belongs with text i
    let imageToText = crossEntropy(logits, targets: pairs)               // each image picks its text
    let textToImage = crossEntropy(logits.transposed(), targets: pairs)  // each text picks its image
    return (imageToText + textToImage) * 0.5                             // []
}
