// Step 3 of lesson 02 computes CLIP's symmetric loss for four pairs term by term:
//   s[i][j] = cos(image i, text j);  logits = s / τ
//   row i:    −log softmax(logits[i, :])[i]    (image i picks its caption)
//   column j: −log softmax(logits[:, j])[j]    (caption j picks its image)
//   loss = (mean of rows + mean of columns) / 2
// This file prints the matrices it went through.

import Foundation
import Walkthrough

/// −log(e^{x[k]} / Σ e^{x[j]}), computed stably (the largest x subtracted first).
///
///     negativeLogSoftmax([1, 0], at: 0)   // log(1 + e⁻¹) ≈ 0.313
public func negativeLogSoftmax(_ x: [Float], at k: Int) -> Float {
    let top = x.max() ?? 0
    let sum = x.reduce(0) { $0 + Foundation.exp($1 - top) }
    return Foundation.log(sum) + top - x[k]
}

/// The printed walk-through of the loss by hand.
enum LossByHand {
    static func show(captions: [String], s: [[Float]], tau: Float, rows: [Float], columns: [Float], run: Run) {
        let f = { (v: Float) in String(format: "%6.3f", v) }
        for (i, caption) in captions.enumerated() { run.print(run.text(L("  text %d: ", "  文本 %d："), i) + caption) }
        run.print(run.text(L("cosine similarity s (row = image, column = text):", "余弦相似度 s（行 = 图，列 = 文）：")))
        for row in s { run.print("  [" + row.map(f).joined(separator: " ") + " ]") }
        run.say(L("logits = s / τ with τ = %.3f (×%.1f):", "logits = s / τ，τ = %.3f（放大 %.1f 倍）："), tau, 1 / tau)
        for row in s { run.print("  [" + row.map { String(format: "%7.2f", $0 / tau) }.joined(separator: " ") + " ]") }
        run.print(run.text(L("image→text terms (rows):    ", "图→文各项（按行）：    ")) + rows.map(f).joined(separator: " "))
        run.print(run.text(L("text→image terms (columns): ", "文→图各项（按列）：    ")) + columns.map(f).joined(separator: " "))
        run.say(L("loss = (%.4f + %.4f) / 2", "损失 = (%.4f + %.4f) / 2"),
                rows.reduce(0, +) / Float(rows.count), columns.reduce(0, +) / Float(columns.count))
    }
}
