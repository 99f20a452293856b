// Text through FreeType (gdImageStringFTEx). Latin text uses DejaVu Sans, found by fontconfig;
// a string holding CJK characters uses a CJK font file, because gd has no per-glyph fallback
// between fonts (a missing glyph silently draws a box).
import CGD
import Foundation

/// The font chosen for one string.
struct FontChoice: Equatable {
    /// A fontconfig pattern or a font file path, as gd's `fontlist`.
    let name: String
    /// True when `name` is a fontconfig pattern, false when it is a path.
    let isPattern: Bool

    static let latin = FontChoice(name: "DejaVu Sans", isPattern: true)

    /// Fonts tried in order for Chinese, Japanese and Korean text.
    static let cjkCandidates = [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    ]

    static let cjk: FontChoice? = cjkCandidates
        .first { FileManager.default.isReadableFile(atPath: $0) }
        .map { FontChoice(name: $0, isPattern: false) }

    /// The font for `text`: a CJK font when the text holds a CJK character and one is installed.
    /// Without one it warns on stderr once per process and falls back to DejaVu (boxes for CJK).
    static func forText(_ text: String) -> FontChoice {
        guard text.unicodeScalars.contains(where: isCJK) else { return .latin }
        if let cjk { return cjk }
        missingCJKWarning.emitOnce()
        return .latin
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FDF, 0x3000...0x30FF, 0x3100...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFFEF: return true
        default: return false
        }
    }

    static let missingCJKWarning = OnceFlag {
        FileHandle.standardError.write(Data((
            "warning: no CJK font found (install fonts-wqy-microhei); Chinese labels will show as boxes\n"
        ).utf8))
    }
}

/// Runs an action the first time `emitOnce()` is called, from any thread.
final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    private let action: () -> Void
    init(_ action: @escaping () -> Void) { self.action = action }
    func emitOnce() {
        lock.lock(); defer { lock.unlock() }
        if !done { done = true; action() }
    }
}

/// Ink extents of a string at angle 0, relative to its baseline origin (y down).
struct TextExtents {
    var left: Double, right: Double, top: Double, bottom: Double
    var width: Double { right - left }
}

enum FreeType {
    /// gd needs this once before text is drawn from several threads.
    static let setUp: Bool = { gdFontCacheSetup() == 0 }()

    /// gd decodes HTML entities in strings; write '&' as an entity so it prints as itself.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&#38;")
    }

    /// Draws `text` (or only measures it when `image` is nil) with its baseline origin at (x, y),
    /// `pixelSize` pixels per em (72 dpi, so points equal pixels), rotated `angle` radians
    /// counter-clockwise. Returns the ink extents for angle 0 or nil when FreeType failed.
    @discardableResult
    static func render(_ text: String, image: gdImagePtr?, x: Int, y: Int, pixelSize: Double,
                       angle: Double, color: Int32) -> TextExtents? {
        _ = setUp
        let font = FontChoice.forText(text)
        var extra = gdFTStringExtra()
        extra.flags = Int32(gdFTEX_RESOLUTION) | (font.isPattern ? Int32(gdFTEX_FONTCONFIG) : 0)
        extra.hdpi = 72
        extra.vdpi = 72
        var box = [Int32](repeating: 0, count: 8)
        let failure: UnsafeMutablePointer<CChar>? = font.name.withCString { fontName in
            escaped(text).withCString { string in
                gdImageStringFTEx(image, &box, color, UnsafeMutablePointer(mutating: fontName), pixelSize,
                                  angle, Int32(x), Int32(y), UnsafeMutablePointer(mutating: string), &extra)
            }
        }
        guard failure == nil else { return nil }
        // box: lower-left, lower-right, upper-right, upper-left corners (x, y pairs).
        return TextExtents(left: Double(box[0] - Int32(x)), right: Double(box[2] - Int32(x)),
                           top: Double(box[5] - Int32(y)), bottom: Double(box[1] - Int32(y)))
    }
}
