// A step shows the Swift it runs, read from the lesson's own source file at run time, so the code a
// learner reads can never drift from the code that ran.

import Foundation

/// Finds the body of a step's closure in Swift source text by brace matching. Braces inside string
/// literals (plain, multi-line, raw, with interpolation) and comments (line, nested block) are skipped.
///
///     let source = """
///     Step("Add") { lesson, run in
///         let sum = 1 + 2   // "}" in a comment
///         run.print("sum = \\(sum) }")
///     }
///     """
///     StepSource.closureBody(in: source, fromLine: 1)
///     // ["let sum = 1 + 2   // \"}\" in a comment", "run.print(\"sum = \\(sum) }\")"]
public enum StepSource {
    /// The lines of the first closure that opens at or after the start of `line` (1-based), without
    /// its parameter list (`lesson, run in`), with common indentation removed; nil if there is none.
    public static func closureBody(in source: String, fromLine line: Int) -> [String]? {
        let bytes = Array(source.utf8)
        guard let start = offset(ofLine: line, in: bytes) else { return nil }
        var scanner = Scanner(bytes: bytes, position: start)
        guard let open = scanner.nextCodeByte(UInt8(ascii: "{")),
              let close = scanner.matchingBrace(after: open) else { return nil }
        let body = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
        return tidy(body)
    }

    /// The step body read from `file`, or nil when the file is not on disk (an installed binary).
    public static func closureBody(file: String, line: Int) -> [String]? {
        guard let data = FileManager.default.contents(atPath: file),
              let text = String(data: data, encoding: .utf8) else { return nil }
        return closureBody(in: text, fromLine: line)
    }

    /// Removes the closure's parameter list, blank edges and the common indentation.
    static func tidy(_ body: String) -> [String] {
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let first = lines.first, let range = first.range(of: #"^\s*[A-Za-z0-9_,\s():\[\]<>?.]*?\bin\b\s*"#,
                                                            options: .regularExpression) {
            lines[0] = String(first[range.upperBound...])
        }
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        let indent = lines.filter { !$0.allSatisfy(\.isWhitespace) }
            .map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
        return lines.map { line in
            let trimmed = line.allSatisfy(\.isWhitespace) ? "" : String(line.dropFirst(min(indent, line.prefix(while: { $0 == " " }).count)))
            return String(trimmed.reversed().drop(while: \.isWhitespace).reversed())
        }
    }

    private static func offset(ofLine line: Int, in bytes: [UInt8]) -> Int? {
        guard line >= 1 else { return nil }
        var current = 1
        var i = 0
        while current < line {
            guard let newline = bytes[i...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            i = newline + 1
            current += 1
        }
        return i
    }
}

/// A byte scanner over Swift source that knows where code is and where strings and comments are.
private struct Scanner {
    let bytes: [UInt8]
    var position: Int

    private static let quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#"), slash = UInt8(ascii: "/")
    private static let star = UInt8(ascii: "*"), backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n")
    private static let openParen = UInt8(ascii: "("), closeParen = UInt8(ascii: ")")
    private static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")

    func at(_ i: Int) -> UInt8? { i < bytes.count ? bytes[i] : nil }

    /// The index of the next `target` byte that is code (not in a string or comment).
    mutating func nextCodeByte(_ target: UInt8) -> Int? {
        while let b = at(position) {
            if b == target { return position }
            skipNonCode()
        }
        return nil
    }

    /// The index of the `}` closing the `{` at `open`.
    mutating func matchingBrace(after open: Int) -> Int? {
        position = open + 1
        var depth = 1
        while let b = at(position) {
            if b == Scanner.openBrace { depth += 1 }
            if b == Scanner.closeBrace {
                depth -= 1
                if depth == 0 { return position }
            }
            skipNonCode()
        }
        return nil
    }

    /// Moves past one code byte, or past a whole string literal or comment starting here.
    mutating func skipNonCode() {
        let b = bytes[position]
        if b == Scanner.slash && at(position + 1) == Scanner.slash {
            while let c = at(position), c != Scanner.newline { position += 1 }
        } else if b == Scanner.slash && at(position + 1) == Scanner.star {
            skipBlockComment()
        } else if b == Scanner.quote || (b == Scanner.hash && startsRawString()) {
            skipString()
        } else {
            position += 1
        }
    }

    private func startsRawString() -> Bool {
        var i = position
        while at(i) == Scanner.hash { i += 1 }
        return at(i) == Scanner.quote
    }

    private mutating func skipBlockComment() {
        position += 2
        var depth = 1
        while let b = at(position), depth > 0 {
            if b == Scanner.slash && at(position + 1) == Scanner.star { depth += 1; position += 2 }
            else if b == Scanner.star && at(position + 1) == Scanner.slash { depth -= 1; position += 2 }
            else { position += 1 }
        }
    }

    /// Skips `"…"`, `"""…"""` and `#"…"#`, following `\(…)` interpolations (which may hold strings).
    private mutating func skipString() {
        var hashes = 0
        while at(position) == Scanner.hash { hashes += 1; position += 1 }
        let multiline = at(position + 1) == Scanner.quote && at(position + 2) == Scanner.quote
        position += multiline ? 3 : 1
        while let b = at(position) {
            if b == Scanner.backslash && hasHashes(hashes, from: position + 1) {
                let after = position + 1 + hashes
                if at(after) == Scanner.openParen {
                    position = after
                    skipInterpolation()
                } else {
                    position = after + 1
                }
            } else if b == Scanner.quote && (!multiline || (at(position + 1) == Scanner.quote && at(position + 2) == Scanner.quote))
                        && hasHashes(hashes, from: position + (multiline ? 3 : 1)) {
                position += (multiline ? 3 : 1) + hashes
                return
            } else if b == Scanner.newline && !multiline {
                position += 1   // an unterminated single-line string: stop at the line end
                return
            } else {
                position += 1
            }
        }
    }

    private func hasHashes(_ count: Int, from i: Int) -> Bool {
        (0..<count).allSatisfy { at(i + $0) == Scanner.hash }
    }

    /// Skips `( … )` of an interpolation, whose code may contain strings and parentheses.
    private mutating func skipInterpolation() {
        position += 1
        var depth = 1
        while let b = at(position) {
            if b == Scanner.openParen { depth += 1 }
            if b == Scanner.closeParen {
                depth -= 1
                if depth == 0 { position += 1; return }
            }
            skipNonCode()
        }
    }
}
