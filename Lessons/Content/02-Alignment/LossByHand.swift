// Step 3 of lesson 02: CLIP's symmetric loss for four pairs, term by term, next to the engine's value.
//   s[i][j] = cos(image i, text j);  logits = s / τ
//   row i:    −log softmax(logits[i, :])[i]    (image i picks its caption)
//   column j: −log softmax(logits[:, j])[j]    (caption j picks its image)
//   loss = (mean of rows + mean of columns) / 2

import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

/// The contrastive loss of the first `batch` training pairs, computed by hand from the embeddings.
public struct LossByHand {
    public let similarities: [[Float]]   // [B, B]
    public let temperature: Float
    public let rowTerms: [Float]         // [B]
    public let columnTerms: [Float]      // [B]
    public let loss: Float
    /// The same loss from the engine's `contrastiveLoss`.
    public let engineLoss: Float
    public let captions: [String]

    public init(model: ContrastiveModel, data: AlignmentData, batch: Int) {
        let samples = Array(data.train.samples.prefix(batch))
        let pixels = Batches.pixels(samples.map(\.image))          // [B, 32, 32, 3]
        let ids = data.ids(samples.map(\.caption.english))        // [B][8]
        captions = samples.map(\.caption.english)
        similarities = cosineSimilarities(model.embedImages(pixels), model.embedTexts(ids))   // [B, B]
        temperature = model.temperature
        let logits = similarities.map { row in row.map { $0 / model.temperature } }         // [B, B]
        let columns = (0..<batch).map { j in logits.map { $0[j] } }                         // logitsᵀ
        rowTerms = (0..<batch).map { LossByHand.negativeLogSoftmax(logits[$0], at: $0) }
        columnTerms = (0..<batch).map { LossByHand.negativeLogSoftmax(columns[$0], at: $0) }
        loss = (rowTerms.reduce(0, +) / Float(batch) + columnTerms.reduce(0, +) / Float(batch)) / 2
        engineLoss = noGrad { model.loss(images: pixels, ids: ids).loss.item }
    }

    /// −log(e^{x[k]} / Σ e^{x[j]}), computed stably (the largest x subtracted first).
    ///
    ///     negativeLogSoftmax([1, 0], at: 0)   // log(1 + e⁻¹) ≈ 0.313
    public static func negativeLogSoftmax(_ x: [Float], at k: Int) -> Float {
        let top = x.max() ?? 0
        let sum = x.reduce(0) { $0 + Foundation.exp($1 - top) }
        return Foundation.log(sum) + top - x[k]
    }

    /// The printed walk-through.
    public func lines(_ run: Run) -> [String] {
        let f = { (v: Float) in String(format: "%6.3f", v) }
        var out = captions.enumerated().map { run.text(L("  text \($0.offset): ", "  文本 \($0.offset)：")) + $0.element }
        out.append(run.text(L("cosine similarity s (row = image, column = text):", "余弦相似度 s（行 = 图，列 = 文）：")))
        out += similarities.map { "  [" + $0.map(f).joined(separator: " ") + " ]" }
        out.append(String(format: run.text(L("logits = s / τ with τ = %.3f (×%.1f):", "logits = s / τ，τ = %.3f（放大 %.1f 倍）：")),
                          temperature, 1 / temperature))
        out += similarities.map { "  [" + $0.map { String(format: "%7.2f", $0 / temperature) }.joined(separator: " ") + " ]" }
        out.append(run.text(L("image→text terms (rows):    ", "图→文各项（按行）：    ")) + rowTerms.map(f).joined(separator: " "))
        out.append(run.text(L("text→image terms (columns): ", "文→图各项（按列）：    ")) + columnTerms.map(f).joined(separator: " "))
        out.append(String(format: run.text(L("loss = (%.4f + %.4f) / 2 = %.4f; the engine's contrastiveLoss: %.4f; with no preference (all logits equal) it would be ln 4 = %.4f",
                                             "损失 = (%.4f + %.4f) / 2 = %.4f；引擎 contrastiveLoss 的结果：%.4f；若毫无偏好（logits 全相等）则为 ln 4 = %.4f")),
                          rowTerms.reduce(0, +) / Float(rowTerms.count), columnTerms.reduce(0, +) / Float(columnTerms.count),
                          loss, engineLoss, Foundation.log(Float(rowTerms.count))))
        return out
    }
}
