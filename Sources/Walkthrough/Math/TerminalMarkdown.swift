// Narration on the terminal: the Markdown stays as written, except its formulas, which a terminal
// cannot typeset; they become plain Unicode (τ, √d, Σᵢ, ‖u‖, a/b), a display formula on a line of its own.

/// The narration text for a terminal: `$…$` and `$$…$$` replaced by `Formula.unicode`, code spans
/// and fenced code left alone.
///
///     TerminalMarkdown.render("the temperature $\\tau$ and $\\frac{1}{\\sqrt{d}}$")
///     // "the temperature τ and 1/√d"
public enum TerminalMarkdown {
    public static func render(_ markdown: String) -> String {
        var lines: [String] = []
        var inFence = false
        var display: String?   // a $$ formula spread over several lines
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingCharacters(in: " \t")
            if display == nil && (trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~")) { inFence.toggle() }
            if inFence || trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                lines.append(line)
                continue
            }
            if var open = display {
                open += " " + trimmed
                if trimmed.hasSuffix("$$") {
                    lines.append("    " + Formula(latex: String(open.dropLast(2))).unicode)
                    display = nil
                } else {
                    display = open
                }
                continue
            }
            if trimmed.hasPrefix("$$") && (trimmed.count < 4 || !trimmed.hasSuffix("$$")) {
                display = String(trimmed.dropFirst(2))
                continue
            }
            if trimmed.hasPrefix("$$") && trimmed.hasSuffix("$$") && trimmed.count >= 4 {
                let source = String(trimmed.dropFirst(2).dropLast(2))
                if !source.contains("$$") {
                    lines.append("    " + Formula(latex: source).unicode)
                    continue
                }
            }
            lines.append(inline(line))
        }
        if let open = display { lines.append("    " + Formula(latex: open).unicode) }
        return lines.joined(separator: "\n")
    }

    /// One line with its formulas in Unicode.
    static func inline(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, chars[i + 1] == "$" {
                out += "$"
                i += 2
                continue
            }
            if c == "`" {
                var ticks = 0
                while i + ticks < chars.count && chars[i + ticks] == "`" { ticks += 1 }
                if let end = MarkdownHTML.find(String(repeating: "`", count: ticks), in: chars, from: i + ticks) {
                    out += String(chars[i..<(end + ticks)])
                    i = end + ticks
                    continue
                }
            }
            if c == "$", i + 1 < chars.count, chars[i + 1] == "$", let end = MarkdownHTML.find("$$", in: chars, from: i + 2) {
                out += Formula(latex: String(chars[(i + 2)..<end])).unicode
                i = end + 2
                continue
            }
            if c == "$", let end = MarkdownHTML.closingDollar(chars, from: i) {
                out += Formula(latex: String(chars[(i + 1)..<end])).unicode
                i = end + 1
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }
}
