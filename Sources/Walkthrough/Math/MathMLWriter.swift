// A formula as MathML Core, the subset browsers draw natively (Chromium, Firefox, Safari): no script,
// no web font, no network. The LaTeX rides along as the annotation, for copying.

enum MathMLWriter {
    /// `<math>` around the nodes; `display` centres it on its own line with large operators and fractions.
    static func math(_ nodes: [MathNode], latex: String, display: Bool) -> String {
        let mode = display ? " display=\"block\"" : ""
        return "<math\(mode)><semantics>\(wrapped(nodes))"
            + "<annotation encoding=\"application/x-tex\">\(escape(latex))</annotation></semantics></math>"
    }

    /// The nodes as one element: a single node as itself, several inside `<mrow>`.
    private static func wrapped(_ nodes: [MathNode]) -> String {
        nodes.count == 1 ? element(nodes[0]) : "<mrow>" + elements(nodes) + "</mrow>"
    }

    /// The nodes in a row. A function name is followed by the invisible function application, with a
    /// thin space before an argument that is not in brackets (`ln B`, but `cos(u, v)`), as LaTeX sets it.
    private static func elements(_ nodes: [MathNode]) -> String {
        var out = ""
        for (index, node) in nodes.enumerated() {
            out += element(node)
            guard isFunction(node) else { continue }
            let next = index + 1 < nodes.count ? nodes[index + 1] : nil
            out += opensBracket(next) || next == nil ? "<mo>\u{2061}</mo>" : "<mo rspace=\"0.1667em\">\u{2061}</mo>"
        }
        return out
    }

    private static func isFunction(_ node: MathNode) -> Bool {
        switch node {
        case .function, .scripts(base: .function, _, _): return true
        default: return false
        }
    }

    private static func opensBracket(_ node: MathNode?) -> Bool {
        switch node {
        case .op(_, .open)?, .fenced?, .sized(_, .open, _)?: return true
        case .sized(let symbol, _, _)?: return ["(", "[", "{", "⟨"].contains(symbol)
        default: return false
        }
    }

    private static func element(_ node: MathNode) -> String {
        switch node {
        case .identifier(let text, let upright):
            // A multi-letter <mi> is upright already; one letter is italic unless asked otherwise.
            return upright && text.count == 1 ? "<mi mathvariant=\"normal\">\(escape(text))</mi>" : "<mi>\(escape(text))</mi>"
        case .number(let digits):
            return "<mn>\(escape(digits))</mn>"
        case .op(let symbol, let kind):
            return operatorElement(symbol == "·" ? "⋅" : symbol, kind)
        case .text(let words):
            return "<mtext>\(escape(keepEdgeSpaces(words)))</mtext>"
        case .function(let name, _):
            return "<mi>\(escape(name))</mi>"
        case .largeOperator(let symbol):
            return "<mo>\(symbol)</mo>"
        case .group(let nodes):
            return "<mrow>" + elements(nodes) + "</mrow>"
        case .fraction(let numerator, let denominator, let style):
            let attribute = style == .text ? " displaystyle=\"false\"" : style == .display ? " displaystyle=\"true\"" : ""
            return "<mfrac\(attribute)>\(wrapped(numerator))\(wrapped(denominator))</mfrac>"
        case .root(let radicand, let index):
            if let index { return "<mroot>\(wrapped(radicand))\(wrapped(index))</mroot>" }
            return "<msqrt>" + elements(radicand) + "</msqrt>"
        case .scripts(let base, let sub, let sup):
            return scripts(base: base, sub: sub, sup: sup)
        case .accent(let nodes, let accent):
            let stretch = accent.stretchy ? "" : " stretchy=\"false\""
            return "<mover accent=\"true\">\(wrapped(nodes))<mo\(stretch)>\(accent.mark)</mo></mover>"
        case .fenced(let open, let nodes, let close):
            let left = open.isEmpty ? "" : "<mo fence=\"true\" form=\"prefix\">\(escape(open))</mo>"
            let right = close.isEmpty ? "" : "<mo fence=\"true\" form=\"postfix\">\(escape(close))</mo>"
            return "<mrow>" + left + elements(nodes) + right + "</mrow>"
        case .sized(let symbol, let kind, let scale):
            guard !symbol.isEmpty else { return "" }
            let size = String(format: "%.3gem", scale)
            return "<mo\(form(kind)) stretchy=\"true\" symmetric=\"true\" minsize=\"\(size)\" maxsize=\"\(size)\">\(escape(symbol))</mo>"
        case .space(let em):
            return em > 0 ? "<mspace width=\"\(String(format: "%.4g", em))em\"></mspace>" : ""
        case .brace(let nodes, let under):
            let tag = under ? "munder" : "mover"
            let mark = under ? "\u{23DF}" : "\u{23DE}"
            return "<\(tag) \(under ? "accentunder" : "accent")=\"true\">\(wrapped(nodes))<mo stretchy=\"true\">\(mark)</mo></\(tag)>"
        case .table(let rows, let open, let close, let leftAligned):
            let cellStyle = leftAligned ? " style=\"text-align: left\"" : ""
            let body = rows.map { row in
                "<mtr>" + row.map { "<mtd\(cellStyle)>\(wrapped($0))</mtd>" }.joined() + "</mtr>"
            }.joined()
            let left = open.isEmpty ? "" : "<mo fence=\"true\" form=\"prefix\">\(escape(open))</mo>"
            let right = close.isEmpty ? "" : "<mo fence=\"true\" form=\"postfix\">\(escape(close))</mo>"
            return "<mrow>\(left)<mtable>\(body)</mtable>\(right)</mrow>"
        }
    }

    /// `_` and `^`: under and over a large operator or a function like max (drawn as scripts inline,
    /// `movablelimits`), beside anything else.
    private static func scripts(base: MathNode, sub: [MathNode]?, sup: [MathNode]?) -> String {
        var limits = false
        var baseElement = element(base)
        if case .largeOperator = base { limits = true }
        if case .brace = base { limits = true }   // the label sits under (or over) the brace
        if case .function(let name, true) = base {
            limits = true
            baseElement = "<mo movablelimits=\"true\" form=\"prefix\">\(escape(name))</mo>"
        }
        let tags = limits ? ("munder", "mover", "munderover") : ("msub", "msup", "msubsup")
        switch (sub, sup) {
        case let (sub?, sup?): return "<\(tags.2)>\(baseElement)\(wrapped(sub))\(wrapped(sup))</\(tags.2)>"
        case let (sub?, nil): return "<\(tags.0)>\(baseElement)\(wrapped(sub))</\(tags.0)>"
        case let (nil, sup?): return "<\(tags.1)>\(baseElement)\(wrapped(sup))</\(tags.1)>"
        case (nil, nil): return baseElement
        }
    }

    /// An operator outside `\left … \right`: delimiters keep their size, as in LaTeX.
    private static func operatorElement(_ symbol: String, _ kind: MathClass) -> String {
        switch kind {
        case .open, .close:
            return "<mo\(form(kind)) stretchy=\"false\">\(escape(symbol))</mo>"
        case .ordinary:
            // Ordinary symbols (/, |, ∞, …) take no space of their own, as in LaTeX.
            return "<mo stretchy=\"false\" lspace=\"0\" rspace=\"0\">\(escape(symbol))</mo>"
        default:
            return "<mo>\(escape(symbol))</mo>"
        }
    }

    private static func form(_ kind: MathClass) -> String {
        switch kind {
        case .open: return " form=\"prefix\""
        case .close: return " form=\"postfix\""
        default: return ""
        }
    }

    /// Spaces at either end of `\text{ when }` survive HTML's whitespace collapsing as no-break spaces.
    private static func keepEdgeSpaces(_ text: String) -> String {
        var chars = Array(text)
        if chars.first == " " { chars[0] = "\u{00A0}" }
        if chars.count > 1 && chars.last == " " { chars[chars.count - 1] = "\u{00A0}" }
        return String(chars)
    }

    static func escape(_ text: String) -> String { HTML.escape(text) }
}
