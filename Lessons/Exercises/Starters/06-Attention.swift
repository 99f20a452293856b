// Exercise 06 · Scaled dot-product attention with a mask                         (lessons 04, 05)
//
// The operation every transformer is built of. Each query scores every key by a dot product,
// divided by √d so the scores do not grow with the width; a mask then hides keys a query must not
// read, by adding −∞ to their scores (0 leaves a score as it is: the convention of the engine's
// `AttentionMask` and of PyTorch's float `attn_mask`). A softmax along the keys turns each row of scores into weights that sum to 1, and
// each query's answer is the weighted mix of the values.
//
//   query [B, Tq, d], key [B, Tk, d], value [B, Tk, dv], mask [Tq, Tk] or nil  →  [B, Tq, dv]
//   weights = softmax( query · keyᵀ / √d + mask )     [B, Tq, Tk], softmax along the keys
//   output  = weights · value
//
// The mask is the same for every item of the batch: add it to scores [B, Tq, Tk] and it repeats
// over B. Use the engine's `matmul`, `*`, `+` and `softmax` (which runs along the last axis), so the
// gradient reaches query, key and value.
//
// 练习 06 · 带掩码的缩放点积注意力（第 04、05 课）
// 每个 transformer 都由它搭成。每个查询与每个键做点积打分，再除以 √d，让分数不随宽度变大；
// 掩码把查询不该读的键藏起来：给它们的分数加上 −∞（加 0 则不变，这是引擎 `AttentionMask` 和 PyTorch
// 浮点 `attn_mask` 的约定）。
// 沿着键做 softmax，每行分数变成和为 1 的权重，每个查询的答案就是值向量的加权混合。
//   weights = softmax(query · keyᵀ / √d + mask)，output = weights · value
// 掩码对批次里的每个样本都一样：加到 [B, Tq, Tk] 的分数上时会沿 B 重复。
//
// Check it: swift run -c release exercises check 6        A hint: … exercises hint 6

import ExerciseKit
import TeachingEngine

/// Attention of `query` [B, Tq, d] over `key` [B, Tk, d] and `value` [B, Tk, dv], with an optional
/// additive `mask` [Tq, Tk] (0 = visible, −∞ = hidden) → [B, Tq, dv].
public func attention(query: Variable, key: Variable, value: Variable, mask: Tensor?) throws -> Variable {
    // Your code here. Then: swift run -c release exercises check 6
    throw NotWrittenYet(exercise: 6)
}
