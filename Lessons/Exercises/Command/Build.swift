// Building the learner's code into the checker, and running the checker on one exercise.
// The build runs SwiftPM with ALIGNFUSE_EXERCISES=mine, which adds the learner's files and the
// checker to the package (Package.swift); its output is kept, and only the diagnostics of the
// learner's own files are shown. The files compiled are copies in .build/exercise-staging: when some
// of the learner's files do not compile, their starters take their place there and the build runs
// again, so the other exercises can still be checked (the learner's files are never touched).

import ExerciseKit
import Foundation

/// What came of building the checker.
enum BuildResult {
    /// Built; `broken` are the learner's files that did not compile (their starters were built
    /// instead), with the compiler's lines for each.
    case built(broken: [(file: String, lines: [String])])
    /// Diagnostics per learner file ("04-Patchify.swift" → lines), and the lines of other files.
    case failed(mine: [(file: String, lines: [String])], other: [String], log: String)
}

/// What came of checking one exercise.
struct CheckOutcome {
    enum Status { case passed, failed, notWrittenYet, crashed, timedOut, doesNotCompile }
    let status: Status
    let lines: [String]
}

extension Workspace {
    /// "release" for a release build of this command, "debug" otherwise: the checker is built alike,
    /// so the engine and the libraries are shared with the build the learner already has.
    static var configuration: String {
        #if DEBUG
        "debug"
        #else
        "release"
        #endif
    }

    /// Where the files the checker is compiled from are copied (the `ExercisesMine` target's path).
    var staging: URL { root.appendingPathComponent(".build/exercise-staging") }

    /// Builds `product` (exercise-checker or exercise-lessons) from the learner's files; a file that
    /// does not compile is replaced by its starter in the staging folder and the build runs again.
    func buildChecker(product: String = "exercise-checker") throws -> BuildResult {
        try stage(startersFor: [])
        let first = try build(product)
        guard case .failed(let mine, let other, _) = first, !mine.isEmpty, other.isEmpty else { return first }
        try stage(startersFor: Set(mine.map(\.file)))
        let second = try build(product)
        guard case .built = second else { return first }
        return .built(broken: mine)
    }

    /// Copies each of the learner's files (or, for the names in `startersFor`, the starter) into the
    /// staging folder, writing only files whose bytes change, so the build recompiles only those.
    func stage(startersFor replaced: Set<String>) throws {
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        for exercise in Catalog.all {
            let source = replaced.contains(exercise.file) ? starterFile(exercise) : mineFile(exercise)
            let target = staging.appendingPathComponent(exercise.file)
            let bytes = try Data(contentsOf: source)
            if (try? Data(contentsOf: target)) != bytes { try bytes.write(to: target, options: .atomic) }
        }
    }

    /// One `swift build --product` with the staged files, its output captured and sorted by file.
    func build(_ product: String) throws -> BuildResult {
        let result = try runProcess("/usr/bin/env", ["swift", "build", "-c", Workspace.configuration, "--product", product],
                                    environment: ["ALIGNFUSE_EXERCISES": "mine"], timeout: 1_800)
        if result.status == 0 { return .built(broken: []) }
        let log = result.output
        var mine: [(file: String, lines: [String])] = []
        for exercise in Catalog.all {
            let lines = CompilerDiagnostics.lines(of: "/.build/exercise-staging/" + exercise.file, in: log,
                                                  shownAs: shown(mineFile(exercise)))
            if !lines.isEmpty { mine.append((exercise.file, lines)) }
        }
        var other: [String] = []
        for path in CompilerDiagnostics.filesWithErrors(in: log) where !path.contains("/.build/exercise-staging/") {
            other += CompilerDiagnostics.lines(of: path, in: log, shownAs: shown(URL(fileURLWithPath: path)))
        }
        return .failed(mine: mine, other: other, log: log)
    }

    /// The checker built next to this command.
    var checker: URL {
        (Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
            ?? root.appendingPathComponent(".build/\(Workspace.configuration)")).appendingPathComponent("exercise-checker")
    }

    /// Runs the checker on exercise `number` and, when it fails, on the earlier exercises its
    /// reference solution calls (02 → 01, 07 → 06): a wrong answer may come from one of those.
    func check(_ number: Int) throws -> CheckOutcome {
        let outcome = try checkAlone(number)
        guard outcome.status == .failed || outcome.status == .crashed else { return outcome }
        let failing = try Catalog.exercise(number).uses.filter { try checkAlone($0).status != .passed }
        return CheckOutcome(status: outcome.status, lines: outcome.lines + failing.map { used in
            "note: exercise \(Catalog.label(used)) (\(Catalog.exercise(used).function)) does not pass yet; "
                + "if your code calls it, make that one pass first"
        })
    }

    /// Runs the checker on exercise `number`, in its own process, for at most `timeout` seconds.
    func checkAlone(_ number: Int, timeout: Double = 60) throws -> CheckOutcome {
        // No crash backtrace: the learner needs the one line that says what went wrong.
        let result = try runProcess(checker.path, ["\(number)"], environment: ["SWIFT_BACKTRACE": "enable=no"],
                                    timeout: timeout)
        let lines = result.output.split(separator: "\n").map(String.init)
        if result.timedOut {
            return CheckOutcome(status: .timedOut, lines: [
                "your function did not finish within \(Int(timeout)) s: a loop that never ends?"])
        }
        switch result.status {
        case 0: return CheckOutcome(status: .passed, lines: lines)
        case 1: return CheckOutcome(status: .failed, lines: lines)
        case 3: return CheckOutcome(status: .notWrittenYet, lines: lines)
        default:
            // A trap: an index out of range, or a shape the engine refused ("Fatal error: matmul: …").
            let fatal = lines.filter { $0.contains("Fatal error") }.map { line in
                line.range(of: "ExercisesMine/").map { "Lessons/Exercises/Mine/" + line[$0.upperBound...] } ?? line
            }
            return CheckOutcome(status: .crashed, lines: ["your function stopped the program:"]
                                + (fatal.isEmpty ? Array(lines.suffix(3)) : fatal))
        }
    }
}

/// A finished child process: exit status, stdout and stderr together, and whether it was stopped.
struct ProcessResult {
    let status: Int32
    let output: String
    let timedOut: Bool
}

/// Runs `executable` with `arguments` in the package root, output captured, stopped after `timeout` s.
func runProcess(_ executable: String, _ arguments: [String], environment extra: [String: String],
                timeout: Double) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    let collected = OutputCollector()
    pipe.fileHandleForReading.readabilityHandler = { handle in collected.append(handle.availableData) }
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    var timedOut = false
    while process.isRunning {
        if Date() > deadline { timedOut = true; process.terminate(); break }
        Thread.sleep(forTimeInterval: 0.02)
    }
    process.waitUntilExit()
    pipe.fileHandleForReading.readabilityHandler = nil
    collected.append(pipe.fileHandleForReading.readDataToEndOfFile())
    // A process ended by a signal (a trap) reports the signal's number, negated.
    let status = process.terminationReason == .exit ? process.terminationStatus : -process.terminationStatus
    return ProcessResult(status: status, output: collected.text, timedOut: timedOut)
}

/// The output of a child process, gathered from the pipe's reading thread.
final class OutputCollector: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    func append(_ more: Data) { lock.lock(); data.append(more); lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
}
