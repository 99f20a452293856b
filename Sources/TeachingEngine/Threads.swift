// How many threads the engine's kernels may use. Results never depend on it (every sum is computed
// whole by one thread, in the same order), only the time does.

import Foundation

/// The machine's cores, or `ALIGNFUSE_THREADS` when it is set to a positive whole number
/// (e.g. `ALIGNFUSE_THREADS=1` to check that one thread gives the same bytes as two). Read once.
private let processThreads: Int = {
    if let text = ProcessInfo.processInfo.environment["ALIGNFUSE_THREADS"], let n = Int(text), n > 0 { return n }
    return max(1, ProcessInfo.processInfo.activeProcessorCount)
}()

/// The thread count of the engine's parallel kernels.
///
///     EngineThreads.count                       // 2 on a two-core machine
///     EngineThreads.with(1) { softmax(x) }      // the same bytes, computed on one thread
public enum EngineThreads {
    @TaskLocal static var limit: Int?

    /// The threads large products and row kernels use here: `with(_:_:)`'s count inside its body, else
    /// the process's (the cores, or `ALIGNFUSE_THREADS`). What a benchmark reports next to its timings.
    public static var count: Int { limit ?? processThreads }

    /// Runs `body` with the engine's kernels on `threads` threads (at least 1) in this task.
    public static func with<T>(_ threads: Int, _ body: () throws -> T) rethrows -> T {
        try $limit.withValue(max(1, threads), operation: body)
    }
}

/// The threads a kernel may use now (`EngineThreads.count`).
var availableCores: Int { EngineThreads.count }
