// Reading an image encoder part-way: the patch tokens after the patch embedding, after block 1, …,
// after the last block. A model built on top of an encoder chooses which of these it reads: LLaVA
// (Liu et al. 2023, §4.1) takes CLIP ViT-L/14's penultimate layer, not its last; which depth carries
// what a later task needs is an empirical question, measured in lesson 06.
//   depth 0        patchify → Linear → + positions                       [B, N, d]
//   depth k ≥ 1    the tokens after k pre-LN blocks                       [B, N, d]
//   depth = D      after the last block and the final LayerNorm: what the encoder returns and CLIP pools

import AlignFuseSupport
import TeachingEngine

extension ImageEncoder {
    /// The depths one can read: 0 (the patch embedding) through `configuration.depth` (the output).
    public var readableDepths: ClosedRange<Int> { 0...configuration.depth }

    /// The patch tokens [B, N, d] read at `depth` (see the table at the top of this file). Reading at
    /// the full depth equals `self(images).output`.
    ///
    ///     encoder.tokens(pixels, depth: 0)   // [B, 16, 64]: each patch's own token, no attention yet
    ///     encoder.tokens(pixels, depth: 2)   // [B, 16, 64]: the output of W-CLIP's 2-block tower
    public func tokens(_ images: Tensor, depth: Int, file: StaticString = #fileID, line: UInt = #line) -> Variable {
        require(readableDepths.contains(depth),
                "ImageEncoder.tokens: depth \(depth) is not in \(readableDepths) for an encoder of \(configuration.depth) blocks",
                file: file, line: line)
        var x = embed(images, file: file, line: line)                  // [B, N, d]
        for block in encoder.blocks.prefix(depth) { x = block(x).output }   // [B, N, d]
        return depth == configuration.depth ? encoder.finalNorm(x) : x      // [B, N, d]
    }

    /// The tokens at `depth` of many images, computed in chunks of `chunk` without recording gradients:
    /// the features a frozen encoder hands to a model built on it, [B, N, d].
    public func features(_ images: Tensor, depth: Int, chunk: Int = 256) -> Tensor {
        let scalars = images.chunks(of: chunk).flatMap { part in noGrad { tokens(part, depth: depth).value.scalars } }
        return Tensor(shape: [images.shape[0], configuration.patchCount, configuration.width], scalars: scalars)   // [B, N, d]
    }
}
