// Three encoders, one per modality, that map an image, a caption and a sound to vectors of one
// width — and have never been trained. Their outputs have the same size but no shared meaning: the
// starting point that contrastive alignment (lesson 02) improves on.

import Multimodal
import TeachingEngine

/// Untrained encoders of images, texts and sounds to vectors of `width` values each.
///
///     var rng = SeededGenerator(seed: 0)
///     let encoders = UntrainedEncoders(vocabularySize: tokenizer.count, width: 32, using: &rng)
///     encoders.image([sample.image])            // [1, 32]
///     encoders.text([[7, 12, 9]])               // [1, 32]
///     encoders.sound([SceneSound.waveform(for: sample.scene)])   // [1, 32]
///
/// Each is the smallest encoder of its kind: tokens of the modality → a linear map to 64 values per
/// token → the mean over tokens → a linear map to `width`.
public struct UntrainedEncoders {
    /// Image tokens: 8×8 patches of a 32×32 image, 192 values each.
    public static let patchSize = 8
    /// Sound tokens: STFT frames of 256 samples, 129 magnitudes each.
    public static let frameLength = 256
    static let hidden = 64

    let patchEmbedding: Linear       // 192 → 64
    let imageHead: Linear            // 64 → width
    let wordEmbedding: Embedding     // vocabulary → 64
    let textHead: Linear             // 64 → width
    let frameEmbedding: Linear       // 129 → 64
    let soundHead: Linear            // 64 → width

    public init(vocabularySize: Int, width: Int, using rng: inout SeededGenerator) {
        let p = UntrainedEncoders.patchSize, h = UntrainedEncoders.hidden
        patchEmbedding = Linear(inputSize: p * p * 3, outputSize: h, name: "image.patch", using: &rng)
        imageHead = Linear(inputSize: h, outputSize: width, name: "image.head", using: &rng)
        wordEmbedding = Embedding(vocabularySize: vocabularySize, width: h, name: "text.embedding", using: &rng)
        textHead = Linear(inputSize: h, outputSize: width, name: "text.head", using: &rng)
        frameEmbedding = Linear(inputSize: UntrainedEncoders.frameLength / 2 + 1, outputSize: h,
                                name: "sound.frame", using: &rng)
        soundHead = Linear(inputSize: h, outputSize: width, name: "sound.head", using: &rng)
    }

    /// 32×32 images (centred pixels) → [B, width].
    public func image(_ images: [ToyImage]) -> Tensor {
        noGrad {
            let patches = Patches.patchify(Batches.pixels(images), patchSize: UntrainedEncoders.patchSize)   // [B, 16, 192]
            let tokens = patchEmbedding(Variable(patches))                                                   // [B, 16, 64]
            return imageHead(tokens.mean(alongAxis: 1)).value                                                // [B, width]
        }
    }

    /// Token ids, one row per text (rows may differ in length; each is averaged over its own tokens) → [B, width].
    public func text(_ ids: [[Int]]) -> Tensor {
        noGrad {
            let rows = ids.map { row in wordEmbedding([row]).mean(alongAxis: 1) }   // B × [1, 64]
            return textHead(concatenate(rows, alongAxis: 0)).value                  // [B, width]
        }
    }

    /// Waveforms of one length → [B, width], through their magnitude spectrograms.
    public func sound(_ waves: [[Float]]) -> Tensor {
        noGrad {
            let frames = waves.map { Spectrogram.magnitudes($0, frameLength: UntrainedEncoders.frameLength) }   // B × [F, 129]
            let (f, bins) = (frames[0].shape[0], frames[0].shape[1])
            let batch = Tensor(shape: [waves.count, f, bins], scalars: frames.flatMap(\.scalars))             // [B, F, 129]
            let tokens = frameEmbedding(Variable(batch))                                                        // [B, F, 64]
            return soundHead(tokens.mean(alongAxis: 1)).value                                                   // [B, width]
        }
    }
}
