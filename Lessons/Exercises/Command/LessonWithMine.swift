// `exercises lesson N`: a lesson run with the learner's own functions. The exercises the lesson uses
// are checked first (a function not written yet, not compiling or stopping the program cannot run a
// lesson; one that fails its check runs anyway, so its effect can be seen); then the program
// `exercise-lessons` is built with the learner's files and runs the lesson, writing to
// out/lessonNN-mine unless --out says otherwise. Its checkpoints are keyed by the learner's files, so
// a model trained by one version of them is never reused for another.

import ExerciseKit
import Foundation

enum LessonWithMine {
    static func run(_ lesson: Int, options: [String], in workspace: Workspace) throws -> Int32 {
        guard let used = Catalog.lessonRuns[lesson] else {
            let those = Catalog.lessonRuns.keys.sorted().map(Catalog.label).joined(separator: ", ")
            throw CommandError("lesson \(Catalog.label(lesson)) does not run with your functions"
                               + (those.isEmpty ? " (no lesson does yet)" : "; the lessons that do: " + those))
        }
        guard let outcomes = try Progress.buildAndCheck(used.map(Catalog.exercise), in: workspace) else { return 1 }
        var blocked = false
        for (number, outcome) in zip(used, outcomes) where outcome.status != .passed {
            let exercise = Catalog.exercise(number)
            switch outcome.status {
            case .failed:
                print("note: \(title(exercise)) does not pass its check yet; the lesson runs with it anyway:")
            default:
                print("\(title(exercise)) cannot run a lesson yet:")
                blocked = true
            }
            for line in outcome.lines { print("  " + line) }
        }
        if blocked { return 1 }

        print("building lesson \(Catalog.label(lesson)) with your functions…")
        guard case .built = try workspace.buildChecker(product: "exercise-lessons") else {
            print("The lesson could not be built with your files.")
            return 1
        }
        let files = Set(used.flatMap { [$0] + Catalog.exercise($0).uses }).sorted().map(Catalog.exercise)
        print("Lesson \(Catalog.label(lesson)) with your " + files.map { "\($0.function) (\(workspace.shown(workspace.mineFile($0))))" }
            .joined(separator: ", "))
        var arguments = ["\(lesson)"] + options
        if !options.contains(where: { $0 == "--out" || $0.hasPrefix("--out=") }) {
            arguments += ["--out", "out/lesson\(Catalog.label(lesson))-mine"]
        }
        let process = Process()
        process.executableURL = workspace.checker.deletingLastPathComponent().appendingPathComponent("exercise-lessons")
        process.arguments = arguments
        process.currentDirectoryURL = workspace.root
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["ALIGNFUSE_MINE_FINGERPRINT": try fingerprint(files, in: workspace)]) { $1 }
        fflush(nil)   // what was printed so far comes before the lesson's output
        try process.run()
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : 1
    }

    /// FNV-1a (64 bit) of the learner's files, in hexadecimal.
    static func fingerprint(_ exercises: [Exercise], in workspace: Workspace) throws -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for exercise in exercises {
            for byte in try Data(contentsOf: workspace.mineFile(exercise)) {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        return String(hash, radix: 16)
    }
}
