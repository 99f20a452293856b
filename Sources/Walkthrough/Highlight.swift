// The numbers that matter in a lesson, said in words for the tour's front page, filled from the
// run's own metrics (never typed by hand).

import Foundation

/// A sentence with the run's numbers in it. `{metric}` is replaced by that metric's value with three
/// significant digits, `{metric%}` by the value as a percentage (whole percent from 10%, one decimal
/// below). A sentence whose metric the run did not measure is left out.
///
///     let h = Highlight(L("recall@1 {recall%} (chance {chance%})", "第一名命中 {recall%}（随机 {chance%}）"))
///     h.filled(["recall": 0.934, "chance": 0.0359], .en)   // "recall@1 93% (chance 3.6%)"
///     h.metrics                                            // ["recall", "chance"]
public struct Highlight: Sendable {
    public let words: L

    public init(_ words: L) {
        self.words = words
    }

    /// The metric names the sentence refers to, in order.
    public var metrics: [String] {
        Highlight.placeholders(in: words.en).map(\.name)
    }

    /// The sentence in `language` with every placeholder filled; nil when a metric is missing.
    public func filled(_ metrics: [String: Double], _ language: Language) -> String? {
        var text = words(language)
        for placeholder in Highlight.placeholders(in: text).reversed() {
            guard let value = metrics[placeholder.name] else { return nil }
            text.replaceSubrange(placeholder.range, with: placeholder.percent ? Highlight.percent(value) : Highlight.short(value))
        }
        return text
    }

    /// `0.934` → "93%", `0.0359` → "3.6%", `1` → "100%". A score short of 100% never reads as 100%
    /// (`0.997` → "99.7%", `0.99996` → "> 99.9%"), nor one above 0% as 0% (`0.0004` → "< 0.1%").
    static func percent(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let p = value * 100
        if p == p.rounded() { return minus(String(format: "%.0f%%", p)) }
        if abs(p) >= 10 && abs(p).rounded() < 100 { return minus(String(format: "%.0f%%", p)) }
        if abs(p) >= 99.95 && abs(p) < 100 { return p > 0 ? "> 99.9%" : "< −99.9%" }
        if abs(p) < 0.05 { return p > 0 ? "< 0.1%" : "> −0.1%" }
        return minus(String(format: "%.1f%%", p))
    }

    /// Three significant digits, as a learner reads them: `0.236975` → "0.237", `222273` → "222273",
    /// `1234.5` → "1235" (`999.97` → "1000", never "1e+03"), `-0.0223` → "−0.0223"; a value within a thousandth of zero reads as a bound,
    /// `3.87e-7` → "< 0.001", never in e-notation.
    static func short(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == value.rounded() && abs(value) < 1e9 { return minus(String(Int(value))) }
        if abs(value) < 0.001 { return value > 0 ? "< 0.001" : "> −0.001" }
        if abs(value) >= 100 { return minus(String(format: "%.0f", value)) }
        return minus(String(format: "%.3g", value))
    }

    /// A leading hyphen as the minus sign (U+2212), as in print.
    private static func minus(_ text: String) -> String {
        text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    private struct Placeholder {
        let range: Range<String.Index>
        let name: String
        let percent: Bool
    }

    private static func placeholders(in text: String) -> [Placeholder] {
        var found: [Placeholder] = []
        var search = text.startIndex
        while let open = text[search...].firstIndex(of: "{"),
              let close = text[open...].firstIndex(of: "}") {
            var name = String(text[text.index(after: open)..<close])
            let percent = name.hasSuffix("%")
            if percent { name.removeLast() }
            if !name.isEmpty && name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) {
                found.append(Placeholder(range: open..<text.index(after: close), name: name, percent: percent))
            }
            search = text.index(after: close)
        }
        return found
    }
}
