// Batches at the boundary to the engine: images become centred pixel tensors and texts become
// padded id tensors with a mask. Everything before this point is plain arrays.

import AlignFuseSupport
import TeachingEngine

/// A batch of texts as token ids, padded or cut to one length.
public struct TokenBatch: Sendable {
    /// The ids, one row per text, each `length` long; padding is id 0.
    public let ids: [[Int]]
    /// How many ids of each row are not padding.
    public let lengths: [Int]
    /// Whether each text was cut to fit.
    public let truncated: [Bool]

    /// The ids as Float values, [B, T].
    public var tensor: Tensor {
        Tensor(shape: [ids.count, ids.first?.count ?? 0], scalars: ids.flatMap { $0.map(Float.init) })
    }

    /// 1 where a token is real, 0 where it is padding, [B, T].
    public var mask: Tensor {
        Tensor(shape: [ids.count, ids.first?.count ?? 0], scalars: ids.flatMap { $0.map { $0 == Tokenizer.pad ? 0 : 1 } })
    }
}

/// Builds model inputs from samples.
public enum Batches {
    /// Images as one centred tensor, (x/255 − 0.5)·2, of shape [B, S, S, 3].
    ///
    /// - Precondition: all images have one size.
    public static func pixels(_ images: [ToyImage]) -> Tensor {
        let size = images.first?.size ?? 0
        var scalars: [Float] = []
        scalars.reserveCapacity(images.count * size * size * 3)
        for image in images {
            require(image.size == size, "Batches.pixels: image of size \(image.size) in a batch of size \(size)")
            scalars += image.centredScalars
        }
        return Tensor(shape: [images.count, size, size, 3], scalars: scalars)   // [B, S, S, 3]
    }

    /// Texts as ids of one length, each optionally framed by <bos> and <eos>.
    ///
    ///     Batches.tokens(["a cat", "a photo of a dog"], tokenizer: t, length: 4).ids
    ///     // [[a, cat, 0, 0], [a, photo, of, a]], truncated [false, true]
    public static func tokens(_ texts: [String], tokenizer: Tokenizer, length: Int,
                              begin: Bool = false, end: Bool = false) -> TokenBatch {
        let encoded = texts.map { tokenizer.encode($0, length: length, begin: begin, end: end) }
        return TokenBatch(ids: encoded.map(\.ids),
                          lengths: encoded.map { $0.ids.filter { $0 != Tokenizer.pad }.count },
                          truncated: encoded.map(\.truncated))
    }
}
