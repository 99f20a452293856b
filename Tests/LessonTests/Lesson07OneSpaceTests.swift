// Lesson 07 as a learner runs it: a --quick run on the shipped data, a recording of one's own at another
// rate, and the one-line refusals of a bad --wav or --export-recording.

import Foundation
import Lessons
import Multimodal
import Testing
import Walkthrough

@Suite("Lesson 07: one space for speech, handwriting and words", .serialized)
struct Lesson07OneSpaceTests {
    static func folder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("lesson07-\(name)-\(UUID().uuidString)")
    }

    @Test("--quick: never-paired speech → name well above chance (0.1) in both languages; then --only 6 with a 44.1 kHz stereo file names it after resampling")
    func quickRunAndOwnRecording() throws {
        let out = Self.folder("quick")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = Walkthrough.runReporting(OneSpace.self, arguments: ["--quick", "--out", out.path], console: .captured())
        #expect(result.exitCode == 0)
        #expect(result.figures.count == 7)
        let english = result.metrics["audio_to_name_en"] ?? 0, chinese = result.metrics["audio_to_name_zh"] ?? 0
        #expect(english > 0.8 && chinese > 0.8)
        #expect((result.metrics["untrained_audio_to_name_en"] ?? 1) < 0.3)
        #expect(result.metrics["heldout_theo_en"] != nil && result.metrics["heldout_nicolas_en"] != nil)

        // A test take of "seven" written at 44.1 kHz in stereo, as a phone might record it.
        let seven = try SpokenDigits.read(pack: OneSpaceData.packPath, index: OneSpaceData.indexPath)
            .first { $0.name == "7_jackson_1" }!
        let up = Resampler.resample(seven.samples, from: 8_000, to: 44_100)
        var bytes = WAVFile.encode(samples: WAVFile.pcm16(up.flatMap { [$0, $0] }), sampleRate: 44_100)
        bytes[22] = 2; bytes[32] = 4                                          // 2 channels, 4-byte frames
        for k in 0..<4 { bytes[28 + k] = UInt8(truncatingIfNeeded: (44_100 * 4) >> (8 * k)) }   // byte rate
        let wav = out.appendingPathComponent("mine.wav")
        try Data(bytes).write(to: wav)
        let console = Console.captured()
        let mine = Walkthrough.runReporting(OneSpace.self, arguments: ["--quick", "--out", out.path, "--only", "6", "--wav", wav.path],
                                            console: console)
        #expect(mine.exitCode == 0)
        #expect(mine.loadedCheckpoints.count >= 1)                            // the quick run's model, not a new one
        #expect(console.output.contains("resampled from 44100 Hz to 8000 Hz"))
        #expect(console.output.contains("2 channels mixed to mono"))
        #expect(console.output.contains("nearest names: seven · 七"))
    }

    @Test("a --wav that is not PCM, or not a WAV at all, stops the run before any work with one line naming the reason")
    func badWav() throws {
        let dir = Self.folder("bad")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var float = WAVFile.encode(samples: [0, 0], sampleRate: 8_000)
        float[20] = 3                                                          // format tag 3: IEEE float
        let cases: [(name: String, bytes: [UInt8], reason: String)] = [
            ("float.wav", float, "not PCM: format 3 (IEEE float); only integer PCM (format 1) is read"),
            ("notes.wav", Array("these are my notes".utf8), "not a RIFF file: it starts with 'thes', not 'RIFF'"),
        ]
        for (name, bytes, reason) in cases {
            let path = dir.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let out = dir.appendingPathComponent("out-\(name)")
            let console = Console.captured()
            let result = Walkthrough.runReporting(OneSpace.self, arguments: ["--quick", "--out", out.path, "--wav", path], console: console)
            #expect(result.exitCode != 0)
            #expect(console.errors.contains("--wav: cannot read WAV file '\(path)': \(reason)"))
            #expect(console.errors.split(separator: "\n").count == 1)
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }

    @Test("--export-recording writes the recording as an 8 kHz mono WAV with its samples; a malformed name is a usage error")
    func export() throws {
        let out = Self.folder("export")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = Walkthrough.runReporting(OneSpace.self, arguments: ["--quick", "--out", out.path, "--only", "1",
                                                                         "--export-recording", "3_lucas_12"], console: .captured())
        #expect(result.exitCode == 0)
        let audio = try WAVFile.read(contentsOf: out.appendingPathComponent("3_lucas_12.wav").path)
        let original = try SpokenDigits.read(pack: OneSpaceData.packPath, index: OneSpaceData.indexPath).first { $0.name == "3_lucas_12" }!
        #expect(audio.formatDescription == "8000 Hz mono 16-bit")
        #expect(audio.samples == original.samples)
        let console = Console.captured()
        #expect(Walkthrough.run(OneSpace.self, arguments: ["--out", out.path, "--export-recording", "theo"], console: console) != 0)
        #expect(console.errors.contains("--export-recording must name a recording as {digit}_{speaker}_{take}"))
    }
}
