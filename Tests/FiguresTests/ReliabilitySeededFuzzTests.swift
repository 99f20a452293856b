// A few hundred SEEDED mutations of the valid corpus images go through the loader.
// The systematic fuzz (ImageFuzzTests.swift) damages one byte at a time; these mutations stack several
// kinds of damage at random places — flipped bits, overwritten runs, cut tails, inserted and deleted
// bytes, and header sizes changed to huge, zero or odd values — the way a half-copied or hand-edited
// file looks. Each copy must load as a well-formed RGB image or throw ImageLoadError: no crash, no hang.
// FiguresTests may not depend on TeachingEngine, so the generator is a local SplitMix64
// (Steele, Lea & Flood 2014), seeded, so every run tries the same files.
import Figures
import Testing

/// SplitMix64: a tiny seeded generator, enough to pick mutation places reproducibly.
///
///     var rng = FuzzGenerator(seed: 1); rng.next() == 0x910a2dec89025cc1
struct FuzzGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One kind of damage applied to a file's bytes.
enum Mutation: CaseIterable {
    case flipBits, overwriteRun, cutTail, insertBytes, deleteBytes, bigEndianSize

    /// `bytes` with this damage at places drawn from `rng`.
    func apply(to bytes: [UInt8], using rng: inout FuzzGenerator) -> [UInt8] {
        var out = bytes
        guard !out.isEmpty else { return out }
        switch self {
        case .flipBits:
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                out[Int.random(in: 0..<out.count, using: &rng)] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
            }
        case .overwriteRun:
            let start = Int.random(in: 0..<out.count, using: &rng)
            for i in start..<min(out.count, start + Int.random(in: 1...16, using: &rng)) {
                out[i] = UInt8.random(in: 0...255, using: &rng)
            }
        case .cutTail:
            out = Array(out.prefix(Int.random(in: 0..<out.count, using: &rng)))
        case .insertBytes:
            let at = Int.random(in: 0...out.count, using: &rng)
            out.insert(contentsOf: (0..<Int.random(in: 1...32, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) },
                       at: at)
        case .deleteBytes:
            let start = Int.random(in: 0..<out.count, using: &rng)
            out.removeSubrange(start..<min(out.count, start + Int.random(in: 1...16, using: &rng)))
        case .bigEndianSize:
            // Write a size-like 32-bit value (huge, zero, 1 or odd) at a place in the first 32 bytes,
            // where PNG's IHDR, GIF's, BMP's and WebP's headers keep width and height.
            let values: [UInt32] = [0, 1, 3, 100_000, 0x7FFF_FFFF, 0xFFFF_FFFF, 65_535]
            let value = values[Int.random(in: 0..<values.count, using: &rng)]
            let at = Int.random(in: 0..<max(1, min(out.count, 32) - 3), using: &rng)
            for k in 0..<4 where at + k < out.count { out[at + k] = UInt8(truncatingIfNeeded: value >> (8 * (3 - k))) }
        }
        return out
    }
}

@Suite("Image loading survives seeded random damage")
struct ReliabilitySeededFuzzTests {
    static let originals = ["rgb.png", "gray.png", "alpha.png", "palette.png", "rgb.jpg", "rgb.gif", "rgb.bmp", "rgb.webp"]

    @Test("SplitMix64 from seed 1 gives the published first value 0x910a2dec89025cc1, and the same seed the same stream")
    func generatorIsSeeded() {
        var a = FuzzGenerator(seed: 1), b = FuzzGenerator(seed: 1)
        #expect(a.next() == 0x910A_2DEC_8902_5CC1)
        #expect((0..<5).map { _ in a.next() } == (0..<6).map { _ in b.next() }.dropFirst().map { $0 })
    }

    @Test("400 seeded mutations (50 per format, 1 to 3 kinds of damage each) each load as RGB or throw ImageLoadError",
          arguments: originals)
    func seededDamage(_ name: String) throws {
        let original = try TestFiles.bytes(TestFiles.corpus(name))
        var rng = FuzzGenerator(seed: 11 &* 1_000 &+ UInt64(Self.originals.firstIndex(of: name)!))
        var (loaded, refused) = (0, 0)
        var reasons: Set<String> = []
        for _ in 0..<50 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                bytes = Mutation.allCases[Int.random(in: 0..<Mutation.allCases.count, using: &rng)].apply(to: bytes, using: &rng)
            }
            do {
                let image = try RGBImage(decoding: bytes, name: name)
                #expect(image.width > 0 && image.height > 0)
                #expect(image.pixels.count == image.width * image.height * 3)
                loaded += 1
            } catch let error as ImageLoadError {
                #expect(error.description.hasPrefix("cannot load image '\(name)': "))
                reasons.insert(error.reason)
                refused += 1
            }
        }
        #expect(loaded + refused == 50)
        #expect(refused > 0, "the damage is real: some copies of \(name) must be refused")
    }

    @Test("the same seed gives the same damaged bytes, so a failure can be replayed")
    func replayable() throws {
        let original = try TestFiles.bytes(TestFiles.corpus("rgb.png"))
        func damaged(_ seed: UInt64) -> [[UInt8]] {
            var rng = FuzzGenerator(seed: seed)
            return Mutation.allCases.map { $0.apply(to: original, using: &rng) }
        }
        #expect(damaged(7) == damaged(7))
        #expect(damaged(7) != damaged(8))
    }
}
