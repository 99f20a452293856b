// Cutting an image into square patches, each flattened into one vector: the image's "tokens".
// Dosovitskiy et al. 2021, "An Image is Worth 16x16 Words" (ViT), §3.1.
// Patches are numbered row by row (row-major over the patch grid); inside a patch the values run
// row by row, pixel by pixel, channel last: value (y, x, c) of patch (i, j) sits at
// [i·gw + j, (y·P + x)·C + c].

import AlignFuseSupport
import TeachingEngine

/// Patchify and unpatchify for channel-last images.
public enum Patches {
    /// The patch grid of an H×W image with P×P patches: (rows, columns).
    ///
    /// - Precondition: P divides H and W.
    public static func grid(height: Int, width: Int, patchSize p: Int,
                            file: StaticString = #fileID, line: UInt = #line) -> (rows: Int, columns: Int) {
        require(p > 0, "patchify: patch size must be positive, got \(p)", file: file, line: line)
        require(height % p == 0 && width % p == 0,
                     "patchify: patch size \(p) does not divide the image size \(height)×\(width)", file: file, line: line)
        return (height / p, width / p)
    }

    /// [H, W, C] values → [N, P·P·C] values with N = (H/P)·(W/P).
    ///
    ///     // a 2×2 one-channel image [1, 2, 3, 4] with P = 1 gives 4 patches [[1], [2], [3], [4]];
    ///     // a 224×224×3 image with P = 16 gives 196 patches of 768 values
    public static func patchify(_ image: [Float], height: Int, width: Int, channels: Int, patchSize p: Int,
                                file: StaticString = #fileID, line: UInt = #line) -> [Float] {
        require(image.count == height * width * channels,
                     "patchify: [\(height), \(width), \(channels)] needs \(height * width * channels) values, got \(image.count)",
                     file: file, line: line)
        _ = grid(height: height, width: width, patchSize: p, file: file, line: line)   // P divides H and W
        return [Float](unsafeUninitializedCapacity: image.count) { out, initialized in     // [N, P·P·C]
            image.withUnsafeBufferPointer { source in
                copyPatches(of: source.baseAddress!, height: height, width: width, channels: channels, patchSize: p,
                            into: out.baseAddress!)
            }
            initialized = image.count
        }
    }

    /// Writes the patches of one [H, W, C] image to `out` ([N, P·P·C]): each patch row of P pixels is
    /// P·C values side by side in the image, so it moves as one run.
    private static func copyPatches(of image: UnsafePointer<Float>, height: Int, width: Int, channels: Int,
                                    patchSize p: Int, into out: UnsafeMutablePointer<Float>) {
        let (gw, rowLength) = (width / p, p * channels)
        for i in 0..<(height / p) {
            for j in 0..<gw {
                let patch = (i * gw + j) * p * rowLength
                for y in 0..<p {
                    let source = image + ((i * p + y) * width + j * p) * channels, target = out + patch + y * rowLength
                    for k in 0..<rowLength { target[k] = source[k] }   // a short row: a few vector moves, no call
                }
            }
        }
    }

    /// [N, P·P·C] values → [H, W, C] values: the inverse of `patchify`.
    public static func unpatchify(_ patches: [Float], height: Int, width: Int, channels: Int, patchSize p: Int,
                                  file: StaticString = #fileID, line: UInt = #line) -> [Float] {
        require(patches.count == height * width * channels,
                     "unpatchify: [\(height), \(width), \(channels)] needs \(height * width * channels) values, got \(patches.count)",
                     file: file, line: line)
        let (gh, gw) = grid(height: height, width: width, patchSize: p, file: file, line: line)
        let rowLength = p * channels
        var out = [Float](repeating: 0, count: patches.count)    // [H, W, C]
        for i in 0..<gh {
            for j in 0..<gw {
                let patch = (i * gw + j) * p * rowLength
                for y in 0..<p {
                    let target = ((i * p + y) * width + j * p) * channels
                    let source = patch + y * rowLength
                    for k in 0..<rowLength { out[target + k] = patches[source + k] }
                }
            }
        }
        return out
    }

    /// A tensor [H, W, C] → [N, P·P·C], or a batch [B, H, W, C] → [B, N, P·P·C].
    public static func patchify(_ images: Tensor, patchSize p: Int,
                                file: StaticString = #fileID, line: UInt = #line) -> Tensor {
        let shape = images.shape
        require(shape.count == 3 || shape.count == 4,
                     "patchify: expected [H, W, C] or [B, H, W, C], got \(describe(shape: shape))", file: file, line: line)
        let (h, w, c) = (shape[shape.count - 3], shape[shape.count - 2], shape[shape.count - 1])
        let batch = shape.count == 4 ? shape[0] : 1
        let (gh, gw) = grid(height: h, width: w, patchSize: p, file: file, line: line)
        let size = h * w * c
        let out = [Float](unsafeUninitializedCapacity: images.count) { out, initialized in
            images.scalars.withUnsafeBufferPointer { source in
                let (from, to) = (source.baseAddress!, out.baseAddress!)
                Kernels.splitWork(count: batch, valuesPerItem: size) { items in   // a batch: images on both cores
                    for b in items {
                        copyPatches(of: from + b * size, height: h, width: w, channels: c, patchSize: p,
                                    into: to + b * size)
                    }
                }
            }
            initialized = images.count
        }
        let tokens = [gh * gw, p * p * c]
        return Tensor(shape: shape.count == 4 ? [batch] + tokens : tokens, scalars: out)   // [B, N, P·P·C]
    }

    /// A tensor [N, P·P·C] → [H, W, C] for an image of `height`×`width`.
    public static func unpatchify(_ patches: Tensor, height: Int, width: Int, patchSize p: Int,
                                  file: StaticString = #fileID, line: UInt = #line) -> Tensor {
        require(patches.shape.count == 2 && patches.shape[1] % (p * p) == 0,
                     "unpatchify: expected [N, P·P·C] with P = \(p), got \(describe(shape: patches.shape))",
                     file: file, line: line)
        let c = patches.shape[1] / (p * p)
        return Tensor(shape: [height, width, c],
                      scalars: unpatchify(patches.scalars, height: height, width: width, channels: c,
                                          patchSize: p, file: file, line: line))
    }
}
