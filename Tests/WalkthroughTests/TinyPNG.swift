// A minimal PNG encoder for the demo lesson's figure (8-bit grayscale, stored deflate blocks), so these
// tests need no chart library. Real lessons draw with Figures.

/// PNG bytes of a grayscale image given row by row.
func tinyPNG(width: Int, height: Int, gray: [UInt8]) -> [UInt8] {
    precondition(gray.count == width * height, "tinyPNG: \(gray.count) values for \(width)×\(height)")
    var raw: [UInt8] = []
    for row in 0..<height {
        raw.append(0)   // filter: none
        raw += gray[(row * width)..<((row + 1) * width)]
    }
    var zlib: [UInt8] = [0x78, 0x01]
    var offset = 0
    repeat {
        let block = Array(raw[offset..<min(raw.count, offset + 65535)])
        offset += block.count
        let n = UInt16(block.count)
        zlib += [offset >= raw.count ? 1 : 0, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8(~n >> 8)] + block
    } while offset < raw.count
    var a: UInt32 = 1, b: UInt32 = 0
    for byte in raw { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
    zlib += bigEndian((b << 16) | a)

    func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }
    let header = bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 0, 0, 0, 0]
    return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        + chunk("IHDR", header) + chunk("IDAT", zlib) + chunk("IEND", [])
}

private func bigEndian(_ x: UInt32) -> [UInt8] {
    [UInt8(x >> 24), UInt8((x >> 16) & 0xFF), UInt8((x >> 8) & 0xFF), UInt8(x & 0xFF)]
}

private func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0) }
    }
    return ~crc
}
