// Timing helpers for the benchmark: a monotonic clock and the median of repeated runs.

import Foundation
import TeachingEngine

/// Seconds on a monotonic clock.
func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// The median of `values` (the mean of the middle two for an even count).
///
///     median([3, 1, 2]) == 2;  median([4, 1, 3, 2]) == 2.5
func median(_ values: [Double]) -> Double {
    precondition(!values.isEmpty, "median: no values")
    let sorted = values.sorted()
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/// Runs `body` `warmUp` times untimed, then `repeats` times timed; returns each timed duration in seconds.
func timeRuns(warmUp: Int, repeats: Int, _ body: () -> Void) -> [Double] {
    for _ in 0..<warmUp { body() }
    return (0..<repeats).map { _ in
        let start = now()
        body()
        return now() - start
    }
}

/// What one run of a training workload reports.
struct StepTiming {
    let millisecondsPerStep: Double   // median over the timed steps
    let firstLoss: Float
    let lastLoss: Float
    let parameterCount: Int
}

/// Runs `warmUp + steps` training steps of `loss` (zero the gradients, forward, backward, AdamW with
/// lr 1e-3 and weight decay 0.01, the W-CLIP and W-VQA recipe) and reports the median time of the
/// timed steps with the first and last loss.
func timeTraining(_ parameters: [Variable], warmUp: Int, steps: Int, loss: () -> Variable) -> StepTiming {
    // The graph stays alive until the step's time is taken: its release is not part of the step.
    timeSteps(parameters, warmUp: warmUp, steps: steps, forwardAndBackward: {
        let value = loss()
        value.backward()
        return value
    }, lossOf: { $0.item })
}

/// Like `timeTraining`, with each step's batch in `parts` equal parts, one per core
/// (`DataParallel.backward`): `loss(part)` is part `part`'s mean loss.
func timeTrainingInParts(_ parameters: [Variable], parts: Int, warmUp: Int, steps: Int,
                         loss: (Int) -> Variable) -> StepTiming {
    timeSteps(parameters, warmUp: warmUp, steps: steps,
              forwardAndBackward: { DataParallel.backward(parts: parts, loss) }, lossOf: { $0 })
}

/// The loop both share: zero the gradients, `forwardAndBackward`, AdamW's step, timed; the loss read after.
private func timeSteps<Result>(_ parameters: [Variable], warmUp: Int, steps: Int,
                               forwardAndBackward: () -> Result, lossOf: (Result) -> Float) -> StepTiming {
    var optimizer = AdamW(parameters: parameters, learningRate: 1e-3, weightDecay: 0.01)
    var losses: [Float] = []
    var times: [Double] = []
    for step in 0..<(warmUp + steps) {
        EngineThreads.markStepInTrace()
        let start = now()
        optimizer.zeroGrad()
        let result = forwardAndBackward()
        optimizer.step()
        let elapsed = now() - start
        losses.append(lossOf(result))
        if step >= warmUp { times.append(elapsed) }
    }
    return StepTiming(millisecondsPerStep: median(times) * 1000, firstLoss: losses.first!, lastLoss: losses.last!,
                      parameterCount: parameters.reduce(0) { $0 + $1.count })
}
