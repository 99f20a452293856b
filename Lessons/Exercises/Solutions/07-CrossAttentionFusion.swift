// Exercise 07 · A cross-attention fusion forward pass                            (lesson 03)
//
// Cross fusion lets the words look at the picture. Each text token asks a query (text · W_q);
// the image tokens offer keys (image · W_k) and values (image · W_v); attention mixes, for each
// word, the values of the patches it matched. Adding the result to the text tokens (a residual
// connection) keeps what each word was and adds what it saw: "cat" now carries the colour of the
// cat's patch.
//
//   text [B, T, d], image [B, N, d], W_q, W_k, W_v [d, d]  →  fused text [B, T, d]
//   fused = text + attention( text·W_q,  image·W_k,  image·W_v )      (no mask)
//
// Call your `attention` from exercise 06 (or write it again with `matmul` and `softmax`).
// `matmul(x, w)` applies a [d, d] weight to every token of x [B, T, d].
//
// 练习 07 · 交叉注意力融合的前向计算（第 03 课）
// 交叉融合让文字去看图。每个文本词元提出一个查询（text · W_q），图像词元提供键（image · W_k）和值
// （image · W_v）；注意力为每个词混合它所匹配图块的值。把结果加回文本词元（残差连接），保留每个词原来的
// 样子，再加上它看到的东西：于是 "cat" 带上了猫所在图块的颜色。
//   fused = text + attention(text·W_q, image·W_k, image·W_v)（不用掩码）
//
// Check it: swift run -c release exercises check 7        A hint: … exercises hint 7

import ExerciseKit
import TeachingEngine

/// The text tokens [B, T, d] after attending to the image tokens [B, N, d] → [B, T, d].
public func crossAttentionFusion(text: Variable, image: Variable, queryWeight: Variable, keyWeight: Variable,
                                 valueWeight: Variable) throws -> Variable {
    let query = matmul(text, queryWeight)                      // [B, T, d]: what each word asks
    let key = matmul(image, keyWeight)                         // [B, N, d]: what each patch offers
    let value = matmul(image, valueWeight)                     // [B, N, d]: what each patch gives
    let seen = try attention(query: query, key: key, value: value, mask: nil)   // [B, T, d]
    return text + seen                                         // residual: the word, plus what it saw
}
