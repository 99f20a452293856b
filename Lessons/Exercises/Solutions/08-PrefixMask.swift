// Exercise 08 · The causal and prefix-LM masks                                   (lesson 05)
//
// A VQA model reads one sequence: [image patches | question | answer]. The first P tokens, the
// prefix (image and question), may all read one another, in both directions. An answer token is
// generated left to right, so it may read the prefix and the answer tokens up to itself, never a
// later one. With P = 0 this is the causal mask of a text decoder. Write the mask as exercise 06
// takes it: 0 where query i may read key j, −∞ where it may not (the engine's `AttentionMask.prefixLM`
// builds the same table; the check compares with it, so do not call it here).
//
//   length T, prefix P (0 ≤ P ≤ T)  →  mask [T, T]   (row = query i, column = key j)
//   mask[i, j] = 0     if j < max(P, i + 1)
//              = −∞    otherwise
//
// For T = 4, P = 2 the visible keys are  query 0: 0 1   query 1: 0 1   query 2: 0 1 2   query 3: 0 1 2 3.
// `-Float.infinity` is −∞.
//
// 练习 08 · 因果掩码与前缀语言模型掩码（第 05 课）
// VQA 模型读的是一个序列：[图块 | 问题 | 答案]。前 P 个词元是前缀（图和问题），彼此都能看见，双向都可以。
// 答案词元是从左到右生成的，所以它能看前缀，以及答案中直到它自己为止的词元，不能看后面的。
// P = 0 时就是文本解码器的因果掩码。按练习 06 的约定写：查询 i 能读键 j 的地方为 0，不能读的地方为 −∞。
//   mask[i, j] = 0（若 j < max(P, i + 1)），否则 = −∞
//
// Check it: swift run -c release exercises check 8        A hint: … exercises hint 8

import ExerciseKit
import TeachingEngine

/// The prefix-LM mask of a `length`-token sequence whose first `prefixLength` tokens are the prefix
/// → [length, length], 0 = visible, −∞ = hidden.
public func prefixLMMask(length: Int, prefixLength: Int) throws -> Tensor {
    var values = [Float](repeating: 0, count: length * length)   // [T, T]
    for i in 0..<length {
        let visible = max(prefixLength, i + 1)                    // keys 0..<visible are readable
        for j in visible..<max(visible, length) {
            values[i * length + j] = -Float.infinity
        }
    }
    return Tensor(shape: [length, length], scalars: values)
}
