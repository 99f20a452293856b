// The ten functions a learner writes, as one table: the checker fills it from the learner's module
// (Lessons/Exercises/Mine), the test suite from the starters and from the reference solutions, so
// one set of checks serves all three and the table's shape is compiled on every build.

import ExerciseKit
import TeachingEngine

public typealias CosineSimilarityFunction = @Sendable (Variable, Variable) throws -> Variable
public typealias InfoNCEFunction = @Sendable (_ image: Variable, _ text: Variable, _ temperature: Variable) throws -> Variable
public typealias LateFusionFunction = @Sendable (_ imageLogits: Variable, _ textLogits: Variable) throws -> Variable
public typealias PatchifyFunction = @Sendable (_ image: Tensor, _ patchSize: Int) throws -> Tensor
public typealias SinusoidalPositionsFunction = @Sendable (_ count: Int, _ dimension: Int) throws -> Tensor
public typealias AttentionFunction = @Sendable (_ query: Variable, _ key: Variable, _ value: Variable, _ mask: Tensor?) throws -> Variable
public typealias CrossAttentionFusionFunction = @Sendable (_ text: Variable, _ image: Variable, _ queryWeight: Variable,
                                                 _ keyWeight: Variable, _ valueWeight: Variable) throws -> Variable
public typealias PrefixMaskFunction = @Sendable (_ length: Int, _ prefixLength: Int) throws -> Tensor
public typealias GreedyDecodingFunction = @Sendable (_ start: Int, _ end: Int, _ maxLength: Int,
                                           _ nextLogits: @escaping ([Int]) -> [Float]) throws -> [Int]
public typealias ModalityGapFunction = @Sendable (_ images: Tensor, _ texts: Tensor) throws -> Float

/// One implementation of every exercise.
///
///     import ExerciseSolutions
///     let reference = ExerciseFunctions(cosineSimilarityMatrix: cosineSimilarityMatrix, infoNCE: infoNCE, …)
///     Checks.run(2, reference)   // .passed([…])
public struct ExerciseFunctions: Sendable {
    public var cosineSimilarityMatrix: CosineSimilarityFunction
    public var infoNCE: InfoNCEFunction
    public var lateFusion: LateFusionFunction
    public var patchify: PatchifyFunction
    public var sinusoidalPositions: SinusoidalPositionsFunction
    public var attention: AttentionFunction
    public var crossAttentionFusion: CrossAttentionFusionFunction
    public var prefixLMMask: PrefixMaskFunction
    public var greedyDecode: GreedyDecodingFunction
    public var modalityGap: ModalityGapFunction

    public init(cosineSimilarityMatrix: @escaping CosineSimilarityFunction, infoNCE: @escaping InfoNCEFunction,
                lateFusion: @escaping LateFusionFunction, patchify: @escaping PatchifyFunction,
                sinusoidalPositions: @escaping SinusoidalPositionsFunction, attention: @escaping AttentionFunction,
                crossAttentionFusion: @escaping CrossAttentionFusionFunction,
                prefixLMMask: @escaping PrefixMaskFunction, greedyDecode: @escaping GreedyDecodingFunction,
                modalityGap: @escaping ModalityGapFunction) {
        self.cosineSimilarityMatrix = cosineSimilarityMatrix
        self.infoNCE = infoNCE
        self.lateFusion = lateFusion
        self.patchify = patchify
        self.sinusoidalPositions = sinusoidalPositions
        self.attention = attention
        self.crossAttentionFusion = crossAttentionFusion
        self.prefixLMMask = prefixLMMask
        self.greedyDecode = greedyDecode
        self.modalityGap = modalityGap
    }
}

/// The checks, one per exercise.
public enum Checks {
    /// Checks exercise `number` (1…10) of `functions`.
    public static func run(_ number: Int, _ functions: ExerciseFunctions) -> Verdict {
        switch number {
        case 1: cosineSimilarity(functions.cosineSimilarityMatrix)
        case 2: infoNCE(functions.infoNCE)
        case 3: lateFusion(functions.lateFusion)
        case 4: patchify(functions.patchify)
        case 5: sinusoidalPositions(functions.sinusoidalPositions)
        case 6: attention(functions.attention)
        case 7: crossAttentionFusion(functions.crossAttentionFusion)
        case 8: prefixMask(functions.prefixLMMask)
        case 9: greedyDecoding(functions.greedyDecode)
        case 10: modalityGap(functions.modalityGap)
        default: .failed(["there is no exercise \(number): they are numbered 1…\(Catalog.all.count)"])
        }
    }
}
