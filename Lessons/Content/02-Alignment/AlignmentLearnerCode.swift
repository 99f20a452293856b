// Lesson 02 with the learner's own functions (`swift run -c release exercises lesson 2`): the CLIP
// trains with the learner's InfoNCE loss (exercise 02) and the modality gap is measured with their
// function (exercise 10). In an ordinary run both are the kit's. See Lessons/Content/LearnerCode.swift.

import Multimodal
import TeachingEngine

extension Alignment {
    /// The symmetric InfoNCE loss of a batch of pairs: the kit's `contrastiveLoss`, or the learner's
    /// at the model's temperature τ = exp(−s), so the temperature still learns through it.
    func infoNCE(_ model: ContrastiveModel, _ images: Tensor, _ ids: [[Int]]) throws -> Variable {
        guard let mine = learner?.infoNCE else { return model.loss(images: images, ids: ids).loss }
        let temperature = exp(-model.logScale)                                    // [], τ = e^−s
        return try mine(model.imageEmbeddings(images), model.textEmbeddings(ids), temperature)
    }

    /// The distance between the centres of the image and text embeddings of `space`: the kit's, or
    /// the learner's function.
    func gap(_ space: AlignmentSpace) throws -> Float {
        guard let mine = learner?.modalityGap else { return space.modalityGap }
        func tensor(_ rows: [[Float]]) -> Tensor {
            Tensor(shape: [rows.count, rows.first?.count ?? 0], scalars: rows.flatMap { $0 })   // [N, e]
        }
        return try mine(tensor(space.images), tensor(space.texts))
    }
}
