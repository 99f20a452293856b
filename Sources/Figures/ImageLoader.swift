// Loading a user's picture: check the file, sniff the format from its bytes, refuse oversized
// headers, then let libgd decode it and flatten it to 8-bit RGB over white.
import CGD
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension RGBImage {
    /// Loads a PNG, JPEG, GIF, WebP or BMP file as RGB. Gray, palette and alpha images are
    /// converted (alpha composited over white). Throws `ImageLoadError` naming the file and
    /// the reason for a missing file, a directory, an empty, unreadable, unsupported, oversized
    /// or corrupt image.
    ///
    ///     let photo = try RGBImage(contentsOf: "cat.jpg")
    ///     let small = photo.resized(width: 32, height: 32)
    public init(contentsOf path: String, limits: ImageLimits = .standard) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImageLoadError.notFound(path: path)
        }
        if isDirectory.boolValue { throw ImageLoadError.isDirectory(path: path) }
        let bytes = try Self.readFile(path, limit: limits.maxFileBytes)
        try self.init(decoding: bytes, name: path, limits: limits)
    }

    /// Decodes image bytes already in memory; `name` is used in error messages.
    public init(decoding bytes: [UInt8], name: String = "<memory>", limits: ImageLimits = .standard) throws {
        guard !bytes.isEmpty else { throw ImageLoadError.empty(path: name) }
        guard let format = ImageHeader.format(of: bytes) else { throw ImageLoadError.unsupportedFormat(path: name) }
        guard let declared = ImageHeader.size(of: bytes, format: format) else {
            throw ImageLoadError.corrupt(path: name, format: format)
        }
        guard limits.allows(width: declared.width, height: declared.height) else {
            throw ImageLoadError.badSize(path: name, width: declared.width, height: declared.height, limits: limits)
        }
        guard ImageHeader.isIntact(bytes, format: format) else { throw ImageLoadError.corrupt(path: name, format: format) }
        _ = Self.gdMessagesSilenced
        guard bytes.count <= Int(Int32.max), let decoded = Self.decode(bytes, format: format) else {
            throw ImageLoadError.corrupt(path: name, format: format)
        }
        let image = GDImage(adopting: decoded)
        guard limits.allows(width: image.width, height: image.height) else {
            throw ImageLoadError.badSize(path: name, width: image.width, height: image.height, limits: limits)
        }
        self = Self.flattened(image)
    }

    /// gd prints decoder warnings to stderr; the loader reports typed errors instead.
    private static let gdMessagesSilenced: Bool = { cgd_silence_errors(); return true }()

    private static func decode(_ bytes: [UInt8], format: ImageFormat) -> gdImagePtr? {
        var copy = bytes   // gd's decoders take a non-const pointer
        return copy.withUnsafeMutableBytes { buffer -> gdImagePtr? in
            let (size, data) = (Int32(buffer.count), buffer.baseAddress)
            switch format {
            case .png: return gdImageCreateFromPngPtr(size, data)
            case .jpeg: return gdImageCreateFromJpegPtr(size, data)
            case .gif: return gdImageCreateFromGifPtr(size, data)
            case .webp: return gdImageCreateFromWebpPtr(size, data)
            case .bmp: return gdImageCreateFromBmpPtr(size, data)
            }
        }
    }

    /// Any gd image as opaque RGB: palette colours looked up, alpha composited over white.
    private static func flattened(_ image: GDImage) -> RGBImage {
        if cgd_is_truecolor(image.pointer) == 0 { gdImagePaletteToTrueColor(image.pointer) }
        let (width, height) = (image.width, image.height)
        var bytes = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            let row = image.row(y)
            for x in 0..<width {
                let v = row[x]
                let opacity = Double(127 - Int((v >> 24) & 0x7F)) / 127   // gd: 0 opaque … 127 transparent
                let i = 3 * (y * width + x)
                for (k, shift) in [16, 8, 0].enumerated() {
                    let c = Double((v >> Int32(shift)) & 0xFF)
                    bytes[i + k] = UInt8((c * opacity + 255 * (1 - opacity)).rounded())
                }
            }
        }
        return RGBImage(width: width, height: height, pixels: bytes)
    }

    private static func readFile(_ path: String, limit: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw ImageLoadError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw ImageLoadError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard Int(info.st_size) <= limit else {
            throw ImageLoadError.unreadable(path: path, reason: "\(info.st_size) bytes, above the limit of \(limit)")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ImageLoadError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit {
                throw ImageLoadError.unreadable(path: path, reason: "more than the limit of \(limit) bytes")
            }
        }
        return bytes
    }
}
