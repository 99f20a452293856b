// How many threads the engine's kernels may use. Results never depend on it (every sum is computed
// whole by one thread, in the same order), only the time does.

import Foundation
import MatmulFMA

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
    @TaskLocal static var share: ThreadShare?

    /// The threads large products and row kernels use here: the innermost `with`'s count inside its
    /// body, else the process's (the cores, or `ALIGNFUSE_THREADS`). What a benchmark reports next to
    /// its timings.
    public static var count: Int { share?.count ?? processThreads }

    /// Runs `body` with the engine's kernels on `threads` threads (at least 1) in this task.
    public static func with<T>(_ threads: Int, _ body: () throws -> T) rethrows -> T {
        try $share.withValue(ThreadShare(threads), operation: body)
    }

    /// Runs `body` with the engine's kernels on `share`'s threads, a count that may grow while it runs
    /// (each kernel reads it when it starts).
    public static func with<T>(_ share: ThreadShare, _ body: () throws -> T) rethrows -> T {
        try $share.withValue(share, operation: body)
    }

    /// Marks where a training step begins in the trace of the engine's helper threads, when
    /// `ALIGNFUSE_POOL_TRACE=FILE` asks for one (WorkerPool.c; Tools/Benchmark/pool_trace.py reads the
    /// file); without it, does nothing. The benchmark marks each of its steps.
    public static func markStepInTrace() { alignfuse_pool_mark() }
}

/// A count of engine threads that can grow while the kernels use it: when one of two lessons running at
/// once ends, its thread goes to the other.
///
///     let share = ThreadShare(1)
///     EngineThreads.with(share) { train() }     // starts on one thread...
///     share.add(1)                              // ...from another thread: its next kernels use two
public final class ThreadShare: @unchecked Sendable {
    private let lock = NSLock()
    private var threads: Int

    public init(_ threads: Int) { self.threads = max(1, threads) }

    /// The threads the kernels running under this share may use now.
    public var count: Int { lock.withLock { threads } }

    /// Gives this share `more` threads.
    public func add(_ more: Int) { lock.withLock { threads += max(0, more) } }
}

/// The threads a kernel may use now (`EngineThreads.count`).
var availableCores: Int { EngineThreads.count }
