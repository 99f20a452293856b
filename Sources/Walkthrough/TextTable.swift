// Aligned tables that read well on a terminal and are valid Markdown at the same time.

/// A table of strings rendered as an aligned Markdown pipe table; columns whose cells all read as
/// numbers are right-aligned. Widths count CJK characters as two columns, so Chinese headers line up.
///
///     TextTable(["animal", "猫 score"], [["cat", "0.93"], ["dog", "0.12"]]).rendered
///     // | animal | 猫 score |
///     // |--------|---------:|
///     // | cat    |     0.93 |
///     // | dog    |     0.12 |
public struct TextTable: Sendable {
    public let headers: [String]
    public let rows: [[String]]

    /// - Precondition: every row has as many cells as there are headers.
    public init(_ headers: [String], _ rows: [[String]]) {
        for (i, row) in rows.enumerated() {
            precondition(row.count == headers.count,
                         "TextTable: row \(i) has \(row.count) cells but there are \(headers.count) headers")
        }
        self.headers = headers
        self.rows = rows
    }

    /// The table as lines of text, each the same display width.
    public var rendered: String {
        let columnCount = headers.count
        let widths = (0..<columnCount).map { c in
            max(3, ([headers[c]] + rows.map { $0[c] }).map(displayWidth).max() ?? 0)
        }
        let numeric = (0..<columnCount).map { c in
            !rows.isEmpty && rows.allSatisfy { TextTable.looksNumeric($0[c]) }
        }
        func line(_ cells: [String]) -> String {
            "| " + (0..<columnCount).map { pad(cells[$0], to: widths[$0], right: numeric[$0]) }
                .joined(separator: " | ") + " |"
        }
        let rule = "|" + (0..<columnCount).map { c in
            String(repeating: "-", count: widths[c] + (numeric[c] ? 1 : 2)) + (numeric[c] ? ":" : "")
        }.joined(separator: "|") + "|"
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
    }

    /// True for cells like `0.93`, `-12`, `1e-3`, `93%`, `0.91 ± 0.02`, `−1.2 × 10⁻⁷`.
    static func looksNumeric(_ cell: String) -> Bool {
        let trimmed = cell.trimmingCharacters(in: " %")
        guard let first = trimmed.split(separator: " ").first else { return false }
        return Double(first.replacingOccurrences(of: "−", with: "-")) != nil
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
