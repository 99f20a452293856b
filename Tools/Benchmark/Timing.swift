// Timing helpers for the benchmark: a monotonic clock and the median of repeated runs.

import Foundation

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
