// Exercise 09 · Greedy decoding of an answer                                     (lesson 05)
//
// A language model gives, for the tokens so far, a score (logit) for every possible next token.
// Greedy decoding writes the answer one token at a time: take the token of highest score (the
// lowest index on a tie), append it, ask again, and stop when the model produces the end token or
// the answer has `maxLength` tokens.
//
//   start s, end e, maxLength L, nextLogits: tokens so far → [V] scores  →  the answer, at most L tokens
//   tokens₀ = [s];   wₖ = argmax nextLogits(tokensₖ);   tokensₖ₊₁ = tokensₖ + [wₖ]
//   answer = [w₀, w₁, …], ending with e when the model produced it (e is kept), never containing s
//
// The first call is nextLogits([s]); the second nextLogits([s, w₀]), and so on.
//
// 练习 09 · 贪心解码出一个答案（第 05 课）
// 语言模型对已有的词元，为每一个可能的下一个词元打分（logit）。贪心解码一次写一个词元：取得分最高的词元
// （并列时取下标最小的），接到后面，再问一次；模型给出结束词元，或答案已有 `maxLength` 个词元时停下。
//   第一次调用 nextLogits([s])，第二次 nextLogits([s, w₀])，依此类推；答案不含 s，若模型给出了 e 则以 e 结尾。
//
// Check it: swift run -c release exercises check 9        A hint: … exercises hint 9

import ExerciseKit
import TeachingEngine

/// The greedy answer after `start`, stopping at `end` (kept) or after `maxLength` tokens.
public func greedyDecode(start: Int, end: Int, maxLength: Int,
                         nextLogits: ([Int]) -> [Float]) throws -> [Int] {
    // Your code here. Then: swift run -c release exercises check 9
    throw NotWrittenYet(exercise: 9)
}
