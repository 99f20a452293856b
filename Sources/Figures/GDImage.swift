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
        gdImageFilledRectangle(image, 0, 0, Int32(width - 1), Int32(height - 1),
                               cgd_truecolor_alpha(255, 255, 255, 0))
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

    /// The image as PNG bytes, compressed with zlib `level` (-1 = zlib's default, 0…9).
    /// Only RGB is written (no alpha channel): smaller and faster, and our images are opaque.
    func pngData(level: Int) throws -> [UInt8] {
        var size: Int32 = 0
        guard let buffer = gdImagePngPtrEx(pointer, &size, Int32(level)), size > 0 else {
            throw FigureError.cannotEncode(format: "PNG")
        }
        defer { gdFree(buffer) }
        let bytes = buffer.bindMemory(to: UInt8.self, capacity: Int(size))
        return Array(UnsafeBufferPointer(start: bytes, count: Int(size)))
    }
}
