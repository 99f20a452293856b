// A fuzz-style test: hundreds of damaged copies of small valid images go through the loader.
// Each must either load or throw ImageLoadError: no crash, no hang. The damage is systematic
// (every byte position, fixed bit choices, every truncation), so every run tries the same files.
import Figures
import Testing

@Suite("Image loading survives damaged files")
struct ImageFuzzTests {
    /// The damaged copies of `bytes`: each byte with one bit flipped, each byte set to 0xFF,
    /// and the file cut at every length.
    static func mutations(of bytes: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for i in bytes.indices {
            var flipped = bytes
            flipped[i] ^= UInt8(1 << ((i * 5 + 3) % 8))
            out.append(flipped)
            var saturated = bytes
            saturated[i] = 0xFF
            out.append(saturated)
            out.append(Array(bytes.prefix(i)))
        }
        return out
    }

    @Test("every damaged PNG, GIF, BMP and WebP loads or throws a typed error",
          arguments: ["rgb.png", "palette.png", "rgb.gif", "rgb.bmp", "rgb.webp"])
    func damagedFiles(_ name: String) throws {
        let original = try TestFiles.bytes(TestFiles.corpus(name))
        let cases = Self.mutations(of: original)
        #expect(cases.count == 3 * original.count)
        var (loaded, refused) = (0, 0)
        for bytes in cases {
            do {
                let image = try RGBImage(decoding: bytes, name: name)
                #expect(image.pixels.count == image.width * image.height * 3)
                loaded += 1
            } catch is ImageLoadError {
                refused += 1
            }
        }
        #expect(loaded + refused == cases.count)
        #expect(refused > 0)   // the damage is real: some copies must be refused
    }
}
