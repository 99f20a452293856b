// Bad options stop with one usage line and a non-zero exit before any work.

import Foundation
import Testing
import Walkthrough

@Suite("Bad options are usage errors before anything is written")
struct OptionTests {
    static let cases: [([String], String)] = [
        (["--only", "5"], "--only 5: this lesson has 4 steps"),
        (["--only", "0"], "--only must be a step number from 1"),
        (["--lang", "fr"], "--lang must be en or zh, got 'fr'"),
        (["--epochs", "0"], "--epochs must be a positive number, got 0"),
        (["--lr", "nan"], "--lr must be a positive number, got nan"),
        (["--lr=-1"], "--lr must be a positive number, got -1.0"),
        (["--noise=-0.5"], "--noise must be zero or more"),
        (["--only", "2", "--through", "3"], "use --only or --through, not both"),
        (["--colour"], "Unknown option '--colour'"),
        // A negative number after an option reaches the option's own check, not "Missing value".
        (["--seed", "-1"], "--seed must be a whole number from 0 to 18446744073709551615, got -1"),
        (["--lr", "-1"], "--lr must be a positive number, got -1.0"),
        (["--epochs", "-5"], "--epochs must be a positive number, got -5"),
        (["--noise", "-0.5"], "--noise must be zero or more, got -0.5"),
        (["--only", "-2"], "--only must be a step number from 1, got -2"),
        (["--lr", "-inf"], "--lr must be a positive number, got -inf"),
    ]

    @Test("each bad option gives its message, a non-zero exit and no output folder", arguments: cases)
    func badOption(arguments: [String], message: String) {
        let out = temporaryFolder("bad")
        let (result, console) = runDemo(["--out", out.path] + arguments)
        #expect(result.exitCode != 0)
        #expect(console.errors.contains(message), "\(console.errors)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("no bad option is reported as a missing value: --seed -1, --lr -1, --epochs -5")
    func negativeIsNotMissing() {
        for arguments in [["--seed", "-1"], ["--lr", "-1"], ["--epochs", "-5"]] {
            let (_, console) = runDemo(["--out", temporaryFolder("negative").path] + arguments)
            #expect(!console.errors.contains("Missing value"), "\(arguments): \(console.errors)")
        }
    }

    @Test("the tour says the same of --seed -1")
    func tourNegativeSeed() {
        let console = Console.captured()
        #expect(Tour.run(lessons: [LineFit.self], arguments: ["--seed", "-1", "--out", temporaryFolder("tour-neg").path],
                         console: console) != 0)
        #expect(console.errors.contains("--seed must be a whole number from 0"), "\(console.errors)")
    }

    @Test("--out naming an existing file, or a folder under a file, is refused")
    func outIsFile() throws {
        let file = temporaryFolder("a-file")
        try Data("x".utf8).write(to: file)
        let (result, console) = runDemo(["--out", file.path])
        #expect(result.exitCode != 0)
        #expect(console.errors.contains("is a file, not a folder"))
        let (nested, nestedConsole) = runDemo(["--out", file.appendingPathComponent("sub").path])
        #expect(nested.exitCode != 0)
        #expect(nestedConsole.errors.contains("cannot be created"))
    }

    @Test("--help explains each option, including the lesson's own knobs, and exits 0")
    func help() {
        let (result, console) = runDemo(["--help"])
        #expect(result.exitCode == 0)
        for option in ["--step", "--list", "--only", "--through", "--out", "--seed", "--quick", "--lang",
                       "--no-color", "--noise", "--lr", "--epochs", "Learning rate of gradient descent."] {
            #expect(console.output.contains(option), "help lacks \(option)")
        }
    }
}
