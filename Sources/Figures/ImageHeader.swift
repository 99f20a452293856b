// Reading an image's format and declared size from its first bytes, before any decoder runs:
// a 60-byte file can claim 100,000 × 100,000 pixels, and gd would try to allocate them.
// Layouts: PNG (ISO/IEC 15948 §11.2.2 IHDR), GIF89a (logical screen descriptor), BMP
// (BITMAPFILEHEADER + DIB header), JPEG (ITU T.81 §B.2.2 SOFn), WebP (RFC 9649: VP8, VP8L, VP8X).
import CGD

/// The image formats the loader accepts.
public enum ImageFormat: String, Sendable, CaseIterable {
    case png = "PNG", jpeg = "JPEG", gif = "GIF", webp = "WebP", bmp = "BMP"
}

enum ImageHeader {
    /// The format named by the magic bytes, or nil.
    static func format(of b: [UInt8]) -> ImageFormat? {
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            b.count >= offset + magic.count && Array(b[offset..<(offset + magic.count)]) == magic
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("BM".utf8)) { return .bmp }
        return nil
    }

    /// The width and height the header declares, or nil when the header is cut short or broken.
    static func size(of b: [UInt8], format: ImageFormat) -> (width: Int, height: Int)? {
        switch format {
        case .png:
            guard b.count >= 24, Array(b[12..<16]) == Array("IHDR".utf8) else { return nil }
            return (big32(b, 16), big32(b, 20))
        case .gif:
            guard b.count >= 10 else { return nil }
            return (little16(b, 6), little16(b, 8))
        case .bmp:
            guard b.count >= 26 else { return nil }
            if little32(b, 14) == 12 { return (little16(b, 18), little16(b, 20)) }   // OS/2 core header
            let height = Int32(bitPattern: UInt32(little32(b, 22)))                  // negative = top-down
            return (Int(Int32(bitPattern: UInt32(little32(b, 18)))), Int(height.magnitude))
        case .jpeg:
            return jpegSize(b)
        case .webp:
            return webpSize(b)
        }
    }

    /// False when the file is visibly damaged before decoding. For PNG every chunk up to IEND
    /// must be complete with a matching CRC: libpng would print warnings on stderr for some bad
    /// chunks and go on; a damaged file is refused with a typed error instead.
    static func isIntact(_ b: [UInt8], format: ImageFormat) -> Bool {
        format == .png ? pngChunksAreIntact(b) : true
    }

    private static func pngChunksAreIntact(_ b: [UInt8]) -> Bool {
        var i = 8
        while i + 12 <= b.count {
            let length = big32(b, i)
            guard length <= b.count - i - 12 else { return false }
            let stored = UInt(big32(b, i + 8 + length))
            let computed = b.withUnsafeBufferPointer { crc32(0, $0.baseAddress! + i + 4, uInt(length + 4)) }
            guard computed == stored else { return false }
            if Array(b[(i + 4)..<(i + 8)]) == Array("IEND".utf8) { return true }
            i += 12 + length
        }
        return false
    }

    /// Walks the JPEG marker segments up to the first start-of-frame.
    private static func jpegSize(_ b: [UInt8]) -> (width: Int, height: Int)? {
        var i = 2
        while i + 3 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }                        // fill byte
            if marker == 0xD8 || (0xD0...0xD7).contains(marker) || marker == 0x01 { i += 2; continue }
            if marker == 0xD9 || marker == 0xDA { return nil }             // end or scan before any frame
            let length = big16(b, i + 2)
            let isFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
            if isFrame {
                guard i + 9 <= b.count, length >= 7 else { return nil }
                return (big16(b, i + 7), big16(b, i + 5))
            }
            guard length >= 2 else { return nil }
            i += 2 + length
        }
        return nil
    }

    private static func webpSize(_ b: [UInt8]) -> (width: Int, height: Int)? {
        guard b.count >= 30 else { return nil }
        switch String(decoding: b[12..<16], as: UTF8.self) {
        case "VP8 ":
            guard b[23] == 0x9D, b[24] == 0x01, b[25] == 0x2A else { return nil }
            return (little16(b, 26) & 0x3FFF, little16(b, 28) & 0x3FFF)
        case "VP8L":
            guard b[20] == 0x2F else { return nil }
            let bits = little32(b, 21)
            return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":
            return (little24(b, 24) + 1, little24(b, 27) + 1)
        default:
            return nil
        }
    }

    private static func big16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
    private static func big32(_ b: [UInt8], _ i: Int) -> Int { big16(b, i) << 16 | big16(b, i + 2) }
    private static func little16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
    private static func little24(_ b: [UInt8], _ i: Int) -> Int { little16(b, i) | Int(b[i + 2]) << 16 }
    private static func little32(_ b: [UInt8], _ i: Int) -> Int { little16(b, i) | little16(b, i + 2) << 16 }
}
