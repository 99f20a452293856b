// The reference solutions and the untouched starters as the checks take them.

import ExerciseChecks
import ExerciseSolutions
import ExerciseStarters

let solutions = ExerciseFunctions(
    cosineSimilarityMatrix: ExerciseSolutions.cosineSimilarityMatrix, infoNCE: ExerciseSolutions.infoNCE,
    lateFusion: ExerciseSolutions.lateFusion, patchify: ExerciseSolutions.patchify,
    sinusoidalPositions: ExerciseSolutions.sinusoidalPositions, attention: ExerciseSolutions.attention,
    crossAttentionFusion: ExerciseSolutions.crossAttentionFusion, prefixLMMask: ExerciseSolutions.prefixLMMask,
    greedyDecode: ExerciseSolutions.greedyDecode, modalityGap: ExerciseSolutions.modalityGap)

let starters = ExerciseFunctions(
    cosineSimilarityMatrix: ExerciseStarters.cosineSimilarityMatrix, infoNCE: ExerciseStarters.infoNCE,
    lateFusion: ExerciseStarters.lateFusion, patchify: ExerciseStarters.patchify,
    sinusoidalPositions: ExerciseStarters.sinusoidalPositions, attention: ExerciseStarters.attention,
    crossAttentionFusion: ExerciseStarters.crossAttentionFusion, prefixLMMask: ExerciseStarters.prefixLMMask,
    greedyDecode: ExerciseStarters.greedyDecode, modalityGap: ExerciseStarters.modalityGap)
