// Reads LaTeX math into `MathNode`s by recursive descent over characters. It never fails: an unknown
// command is kept as written, a missing `}` ends the group at the end of the formula.

struct FormulaParser {
    private let characters: [Character]
    private var position = 0
    /// Unknown commands met so far, each once.
    private(set) var unknown: [String] = []

    init(_ latex: String) {
        characters = Array(latex)
    }

    /// Where a row of nodes ends.
    private enum Stop {
        case end, closeBrace, closeBracket, right, cell
    }

    mutating func parseAll() -> [MathNode] {
        var nodes: [MathNode] = []
        while position < characters.count {
            nodes += parseRow(until: .end)
            if position < characters.count { position += 1 }   // a stray `}` or `]`: skip it
        }
        return nodes
    }

    // MARK: - Rows and atoms

    /// Nodes up to (not including) the terminator of `stop`.
    private mutating func parseRow(until stop: Stop) -> [MathNode] {
        var nodes: [MathNode] = []
        while true {
            skipSpaces()
            guard let c = peek() else { return nodes }
            // A `}` ends every row (an unbalanced one ends it early); `]` and `&` only their own.
            switch (stop, c) {
            case (_, "}"), (.closeBracket, "]"), (.cell, "&"): return nodes
            default: break
            }
            if c == "\\" {
                let name = peekCommand()
                if stop == .right && name == "right" { return nodes }
                if stop == .cell && (name == "\\" || name == "end" || name == "cr") { return nodes }
            }
            if c == "^" || c == "_" || c == "'" {
                // A script with nothing before it attaches to an empty base.
                nodes.append(parseScripts(base: .group([])))
                continue
            }
            guard let atom = parseAtom(stop: stop) else { continue }
            nodes.append(parseScripts(base: atom))
        }
    }

    /// `base` with the `_`, `^` and primes that follow it.
    private mutating func parseScripts(base: MathNode) -> MathNode {
        var sub: [MathNode]?
        var sup: [MathNode]?
        while true {
            skipSpaces()
            guard let c = peek() else { break }
            if c == "_" && sub == nil {
                position += 1
                sub = parseArgument()
            } else if c == "^" && sup == nil {
                position += 1
                sup = parseArgument()
            } else if c == "'" {
                position += 1
                sup = (sup ?? []) + [.op("′", .ordinary)]
            } else {
                break
            }
        }
        guard sub != nil || sup != nil else { return base }
        return .scripts(base: base, sub: sub, sup: sup)
    }

    /// One argument: `{…}`, a command with its own arguments, or a single character (`\frac12`).
    private mutating func parseArgument() -> [MathNode] {
        skipSpaces()
        guard let c = peek() else { return [] }
        if c == "{" {
            position += 1
            let nodes = parseRow(until: .closeBrace)
            if peek() == "}" { position += 1 }
            return nodes
        }
        if c == "\\" { return parseAtom(stop: .end).map { [$0] } ?? [] }
        position += 1
        if c.isNumber { return [.number(String(c))] }
        if c.isLetter { return [.identifier(String(c), upright: false)] }
        let (symbol, kind) = FormulaSymbols.classOf(c)
        return [.op(symbol, kind)]
    }

    /// The next atom; nil for what renders as nothing (`\displaystyle`, a lone `&` outside a table).
    private mutating func parseAtom(stop: Stop) -> MathNode? {
        let c = characters[position]
        if c == "{" {
            position += 1
            let nodes = parseRow(until: .closeBrace)
            if peek() == "}" { position += 1 }
            return .group(nodes)
        }
        if c == "\\" { return parseCommand(stop: stop) }
        if c.isNumber || (c == "." && peek(at: 1)?.isNumber == true) {
            var digits = ""
            while let d = peek(), d.isNumber || (d == "." && peek(at: 1)?.isNumber == true) {
                digits.append(d)
                position += 1
            }
            return .number(digits)
        }
        position += 1
        if c.isLetter { return .identifier(String(c), upright: !c.isASCII) }
        if c == "~" { return .space(0.3333) }
        if c == "&" { return nil }
        let (symbol, kind) = FormulaSymbols.classOf(c)
        return .op(symbol, kind)
    }

    // MARK: - Commands

    private mutating func parseCommand(stop: Stop) -> MathNode? {
        let name = readCommand()
        if let letter = FormulaSymbols.greek[name] {
            return .identifier(letter, upright: name.first!.isUppercase)
        }
        if let (symbol, kind) = FormulaSymbols.operators[name] { return .op(symbol, kind) }
        if let symbol = FormulaSymbols.largeOperators[name] { return .largeOperator(symbol) }
        if let limits = FormulaSymbols.functions[name] { return .function(name, limits: limits) }
        if let em = FormulaSymbols.spaces[name] { return .space(em) }
        if let accent = FormulaSymbols.accents[name] { return .accent(parseArgument(), accent) }
        if let scale = FormulaSymbols.sizes[name] {
            let (symbol, kind) = readDelimiter()
            let shaped: MathClass = name.hasSuffix("l") ? .open : name.hasSuffix("r") ? .close : kind
            return .sized(symbol, shaped, scale: scale)
        }
        if FormulaSymbols.ignored.contains(name) { return nil }
        switch name {
        case "frac", "cfrac": return .fraction(parseArgument(), parseArgument(), .automatic)
        case "tfrac": return .fraction(parseArgument(), parseArgument(), .text)
        case "dfrac": return .fraction(parseArgument(), parseArgument(), .display)
        case "underbrace", "overbrace":
            return .brace(parseArgument(), under: name == "underbrace")
        case "sqrt":
            var index: [MathNode]?
            skipSpaces()
            if peek() == "[" {
                position += 1
                index = parseRow(until: .closeBracket)
                if peek() == "]" { position += 1 }
            }
            return .root(parseArgument(), index: index)
        case "text", "textrm", "textnormal", "mbox", "textit", "textbf", "textsf", "texttt":
            return .text(readRawGroup())
        case "mathrm", "mathit", "mathsf", "mathtt", "operatorname", "operatorname*":
            let words = readRawGroup().filter { $0 != " " }
            if name.hasPrefix("operatorname") {
                return .function(words, limits: FormulaSymbols.functions[words] ?? name.hasSuffix("*"))
            }
            if words.count == 1, let c = words.first, c.isLetter {
                return .identifier(words, upright: name != "mathit")
            }
            return words.allSatisfy(\.isNumber) ? .number(words) : .text(words)
        case "mathcal", "mathscr", "mathbb", "mathfrak", "mathbf", "boldsymbol", "bm":
            let inner = parseArgument()
            return .group(inner.map { restyle($0, name) })
        case "left":
            let (open, _) = readDelimiter()
            let body = parseRow(until: .right)
            var close = ""
            if peekCommand() == "right" {
                _ = readCommand()
                close = readDelimiter().0
            }
            return .fenced(open: open, body, close: close)
        case "right":
            _ = readDelimiter()   // a \right without its \left: drop it
            return nil
        case "begin": return parseEnvironment(readRawGroup())
        case "end":
            _ = readRawGroup()
            return nil
        case "\\", "cr", "newline": return nil
        case "not":
            let next = parseArgument()
            if case .op(let symbol, let kind)? = next.first, next.count == 1 { return .op(symbol + "\u{0338}", kind) }
            return .group(next)
        default:
            let written = "\\" + name
            if !unknown.contains(written) { unknown.append(written) }
            return .text(written)
        }
    }

    /// `\begin{pmatrix} a & b \\ c & d \end{pmatrix}`: rows of cells and the delimiters of the environment.
    private mutating func parseEnvironment(_ environment: String) -> MathNode {
        if environment == "array" { _ = readRawGroup() }   // the column specification
        var rows: [[[MathNode]]] = []
        var row: [[MathNode]] = []
        while true {
            let cell = parseRow(until: .cell)
            row.append(cell)
            guard let c = peek() else { break }
            if c == "&" {
                position += 1
                continue
            }
            if c == "}" {   // unbalanced: stop the table here
                break
            }
            let name = readCommand()
            if name == "end" {
                _ = readRawGroup()
                break
            }
            rows.append(row)   // `\\` or `\cr`
            row = []
        }
        if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
        let delimiters: [String: (String, String)] = [
            "pmatrix": ("(", ")"), "bmatrix": ("[", "]"), "Bmatrix": ("{", "}"), "vmatrix": ("|", "|"),
            "Vmatrix": ("‖", "‖"), "cases": ("{", ""),
        ]
        let (open, close) = delimiters[environment] ?? ("", "")
        return .table(rows, open: open, close: close, leftAligned: environment == "cases")
    }

    /// The node restyled as `\mathcal`, `\mathbb`, `\mathbf` … asks: letters become their styled Unicode forms.
    private func restyle(_ node: MathNode, _ style: String) -> MathNode {
        switch node {
        case .identifier(let text, _): return .identifier(FormulaSymbols.styled(text, style), upright: true)
        case .number(let digits): return .number(FormulaSymbols.styled(digits, style))
        case .group(let nodes): return .group(nodes.map { restyle($0, style) })
        case .scripts(let base, let sub, let sup): return .scripts(base: restyle(base, style), sub: sub, sup: sup)
        default: return node
        }
    }

    // MARK: - Characters

    private func peek(at offset: Int = 0) -> Character? {
        position + offset < characters.count ? characters[position + offset] : nil
    }

    private mutating func skipSpaces() {
        while let c = peek(), c.isWhitespace { position += 1 }
    }

    /// The name of the command at the cursor without moving it (`\frac` → "frac", `\,` → ","), or nil.
    private func peekCommand() -> String? {
        guard peek() == "\\" else { return nil }
        var copy = self
        return copy.readCommand()
    }

    /// Reads `\name` (letters, with a trailing `*`) or `\` and one other character; skips the spaces
    /// after a lettered command, as LaTeX does.
    private mutating func readCommand() -> String {
        position += 1   // the backslash
        guard let first = peek() else { return "" }
        guard first.isLetter && first.isASCII else {
            position += 1
            return String(first)
        }
        var name = ""
        while let c = peek(), c.isLetter && c.isASCII {
            name.append(c)
            position += 1
        }
        if peek() == "*" && name == "operatorname" {
            name.append("*")
            position += 1
        }
        skipSpaces()
        return name
    }

    /// The text of `{…}` as written (nested braces kept balanced, a backslash escape reduced to its
    /// character), for `\text`, `\mathrm` and environment names.
    private mutating func readRawGroup() -> String {
        skipSpaces()
        guard peek() == "{" else {
            guard let c = peek() else { return "" }
            position += 1
            return String(c)
        }
        position += 1
        var depth = 1
        var text = ""
        while let c = peek() {
            position += 1
            if c == "\\", let next = peek(), !next.isLetter {
                text.append(next)
                position += 1
                continue
            }
            if c == "{" { depth += 1 }
            if c == "}" {
                depth -= 1
                if depth == 0 { break }
            }
            text.append(c)
        }
        return text
    }

    /// The delimiter after `\left`, `\right` or `\big`: `(`, `\{`, `\lVert`, `|`, `.` (none) ….
    private mutating func readDelimiter() -> (String, MathClass) {
        skipSpaces()
        guard let c = peek() else { return ("", .ordinary) }
        if c == "." {
            position += 1
            return ("", .ordinary)
        }
        if c == "\\" {
            let name = readCommand()
            if let found = FormulaSymbols.operators[name] { return found }
            return ("", .ordinary)
        }
        position += 1
        return FormulaSymbols.classOf(c)
    }
}
