// Every file a run leaves is written whole or not at all: written to a temporary file in the same
// folder, then renamed over the target. On Ctrl-C the temporary files are removed before exiting —
// this module's and those of Figures' own atomic PNG writes (PNGFile.writeAtomically).

import Figures
import Foundation

/// Atomic file writing and the SIGINT handler that keeps --out free of half-written files.
public enum AtomicFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var pending: Set<String> = []
    nonisolated(unsafe) private static var signalSource: DispatchSourceSignal?

    /// Writes `bytes` to `url` atomically, creating the folder if needed.
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        try write(to: url) { temp in try Data(bytes).write(to: temp) }
    }

    /// Lets `produce` write a temporary file, then renames it to `url`. While a write is in progress an
    /// interrupt waits for it, so no half-written file is left and no temporary file survives.
    public static func write(to url: URL, produce: (URL) throws -> Void) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        lock.lock()
        defer { lock.unlock() }
        pending.insert(temp.path)
        defer {
            pending.remove(temp.path)
            unlink(temp.path)
        }
        try produce(temp)
        guard rename(temp.path, url.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }

    /// Makes Ctrl-C end the process promptly with one line on standard error and exit code 130, after
    /// removing every temporary file of a write in progress (this type's and Figures' `PNGFile`), so the
    /// output folder holds only complete files. Call once, from a command-line entry point.
    public static func installInterruptHandler(message: @escaping () -> String) {
        guard signalSource == nil else { return }
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            lock.lock()   // waits for a write in progress to finish or fail; never released
            for path in pending { unlink(path) }
            PNGFile.stopWritingAndRemoveUnfinishedFiles()
            FileHandle.standardError.write(Data(("\n" + message() + "\n").utf8))
            exit(130)
        }
        source.resume()
        signalSource = source
    }
}
