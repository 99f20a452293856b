// One space for speech, handwriting and words, bound through images (Girdhar et al. 2023, "ImageBind:
// One Embedding Space To Bind Them All", §3). Only two kinds of pairs are ever trained:
//   handwriting ↔ speech   (a picture of a 7 with a recording of "seven")
//   handwriting ↔ words    (a picture of a 7 with "the digit seven" or "数字七")
// each with CLIP's symmetric contrastive loss (Radford et al. 2021, §2.3). Speech and words never meet in
// training; if they end up aligned, the pictures bound them.

import Foundation
import TeachingEngine

/// The sizes of a `BindingModel`.
public struct BindingConfiguration: Sendable, Hashable {
    /// The width e of the shared space.
    public var embeddingWidth = 64
    public var imageHidden = 128
    /// Values in a speech grid (frames × bands) and the speech tower's hidden width.
    public var speechInput = 32 * 32
    public var speechHidden = 256
    public var vocabularySize = 32
    public var wordWidth = 64
    /// The starting temperature of both losses; logits are cos / τ = exp(s)·cos with s learned.
    public var initialTemperature: Float = 0.07

    public init() {}
}

/// Three towers into one e-dimensional space and a learned temperature for each trained pairing.
///
///     var rng = SeededGenerator(seed: 0)
///     let model = BindingModel(BindingConfiguration(), using: &rng)
///     let loss = model.loss(images: counts, speech: grids, imagesForWords: counts2, words: ids)
///     loss.total.backward()
public struct BindingModel: Module {
    public let configuration: BindingConfiguration
    public let image: DigitImageEncoder
    public let speech: SpeechEncoder
    public let words: WordEncoder
    /// s of the handwriting ↔ speech loss and of the handwriting ↔ words loss.
    public let speechScale: Variable
    public let wordScale: Variable

    public init(_ c: BindingConfiguration, using rng: inout SeededGenerator) {
        configuration = c
        image = DigitImageEncoder(hidden: c.imageHidden, width: c.embeddingWidth, using: &rng)
        speech = SpeechEncoder(inputSize: c.speechInput, hidden: c.speechHidden, width: c.embeddingWidth, using: &rng)
        words = WordEncoder(vocabularySize: c.vocabularySize, width: c.wordWidth, embeddingWidth: c.embeddingWidth, using: &rng)
        let s = Tensor(scalar: Foundation.log(1 / c.initialTemperature))
        speechScale = Variable(name: "speechScale", value: s)
        wordScale = Variable(name: "wordScale", value: s)
    }

    public var parameters: [Variable] {
        image.parameters + speech.parameters + words.parameters + [speechScale, wordScale]
    }

    /// The two losses of one step: pictures [B, 64] with recordings [B, F·M] (row i with row i), and
    /// pictures [B′, 64] with texts [B′][T].
    public func loss(images: Tensor, speech grids: Tensor, imagesForWords: Tensor, words ids: [[Int]]) -> BindingLoss {
        let heard = contrastiveLoss(imageEmbeddings: image(Variable(images)), textEmbeddings: speech(Variable(grids)),
                                    logScale: speechScale).loss
        let read = contrastiveLoss(imageEmbeddings: image(Variable(imagesForWords)), textEmbeddings: words(ids),
                                   logScale: wordScale).loss
        return BindingLoss(speech: heard, words: read, total: heard + read)
    }

    // MARK: - Embedding for evaluation (no gradients, unit length)

    public func embedImages(_ counts: Tensor) -> [[Float]] { unitRows { image(Variable(counts)) } }
    public func embedSpeech(_ grids: Tensor) -> [[Float]] { unitRows { speech(Variable(grids)) } }
    public func embedWords(_ ids: [[Int]]) -> [[Float]] { unitRows { words(ids) } }

    private func unitRows(_ body: () -> Variable) -> [[Float]] { noGrad { rows(l2Normalize(body()).value) } }
}

/// The losses of one training step.
public struct BindingLoss {
    public let speech: Variable
    public let words: Variable
    public let total: Variable
}
