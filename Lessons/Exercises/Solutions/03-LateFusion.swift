// Exercise 03 · Late fusion's averaged decision                                  (lesson 03)
//
// Late fusion trains one classifier per modality and combines them only at the end. Each gives
// class scores (logits) for every example; turn each into probabilities with a softmax over the
// classes, and average the two. The fused decision for an example is the class of highest
// averaged probability, so a confident modality can outvote an unsure one.
//
//   imageLogits [B, C], textLogits [B, C]  →  p [B, C], each row sums to 1
//   p = ( softmax(imageLogits) + softmax(textLogits) ) / 2,   softmax(z)ⱼ = exp zⱼ / Σₖ exp zₖ
//
// Average probabilities, not logits: the two give different decisions (the check shows one).
//
// 练习 03 · 晚期融合的平均决策（第 03 课）
// 晚期融合为每个模态各训练一个分类器，只在最后把它们合起来。每个分类器对每个样本给出各类的得分（logits）；
// 沿类别做 softmax 变成概率，再把两份概率取平均。融合后的决策是平均概率最大的那一类，
// 所以一个有把握的模态可以压过一个拿不准的模态。
//   p = (softmax(imageLogits) + softmax(textLogits)) / 2，形状 [B, C]，每行之和为 1
// 要平均的是概率，不是 logits：两者给出的决策不同（检查会举出一例）。
//
// Check it: swift run -c release exercises check 3        A hint: … exercises hint 3

import ExerciseKit
import TeachingEngine

/// The averaged class probabilities of two classifiers' logits, both [B, C] → [B, C].
public func lateFusion(imageLogits: Variable, textLogits: Variable) throws -> Variable {
    (softmax(imageLogits) + softmax(textLogits)) * 0.5   // [B, C]: softmax runs along the classes
}
