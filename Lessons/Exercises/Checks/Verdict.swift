// What a check concludes about one exercise, and the plumbing that turns a learner's error or a
// failed expectation into that conclusion.

import ExerciseKit

/// The outcome of checking one exercise.
public enum Verdict: Equatable, Sendable {
    /// Every expectation held; the lines say what was checked.
    case passed([String])
    /// The function still throws the starter's `NotWrittenYet`.
    case notWrittenYet
    /// The first expectation that did not hold, in the learner's terms.
    case failed([String])

    /// The lines to print under the exercise's title.
    public var lines: [String] {
        switch self {
        case .passed(let lines): lines
        case .notWrittenYet: ["not written yet"]
        case .failed(let lines): lines
        }
    }
}

/// A failed expectation: the message lines that explain it.
struct Failure: Error {
    let lines: [String]
    init(_ lines: [String]) { self.lines = lines }
    init(_ line: String) { self.lines = [line] }
}

/// Runs the expectations of exercise `number`: their return value is what passed; a `Failure`, a
/// `NotWrittenYet` or any other error the learner's code throws becomes the verdict.
func verdict(exercise number: Int, _ expectations: () throws -> [String]) -> Verdict {
    do {
        return .passed(try expectations())
    } catch let notWritten as NotWrittenYet where notWritten.exercise == number {
        return .notWrittenYet
    } catch let notWritten as NotWrittenYet {
        let other = Catalog.exercise(notWritten.exercise)
        return .failed(["your code calls \(other.function) of exercise \(Catalog.label(notWritten.exercise)), "
                        + "which is not written yet: write that one first (or do its work here)"])
    } catch let failure as Failure {
        return .failed(failure.lines)
    } catch {
        return .failed(["your function threw an error: \(error)"])
    }
}
