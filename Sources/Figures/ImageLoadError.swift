// Everything that can be wrong with an image file a learner passes in, each with one clear line.

/// Why an image file could not be loaded. `description` names the file and the reason:
///
///     cannot load image 'photo.png': the file is empty
public enum ImageLoadError: Error, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case isDirectory(path: String)
    case empty(path: String)
    case unreadable(path: String, reason: String)
    /// The first bytes are not PNG, JPEG, GIF, WebP or BMP (whatever the extension says).
    case unsupportedFormat(path: String)
    /// The header declares a size above the limits (or zero).
    case badSize(path: String, width: Int, height: Int, limits: ImageLimits)
    /// The header is cut short, or the decoder gave up on the data.
    case corrupt(path: String, format: ImageFormat)

    public var path: String {
        switch self {
        case let .notFound(p), let .isDirectory(p), let .empty(p), let .unreadable(p, _), let .unsupportedFormat(p),
             let .badSize(p, _, _, _), let .corrupt(p, _): return p
        }
    }

    public var reason: String {
        switch self {
        case .notFound: return "no such file"
        case .isDirectory: return "it is a directory, not an image file"
        case .empty: return "the file is empty"
        case let .unreadable(_, reason): return "cannot read it (\(reason))"
        case .unsupportedFormat: return "not a PNG, JPEG, GIF, WebP or BMP image (checked by its first bytes)"
        case let .badSize(_, w, h, limits):
            if w <= 0 || h <= 0 { return "its header declares an empty size \(w)×\(h)" }
            return "its header declares \(w)×\(h) pixels, above the limit (\(limits.maxSide) pixels per side, "
                + "\(limits.maxPixels / 1_000_000) megapixels in all)"
        case let .corrupt(_, format): return "the \(format.rawValue) data is truncated or corrupt"
        }
    }

    public var description: String { "cannot load image '\(path)': \(reason)" }
}

/// The largest image the loader will decode.
public struct ImageLimits: Equatable, Sendable {
    public var maxSide: Int
    public var maxPixels: Int
    /// Files above this many bytes are refused before reading.
    public var maxFileBytes: Int

    public init(maxSide: Int = 8_192, maxPixels: Int = 40_000_000, maxFileBytes: Int = 256 << 20) {
        self.maxSide = maxSide; self.maxPixels = maxPixels; self.maxFileBytes = maxFileBytes
    }

    public static let standard = ImageLimits()

    func allows(width: Int, height: Int) -> Bool {
        width > 0 && height > 0 && width <= maxSide && height <= maxSide && width * height <= maxPixels
    }
}
