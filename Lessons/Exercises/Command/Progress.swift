// What the command prints: the list of exercises with their state and the next one to do, and the
// verdict of one check with the compiler's or the checker's lines.

import ExerciseKit
import Foundation

enum Progress {
    static let mark: [CheckOutcome.Status: String] = [
        .passed: "✓", .failed: "✗", .notWrittenYet: "·", .crashed: "✗", .timedOut: "✗", .doesNotCompile: "✗",
    ]

    /// Builds, checks every exercise, prints the list and the next one; exit status 0 when all pass.
    static func list(_ workspace: Workspace) throws -> Int32 {
        guard let outcomes = try buildAndCheck(Catalog.all, in: workspace) else { return 1 }
        let done = outcomes.filter { $0.status == .passed }.count
        print("AlignFuse exercises: \(done) of \(Catalog.all.count) done. Your files: \(workspace.shown(workspace.mine))/\n")
        let width = Catalog.all.map(\.title.count).max() ?? 0
        for (exercise, outcome) in zip(Catalog.all, outcomes) {
            let lessons = (exercise.lessons.count == 1 ? "lesson " : "lessons ") + exercise.lessons.map(Catalog.label).joined(separator: ", ")
            let state = outcome.status == .passed ? "done" : outcome.status == .notWrittenYet ? "not written yet"
                : outcome.status == .doesNotCompile ? "does not compile (exercises check \(exercise.number) shows why)"
                : (outcome.lines.first ?? "fails")
            let padded = exercise.title.padding(toLength: width, withPad: " ", startingAt: 0)
            print("  \(mark[outcome.status]!) \(Catalog.label(exercise.number))  \(padded)  \(lessons.padding(toLength: 15, withPad: " ", startingAt: 0))\(shorten(state))")
        }
        if let next = zip(Catalog.all, outcomes).first(where: { $0.1.status != .passed })?.0 {
            print("\nNext: \(title(next))")
            print("  edit   \(workspace.shown(workspace.mineFile(next)))")
            print("  check  swift run -c release exercises check \(next.number)")
            print("  hint   swift run -c release exercises hint \(next.number)")
            return 1
        }
        print("\nAll \(Catalog.all.count) pass. The reference solutions are in \(workspace.shown(workspace.solutions))/, to compare.")
        return 0
    }

    /// Builds and checks one exercise, printing what is wrong; exit status 0 when it passes.
    static func check(_ exercise: Exercise, in workspace: Workspace) throws -> Int32 {
        guard let outcome = try buildAndCheck([exercise], in: workspace, focus: exercise)?.first else { return 1 }
        print(title(exercise) + " — " + workspace.shown(workspace.mineFile(exercise)))
        switch outcome.status {
        case .passed:
            print("✓ passes")
            for line in outcome.lines { print("  " + line) }
            print("Compare with the reference solution: \(workspace.shown(workspace.solutionFile(exercise)))")
            if let lesson = exercise.lessons.first {
                print("The idea at work: lesson \(Catalog.label(lesson)) (swift run -c release lesson\(Catalog.label(lesson)))")
            }
            return 0
        case .doesNotCompile:
            print("✗ does not compile; the compiler says:")
            for line in outcome.lines { print("  " + line) }
            print("  start again: swift run -c release exercises reset \(exercise.number)")
        case .notWrittenYet:
            print("· not written yet: replace the line `throw NotWrittenYet(exercise: \(exercise.number))` with your code")
            print("  hint: swift run -c release exercises hint \(exercise.number)")
        default:
            print("✗ does not pass yet")
            for line in outcome.lines { print("  " + line) }
            print("  hint: swift run -c release exercises hint \(exercise.number)"
                  + "    start again: swift run -c release exercises reset \(exercise.number)")
        }
        return 1
    }

    /// Builds the checker and checks `exercises`; on a build failure prints the compiler's lines for
    /// the learner's files (those of `focus` first) and returns nil.
    static func buildAndCheck(_ exercises: [Exercise], in workspace: Workspace, focus: Exercise? = nil) throws
        -> [CheckOutcome]? {
        print("building your exercises…")
        switch try workspace.buildChecker() {
        case .built(let broken):
            return try exercises.map { exercise in
                if let lines = broken.first(where: { $0.file == exercise.file })?.lines {
                    return CheckOutcome(status: .doesNotCompile, lines: lines)
                }
                var outcome = try workspace.check(exercise.number)
                let builtOn = exercise.uses.filter { used in broken.contains { $0.file == Catalog.exercise(used).file } }
                if outcome.status != .passed, !builtOn.isEmpty {
                    // The messages about the earlier exercise would speak of its starter: name the real cause.
                    let own = outcome.lines.filter { !$0.hasPrefix("note: exercise") && !$0.contains("which is not written yet") }
                    outcome = CheckOutcome(status: outcome.status, lines: builtOn.map {
                        "exercise \(Catalog.label($0)) does not compile, and this one builds on it (its starter stood in for it): fix \(Catalog.label($0)) first"
                    } + own)
                }
                return outcome
            }
        case .failed(let mine, let other, let log):
            if mine.isEmpty && other.isEmpty {
                print("The build failed before compiling your files; its last lines:")
                for line in log.split(separator: "\n").suffix(15) { print("  " + line) }
                return nil
            }
            for (file, lines) in mine.sorted(by: { a, _ in a.file == focus?.file }) {
                print("✗ \(file) does not compile; the compiler says:")
                for line in lines { print("  " + line) }
            }
            if !other.isEmpty {
                print("The checker cannot call your functions as the starters declare them (keep each signature "
                      + "as in its starter; `exercises reset N` restores one):")
                for line in other { print("  " + line) }
            }
            return nil
        }
    }

    /// A state that fits one line of the list.
    static func shorten(_ text: String, to width: Int = 70) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}
