// The symmetric contrastive (InfoNCE) loss of CLIP. Radford et al. 2021, "Learning Transferable Visual
// Models From Natural Language Supervision", §2.3 and Figure 3.
// For a batch of B matching pairs (image i belongs with text i):
//   1. L2-normalise both embeddings, so their dot products are cosine similarities in [−1, 1];
//   2. logits = exp(s) · I · Tᵀ   [B, B], with a learnable log-temperature s (exp keeps the scale positive);
//   3. each image must pick its own text among the B texts (cross-entropy along rows, target = diagonal),
//      and each text its own image (along columns); the loss is the mean of the two.

import AlignFuseSupport

/// The result of the contrastive loss: the loss, and the scaled similarity matrix to look at.
public struct ContrastiveResult {
    /// (CE(logits, diagonal) + CE(logitsᵀ, diagonal)) / 2, a scalar.
    public let loss: Variable
    /// exp(s) · cosine similarities, [B, B]: row i is image i against every text.
    public let logits: Variable
}

/// CLIP's symmetric InfoNCE loss for `imageEmbeddings` and `textEmbeddings` (both [B, e]; row i of one
/// matches row i of the other) with learnable log-temperature `logScale` (shape [] or [1]; CLIP starts
/// it at ln(1/0.07)).
///
///     two pairs whose cosine similarities are [[1, 0], [0, 1]], with s = 0 (scale 1):
///     every row and column is a 2-way choice with logits (1, 0): loss = log(1 + e⁻¹) ≈ 0.313
public func contrastiveLoss(imageEmbeddings: Variable, textEmbeddings: Variable, logScale: Variable,
                            file: StaticString = #fileID, line: UInt = #line) -> ContrastiveResult {
    require(imageEmbeddings.rank == 2 && imageEmbeddings.shape == textEmbeddings.shape,
                 "contrastiveLoss: image \(describe(shape: imageEmbeddings.shape)) and text \(describe(shape: textEmbeddings.shape)) must both be [B, e]",
                 file: file, line: line)
    require(logScale.count == 1, "contrastiveLoss: logScale must hold one value, got \(describe(shape: logScale.shape))",
                 file: file, line: line)
    let batch = imageEmbeddings.shape[0]
    let image = l2Normalize(imageEmbeddings)                                      // [B, e]
    let text = l2Normalize(textEmbeddings)                                        // [B, e]
    let logits = exp(logScale) * matmul(image, text, transposeB: true)            // [B, B]
    let diagonal = Array(0..<batch)
    let imageToText = crossEntropy(logits, targets: diagonal)                     // each image picks its text
    let textToImage = crossEntropy(logits.transposed(), targets: diagonal)        // each text picks its image
    return ContrastiveResult(loss: (imageToText + textToImage) * 0.5, logits: logits)
}
