// The learner's own functions from the exercises (Docs/exercises.md), for a lesson run that uses
// them in place of the kit's: `swift run -c release exercises lesson 2` trains lesson 02's CLIP with
// the learner's InfoNCE loss and measures the modality gap with the learner's function. The lessons
// never link the learner's code: the `exercise-lessons` program, built by the exercises command with
// the learner's files, sets `LearnerCode.current` around the run.

import TeachingEngine

/// Functions a learner wrote; nil where the kit's own is used.
public struct LearnerCode: Sendable {
    /// Exercise 02: the symmetric InfoNCE loss of image and text embeddings [B, e] at temperature τ [].
    public var infoNCE: (@Sendable (_ image: Variable, _ text: Variable, _ temperature: Variable) throws -> Variable)?
    /// Exercise 10: the distance between the centres of unit-length image [N, e] and text [M, e] embeddings.
    public var modalityGap: (@Sendable (_ images: Tensor, _ texts: Tensor) throws -> Float)?
    /// A fingerprint of the learner's files, part of every checkpoint key of such a run, so a model
    /// trained by one version of the learner's code is never loaded for another.
    public var fingerprint: String

    public init(infoNCE: (@Sendable (Variable, Variable, Variable) throws -> Variable)? = nil,
                modalityGap: (@Sendable (Tensor, Tensor) throws -> Float)? = nil, fingerprint: String) {
        self.infoNCE = infoNCE
        self.modalityGap = modalityGap
        self.fingerprint = fingerprint
    }

    /// The learner's code for the run under way; nil in an ordinary lesson run.
    @TaskLocal public static var current: LearnerCode?
}
