// The WAV test corpus (Reference/wav, written by its make_corpus.py): readable files in every layout the
// reader supports, and hostile files that each break one rule. A readable file decodes to the samples it
// holds; a hostile one is refused with one line that names the file and what is wrong with it.
import Foundation
import Multimodal
import Testing

enum WAVCorpus {
    static var folder: String { Bundle.module.url(forResource: "Reference", withExtension: nil)!.path + "/wav" }
    static func path(_ name: String) -> String { folder + "/" + name }
}

@Suite("The WAV corpus: each file is read, or refused with its reason in one line")
struct WAVCorpusTests {
    static let readable: [(file: String, rate: Int, channels: Int, bits: Int, frames: Int)] = [
        ("good-8k-mono16.wav", 8_000, 1, 16, 80), ("good-44k-stereo16.wav", 44_100, 2, 16, 441),
        ("good-8bit.wav", 8_000, 1, 8, 80), ("good-24bit.wav", 8_000, 1, 24, 80), ("good-32bit.wav", 8_000, 1, 32, 80),
        ("good-extensible.wav", 8_000, 1, 16, 80), ("good-with-list.wav", 8_000, 1, 16, 80),
        ("wrong-rate-16k.wav", 16_000, 1, 16, 80),
    ]

    @Test("8-, 16-, 24- and 32-bit PCM, stereo at 44.1 kHz, the extensible header and a LIST chunk are all read",
          arguments: readable.map(\.file))
    func readableFiles(_ file: String) throws {
        let expected = Self.readable.first { $0.file == file }!
        let audio = try WAVFile.read(contentsOf: WAVCorpus.path(file))
        #expect(audio.sampleRate == expected.rate && audio.channelCount == expected.channels)
        #expect(audio.bitsPerSample == expected.bits && audio.frameCount == expected.frames)
        // Every file holds a 440 Hz tone of amplitude ½: its loudest sample is ½ whatever the width.
        #expect(abs(audio.samples.map(abs).max()! - 0.5) < 0.01)
    }

    @Test("every hostile file is refused with the one thing wrong with it")
    func hostileFiles() {
        let cases: [(file: String, reason: String)] = [
            ("empty.wav", "the file is empty"),
            ("not-riff.wav", "not a RIFF file: it starts with 89 50 4E 47, not 'RIFF'"),
            ("ogg-named-wav.wav", "not a RIFF file: it starts with 'OggS', not 'RIFF'"),
            ("header-only.wav", "the file ends after 11 bytes, inside the 12-byte RIFF header"),
            ("not-wave.wav", "a RIFF file, but not WAVE: its form is 'AVI '"),
            ("float32.wav", "not PCM: format 3 (IEEE float); only integer PCM (format 1) is read"),
            ("mulaw.wav", "not PCM: format 7 (μ-law); only integer PCM (format 1) is read"),
            ("no-fmt.wav", "no 'fmt ' chunk (chunks found: 'data')"),
            ("no-data.wav", "no 'data' chunk (chunks found: 'fmt ', 'LIST')"),
            ("short-fmt.wav", "the 'fmt ' chunk is 14 bytes, shorter than the 16 it needs"),
            ("cut-in-fmt.wav", "the 'fmt ' chunk is truncated: it declares 16 bytes, 10 follow"),
            ("zero-channels.wav", "0 channels (1 to 8 are read)"),
            ("rate-zero.wav", "a sample rate of 0 Hz (1000 to 192000 Hz are read)"),
            ("rate-too-high.wav", "a sample rate of 1000000 Hz (1000 to 192000 Hz are read)"),
            ("12-bit.wav", "12 bits per sample (8, 16, 24 or 32 are read)"),
            ("bad-block-align.wav", "block align 4 does not match 1 channel(s) × 16 bits (2 bytes)"),
            ("truncated-data.wav", "the data chunk is truncated: it declares 2000 bytes, 160 follow"),
            ("partial-frame.wav", "the data chunk's 6 bytes are not a whole number of 4-byte frames"),
            ("no-samples.wav", "the data chunk holds no samples"),
        ]
        for (file, reason) in cases {
            let path = WAVCorpus.path(file)
            let error = #expect(throws: WAVError.self) { try WAVFile.read(contentsOf: path) }
            #expect(error?.description == "cannot read WAV file '\(path)': \(reason)")
            #expect(error?.description.contains("\n") == false)
        }
    }

    @Test("a readable file of the wrong rate is refused where 8000 Hz mono 16-bit is required")
    func wrongRate() throws {
        let path = WAVCorpus.path("wrong-rate-16k.wav")
        let audio = try WAVFile.read(contentsOf: path)
        let error = #expect(throws: WAVError.self) { try audio.requiring(sampleRate: 8_000, channels: 1, bits: 16, name: path) }
        #expect(error?.reason == "expected 8000 Hz mono 16-bit, found 16000 Hz mono 16-bit")
    }

    @Test("a missing path and a directory are refused by name, before any bytes are read")
    func notFiles() {
        let missing = WAVCorpus.path("no-such-take.wav")
        #expect(throws: WAVError.notFound(path: missing)) { try WAVFile.read(contentsOf: missing) }
        #expect(throws: WAVError.isDirectory(path: WAVCorpus.folder)) { try WAVFile.read(contentsOf: WAVCorpus.folder) }
    }

    @Test("a file above the size limit is refused before it is read")
    func tooLarge() {
        let path = WAVCorpus.path("good-44k-stereo16.wav")
        #expect(throws: WAVError.tooLarge(path: path, bytes: 1_808, limit: 1_000)) {
            try WAVFile.read(contentsOf: path, maxBytes: 1_000)
        }
    }
}

@Suite("WAV samples: what the numbers in the file mean")
struct WAVSampleTests {
    @Test("16-bit samples 0, 16384 and −32768 are 0, ½ and −1, and writing them back gives the same bytes")
    func sixteenBitRoundTrip() throws {
        let bytes = WAVFile.encode(samples: [0, 16_384, -32_768], sampleRate: 8_000)
        #expect(bytes.count == 44 + 6)
        let audio = try WAVFile.decode(bytes)
        #expect(audio.samples == [0, 0.5, -1])
        #expect(WAVFile.encode(samples: WAVFile.pcm16(audio.samples), sampleRate: 8_000) == bytes)
    }

    @Test("8-bit PCM is unsigned around 128: bytes 128, 192 and 0 are 0, ½ and −1")
    func eightBit() throws {
        var bytes = WAVFile.encode(samples: [0, 0], sampleRate: 8_000)        // a 16-bit header to edit
        bytes[32] = 1; bytes[34] = 8                                           // block align 1, 8 bits
        bytes[40] = 3; bytes.removeLast(4); bytes += [128, 192, 0]            // 3 data bytes
        bytes[4] = UInt8(bytes.count - 8)
        #expect(try WAVFile.decode(bytes).samples == [0, 0.5, -1])
    }

    @Test("stereo averages to mono frame by frame: (½, −½) → 0 and (1, 0) → ½")
    func monoMix() {
        let audio = WAVAudio(sampleRate: 8_000, channelCount: 2, bitsPerSample: 16, samples: [0.5, -0.5, 1, 0])
        #expect(audio.frameCount == 2)
        #expect(audio.mono == [0, 0.5])
        #expect(audio.formatDescription == "8000 Hz stereo 16-bit")
    }
}
