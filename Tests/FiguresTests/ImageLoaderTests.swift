// The image loader against every kind of bad input a learner can pass, and the good kinds:
// each bad file gives its own typed error naming the file; each good one loads as RGB.
import Figures
import Foundation
import Testing

@Suite("Image loading: good files become RGB, bad files give one clear typed error")
struct ImageLoaderTests {
    /// The 4×3 picture every corpus file holds (row by row).
    static let expected: [UInt8] = [
        255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255,
        0, 0, 0, 128, 128, 128, 255, 128, 64, 255, 255, 0,
        10, 20, 30, 200, 100, 50, 0, 128, 255, 64, 64, 64,
    ]

    @Test("lossless PNG, GIF, BMP, WebP and a palette PNG load to the exact pixels",
          arguments: ["rgb.png", "rgb.gif", "rgb.bmp", "rgb.webp", "palette.png"])
    func losslessFormats(_ name: String) throws {
        let image = try RGBImage(contentsOf: TestFiles.corpus(name))
        #expect(image.width == 4 && image.height == 3)
        #expect(image.pixels == Self.expected)
    }

    @Test("a JPEG loads close to the pixels, also when its name ends in .png (the bytes decide)",
          arguments: ["rgb.jpg", "jpeg_named.png"])
    func jpeg(_ name: String) throws {
        let image = try RGBImage(contentsOf: TestFiles.corpus(name))
        let largest = zip(image.pixels, Self.expected).map { abs(Int($0) - Int($1)) }.max()!
        #expect(largest <= 24, "JPEG differs by up to \(largest)")
    }

    @Test("a grayscale PNG becomes RGB with three equal channels")
    func gray() throws {
        let image = try RGBImage(contentsOf: TestFiles.corpus("gray.png"))
        #expect(image.pixel(x: 1, y: 0) == (50, 50, 50) as (UInt8, UInt8, UInt8))
        #expect(image.pixel(x: 3, y: 2) == (8, 8, 8) as (UInt8, UInt8, UInt8))
    }

    @Test("alpha is composited over white: transparent red is white, half-transparent blue is light blue")
    func alpha() throws {
        let image = try RGBImage(contentsOf: TestFiles.corpus("alpha.png"))
        #expect(Color(image.pixel(x: 0, y: 0)) == Color(red: 255, green: 0, blue: 0))
        #expect(Color(image.pixel(x: 1, y: 0)) == .white)
        // PNG alpha 128 → gd alpha 63 of 127: 64/127 opaque; 255·(1 − 64/127) ≈ 126.5
        let blue = image.pixel(x: 0, y: 1)
        #expect(blue.blue == 255 && abs(Int(blue.red) - 127) <= 1)
    }

    @Test("a missing path, a directory and an empty file each get their own error naming the file")
    func fileProblems() throws {
        let folder = try TestFiles.scratchFolder("loader")
        #expect(throws: ImageLoadError.notFound(path: folder + "/nope.png")) { try RGBImage(contentsOf: folder + "/nope.png") }
        #expect(throws: ImageLoadError.isDirectory(path: folder)) { try RGBImage(contentsOf: folder) }
        try TestFiles.write([], to: folder + "/empty.png")
        #expect(throws: ImageLoadError.empty(path: folder + "/empty.png")) { try RGBImage(contentsOf: folder + "/empty.png") }
        let message = ImageLoadError.empty(path: folder + "/empty.png").description
        #expect(message == "cannot load image '\(folder)/empty.png': the file is empty")
    }

    @Test("random bytes named .png are refused as not an image, by their first bytes")
    func randomBytes() throws {
        let folder = try TestFiles.scratchFolder("random")
        let bytes = (0..<256).map { UInt8(($0 * 167 + 13) % 256) }   // no image signature
        try TestFiles.write(bytes, to: folder + "/noise.png")
        #expect(throws: ImageLoadError.unsupportedFormat(path: folder + "/noise.png")) {
            try RGBImage(contentsOf: folder + "/noise.png")
        }
    }

    @Test("a truncated PNG is refused as corrupt: header only, and cut in the pixel data")
    func truncated() throws {
        let png = try TestFiles.bytes(TestFiles.corpus("rgb.png"))
        #expect(throws: ImageLoadError.corrupt(path: "cut", format: .png)) {
            try RGBImage(decoding: Array(png.prefix(20)), name: "cut")   // signature + part of IHDR
        }
        #expect(throws: ImageLoadError.corrupt(path: "cut", format: .png)) {
            try RGBImage(decoding: Array(png.prefix(png.count - 20)), name: "cut")
        }
    }

    @Test("headers declaring 100,000 × 100,000 pixels are refused before decoding, in every format",
          arguments: ImageFormat.allCases)
    func hugeHeader(_ format: ImageFormat) throws {
        let bytes = Self.header(format, width: 100_000, height: 100_000)
        let limits = ImageLimits.standard
        let error = #expect(throws: ImageLoadError.self) { try RGBImage(decoding: bytes, name: "big", limits: limits) }
        if case let .badSize(_, width, height, _) = error {
            // WebP's VP8 and BMP's fields hold the size differently; each parses to what it declares
            #expect(width > limits.maxSide || height > limits.maxSide)
            #expect(width * height > limits.maxPixels)
        } else {
            Issue.record("expected badSize, got \(String(describing: error))")
        }
    }

    @Test("a 9,000 × 10 PNG header is above 8,192 per side even though it is only 90,000 pixels")
    func sideLimit() {
        #expect(throws: ImageLoadError.badSize(path: "wide", width: 9_000, height: 10, limits: .standard)) {
            try RGBImage(decoding: Self.header(.png, width: 9_000, height: 10), name: "wide")
        }
    }

    /// A minimal header of `format` declaring `width × height` (no pixel data).
    static func header(_ format: ImageFormat, width: Int, height: Int) -> [UInt8] {
        func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 255), UInt8(v >> 16 & 255), UInt8(v >> 8 & 255), UInt8(v & 255)] }
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 255), UInt8(v >> 8 & 255)] }
        func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16(v >> 16) }
        switch format {
        case .png:
            return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + Array("IHDR".utf8) + be32(width) + be32(height)
                + [8, 2, 0, 0, 0] + [0, 0, 0, 0]
        case .gif:   // GIF sizes are 16-bit: 65,535 × 65,535 is the most a GIF can claim
            return Array("GIF89a".utf8) + le16(min(width, 65_535)) + le16(min(height, 65_535)) + [0, 0, 0]
        case .bmp:
            return Array("BM".utf8) + le32(0) + le32(0) + le32(54) + le32(40) + le32(width) + le32(height) + [1, 0, 24, 0]
        case .jpeg:  // SOI, then a baseline SOF0 with 16-bit sizes
            return [0xFF, 0xD8, 0xFF, 0xC0, 0, 17, 8] + [UInt8(min(height, 65_535) >> 8), UInt8(min(height, 65_535) & 255),
                                                     UInt8(min(width, 65_535) >> 8), UInt8(min(width, 65_535) & 255)] + [3]
        case .webp:  // VP8X extended header: 24-bit sizes minus one
            let chunk = [UInt8](repeating: 0, count: 4) + Array(le32(width - 1).prefix(3)) + Array(le32(height - 1).prefix(3))
            return Array("RIFF".utf8) + le32(4 + 8 + chunk.count) + Array("WEBP".utf8) + Array("VP8X".utf8) + le32(chunk.count) + chunk
        }
    }
}
