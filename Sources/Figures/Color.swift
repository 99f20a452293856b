// Colours and the categorical palette. The palette is the "tab10" set of Tableau 10 colours that
// matplotlib uses by default (Stone, Tableau Software), so our charts sit well beside its charts.

/// An sRGB colour with an opacity in 0…1.
///
///     let orange = Color(hex: 0xFF8040)        // the article's orange cat: 255, 128, 64
///     orange.withOpacity(0.5).opacity          // 0.5
///     Color.palette(1) == Color(hex: 0xFF7F0E) // tab10's second colour
public struct Color: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8
    /// 1 is opaque, 0 is invisible.
    public var opacity: Double

    public init(red: UInt8, green: UInt8, blue: UInt8, opacity: Double = 1) {
        precondition(opacity >= 0 && opacity <= 1, "Color: opacity \(opacity) is outside 0…1")
        self.red = red; self.green = green; self.blue = blue; self.opacity = opacity
    }

    /// A colour from 0xRRGGBB.
    public init(hex: UInt32, opacity: Double = 1) {
        self.init(red: UInt8((hex >> 16) & 0xFF), green: UInt8((hex >> 8) & 0xFF),
                  blue: UInt8(hex & 0xFF), opacity: opacity)
    }

    public func withOpacity(_ opacity: Double) -> Color {
        Color(red: red, green: green, blue: blue, opacity: opacity)
    }

    /// Relative luminance in 0…1 (Rec. 709 weights on the sRGB values): > 0.5 reads as light.
    public var luminance: Double {
        (0.2126 * Double(red) + 0.7152 * Double(green) + 0.0722 * Double(blue)) / 255
    }

    /// Black or white, whichever reads better on top of this colour.
    public var contrastingText: Color { luminance > 0.5 ? .black : .white }

    /// The straight mix `(1 - t)·self + t·other`, opacities mixed alike.
    public func mixed(with other: Color, _ t: Double) -> Color {
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8(max(0, min(255, (Double(a) * (1 - t) + Double(b) * t).rounded())))
        }
        return Color(red: mix(red, other.red), green: mix(green, other.green), blue: mix(blue, other.blue),
                     opacity: opacity * (1 - t) + other.opacity * t)
    }

    public var description: String {
        opacity == 1 ? "rgb(\(red), \(green), \(blue))" : "rgba(\(red), \(green), \(blue), \(opacity))"
    }

    public static let black = Color(hex: 0x000000)
    public static let white = Color(hex: 0xFFFFFF)
    public static let darkGray = Color(hex: 0x333333)
    public static let gray = Color(hex: 0x808080)
    public static let lightGray = Color(hex: 0xE5E5E5)

    /// Tableau 10 ("tab10"): blue, orange, green, red, purple, brown, pink, gray, olive, cyan.
    public static let tab10: [Color] = [
        0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD,
        0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF,
    ].map { Color(hex: $0) }

    /// The `index`-th categorical colour, cycling after ten.
    public static func palette(_ index: Int) -> Color {
        tab10[((index % tab10.count) + tab10.count) % tab10.count]
    }

    /// gd's packed form 0xAARRGGBB with a 7-bit alpha where 0 is opaque and 127 transparent.
    var gdValue: Int32 {
        let alpha = Int32((127 * (1 - opacity)).rounded())
        return (alpha << 24) | (Int32(red) << 16) | (Int32(green) << 8) | Int32(blue)
    }
}
