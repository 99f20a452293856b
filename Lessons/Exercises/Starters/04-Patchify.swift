// Exercise 04 · Patchify: a picture becomes a sequence of patch tokens            (lesson 04)
//
// A vision transformer reads a picture as words: cut the H×W picture into P×P squares and flatten
// each square into one vector. A 224×224 picture with P = 16 gives 14 × 14 = 196 patches of
// 16·16·3 = 768 numbers. The order matters, because the position encodings that come next number
// the patches: row by row, left to right, then down (patch 1 is right of patch 0; patch 14, in a
// 224/16 grid, is below it). Inside a patch, too: pixel row by pixel row, each pixel's channels
// together.
//
//   image [H, W, C], P dividing H and W  →  patches [N, P·P·C],  N = (H/P)·(W/P)
//   patches[i·(W/P) + j, (y·P + x)·C + c] = image[i·P + y, j·P + x, c]
//
// Read a value with `image[row, column, channel]`; build the result with
// `Tensor(shape:scalars:)` from a [Float] you fill in that order.
//
// 练习 04 · 切图块：一张图变成一串图块词元（第 04 课）
// 视觉 transformer 像读句子一样读图：把 H×W 的图切成 P×P 的小方块，每块展平成一个向量。
// 224×224 的图、P = 16，得到 14 × 14 = 196 个图块，每块 16·16·3 = 768 个数。顺序很重要，
// 因为接下来的位置编码就按这个顺序给图块编号：一行一行地排，先从左到右，再往下（图块 1 在图块 0 右边；
// 在 224/16 的网格里，图块 14 在它下面）。图块内部也一样：一行像素接一行像素，每个像素的通道放在一起。
//   patches[i·(W/P) + j, (y·P + x)·C + c] = image[i·P + y, j·P + x, c]
//
// Check it: swift run -c release exercises check 4        A hint: … exercises hint 4

import ExerciseKit
import TeachingEngine

/// The P×P patches of `image` [H, W, C], numbered row by row → [N, P·P·C].
public func patchify(_ image: Tensor, patchSize: Int) throws -> Tensor {
    // Your code here. Then: swift run -c release exercises check 4
    throw NotWrittenYet(exercise: 4)
}
