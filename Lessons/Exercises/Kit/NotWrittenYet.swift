// What an exercise's starter throws until the learner writes it. The checks report it as
// "not written yet" instead of a failure, and the exercises command lists the exercise as to do.

/// Thrown by an exercise function that has not been written yet.
///
///     public func patchify(_ image: Tensor, patchSize: Int) throws -> Tensor {
///         throw NotWrittenYet(exercise: 4)
///     }
public struct NotWrittenYet: Error, Equatable, Sendable {
    /// The number of the exercise whose function this is (1…10).
    public let exercise: Int

    public init(exercise: Int) {
        self.exercise = exercise
    }
}
