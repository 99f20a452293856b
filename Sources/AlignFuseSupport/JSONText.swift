// JSON string literals, written once for every JSON the kit writes: safetensors headers (TeachingEngine),
// notebooks and metrics in Walkthrough.

import Foundation

/// Turns text into a JSON string literal.
package enum JSONText {
    /// `text` in quotes, escaped as serde_json escapes it (RFC 8259): `"` `\` and the control
    /// characters; everything else, CJK included, stays as it is.
    ///
    ///     JSONText.quoted("橘猫 \"cat\"\n")   // "\"橘猫 \\\"cat\\\"\\n\""
    package static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
