// The patchify step of W-CLIP and W-VQA: images [B, 32, 32, 3] → patches [B, 16, 192].
// Patches are taken row by row (patch index = row·4 + column); inside a patch the values run over
// rows, then columns, then the three channels (channel-last), as shared/benchmarks.md specifies.

import TeachingEngine

/// Cuts channel-last images [B, size, size, 3] into non-overlapping `patch`×`patch` squares
/// → [B, (size/patch)², patch·patch·3].
///
///     one 2×2 image, patch 1: pixels (r, g, b) of (0,0), (0,1), (1,0), (1,1) → 4 patches of 3 values
func patchify(_ images: Tensor, patch: Int) -> Tensor {
    precondition(images.rank == 4 && images.shape[3] == 3 && images.shape[1] == images.shape[2]
                 && images.shape[1] % patch == 0,
                 "patchify: expected [B, S, S, 3] with S divisible by \(patch), got \(describe(shape: images.shape))")
    let (batch, size) = (images.shape[0], images.shape[1])
    let perSide = size / patch
    let patchValues = patch * patch * 3
    var out = [Float](repeating: 0, count: batch * perSide * perSide * patchValues)
    images.scalars.withUnsafeBufferPointer { src in
        out.withUnsafeMutableBufferPointer { dst in
            var o = 0
            for b in 0..<batch {
                for py in 0..<perSide {
                    for px in 0..<perSide {
                        for dy in 0..<patch {
                            // One row of a patch is patch·3 contiguous values of the image row.
                            let start = ((b * size + py * patch + dy) * size + px * patch) * 3
                            for v in 0..<(patch * 3) { dst[o + v] = src[start + v] }
                            o += patch * 3
                        }
                    }
                }
            }
        }
    }
    return Tensor(shape: [batch, perSide * perSide, patchValues], scalars: out)   // [B, N, P·P·3]
}
