// Numbers quoted in Docs/*.md are not typed by hand: they sit between markers and are rewritten from a
// run's metrics, so the guides never drift from the code.

import Foundation

/// Rewrites marked numbers and replication cards in Markdown text.
///
///     let text = "Recall@1 is <!-- m:02.recall_at_1 -->0.00<!-- /m --> here."
///     DocsMarkers.rewriteNumbers(in: text, metrics: ["02.recall_at_1": 0.934]).text
///     // "Recall@1 is <!-- m:02.recall_at_1 -->0.93<!-- /m --> here."
///
/// The format of the quoted number is kept: as many decimals as the old text shows, and a trailing `%`
/// means the value is shown as a percentage (`0.934` → `93.4%` when the old text was `90.0%`).
/// A placeholder without digits (such as `?`) is replaced by the value with six significant digits.
public enum DocsMarkers {
    private static let numberPattern = #"<!-- m:([0-9]{2}\.[a-z0-9_.]+) -->(.*?)<!-- /m -->"#

    /// The text with every known marked number rewritten, and the marker keys that had no metric.
    public static func rewriteNumbers(in text: String, metrics: [String: Double]) -> (text: String, unknown: [String]) {
        let regex = try! NSRegularExpression(pattern: numberPattern)
        var result = text
        var unknown: [String] = []
        let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
        for match in matches.reversed() {
            let key = String(text[Range(match.range(at: 1), in: text)!])
            let old = String(text[Range(match.range(at: 2), in: text)!])
            guard let value = metrics[key] else { unknown.append(key); continue }
            let replacement = "<!-- m:\(key) -->" + format(value, like: old) + "<!-- /m -->"
            result.replaceSubrange(Range(match.range, in: result)!, with: replacement)
        }
        return (result, unknown.reversed())
    }

    /// `value` written the way `old` was: same number of decimals, percent if `old` ends with `%`.
    ///
    ///     format(0.9341, like: "0.00")   // "0.93"
    ///     format(0.9341, like: "90.0%")  // "93.4%"
    ///     format(0.997, like: "90%")     // "99.7%" (short of 100% never reads as 100%)
    ///     format(12, like: "?")          // "12"
    ///     format(5.4e-7, like: "3.87e-07") // "5.40e-07" (scientific stays scientific)
    ///     format(1.19209e-7, like: "1.0 × 10⁻⁶") // "1.2 × 10⁻⁷" (a power of ten stays one)
    public static func format(_ value: Double, like old: String) -> String {
        let trimmed = old.trimmingCharacters(in: " ")
        guard trimmed.contains(where: \.isNumber) else { return formatNumber(value) }
        if let times = trimmed.range(of: " × 10") {
            let mantissa = trimmed[..<times.lowerBound].filter(\.isNumber)
            return powerOfTen(value, digits: max(1, mantissa.count))
        }
        if let e = trimmed.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let mantissa = trimmed[..<e]
            let decimals = mantissa.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
            return String(format: "%.\(decimals)e", value)
        }
        let percent = trimmed.hasSuffix("%")
        let digits = percent ? String(trimmed.dropLast()) : trimmed
        let decimals = digits.split(separator: ".", maxSplits: 1).dropFirst().first.map { $0.prefix(while: \.isNumber).count } ?? 0
        let shown = String(format: "%.\(decimals)f", percent ? value * 100 : value)
        guard percent else { return shown }
        // A score short of 100% is never written as 100%: one or two more decimals, or a bound.
        if value < 1, let rounded = Double(shown), rounded >= 100 {
            for more in 1...2 {
                let finer = String(format: "%.\(decimals + more)f", value * 100)
                if let r = Double(finer), r < 100 { return finer + "%" }
            }
            return "> " + String(format: "%.\(decimals + 2)f", 100 - pow(10, -Double(decimals + 2))) + "%"
        }
        return shown + "%"
    }

    /// The text with the block between `<!-- card:NN -->` and `<!-- /card -->` replaced by `card`;
    /// nil when the text has no such markers.
    public static func replaceCard(in text: String, lessonNumber: Int, card: String) -> String? {
        let open = String(format: "<!-- card:%02d -->", lessonNumber)
        let close = "<!-- /card -->"
        guard let start = text.range(of: open),
              let end = text.range(of: close, range: start.upperBound..<text.endIndex) else { return nil }
        var result = text
        result.replaceSubrange(start.upperBound..<end.lowerBound, with: "\n" + card + "\n")
        return result
    }
}
