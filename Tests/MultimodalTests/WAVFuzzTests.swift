// Seeded random damage to readable WAV files: flipped bits, overwritten runs, cut tails, inserted and
// deleted bytes, and size fields set to huge, zero or odd values. Each damaged copy must decode to
// well-formed audio or be refused with a WAVError: no crash, no hang, no half-read samples.
import Foundation
import Multimodal
import TeachingEngine
import Testing

/// One kind of damage to a file's bytes, at places drawn from a seeded generator.
enum WAVDamage: CaseIterable {
    case flipBits, overwriteRun, cutTail, insertBytes, deleteBytes, sizeField

    func apply(to bytes: [UInt8], using rng: inout SeededGenerator) -> [UInt8] {
        var out = bytes
        guard !out.isEmpty else { return out }
        switch self {
        case .flipBits:
            for _ in 0..<(1 + rng.nextInt(below: 4)) { out[rng.nextInt(below: out.count)] ^= UInt8(1 << rng.nextInt(below: 8)) }
        case .overwriteRun:
            let start = rng.nextInt(below: out.count)
            for i in start..<min(out.count, start + 1 + rng.nextInt(below: 16)) { out[i] = UInt8(rng.nextInt(below: 256)) }
        case .cutTail:
            out = Array(out.prefix(rng.nextInt(below: out.count)))
        case .insertBytes:
            let at = rng.nextInt(below: out.count + 1)
            out.insert(contentsOf: (0..<(1 + rng.nextInt(below: 32))).map { _ in UInt8(rng.nextInt(below: 256)) }, at: at)
        case .deleteBytes:
            let start = rng.nextInt(below: out.count)
            out.removeSubrange(start..<min(out.count, start + 1 + rng.nextInt(below: 16)))
        case .sizeField:
            // The RIFF size (4), the fmt fields (16–35) and the data size (40) are where a WAV keeps its numbers.
            let values: [UInt32] = [0, 1, 3, 0x7FFF_FFFF, 0xFFFF_FFFF, 65_535, 1_000_000]
            let value = values[rng.nextInt(below: values.count)]
            let at = [4, 20, 22, 24, 28, 32, 34, 40][rng.nextInt(below: 8)]
            for k in 0..<4 where at + k < out.count { out[at + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) }
        }
        return out
    }
}

@Suite("WAV reading survives seeded random damage")
struct WAVFuzzTests {
    static let originals = ["good-8k-mono16.wav", "good-44k-stereo16.wav", "good-8bit.wav", "good-24bit.wav",
                            "good-32bit.wav", "good-extensible.wav", "good-with-list.wav"]

    @Test("350 seeded mutations (50 per file, 1 to 3 kinds of damage each) each decode or throw WAVError",
          arguments: originals)
    func seededDamage(_ file: String) throws {
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: WAVCorpus.path(file))))
        var rng = SeededGenerator(seed: 2_000 + UInt64(Self.originals.firstIndex(of: file)!))
        var (read, refused) = (0, 0)
        for _ in 0..<50 {
            var bytes = original
            for _ in 0..<(1 + rng.nextInt(below: 3)) {
                bytes = WAVDamage.allCases[rng.nextInt(below: WAVDamage.allCases.count)].apply(to: bytes, using: &rng)
            }
            do {
                let audio = try WAVFile.decode(bytes, name: file)
                #expect(audio.frameCount > 0 && audio.samples.count == audio.frameCount * audio.channelCount)
                #expect(audio.samples.allSatisfy { $0 >= -1 && $0 < 1 })
                read += 1
            } catch let error as WAVError {
                #expect(error.description.hasPrefix("cannot read WAV file '\(file)': "))
                #expect(!error.description.contains("\n"))
                refused += 1
            }
        }
        #expect(read + refused == 50)
        #expect(refused > 0, "the damage is real: some copies of \(file) must be refused")
    }

    @Test("every prefix of a readable file (0 to all its bytes) is read or refused, never a crash")
    func everyPrefix() throws {
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: WAVCorpus.path("good-with-list.wav"))))
        var refused = 0
        for length in 0...original.count {
            do { _ = try WAVFile.decode(Array(original.prefix(length))) } catch is WAVError { refused += 1 }
        }
        #expect(refused == original.count)   // only the whole file is whole
    }
}
