// The body of the `exercise-checker` program, which the `exercises` command builds with the
// learner's code and runs once per exercise (so a crash in one exercise cannot hide the others):
//   exercise-checker N    prints the verdict's lines; exit status 0 passed, 1 failed, 3 not written yet.

import ExerciseKit
import Foundation

public enum CheckerMain {
    public static let passed: Int32 = 0
    public static let failed: Int32 = 1
    public static let notWrittenYet: Int32 = 3

    /// Checks the exercise named by the first argument and exits with its status.
    public static func run(_ functions: ExerciseFunctions, arguments: [String] = CommandLine.arguments) -> Never {
        guard arguments.count == 2, let number = Int(arguments[1]), (1...Catalog.all.count).contains(number) else {
            FileHandle.standardError.write(Data("usage: exercise-checker N (1…\(Catalog.all.count))\n".utf8))
            exit(2)
        }
        let verdict = Checks.run(number, functions)
        print(verdict.lines.joined(separator: "\n"))
        switch verdict {
        case .passed: exit(passed)
        case .failed: exit(failed)
        case .notWrittenYet: exit(notWrittenYet)
        }
    }
}
