// The exercises cannot rot: every reference solution passes its check, every untouched starter
// is reported as not written yet, and starters and solutions share their statements.

import ExerciseChecks
import ExerciseKit
import Foundation
import Testing

@Suite("Exercises: solutions pass, starters are not written yet")
struct SolutionsAndStartersTests {
    @Test("every reference solution passes its check", arguments: 1...10)
    func solutionPasses(number: Int) {
        let verdict = Checks.run(number, solutions)
        guard case .passed = verdict else {
            Issue.record("exercise \(number): \(verdict.lines.joined(separator: " / "))")
            return
        }
    }

    @Test("every untouched starter reports \"not written yet\"", arguments: 1...10)
    func starterIsNotWritten(number: Int) {
        #expect(Checks.run(number, starters) == .notWrittenYet)
    }

    @Test("a starter and its solution share the statement and the signature, word for word")
    func statementsMatch() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Lessons/Exercises").standardized
        for exercise in Catalog.all {
            let starter = try String(contentsOf: folder.appendingPathComponent("Starters/" + exercise.file), encoding: .utf8)
            let solution = try String(contentsOf: folder.appendingPathComponent("Solutions/" + exercise.file), encoding: .utf8)
            // Everything up to the line that opens the function's body.
            func head(_ text: String) -> String {
                let lines = text.components(separatedBy: "\n")
                let open = lines.firstIndex { $0.hasPrefix("public func") }.flatMap { start in
                    lines[start...].firstIndex { $0.hasSuffix("{") }
                } ?? lines.count - 1
                return lines[...open].joined(separator: "\n")
            }
            #expect(head(starter) == head(solution), "\(exercise.file): the starter's statement or signature differs")
            #expect(starter.contains("throw NotWrittenYet(exercise: \(exercise.number))"), "\(exercise.file)")
            #expect(solution.contains("func " + exercise.function.prefix { $0 != "(" } + "("), "\(exercise.file)")
        }
    }
}
