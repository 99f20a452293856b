// exercise-checker: the checks run on the learner's own functions (Lessons/Exercises/Mine).
// Built and run by the `exercises` command; see Lessons/Exercises/Checks/CheckerMain.swift.

import ExerciseChecks
import ExercisesMine

CheckerMain.run(ExerciseFunctions(
    cosineSimilarityMatrix: cosineSimilarityMatrix, infoNCE: infoNCE, lateFusion: lateFusion,
    patchify: patchify, sinusoidalPositions: sinusoidalPositions, attention: attention,
    crossAttentionFusion: crossAttentionFusion, prefixLMMask: prefixLMMask, greedyDecode: greedyDecode,
    modalityGap: modalityGap))
