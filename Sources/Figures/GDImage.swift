// The one owner of a libgd image. Nothing outside Figures sees a gd type: charts draw on a
// `Canvas`, the loader hands back an `RGBImage`, and this class frees the C memory in deinit.
import CGD

/// Owns one true-colour `gdImage` and destroys it when released.
///
///     let image = try GDImage(width: 4, height: 3)   // white 4×3, freed automatically
final class GDImage {
    let pointer: gdImagePtr

    /// A new true-colour image filled with opaque white.
    init(width: Int, height: Int) throws {
        guard width > 0, height > 0, width <= 16_384, height <= 16_384,
              let image = gdImageCreateTrueColor(Int32(width), Int32(height)) else {
            throw FigureError.cannotCreateImage(width: width, height: height)
        }
        pointer = image
        gdImageAlphaBlending(image, 1)
        // Opaque white, row by row (gdImageFilledRectangle sets pixels one call at a time).
        for y in 0..<height { cgd_truecolor_row(image, Int32(y)).update(repeating: 0x00FF_FFFF, count: width) }
    }

    /// Takes ownership of an image a gd decoder returned.
    init(adopting image: gdImagePtr) {
        pointer = image
    }

    deinit { gdImageDestroy(pointer) }

    var width: Int { Int(cgd_sx(pointer)) }
    var height: Int { Int(cgd_sy(pointer)) }

    /// One row of 0x7FRRGGBB words (alpha 0 is opaque); valid while `self` lives.
    func row(_ y: Int) -> UnsafeMutablePointer<Int32> {
        precondition(y >= 0 && y < height, "GDImage.row: y = \(y) outside 0..<\(height)")
        return cgd_truecolor_row(pointer, Int32(y))
    }

    /// The image as PNG bytes (RGB, no alpha channel: our images are opaque), compressed with
    /// zlib `level` 0…9 by `PNGEncoder`.
    func pngData(level: Int) throws -> [UInt8] {
        try PNGEncoder.encode(width: width, height: height, level: level) { self.row($0) }
    }
}
