// On the real lessons: an absurd learning rate stops lesson 05 at the first
// non-finite loss with an explanation and no figure from the broken training; free-text questions
// (emoji, unknown words, 5,000 characters) never crash lesson 05; two runs with the same seed write
// byte-identical figures, notebook and metrics, with one thread as with two.

import Foundation
import Lessons
import Testing
import Walkthrough

@Suite("Lessons under stress: divergence, free text, same seed same bytes")
struct ReliabilityLessonRunTests {
    static func freshFolder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("reliability-\(name)-\(UUID().uuidString)")
    }

    /// Whether `url` holds a whole PNG: the signature first, the IEND chunk last.
    static func isCompletePNG(_ url: URL) -> Bool {
        guard let bytes = FileManager.default.contents(atPath: url.path).map(Array.init), bytes.count > 20 else { return false }
        return bytes.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            && Array(bytes.suffix(8).prefix(4)) == Array("IEND".utf8)
    }

    // Measured (release build): --lr 1e6 gives a loss of 9.7e15 at step 3 and NaN at step 4.
    @Test("lesson 05 with --lr 1e6 stops at the first NaN loss: step, last finite loss and --lr 100000 named; no loss figure, no checkpoint")
    func divergence() async throws {
        let out = Self.freshFolder("diverge")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = await #expect(processExitsWith: .exitCode(1), observing: [\.standardErrorContent]) { [path = out.path as String] in
            exit(Walkthrough.run(VQALesson.self, arguments: ["--quick", "--lr", "1e6", "--through", "3", "--out", path]))
        }
        let errors = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(errors.contains("Training diverged at step "), "\(errors)")
        #expect(errors.contains("the loss became not a number (NaN)"), "\(errors)")
        #expect(errors.contains("last finite loss: "))
        #expect(errors.contains("try a smaller learning rate, e.g. --lr 100000 instead of 1000000"))
        let files = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        #expect(!files.contains("loss.png") && !files.contains("notebook.ipynb"), "\(files)")
        let checkpoints = (try? FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("checkpoints").path)) ?? []
        #expect(checkpoints.isEmpty, "a diverged model was saved: \(checkpoints)")
        for file in files where file.hasSuffix(".png") {
            #expect(Self.isCompletePNG(out.appendingPathComponent(file)), "\(file) is not a whole PNG")
        }
    }

    @Test("lesson 05's last step takes emoji, unknown words and a 5,000-character question: <unk> where unknown, an answer, a figure")
    func freeText() throws {
        let out = Self.freshFolder("free-text")
        defer { try? FileManager.default.removeItem(at: out) }
        let image = reliabilityCorpus.appendingPathComponent("rgb.png").path
        let long = String(String(repeating: "what colour is the cat? ", count: 209).prefix(5_000))
        // (An empty question is refused before any work: ReliabilityOptionTests.)
        for question in [long, "🐱 🐶 ✨?", "is there a zebra near the penguin?"] {
            let console = Console.captured()
            // 20 training steps: enough for an answer, not for a good one (the first question trains, the rest load)
            let result = Walkthrough.runReporting(VQALesson.self, arguments: ["--quick", "--steps", "20", "--only", "6", "--image", image,
                                                                              "--question", question, "--out", out.path],
                                                  console: console)
            #expect(result.exitCode == 0, "\(question.prefix(40)): \(console.errors)")
            #expect(console.output.contains("\nA: "), "no answer for \(question.prefix(40))")
            #expect(result.figures == ["your-picture.png"])
            if question == long {
                #expect(console.output.contains("The question is longer than the model's"), "no truncation note")
            }
            if question.contains("zebra") || question.contains("🐱") {
                #expect(console.output.contains("3 word(s) are not in the ToyWorld vocabulary and became <unk>."))
            }
        }
    }

    /// Every file in `folder` but the checkpoints (whose training time is recorded inside), by name.
    static func files(_ folder: URL) throws -> [String: [UInt8]] {
        var found: [String: [UInt8]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name != "checkpoints" {
            found[name] = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
        }
        return found
    }

    @Test("two --quick runs with seed 7 write byte-identical PNGs, notebook, README and metrics: lesson 01, and lesson 04's trained step 9")
    func sameSeedSameBytes() throws {
        func twice<Content: Lesson>(_ lesson: Content.Type, _ extra: [String] = [], figures: Int) throws {
            let (a, b) = (Self.freshFolder("same-a"), Self.freshFolder("same-b"))
            defer { for folder in [a, b] { try? FileManager.default.removeItem(at: folder) } }
            for folder in [a, b] {
                let result = Walkthrough.runReporting(lesson, arguments: ["--quick", "--seed", "7", "--out", folder.path] + extra,
                                                      console: .captured())
                #expect(result.exitCode == 0)
            }
            let (first, second) = (try Self.files(a), try Self.files(b))
            #expect(first.keys.contains("notebook.ipynb") && first.keys.contains("metrics.json"))
            #expect(first.keys.filter { $0.hasSuffix(".png") }.count >= figures, "\(first.keys.sorted())")
            #expect(Set(first.keys) == Set(second.keys))
            for (name, bytes) in first {
                #expect(second[name] == bytes, "\(Content.self): \(name) differs between two runs with seed 7")
            }
        }
        try twice(Heterogeneity.self, figures: 5)
        try twice(Tokens.self, ["--only", "9"], figures: 1)
    }

    // The engine reads ALIGNFUSE_THREADS once, at its first large product, so each run is a child process
    // that sets it before anything else. `--only 9` first trains the single-stream transformer (step 8,
    // quietly), then draws its positions: its products, batched attention products and row kernels are
    // split across the threads when there are two.
    @Test("lesson 04's trained step 9 (--quick, seed 7) writes the same bytes with ALIGNFUSE_THREADS=1 and =2")
    func sameBytesOnOneAndTwoThreads() async throws {
        let (one, two) = (Self.freshFolder("threads-1"), Self.freshFolder("threads-2"))
        defer { for folder in [one, two] { try? FileManager.default.removeItem(at: folder) } }
        for (threads, folder) in [("1", one), ("2", two)] {
            await #expect(processExitsWith: .success) { [path = folder.path as String, threads = threads as String] in
                setenv("ALIGNFUSE_THREADS", threads, 1)
                exit(Walkthrough.run(Tokens.self, arguments: ["--quick", "--seed", "7", "--only", "9", "--out", path]))
            }
        }
        let (first, second) = (try Self.files(one), try Self.files(two))
        #expect(first.keys.contains("positions-learned.png") && first.keys.contains("metrics.json"), "\(first.keys.sorted())")
        #expect(Set(first.keys) == Set(second.keys))
        for (name, bytes) in first {
            #expect(second[name] == bytes, "\(name) differs between one thread and two")
        }
    }

    @Test("the training lessons too: two --quick runs of lessons 02, 03 and 05 with seed 7 write the same bytes",
          arguments: [2, 3, 5])
    func sameSeedSameBytesWhenTraining(lesson: Int) throws {
        let (a, b) = (Self.freshFolder("train-a"), Self.freshFolder("train-b"))
        defer { for folder in [a, b] { try? FileManager.default.removeItem(at: folder) } }
        for folder in [a, b] {
            let arguments = ["--quick", "--seed", "7", "--out", folder.path]
            let result = switch lesson {
            case 2: Walkthrough.runReporting(Alignment.self, arguments: arguments, console: .captured())
            case 3: Walkthrough.runReporting(Fusion.self, arguments: arguments, console: .captured())
            default: Walkthrough.runReporting(VQALesson.self, arguments: arguments, console: .captured())
            }
            #expect(result.exitCode == 0)
        }
        let (first, second) = (try Self.files(a), try Self.files(b))
        #expect(first.keys.contains("notebook.ipynb") && first.keys.contains("metrics.json"))
        #expect(Set(first.keys) == Set(second.keys))
        for (name, bytes) in first {
            #expect(second[name] == bytes, "lesson \(lesson): \(name) differs between two runs with seed 7")
        }
    }
}
