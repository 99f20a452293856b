// The image encoder of a small vision transformer (ViT): cut the image into patches, turn each patch
// into a token, add a learned position per patch, and let a transformer mix the tokens.
// Dosovitskiy et al. 2021, "An Image is Worth 16x16 Words", §3.1 (without the class token: callers pool).
//   1. patchify     [B, S, S, 3] → [B, N, P·P·3]      (N = (S/P)², row-major patches, channel-last inside)
//   2. embed        [B, N, P·P·3] → [B, N, d]         (one Linear shared by every patch)
//   3. + positions  [N, d], learned, broadcast over the batch
//   4. transformer  `depth` pre-LN blocks + final LayerNorm → [B, N, d]
// This is the image tower of W-CLIP (Tools/Benchmark/ClipWorkload.swift) and the patch path of the fusion and VQA models.

import AlignFuseSupport
import TeachingEngine

/// The sizes of an `ImageEncoder`. The defaults are W-CLIP's image tower: 32×32 images in 8×8 patches
/// (16 tokens of 192 values), d = 64, 4 heads, 2 blocks, MLP 64 → 256 → 64.
public struct ImageEncoderConfiguration: Sendable, Hashable {
    public var imageSize = 32
    public var patchSize = 8
    public var width = 64
    public var depth = 2
    public var headCount = 4
    public var hiddenWidth = 256

    public init(imageSize: Int = 32, patchSize: Int = 8, width: Int = 64, depth: Int = 2,
                headCount: Int = 4, hiddenWidth: Int = 256) {
        self.imageSize = imageSize
        self.patchSize = patchSize
        self.width = width
        self.depth = depth
        self.headCount = headCount
        self.hiddenWidth = hiddenWidth
    }

    /// Patches per image, (S/P)²: 16 for 32×32 in 8×8.
    public var patchCount: Int { (imageSize / patchSize) * (imageSize / patchSize) }
    /// Values per patch, P·P·3: 192 for 8×8 RGB.
    public var patchValues: Int { patchSize * patchSize * 3 }
}

/// Images [B, S, S, 3] (centred pixels, see `Batches.pixels`) → tokens [B, N, d] and each block's
/// attention weights [B, h, N, N].
///
///     var rng = SeededGenerator(seed: 0)
///     let encoder = ImageEncoder(ImageEncoderConfiguration(), name: "image", using: &rng)
///     encoder.parameterCount   // 192·64 + 64 (patch) + 16·64 (positions) + 100,096 (2 blocks + LN) = 113,600
///     let out = encoder(Batches.pixels(images))   // out.output [B, 16, 64]
public struct ImageEncoder: Module {
    public let configuration: ImageEncoderConfiguration
    public let patchEmbedding: Linear        // P·P·3 → d
    public let positions: LearnedPositions   // [N, d], one learned vector per patch position
    public let encoder: TransformerEncoder   // [B, N, d] → [B, N, d]

    /// Parameters are named "\(name).patch.*", "\(name).positions", "\(name).encoder.*".
    public init(_ configuration: ImageEncoderConfiguration = ImageEncoderConfiguration(), name: String,
                using rng: inout SeededGenerator, file: StaticString = #fileID, line: UInt = #line) {
        let c = configuration
        require(c.patchSize > 0 && c.imageSize % c.patchSize == 0,
                "ImageEncoder: patch size \(c.patchSize) does not divide the image size \(c.imageSize)",
                file: file, line: line)
        self.configuration = c
        patchEmbedding = Linear(inputSize: c.patchValues, outputSize: c.width, name: name + ".patch", using: &rng)
        positions = LearnedPositions(positions: c.patchCount, width: c.width, name: name + ".positions", using: &rng)
        encoder = TransformerEncoder(depth: c.depth, width: c.width, headCount: c.headCount,
                                     hiddenWidth: c.hiddenWidth, name: name + ".encoder", using: &rng)
    }

    public var parameters: [Variable] { patchEmbedding.parameters + positions.parameters + encoder.parameters }

    /// The patch tokens before the transformer: patchify, embed, add positions → [B, N, d].
    public func embed(_ images: Tensor, file: StaticString = #fileID, line: UInt = #line) -> Variable {
        let c = configuration
        require(images.rank == 4 && images.shape[1] == c.imageSize && images.shape[2] == c.imageSize
                    && images.shape[3] == 3,
                "ImageEncoder: expected images [B, \(c.imageSize), \(c.imageSize), 3], got \(describe(shape: images.shape))",
                file: file, line: line)
        let patches = Variable(Patches.patchify(images, patchSize: c.patchSize))   // [B, N, P·P·3]
        return positions(patchEmbedding(patches))                                 // [B, N, d]
    }

    /// Images [B, S, S, 3] → `EncoderOutput`: tokens [B, N, d] after the final LayerNorm, and one
    /// [B, h, N, N] attention tensor per block.
    public func callAsFunction(_ images: Tensor, file: StaticString = #fileID, line: UInt = #line) -> EncoderOutput {
        encoder(embed(images, file: file, line: line))   // [B, N, d]
    }
}
