// A small JSON writer with one fixed layout: sorted keys, one-space indentation, numbers formatted the
// same way every time. Two runs that measure the same numbers write the same bytes.

import AlignFuseSupport
import Foundation
import TeachingEngine

/// A JSON value, written by `rendered` deterministically.
///
///     JSON.object(["b": .number(0.5), "a": .string("猫")]).rendered
///     // {\n "a": "猫",\n "b": 0.5\n}
public indirect enum JSON: Sendable {
    case string(String)
    case number(Double)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSON])
    case object([String: JSON])

    /// The text of this value, keys sorted, each nested level indented by one space.
    public var rendered: String {
        var text = ""
        write(into: &text, indent: 0)
        return text
    }

    private func write(into text: inout String, indent: Int) {
        let pad = String(repeating: " ", count: indent + 1)
        let closePad = String(repeating: " ", count: indent)
        switch self {
        case .string(let s): text += JSON.quoted(s)
        case .number(let x): text += formatNumber(x)
        case .int(let n): text += String(n)
        case .bool(let b): text += b ? "true" : "false"
        case .null: text += "null"
        case .array(let items):
            guard !items.isEmpty else { text += "[]"; return }
            text += "[\n"
            for (i, item) in items.enumerated() {
                text += pad
                item.write(into: &text, indent: indent + 1)
                text += i == items.count - 1 ? "\n" : ",\n"
            }
            text += closePad + "]"
        case .object(let fields):
            guard !fields.isEmpty else { text += "{}"; return }
            text += "{\n"
            let keys = fields.keys.sorted()
            for (i, key) in keys.enumerated() {
                text += pad + JSON.quoted(key) + ": "
                fields[key]!.write(into: &text, indent: indent + 1)
                text += i == keys.count - 1 ? "\n" : ",\n"
            }
            text += closePad + "}"
        }
    }

    static func quoted(_ s: String) -> String { JSONText.quoted(s) }
}

/// A metric as it is written in metrics.json and in Docs: integers as integers, other values with
/// six significant digits (so Float noise such as 0.10000000149 reads 0.1), non-finite as `null`.
///
///     formatNumber(3)            // "3"
///     formatNumber(0.1234567)    // "0.123457"
///     formatNumber(Double(Float(0.1)))  // "0.1"
public func formatNumber(_ x: Double) -> String {
    guard x.isFinite else { return "null" }
    if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
    var text = String(format: "%.6g", x)
    if text.contains("e") {
        // JSON allows 1e-07; drop the zero padding of the exponent for a tidier 1e-7.
        text = text.replacingOccurrences(of: "e-0", with: "e-").replacingOccurrences(of: "e+0", with: "e+")
    }
    return text
}
