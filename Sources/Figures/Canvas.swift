// A drawing surface over one true-colour gd image. Shapes are rasterised here with analytic
// anti-aliasing: each pixel is covered by the fraction `clamp(0.5 − signed distance, 0, 1)` of
// the shape, then alpha-blended. That gives round markers and smooth lines at sub-pixel
// positions without gd's jagged filled ellipses (gdImageFilledEllipse draws them in whole pixels). Text goes through FreeType.
import CGD

/// A white (or coloured) picture you draw on and then save as PNG.
///
///     let canvas = try Canvas(width: 200, height: 100)
///     canvas.fillCircle(center: Point(50, 50), radius: 10, color: .palette(0))
///     canvas.line(from: Point(0, 0), to: Point(199, 99), color: .black, width: 2)
///     canvas.text("hello", at: Point(100, 50), size: 14, color: .black, align: .center)
///     try canvas.writePNG(to: "out/hello.png")
public final class Canvas {
    let image: GDImage
    public let width: Int
    public let height: Int
    /// Drawing outside this rectangle is discarded (nil = the whole canvas).
    public private(set) var clip: Rect?
    var metricsCache: [String: FontMetrics] = [:]
    var extentsCache: [String: TextExtents] = [:]

    public init(width: Int, height: Int, background: Color = .white) throws {
        image = try GDImage(width: width, height: height)
        self.width = width
        self.height = height
        if background != .white { fill(Rect(x: 0, y: 0, width: Double(width), height: Double(height)), background) }
    }

    /// Restricts drawing (shapes, images and text) to `rect`; nil lifts the restriction.
    public func setClip(_ rect: Rect?) {
        clip = rect
        let r = pixelBounds(rect ?? Rect(x: 0, y: 0, width: Double(width), height: Double(height)))
        gdImageSetClip(image.pointer, Int32(r.x0), Int32(r.y0), Int32(max(r.x0, r.x1 - 1)), Int32(max(r.y0, r.y1 - 1)))
    }

    // MARK: - Pixels

    /// The colour of pixel (x, y); black outside the canvas.
    public func pixel(x: Int, y: Int) -> Color {
        guard x >= 0, y >= 0, x < width, y < height else { return .black }
        let v = image.row(y)[x]
        return Color(red: UInt8((v >> 16) & 0xFF), green: UInt8((v >> 8) & 0xFF), blue: UInt8(v & 0xFF))
    }

    /// Blends `color` over pixel (x, y) with extra coverage `coverage` in 0…1 (no bounds check).
    /// Integer arithmetic with 8 fractional bits: `old + (new − old)·a`, rounded.
    @inline(__always)
    func blend(_ row: UnsafeMutablePointer<Int32>, _ x: Int, _ color: Color, _ coverage: Double) {
        let a = Int32((color.opacity * coverage * 256).rounded(.down))
        if a <= 0 { return }
        if a >= 256 {
            row[x] = Int32(color.red) << 16 | Int32(color.green) << 8 | Int32(color.blue)
            return
        }
        let old = row[x]
        @inline(__always) func channel(_ shift: Int32, _ new: UInt8) -> Int32 {
            let o = (old >> shift) & 0xFF
            return ((o * 256 + (Int32(new) - o) * a + 128) >> 8) << shift
        }
        row[x] = channel(16, color.red) | channel(8, color.green) | channel(0, color.blue)
    }

    /// Integer pixel bounds [x0, x1) × [y0, y1) of `rect`, cut to the canvas and the clip.
    func pixelBounds(_ rect: Rect) -> (x0: Int, y0: Int, x1: Int, y1: Int) {
        var r = rect
        if let clip {
            let x0 = max(r.minX, clip.minX), y0 = max(r.minY, clip.minY)
            r = Rect(x: x0, y: y0, width: min(r.maxX, clip.maxX) - x0, height: min(r.maxY, clip.maxY) - y0)
        }
        let x0 = max(0, Int(r.minX.rounded())), y0 = max(0, Int(r.minY.rounded()))
        let x1 = min(width, Int(r.maxX.rounded())), y1 = min(height, Int(r.maxY.rounded()))
        return (x0, y0, max(x0, x1), max(y0, y1))
    }

    // MARK: - Rectangles and images

    /// Fills `rect`, its edges rounded to whole pixels (crisp grid lines, bars and cells).
    public func fill(_ rect: Rect, _ color: Color) {
        let b = pixelBounds(rect)
        for y in b.y0..<b.y1 {
            let row = image.row(y)
            for x in b.x0..<b.x1 { blend(row, x, color, 1) }
        }
    }

    /// Draws the outline of `rect` with lines `lineWidth` pixels wide, inside the rectangle.
    public func stroke(_ rect: Rect, _ color: Color, lineWidth: Double = 1) {
        let w = lineWidth
        fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: w), color)
        fill(Rect(x: rect.x, y: rect.maxY - w, width: rect.width, height: w), color)
        fill(Rect(x: rect.x, y: rect.y + w, width: w, height: rect.height - 2 * w), color)
        fill(Rect(x: rect.maxX - w, y: rect.y + w, width: w, height: rect.height - 2 * w), color)
    }

    /// Shows `picture` stretched over `rect` with nearest-neighbour sampling (every source pixel
    /// becomes a sharp block), optionally blended at `opacity`.
    public func draw(_ picture: RGBImage, in rect: Rect, opacity: Double = 1) {
        let b = pixelBounds(rect)
        guard rect.width > 0, rect.height > 0 else { return }
        let sx = Double(picture.width) / rect.width, sy = Double(picture.height) / rect.height
        for y in b.y0..<b.y1 {
            let row = image.row(y)
            let v = min(picture.height - 1, max(0, Int((Double(y) + 0.5 - rect.y) * sy)))
            for x in b.x0..<b.x1 {
                let u = min(picture.width - 1, max(0, Int((Double(x) + 0.5 - rect.x) * sx)))
                let i = 3 * (v * picture.width + u)
                blend(row, x, Color(red: picture.pixels[i], green: picture.pixels[i + 1],
                                    blue: picture.pixels[i + 2], opacity: opacity), 1)
            }
        }
    }

    // MARK: - Output

    /// The canvas as an `RGBImage` (row-major RGB bytes).
    public func rgbImage() -> RGBImage {
        var bytes = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            let row = image.row(y)
            for x in 0..<width {
                let v = row[x], i = 3 * (y * width + x)
                bytes[i] = UInt8((v >> 16) & 0xFF); bytes[i + 1] = UInt8((v >> 8) & 0xFF); bytes[i + 2] = UInt8(v & 0xFF)
            }
        }
        return RGBImage(width: width, height: height, pixels: bytes)
    }

    /// PNG bytes; the same drawing always gives the same bytes. `level` is zlib's 0…9
    /// (default 1; see `PNGFile.defaultLevel`).
    public func pngData(level: Int = PNGFile.defaultLevel) throws -> [UInt8] {
        try image.pngData(level: level)
    }

    /// Writes the PNG atomically: a temporary file in the same folder, then a rename, so a
    /// reader never sees half a file.
    public func writePNG(to path: String, level: Int = PNGFile.defaultLevel) throws {
        try PNGFile.writeAtomically(try pngData(level: level), to: path)
    }
}
