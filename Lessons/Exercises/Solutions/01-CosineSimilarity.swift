// Exercise 01 · The cosine-similarity matrix                               (lessons 01, 02)
//
// Write the similarity matrix that CLIP's loss starts from. Given N vectors a and M vectors b of
// one width e, entry (i, j) is the cosine of the angle between row i of a and row j of b: 1 when
// they point the same way, 0 when they are at right angles, −1 when opposite.
//
//   a [N, e], b [M, e]  →  S [N, M]
//   S[i, j] = (aᵢ · bⱼ) / (‖aᵢ‖ ‖bⱼ‖),   ‖x‖ = √(Σₖ xₖ²)
//
// Build it from the engine's operations on Variables (`*`, `/`, `sum(alongAxis:keepingAxis:)`,
// `sqrt`, `matmul(_:_:transposeB:)`), so that a gradient flows back to a and b: the check compares
// your backward pass with the slope it measures by nudging each input value.
//
// 练习 01 · 余弦相似度矩阵（第 01、02 课）
// 写出 CLIP 损失的起点：相似度矩阵。给定 N 个向量 a 和 M 个向量 b（宽度都是 e），第 (i, j) 个元素是
// a 的第 i 行与 b 的第 j 行夹角的余弦：方向相同为 1，互相垂直为 0，方向相反为 −1。
//   a [N, e]，b [M, e] → S [N, M]，S[i, j] = (aᵢ · bⱼ) / (‖aᵢ‖ ‖bⱼ‖)
// 请用引擎对 Variable 的运算来写，让梯度能流回 a 和 b：检查会把你的反向传播与逐个微调输入测得的斜率相比较。
//
// Check it: swift run -c release exercises check 1        A hint: … exercises hint 1

import ExerciseKit
import TeachingEngine

/// The cosine similarity of every row of `a` [N, e] with every row of `b` [M, e] → [N, M].
public func cosineSimilarityMatrix(_ a: Variable, _ b: Variable) throws -> Variable {
    let lengthA = sqrt((a * a).sum(alongAxis: 1, keepingAxis: true))   // [N, 1]: ‖aᵢ‖
    let lengthB = sqrt((b * b).sum(alongAxis: 1, keepingAxis: true))   // [M, 1]: ‖bⱼ‖
    return matmul(a / lengthA, b / lengthB, transposeB: true)          // [N, e]·[e, M] → [N, M]
}
