// Warm-up then cosine decay (Goyal et al. 2017 for the warm-up; Loshchilov & Hutter 2017, SGDR, for
// the cosine): rise linearly from 0 to the peak, then follow half a cosine down to the floor.
//   step < warmup:  lr = peak · (step + 1) / warmup
//   after:          lr = floor + (peak − floor) · ½ · (1 + cos(π · progress)),  progress ∈ [0, 1]

import AlignFuseSupport
import Foundation

/// The learning rate for each step of a run of `totalSteps`.
///
///     let schedule = WarmupCosineSchedule(peak: 1e-3, warmupSteps: 10, totalSteps: 110)
///     schedule(0)    // 1e-4   (a tenth of the way up)
///     schedule(9)    // 1e-3   (the peak)
///     schedule(60)   // 5e-4   (half way down the cosine)
///     schedule(110)  // 0      (the floor)
public struct WarmupCosineSchedule: Sendable {
    public let peak: Float
    public let warmupSteps: Int
    public let totalSteps: Int
    public let floor: Float

    public init(peak: Float, warmupSteps: Int, totalSteps: Int, floor: Float = 0) {
        require(totalSteps > warmupSteps && warmupSteps >= 0,
                     "WarmupCosineSchedule: totalSteps \(totalSteps) must exceed warmupSteps \(warmupSteps)")
        self.peak = peak
        self.warmupSteps = warmupSteps
        self.totalSteps = totalSteps
        self.floor = floor
    }

    /// The learning rate at `step` (0-based).
    public func callAsFunction(_ step: Int) -> Float {
        if step < warmupSteps { return peak * Float(step + 1) / Float(warmupSteps) }
        let progress = Swift.min(1, Double(step - warmupSteps) / Double(totalSteps - warmupSteps))
        return floor + (peak - floor) * Float(0.5 * (1 + Foundation.cos(Double.pi * progress)))
    }
}
