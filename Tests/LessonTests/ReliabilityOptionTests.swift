// On the real lessons, a bad option is a usage error — one message naming the option
// and the value, a non-zero exit — before any work starts, so the --out folder is never created.

import Foundation
import Lessons
import Testing
import Walkthrough

@Suite("Bad options on lessons 01–05 stop before any work")
struct ReliabilityOptionTests {
    /// Runs `lesson` with `arguments` into a fresh --out that must stay absent; returns the error text.
    static func refused<Content: Lesson>(_ lesson: Content.Type, _ arguments: [String]) -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("reliability-options-\(UUID().uuidString)")
        let console = Console.captured()
        let result = Walkthrough.runReporting(lesson, arguments: ["--quick", "--out", out.path] + arguments, console: console)
        #expect(result.exitCode != 0, "\(Content.self) \(arguments) was accepted")
        #expect(!FileManager.default.fileExists(atPath: out.path), "\(Content.self) \(arguments) created --out")
        #expect(console.output.isEmpty, "\(Content.self) \(arguments) started work: \(console.output)")
        return console.errors
    }

    @Test("zero and negative sizes: --patch 0, --patch -16, --width 0, --train-steps 0 (lesson 04), --scenes 0 (01), --steps -5 (02, 05)")
    func sizes() {
        #expect(Self.refused(Tokens.self, ["--patch", "0"]).contains("--patch must be between 1 and 224, got 0"))
        #expect(Self.refused(Tokens.self, ["--patch=-16"]).contains("--patch must be between 1 and 224, got -16"))
        #expect(Self.refused(Tokens.self, ["--patch", "15"]).contains("--patch must divide 224, got 15"))
        #expect(Self.refused(Tokens.self, ["--width", "0"]).contains("--width must be between 4 and 512, got 0"))
        #expect(Self.refused(Tokens.self, ["--train-steps", "0"]).contains("--train-steps must be a positive number, got 0"))
        #expect(Self.refused(Heterogeneity.self, ["--scenes", "0"]).contains("--scenes"))
        #expect(Self.refused(Alignment.self, ["--steps=-5"]).contains("--steps"))
        #expect(Self.refused(VQALesson.self, ["--steps=-5"]).contains("--steps must be a positive number, got -5"))
    }

    @Test("--lr nan, inf, 0 and -1 are refused by every lesson that has a learning rate (03, 05)")
    func learningRates() {
        for value in ["nan", "inf", "0", "-1"] {
            #expect(Self.refused(Fusion.self, ["--lr=\(value)"]).contains("--lr"))
            #expect(Self.refused(VQALesson.self, ["--lr=\(value)"]).contains("--lr must be a positive number"))
        }
    }

    @Test("--lang xx, --only past the last step, and --out naming a file are refused by each lesson")
    func commonOptions() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("reliability-a-file-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        func check<Content: Lesson>(_ lesson: Content.Type) {
            #expect(Self.refused(lesson, ["--lang", "xx"]).contains("--lang must be en or zh, got 'xx'"))
            let count = Content.steps.count
            #expect(Self.refused(lesson, ["--only", "\(count + 1)"]).contains("--only \(count + 1): this lesson has \(count) steps"))
            #expect(Self.refused(lesson, ["--through", "99"]).contains("this lesson has \(count) steps"))
            let console = Console.captured()
            let result = Walkthrough.runReporting(lesson, arguments: ["--out", file.path], console: console)
            #expect(result.exitCode != 0)
            #expect(console.errors.contains("is a file, not a folder"))
        }
        check(Heterogeneity.self)
        check(Alignment.self)
        check(Fusion.self)
        check(Tokens.self)
        check(VQALesson.self)
    }

    /// Root may write into any folder, so there is nothing to refuse when the tests run as root.
    @Test("--out under a folder that cannot be written is refused before any work",
          .enabled(if: geteuid() != 0, "root may write anywhere"))
    func unwritableOut() throws {
        let locked = FileManager.default.temporaryDirectory.appendingPathComponent("reliability-locked-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
        defer { try? FileManager.default.removeItem(at: locked) }
        let console = Console.captured()
        let result = Walkthrough.runReporting(Heterogeneity.self, arguments: ["--out", locked.appendingPathComponent("run").path],
                                              console: console)
        #expect(result.exitCode != 0)
        #expect(console.errors.contains("is not writable"))
    }

    #if os(Linux)
    @Test("--out under /proc, where no file can be created even by root, is refused before any work")
    func outUnderProc() {
        #expect(Self.refused(Tokens.self, ["--out", "/proc/alignfuse-run"]).contains("/proc is not writable"))
    }
    #endif

    @Test("lesson 05: --image without --question is refused before any training")
    func imageNeedsQuestion() {
        #expect(Self.refused(VQALesson.self, ["--image", "cat.png"]).contains("--image and --question go together"))
    }

    @Test("lesson 05: an empty --question \"\" (or one of spaces) is named, not answered")
    func emptyQuestion() {
        for question in ["", "   "] {
            #expect(Self.refused(VQALesson.self, ["--image", "cat.png", "--question", question])
                        .contains("--question is empty"))
        }
    }
}
