// Building the learner's code into the checker, and running the checker on one exercise.
// The build runs SwiftPM with ALIGNFUSE_EXERCISES=mine, which adds the learner's files and the
// checker to the package (Package.swift); its output is kept, and only the diagnostics of the
// learner's own files are shown.

import ExerciseKit
import Foundation

/// What came of building the checker.
enum BuildResult {
    case built
    /// Diagnostics per learner file ("04-Patchify.swift" → lines), and the lines of other files.
    case failed(mine: [(file: String, lines: [String])], other: [String], log: String)
}

/// What came of checking one exercise.
struct CheckOutcome {
    enum Status { case passed, failed, notWrittenYet, crashed, timedOut }
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

    /// `swift build --product exercise-checker` with the learner's files, its output captured.
    func buildChecker() throws -> BuildResult {
        let result = try runProcess("/usr/bin/env", ["swift", "build", "-c", Workspace.configuration,
                                                     "--product", "exercise-checker"],
                                    environment: ["ALIGNFUSE_EXERCISES": "mine"], timeout: 1_800)
        if result.status == 0 { return .built }
        let log = result.output
        var mine: [(file: String, lines: [String])] = []
        for exercise in Catalog.all {
            let lines = CompilerDiagnostics.lines(of: "Exercises/Mine/" + exercise.file, in: log,
                                                  shownAs: shown(mineFile(exercise)))
            if !lines.isEmpty { mine.append((exercise.file, lines)) }
        }
        var other: [String] = []
        for path in CompilerDiagnostics.filesWithErrors(in: log) where !path.contains("/Exercises/Mine/") {
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
