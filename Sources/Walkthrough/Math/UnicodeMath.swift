// A formula in plain Unicode for the terminal: fractions become a/b (with parentheses around anything
// longer than one symbol), scripts use the Unicode sub- and superscript letters when every character
// has one (xᵢ², Wᵀ, Σᵢ₌₁ᴮ) and _ or ^ otherwise (ū_image, 10000^(2i/d)), roots √, norms ‖u‖.

import Foundation

enum UnicodeMath {
    static func render(_ nodes: [MathNode]) -> String {
        tidy(row(nodes))
    }

    /// What the last piece written was, to decide the spacing of the next one.
    private enum Last {
        case start, operand, binary, relation, open, punctuation, function, largeOperator
    }

    private static func row(_ nodes: [MathNode]) -> String {
        var out = ""
        var last = Last.start
        var looseScript = false   // the last operand ended in a script written with _ or ^
        func space() {
            if !out.isEmpty && !out.hasSuffix(" ") { out += " " }
        }
        for node in nodes {
            let wasLoose = looseScript
            looseScript = false
            switch node {
            case .op(let symbol, let kind):
                switch kind {
                case .binary:
                    if last == .operand {
                        space()
                        out += symbol + " "
                        last = .binary
                    } else {
                        out += symbol   // a sign: −x
                        last = .open
                    }
                case .relation:
                    space()
                    out += symbol + " "
                    last = .relation
                case .punctuation:
                    out += symbol + " "
                    last = .punctuation
                case .open:
                    if (last == .operand && symbol != "(" && symbol != "[") || last == .largeOperator { space() }
                    out += symbol
                    last = .open
                case .close, .ordinary:
                    out += symbol
                    last = .operand
                }
            case .space(let em):
                if em >= 0.9 { out += "  " } else if em > 0.2 || (em > 0 && last != .open && last != .start) { space() }
            case .function, .scripts(base: .function, _, _):
                if last == .operand || last == .function || last == .largeOperator { space() }
                out += piece(node)
                last = .function
            case .largeOperator, .scripts(base: .largeOperator, _, _):
                if last == .operand || last == .function { space() }
                out += piece(node)
                last = .largeOperator
            case .fraction:
                if last == .operand || last == .largeOperator { space() }
                out += last == .function ? "(" + piece(node) + ")" : piece(node)
                last = .operand
            default:
                let text = piece(node)
                if (last == .function && !text.hasPrefix("(")) || last == .largeOperator || (wasLoose && last == .operand) {
                    space()
                }
                out += text
                if case .scripts = node, text.contains("_") || text.contains("^") { looseScript = true }
                last = .operand
            }
        }
        return out
    }

    /// One node on its own.
    private static func piece(_ node: MathNode) -> String {
        switch node {
        case .identifier(let text, _), .number(let text), .text(let text): return text
        case .op(let symbol, _): return symbol
        case .function(let name, _): return name
        case .largeOperator(let symbol): return symbol
        case .group(let nodes): return row(nodes)
        case .fraction(let numerator, let denominator, _):
            let top = tidy(row(numerator)), bottom = tidy(row(denominator))
            if let vulgar = vulgarFractions[top + "/" + bottom] { return vulgar }
            // A numerator that is one product stays bare (QKᵀ/√dₖ); a denominator of several factors
            // is bracketed, so 1/(2B) is not read as B/2.
            let bareTop = !top.contains(where: { " +−-·×/=<>,±∓".contains($0) })
            return (bareTop ? top : wrapped(top, numerator)) + "/" + wrapped(bottom, denominator)
        case .root(let radicand, let index):
            let inner = tidy(row(radicand))
            let degree = index.map { superscript(tidy(row($0))) ?? "" } ?? ""
            return degree + "√" + wrapped(inner, radicand)
        case .brace(let nodes, _):
            return tidy(row(nodes))
        case .scripts(.brace(let nodes, _), let sub, let sup):
            // A labelled brace: the label after the braced part, in brackets.
            let label = [sub, sup].compactMap { $0 }.map { tidy(row($0)) }.joined(separator: "; ")
            return tidy(row(nodes)) + " [" + label + "]"
        case .scripts(let base, let sub, let sup):
            var text = piece(base)
            if let sub { text += script(compact(tidy(row(sub))), map: subscripts, mark: "_") }
            if let sup { text += script(compact(tidy(row(sup))), map: superscripts, mark: "^") }
            return text
        case .accent(let nodes, let accent):
            return tidy(row(nodes)).map { String($0) + String(accent.combining) }.joined()
        case .fenced(let open, let nodes, let close): return open + tidy(row(nodes)) + close
        case .sized(let symbol, _, _): return symbol
        case .space(let em): return em > 0 ? " " : ""
        case .table(let rows, let open, let close, _):
            let body = rows.map { $0.map { tidy(row($0)) }.joined(separator: ", ") }.joined(separator: "; ")
            return open + body + close
        }
    }

    /// `text` in parentheses unless it is one symbol, one number or one word (with its scripts).
    private static func wrapped(_ text: String, _ nodes: [MathNode]) -> String {
        if nodes.count == 1 {
            switch nodes[0] {
            case .identifier, .number, .text, .fenced, .op, .root, .accent: return text
            case .scripts(base: .identifier, _, _), .scripts(base: .number, _, _), .scripts(base: .text, _, _):
                return text
            case .group(let inner): return wrapped(text, inner)
            default: break
            }
        }
        return text.contains(where: { !$0.isLetter && !$0.isNumber }) || nodes.count > 1 ? "(" + text + ")" : text
    }

    /// A subscript or superscript: Unicode script letters when every character has one and there are at
    /// most three, else `mark` and the text (in parentheses unless it is one word).
    private static func script(_ text: String, map: [Character: Character], mark: String) -> String {
        if text.count <= 3, let mapped = convert(text, map) { return mapped }
        if text.allSatisfy({ $0.isLetter || $0.isNumber }) || text.count == 1 { return mark + text }
        return mark + "(" + text + ")"
    }

    private static func superscript(_ text: String) -> String? { convert(text, superscripts) }

    private static func convert(_ text: String, _ map: [Character: Character]) -> String? {
        var out = ""
        for c in text {
            guard let m = map[c] else { return nil }
            out.append(m)
        }
        return out.isEmpty ? nil : out
    }

    /// A script's text set tight, as it is typeset small: no space next to a sign (`i = 1` → `i=1`,
    /// `t, 2i` → `t,2i`), but words keep theirs (`other modality alone`).
    private static func compact(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        for (i, c) in chars.enumerated() {
            if c == " " {
                let before = i > 0 ? chars[i - 1] : " ", after = i + 1 < chars.count ? chars[i + 1] : " "
                let wordly = { (x: Character) in x.isLetter || x.isNumber }
                if !(wordly(before) && wordly(after)) { continue }
            }
            out.append(c)
        }
        return out
    }

    /// Runs of three or more spaces become two; no space at either end, nor inside brackets' edges.
    private static func tidy(_ text: String) -> String {
        var out = ""
        var spaces = 0
        for c in text {
            if c == " " {
                spaces += 1
                continue
            }
            if spaces > 0 && !out.isEmpty { out += String(repeating: " ", count: min(spaces, 2)) }
            spaces = 0
            out.append(c)
        }
        for (loose, tight) in [("( ", "("), ("[ ", "["), (" )", ")"), (" ]", "]")] {
            out = out.replacingOccurrences(of: loose, with: tight)
        }
        return out
    }

    private static let vulgarFractions: [String: String] = [
        "1/2": "½", "1/3": "⅓", "2/3": "⅔", "1/4": "¼", "3/4": "¾", "1/8": "⅛",
    ]

    private static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "−": "⁻", "-": "⁻", "=": "⁼", "(": "⁽", ")": "⁾",
        "a": "ᵃ", "b": "ᵇ", "c": "ᶜ", "d": "ᵈ", "e": "ᵉ", "f": "ᶠ", "g": "ᵍ", "h": "ʰ", "i": "ⁱ",
        "j": "ʲ", "k": "ᵏ", "l": "ˡ", "m": "ᵐ", "n": "ⁿ", "o": "ᵒ", "p": "ᵖ", "r": "ʳ", "s": "ˢ",
        "t": "ᵗ", "u": "ᵘ", "v": "ᵛ", "w": "ʷ", "x": "ˣ", "y": "ʸ", "z": "ᶻ",
        "A": "ᴬ", "B": "ᴮ", "D": "ᴰ", "E": "ᴱ", "G": "ᴳ", "H": "ᴴ", "I": "ᴵ", "J": "ᴶ", "K": "ᴷ",
        "L": "ᴸ", "M": "ᴹ", "N": "ᴺ", "O": "ᴼ", "P": "ᴾ", "R": "ᴿ", "T": "ᵀ", "U": "ᵁ", "V": "ⱽ",
        "W": "ᵂ", "β": "ᵝ", "γ": "ᵞ", "δ": "ᵟ", "θ": "ᶿ", "φ": "ᵠ", "ϕ": "ᵠ", "χ": "ᵡ",
        "⊤": "ᵀ", "′": "′", "∗": "*", "*": "*",
    ]

    private static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "−": "₋", "-": "₋", "=": "₌", "(": "₍", ")": "₎",
        "a": "ₐ", "e": "ₑ", "h": "ₕ", "i": "ᵢ", "j": "ⱼ", "k": "ₖ", "l": "ₗ", "m": "ₘ", "n": "ₙ",
        "o": "ₒ", "p": "ₚ", "r": "ᵣ", "s": "ₛ", "t": "ₜ", "u": "ᵤ", "v": "ᵥ", "x": "ₓ",
        "β": "ᵦ", "γ": "ᵧ", "ρ": "ᵨ", "φ": "ᵩ", "ϕ": "ᵩ", "χ": "ᵪ",
    ]
}
