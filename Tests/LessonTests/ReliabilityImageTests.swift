// Bad pictures, end to end: every file of the corpus (Tests/FiguresTests/Reference/corpus) passed
// to lesson 04 as --image. A good file of any kind becomes the 224×224 picture; a bad one ends the
// program with one line naming the file and the reason, a non-zero exit, and an --out left empty.
// The lesson stops through `run.stop` (it ends the process), so the bad files run as exit tests: each
// in a child process whose standard error we read.

import Foundation
import Lessons
import Testing
import Walkthrough

/// The image corpus kept beside the Figures tests.
let reliabilityCorpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("FiguresTests/Reference/corpus")

@Suite("A learner's --image: converted to RGB, or one clear line and nothing written")
struct ReliabilityImageTests {
    @Test("gray, palette and alpha PNGs, a JPEG named .png, GIF, WebP and BMP all run lesson 04's first step",
          arguments: ["gray.png", "palette.png", "alpha.png", "jpeg_named.png", "rgb.gif", "rgb.webp", "rgb.bmp"])
    func goodImages(_ file: String) throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("reliability-good-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let console = Console.captured()
        let image = reliabilityCorpus.appendingPathComponent(file).path
        let result = Walkthrough.runReporting(Tokens.self, arguments: ["--quick", "--only", "1", "--image", image, "--out", out.path],
                                              console: console)
        #expect(result.exitCode == 0, "\(console.errors)")
        #expect(console.output.contains("[224, 224, 3] → 14×14 = 196 patches"))
    }

    @Test("lesson 04: without --image step 1 credits the photograph; with one, the steps that use ToyWorld's scenes instead say so")
    func ignoredImageIsNamed() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("reliability-named-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let plain = Console.captured()
        #expect(Walkthrough.runReporting(Tokens.self, arguments: ["--quick", "--only", "1", "--out", out.path],
                                         console: plain).exitCode == 0)
        #expect(plain.output.contains("Stefan van der Walt"))
        let own = Console.captured()
        let image = reliabilityCorpus.appendingPathComponent("rgb.png").path
        #expect(Walkthrough.runReporting(Tokens.self, arguments: ["--quick", "--only", "10", "--image", image,
                                                                  "--out", out.path], console: own).exitCode == 0)
        #expect(own.output.contains("not your --image"))
    }

    /// Runs lesson 04's first step on corpus file `file` (or on `file` itself when it is not in the corpus)
    /// in a child process; checks that it failed with one line naming the path and `reason`, and wrote nothing.
    static func refused(_ file: String, reason: String) async {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("reliability-bad-\(UUID().uuidString)").path
        let image = file.hasPrefix("/") ? file : reliabilityCorpus.appendingPathComponent(file).path
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) { [image = image as String, out = out as String] in
            exit(Walkthrough.run(Tokens.self, arguments: ["--quick", "--only", "1", "--image", image, "--out", out]))
        }
        let errors = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        let lines = errors.split(separator: "\n").filter { !$0.isEmpty }
        #expect(lines.count == 1, "\(errors)")
        #expect(errors.contains("cannot load image '\(image)': \(reason)"), "\(errors)")
        #expect(!errors.contains("Fatal error"), "\(errors)")
        let written = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        #expect(written.isEmpty, "--out holds \(written)")
    }

    @Test("a missing path and a directory are refused by name")
    func notFiles() async {
        await Self.refused("/no/such/photo.png", reason: "no such file")
        await Self.refused(reliabilityCorpus.path, reason: "it is a directory, not an image file")
    }

    @Test("an empty file, a truncated PNG and random bytes named .png are refused with their reasons")
    func brokenFiles() async {
        await Self.refused("empty.png", reason: "the file is empty")
        await Self.refused("truncated.png", reason: "the PNG data is truncated or corrupt")
        await Self.refused("noise.png", reason: "not a PNG, JPEG, GIF, WebP or BMP image")
    }

    @Test("a PNG whose header claims 100,000 × 100,000 pixels is refused without decoding it")
    func hugeHeader() async {
        await Self.refused("huge-header.png", reason: "its header declares 100000×100000 pixels, above the limit")
    }
}
