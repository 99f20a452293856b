// How many terminal columns a string takes: East Asian wide characters (汉字, fullwidth forms)
// take two, combining marks take none, everything else one.

/// The number of terminal columns `text` occupies.
///
///     displayWidth("cat")    // 3
///     displayWidth("猫")     // 2
///     displayWidth("橘猫 7") // 6
public func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + columns(of: $1) }
}

/// Columns taken by one scalar: 0 for combining marks and zero-width joiners, 2 for East Asian
/// Wide and Fullwidth ranges (Unicode UAX #11, the common blocks), 1 otherwise.
func columns(of scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if v == 0x200B { return 0 }
    let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Jamo initials
        0x2E80...0x303E,   // CJK radicals, punctuation
        0x3041...0x33FF,   // kana, CJK symbols
        0x3400...0x4DBF,   // CJK extension A
        0x4E00...0x9FFF,   // CJK unified ideographs
        0xA000...0xA4CF,   // Yi
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE30...0xFE4F,   // CJK compatibility forms
        0xFF00...0xFF60,   // fullwidth forms
        0xFFE0...0xFFE6,   // fullwidth signs
        0x1F300...0x1F64F, // pictographs, emoticons
        0x1F900...0x1F9FF, // supplemental symbols
        0x20000...0x3FFFD, // CJK extensions B…
    ]
    return wide.contains { $0.contains(v) } ? 2 : 1
}

/// `text` padded with spaces on the right (or left) to `width` columns.
func pad(_ text: String, to width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - displayWidth(text)))
    return right ? fill + text : text + fill
}

/// `text` broken into lines of at most `width` columns, at spaces for English and between any two
/// wide characters for Chinese — but never so that a line starts with closing punctuation (，。；：）…)
/// or ends with opening punctuation (（「《…): those stay with the character they belong to.
/// Existing line breaks are kept.
///
///     wrap("one two three", width: 7)   // ["one two", "three"]
///     wrap("一二三四；五六", width: 8)    // ["一二三", "四；五六"]
public func wrap(_ text: String, width: Int) -> [String] {
    precondition(width > 0, "wrap: width must be positive, got \(width)")
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = ""
        var lineWidth = 0
        for word in breakableUnits(String(paragraph)) {
            let w = displayWidth(word)
            if lineWidth + w > width && !line.isEmpty {
                lines.append(String(line.reversed().drop(while: { $0 == " " }).reversed()))
                line = ""
                lineWidth = 0
                if word == " " { continue }
            }
            line += word
            lineWidth += w
        }
        lines.append(line)
    }
    return lines
}

/// Punctuation that closes (never starts a line) or opens (never ends one).
private let closingPunctuation: Set<Character> = ["，", "。", "、", "；", "：", "！", "？", "）", "」", "』",
                                                  "》", "】", "〉", "”", "’", ",", ".", ";", ":", "!",
                                                  "?", ")"]
private let openingPunctuation: Set<Character> = ["（", "「", "『", "《", "【", "〈", "“", "‘"]

/// Units that must stay together on a line: runs of narrow non-space characters, single spaces,
/// and single wide characters, each with the closing punctuation after it and the opening
/// punctuation before it.
private func breakableUnits(_ text: String) -> [String] {
    var units: [String] = []
    var current = ""
    var opening = ""
    func flush() {
        if !current.isEmpty { units.append(current); current = "" }
    }
    for ch in text {
        let isWide = ch.unicodeScalars.first.map { columns(of: $0) == 2 } ?? false
        if ch == " " {
            flush()
            units.append(" ")
        } else if closingPunctuation.contains(ch) {
            if !current.isEmpty {
                current.append(ch)
            } else if let last = units.last, last != " " {
                units[units.count - 1] = last + String(ch)
            } else {
                current.append(ch)
            }
        } else if openingPunctuation.contains(ch) {
            flush()
            opening.append(ch)
        } else if isWide {
            flush()
            units.append(opening + String(ch))
            opening = ""
        } else {
            if current.isEmpty { current = opening; opening = "" }
            current.append(ch)
        }
    }
    flush()
    if !opening.isEmpty { units.append(opening) }
    return units
}
