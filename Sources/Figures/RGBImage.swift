// A picture as plain bytes: the form in which images enter and leave Figures.

/// An 8-bit RGB picture, row-major, three bytes per pixel (red, green, blue).
///
///     let orange = RGBImage(width: 2, height: 1, pixels: [255, 128, 64,  255, 128, 64])
///     orange.pixel(x: 1, y: 0)   // (255, 128, 64)
public struct RGBImage: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// `width · height · 3` bytes: pixel (x, y) starts at `3 · (y · width + x)`.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width > 0 && height > 0, "RGBImage: size \(width)×\(height) must be positive")
        precondition(pixels.count == width * height * 3,
                     "RGBImage: \(width)×\(height) needs \(width * height * 3) bytes, got \(pixels.count)")
        self.width = width; self.height = height; self.pixels = pixels
    }

    /// A picture of one colour.
    public init(width: Int, height: Int, filledWith color: Color) {
        var bytes = [UInt8](repeating: 0, count: width * height * 3)
        for i in stride(from: 0, to: bytes.count, by: 3) {
            bytes[i] = color.red; bytes[i + 1] = color.green; bytes[i + 2] = color.blue
        }
        self.init(width: width, height: height, pixels: bytes)
    }

    /// The red, green and blue bytes of pixel (x, y).
    public func pixel(x: Int, y: Int) -> (red: UInt8, green: UInt8, blue: UInt8) {
        precondition(x >= 0 && x < width && y >= 0 && y < height,
                     "RGBImage.pixel: (\(x), \(y)) outside \(width)×\(height)")
        let i = 3 * (y * width + x)
        return (pixels[i], pixels[i + 1], pixels[i + 2])
    }

    /// The rectangle of `width × height` pixels whose top-left corner is (x, y).
    public func cropped(x: Int, y: Int, width w: Int, height h: Int) -> RGBImage {
        precondition(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= width && y + h <= height,
                     "RGBImage.cropped: (\(x), \(y)) + \(w)×\(h) outside \(width)×\(height)")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(w * h * 3)
        for row in y..<(y + h) {
            let start = 3 * (row * width + x)
            bytes.append(contentsOf: pixels[start..<(start + 3 * w)])
        }
        return RGBImage(width: w, height: h, pixels: bytes)
    }

    /// The picture as PNG bytes (deterministic: the same picture gives the same bytes).
    public func pngData() throws -> [UInt8] {
        let canvas = try Canvas(width: width, height: height)
        canvas.draw(self, in: Rect(x: 0, y: 0, width: Double(width), height: Double(height)))
        return try canvas.pngData()
    }

    /// Writes the picture as a PNG file atomically.
    public func writePNG(to path: String) throws {
        try PNGFile.writeAtomically(try pngData(), to: path)
    }
}
