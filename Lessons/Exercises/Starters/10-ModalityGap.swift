// Exercise 10 · The modality gap                                                 (lesson 02)
//
// After contrastive training, pictures and captions share one space, yet the two clouds of points
// do not sit on top of each other: every picture lies a little to one side, every caption to the
// other (Liang et al. 2022, "Mind the Gap"). Measure it: scale each embedding to length 1 (the
// loss only ever saw directions), take the centre of each cloud, and return the distance between
// the two centres.
//
//   images [N, e], texts [M, e]  →  gap (a number ≥ 0)
//   x̂ = x / ‖x‖ for every row;   cᵢ = (1/N) Σ x̂ over images,   cₜ = (1/M) Σ x̂ over texts
//   gap = ‖cᵢ − cₜ‖ = √( Σₖ (cᵢₖ − cₜₖ)² )
//
// For two images [1, 0], [0, 1] and one text [−1, 0]: cᵢ = [0.5, 0.5], cₜ = [−1, 0], gap = √2.5 ≈ 1.581.
//
// 练习 10 · 模态差距（第 02 课）
// 对比训练之后，图和描述共享一个空间，但两团点并不重合：每张图都偏向一边，每句话偏向另一边
// （Liang 等 2022，"Mind the Gap"）。量一量它：把每个嵌入缩放到长度 1（损失只看方向），分别求两团点的中心，
// 返回两个中心之间的距离。
//   gap = ‖cᵢ − cₜ‖，cᵢ、cₜ 是单位化之后图、文嵌入的平均
//
// Check it: swift run -c release exercises check 10       A hint: … exercises hint 10

import ExerciseKit
import TeachingEngine

/// The distance between the centres of the unit-length image [N, e] and text [M, e] embeddings.
public func modalityGap(images: Tensor, texts: Tensor) throws -> Float {
    // Your code here. Then: swift run -c release exercises check 10
    throw NotWrittenYet(exercise: 10)
}
