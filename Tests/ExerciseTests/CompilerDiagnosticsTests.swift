// Out of a whole build log, the learner sees the compiler's lines for their own file only.

import ExerciseKit
import Testing

@Suite("Exercises: the compiler's lines for one file")
struct CompilerDiagnosticsTests {
    static let log = """
        Building for production...
        [3/9] Compiling ExercisesMine 05-SinusoidalPositions.swift
        /home/me/AlignFuse/Lessons/Exercises/Mine/05-SinusoidalPositions.swift:33:63: error: expression is not assignable
        31 |         for i in 0..<(dimension / 2) {
        33 |             values[t * dimension + 2 * i] = Float(sin(angle)) +
           |                                                               `- error: expression is not assignable
        34 |             values[t * dimension + 2 * i + 1] = Float(cos(angle))
        [4/9] Compiling ExercisesMine 06-Attention.swift
        /home/me/AlignFuse/Lessons/Exercises/Mine/06-Attention.swift:3:1: warning: unused value
        /home/me/AlignFuse/Lessons/Exercises/Mine/05-SinusoidalPositions.swift:33:63: error: expression is not assignable
        31 |         for i in 0..<(dimension / 2) {
        33 |             values[t * dimension + 2 * i] = Float(sin(angle)) +
           |                                                               `- error: expression is not assignable
        34 |             values[t * dimension + 2 * i + 1] = Float(cos(angle))
        error: fatalError
        """

    @Test("one file's error and its excerpt are kept, once, with a short path; progress lines and other files are not")
    func oneFile() {
        let lines = CompilerDiagnostics.lines(of: "Mine/05-SinusoidalPositions.swift", in: Self.log,
                                              shownAs: "Lessons/Exercises/Mine/05-SinusoidalPositions.swift")
        #expect(lines.count == 5)   // the header and four excerpt lines; the repeat is dropped
        #expect(lines.first == "Lessons/Exercises/Mine/05-SinusoidalPositions.swift:33:63: error: expression is not assignable")
        #expect(!lines.contains { $0.contains("Compiling") || $0.contains("06-Attention") || $0.contains("fatalError") })
    }

    @Test("the files with errors are listed; a file with only a warning is not")
    func filesWithErrors() {
        #expect(CompilerDiagnostics.filesWithErrors(in: Self.log)
                == ["/home/me/AlignFuse/Lessons/Exercises/Mine/05-SinusoidalPositions.swift"])
    }
}
