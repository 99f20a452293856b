// The Markdown a narration is written in, as HTML: paragraphs, headings, lists, block quotes, fenced
// code, pipe tables, links, emphasis, code spans, and formulas ($…$, $$…$$) as MathML.

import Foundation

/// Markdown to HTML, for the blocks and inline marks lesson narration uses. Raw HTML in the text is
/// shown as text (escaped); HTML comments are dropped.
///
///     MarkdownHTML.render("Loss $\\ln B$, see `run.train`.")
///     // "<p>Loss <math>…</math>, see <code>run.train</code>.</p>"
enum MarkdownHTML {
    static func render(_ markdown: String) -> String {
        var blocks: [String] = []
        var paragraph: [String] = []
        var list: (ordered: Bool, items: [String])?
        let lines = withoutComments(markdown).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            blocks.append("<p>" + inline(paragraph.joined(separator: "\n")) + "</p>")
            paragraph = []
        }
        func flushList() {
            guard let open = list else { return }
            let tag = open.ordered ? "ol" : "ul"
            blocks.append("<\(tag)>" + open.items.map { "<li>" + inline($0) + "</li>" }.joined() + "</\(tag)>")
            list = nil
        }
        func flush() {
            flushParagraph()
            flushList()
        }

        var i = 0
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmingCharacters(in: " \t")
            if trimmed.isEmpty {
                flush()
                i += 1
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flush()
                let fence = String(trimmed.prefix(3))
                var code: [String] = []
                i += 1
                while i < lines.count && !lines[i].trimmingCharacters(in: " \t").hasPrefix(fence) {
                    code.append(lines[i])
                    i += 1
                }
                blocks.append("<pre><code>" + HTML.escape(code.joined(separator: "\n")) + "</code></pre>")
                i += 1
                continue
            }
            if trimmed.hasPrefix("$$") && paragraph.isEmpty {
                flush()
                var source = String(trimmed.dropFirst(2))
                while !source.hasSuffix("$$") && i + 1 < lines.count {
                    i += 1
                    source += "\n" + lines[i]
                }
                if source.hasSuffix("$$") { source = String(source.dropLast(2)) }
                blocks.append(Formula(latex: source.trimmingCharacters(in: " \n\t")).mathML(display: true))
                i += 1
                continue
            }
            if let level = headingLevel(trimmed) {
                flush()
                let text = String(trimmed.dropFirst(level + 1)).trimmingCharacters(in: " \t")
                blocks.append("<h\(level + 1)>" + inline(text) + "</h\(level + 1)>")
                i += 1
                continue
            }
            if trimmed.hasPrefix("|"), i + 1 < lines.count, isTableRule(lines[i + 1]) {
                flush()
                let headers = cells(trimmed)
                i += 2
                var rows: [[String]] = []
                while i < lines.count, lines[i].trimmingCharacters(in: " \t").hasPrefix("|") {
                    var row = cells(lines[i].trimmingCharacters(in: " \t"))
                    row += Array(repeating: "", count: max(0, headers.count - row.count))
                    rows.append(Array(row.prefix(headers.count)))
                    i += 1
                }
                blocks.append(HTML.table(headers, rows, cell: inline))
                continue
            }
            if trimmed.hasPrefix(">") {
                flush()
                var quoted: [String] = []
                while i < lines.count, lines[i].trimmingCharacters(in: " \t").hasPrefix(">") {
                    quoted.append(String(lines[i].trimmingCharacters(in: " \t").dropFirst()).trimmingCharacters(in: " "))
                    i += 1
                }
                blocks.append("<blockquote>" + render(quoted.joined(separator: "\n")) + "</blockquote>")
                continue
            }
            if let (ordered, item) = listItem(trimmed) {
                flushParagraph()
                if let open = list, open.ordered != ordered { flushList() }
                if list == nil { list = (ordered, []) }
                list!.items.append(item)
                i += 1
                continue
            }
            if let open = list, line.hasPrefix("  "), !open.items.isEmpty {
                list!.items[open.items.count - 1] += "\n" + trimmed   // a continuation line of the item
                i += 1
                continue
            }
            flushList()
            paragraph.append(line)
            i += 1
        }
        flush()
        return blocks.joined(separator: "\n")
    }

    // MARK: - Inline marks

    /// One paragraph's text: code spans, formulas, links, images, strong and emphasis; the rest escaped.
    static func inline(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        var strong = false, emphasis = false
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, chars[i + 1].isPunctuation || chars[i + 1].isSymbol {
                out += HTML.escape(String(chars[i + 1]))
                i += 2
                continue
            }
            if c == "`" {
                var ticks = 0
                while i + ticks < chars.count && chars[i + ticks] == "`" { ticks += 1 }
                if let end = find(String(repeating: "`", count: ticks), in: chars, from: i + ticks) {
                    let code = String(chars[(i + ticks)..<end]).trimmingCharacters(in: " ")
                    out += "<code>" + HTML.escape(code) + "</code>"
                    i = end + ticks
                    continue
                }
            }
            if c == "$", i + 1 < chars.count, chars[i + 1] == "$", let end = find("$$", in: chars, from: i + 2) {
                out += Formula(latex: String(chars[(i + 2)..<end]).trimmingCharacters(in: " \n")).mathML(display: true)
                i = end + 2
                continue
            }
            if c == "$", let end = closingDollar(chars, from: i) {
                out += Formula(latex: String(chars[(i + 1)..<end])).mathML(display: false)
                i = end + 1
                continue
            }
            if (c == "!" && i + 1 < chars.count && chars[i + 1] == "[") || c == "[",
               let (label, target, next) = link(chars, from: c == "!" ? i + 1 : i) {
                if c == "!" {
                    out += "<img src=\"\(HTML.escape(target))\" alt=\"\(HTML.escape(label))\">"
                } else {
                    out += "<a href=\"\(HTML.escape(target))\">" + inline(label) + "</a>"
                }
                i = next
                continue
            }
            if c == "*", i + 1 < chars.count, chars[i + 1] == "*", strong || find("**", in: chars, from: i + 2) != nil {
                out += strong ? "</strong>" : "<strong>"
                strong.toggle()
                i += 2
                continue
            }
            if c == "*", emphasis || (i + 1 < chars.count && !chars[i + 1].isWhitespace && find("*", in: chars, from: i + 1) != nil) {
                out += emphasis ? "</em>" : "<em>"
                emphasis.toggle()
                i += 1
                continue
            }
            out += HTML.escape(String(c))
            i += 1
        }
        if emphasis { out += "</em>" }
        if strong { out += "</strong>" }
        return out
    }

    /// The index of the `$` closing an inline formula opened at `start`: the formula does not start or
    /// end with a space, and no digit follows the closing `$` (so "$5 and $6" stays text).
    static func closingDollar(_ chars: [Character], from start: Int) -> Int? {
        guard start + 1 < chars.count, !chars[start + 1].isWhitespace, chars[start + 1] != "$" else { return nil }
        var j = start + 1
        while j < chars.count {
            if chars[j] == "\\" { j += 2; continue }
            if chars[j] == "$" {
                let after = j + 1 < chars.count ? chars[j + 1] : " "
                if !chars[j - 1].isWhitespace && !after.isNumber { return j }
                return nil
            }
            j += 1
        }
        return nil
    }

    /// `[label](target)` starting at `start`: the label, the target and the index after it.
    private static func link(_ chars: [Character], from start: Int) -> (String, String, Int)? {
        guard chars[start] == "[", let close = find("](", in: chars, from: start + 1),
              let end = find(")", in: chars, from: close + 2) else { return nil }
        let label = String(chars[(start + 1)..<close])
        let target = String(chars[(close + 2)..<end]).trimmingCharacters(in: " ")
        guard !label.contains("]"), !target.contains(" ") else { return nil }
        return (label, target, end + 1)
    }

    static func find(_ needle: String, in chars: [Character], from start: Int) -> Int? {
        let n = Array(needle)
        guard start <= chars.count - n.count else { return nil }
        for j in start...(chars.count - n.count) where chars[j] == n[0] {
            if Array(chars[j..<(j + n.count)]) == n { return j }
        }
        return nil
    }

    // MARK: - Blocks

    private static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    private static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return (false, String(line.dropFirst(2)))
        }
        let digits = line.prefix(while: \.isNumber)
        if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") {
            return (true, String(line.dropFirst(digits.count + 2)))
        }
        return nil
    }

    private static func isTableRule(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: " \t")
        return trimmed.hasPrefix("|") && trimmed.contains("-") && trimmed.allSatisfy { "|-: ".contains($0) }
    }

    /// The cells of `| a | b |`, with `\|` kept as a pipe inside a cell.
    private static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var chars = Array(line)
        if chars.first == "|" { chars.removeFirst() }
        if chars.last == "|" { chars.removeLast() }
        var i = 0
        while i < chars.count {
            if chars[i] == "\\" && i + 1 < chars.count && chars[i + 1] == "|" {
                current += "\\|"
                i += 2
                continue
            }
            if chars[i] == "|" {
                cells.append(current.trimmingCharacters(in: " "))
                current = ""
            } else {
                current.append(chars[i])
            }
            i += 1
        }
        cells.append(current.trimmingCharacters(in: " "))
        return cells
    }

    /// The text without `<!-- … -->` comments.
    static func withoutComments(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "<!--") {
            out += rest[..<open.lowerBound]
            guard let close = rest.range(of: "-->", range: open.upperBound..<rest.endIndex) else { return out }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
