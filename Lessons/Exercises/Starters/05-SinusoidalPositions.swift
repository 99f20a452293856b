// Exercise 05 · The sinusoidal position table                                    (lesson 04)
//
// Attention alone cannot tell first from last: shuffle the tokens and it gives the same answers,
// shuffled. The transformer's fix adds to token t a vector that encodes t: sines and cosines at
// frequencies that fall geometrically along the vector, so nearby positions get similar vectors
// and every position a different one. Even columns hold sines, odd columns the cosine of the same
// angle.
//
//   count T, dimension d (even)  →  PE [T, d]
//   PE[t, 2i]     = sin( t / 10000^(2i/d) )
//   PE[t, 2i + 1] = cos( t / 10000^(2i/d) ),      i = 0, 1, …, d/2 − 1
//
// Compute the angle in Double (Foundation's `pow`, `sin`, `cos`) and store Float values.
//
// 练习 05 · 正弦位置编码表（第 04 课）
// 只靠注意力分不出谁先谁后：把词元打乱，它给出的答案也只是跟着打乱。transformer 的办法是给第 t 个词元
// 加上一个编码 t 的向量：沿着向量，频率按几何级数递减的正弦和余弦；相邻位置的向量相近，每个位置都不同。
// 偶数列放正弦，奇数列放同一角度的余弦。
//   PE[t, 2i] = sin(t / 10000^(2i/d))，PE[t, 2i + 1] = cos(t / 10000^(2i/d))
//
// Check it: swift run -c release exercises check 5        A hint: … exercises hint 5

import ExerciseKit
import Foundation
import TeachingEngine

/// The sinusoidal encodings of positions 0..<count, each `dimension` wide → [count, dimension].
public func sinusoidalPositions(count: Int, dimension: Int) throws -> Tensor {
    // Your code here. Then: swift run -c release exercises check 5
    throw NotWrittenYet(exercise: 5)
}
