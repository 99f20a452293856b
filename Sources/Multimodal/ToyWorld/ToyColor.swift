// The colours of ToyWorld, named in English and Chinese.
// The palette is chosen so that its members stay apart after a 32×32 render on the dark background:
// every pair differs by at least 60 in some channel. Orange is the article's orange, RGB (255, 128, 64).

/// A colour an object can have, with its RGB value and its names in both languages.
///
///     ToyColor.orange.rgb      // (255, 128, 64), the article's orange
///     ToyColor.orange.english  // "orange"
///     ToyColor.orange.chinese  // "橘色" (橙色 is the other common name)
public enum ToyColor: Int, CaseIterable, Sendable, Hashable, Comparable {
    case orange, red, green, blue, purple, pink, gray, white

    /// The exact RGB value drawn inside the object.
    public var rgb: (r: UInt8, g: UInt8, b: UInt8) {
        switch self {
        case .orange: return (255, 128, 64)
        case .red: return (215, 30, 40)
        case .green: return (50, 185, 70)
        case .blue: return (50, 110, 240)
        case .purple: return (150, 60, 210)
        case .pink: return (255, 150, 210)
        case .gray: return (128, 128, 128)
        case .white: return (245, 245, 245)
        }
    }

    /// The English name, lowercase: "orange".
    public var english: String {
        switch self {
        case .orange: return "orange"
        case .red: return "red"
        case .green: return "green"
        case .blue: return "blue"
        case .purple: return "purple"
        case .pink: return "pink"
        case .gray: return "gray"
        case .white: return "white"
        }
    }

    /// The Chinese colour word used in captions and answers: "橘色".
    public var chinese: String {
        switch self {
        case .orange: return "橘色"
        case .red: return "红色"
        case .green: return "绿色"
        case .blue: return "蓝色"
        case .purple: return "紫色"
        case .pink: return "粉色"
        case .gray: return "灰色"
        case .white: return "白色"
        }
    }

    /// The one-character form that joins an animal name: 橘 + 猫 = 橘猫, 白 + 狗 = 白狗.
    public var chineseShort: String { String(chinese.prefix(1)) }

    /// Other Chinese names a reader may use for the same colour (橙色 for orange).
    public var chineseSynonyms: [String] { self == .orange ? ["橙色"] : [] }

    public static func < (a: ToyColor, b: ToyColor) -> Bool { a.rawValue < b.rawValue }
}
