// The LaTeX commands a formula may use, and what each stands for: Greek letters, operators, relations,
// arrows, delimiters, functions and letter styles.

enum FormulaSymbols {
    /// `\alpha` → α. Capital Greek letters are written upright, as in LaTeX.
    static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
        "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ",
        "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    /// Symbols that are operators, relations, delimiters or ordinary signs.
    static let operators: [String: (String, MathClass)] = [
        // binary operators
        "cdot": ("·", .binary), "times": ("×", .binary), "div": ("÷", .binary), "pm": ("±", .binary),
        "mp": ("∓", .binary), "circ": ("∘", .binary), "odot": ("⊙", .binary), "otimes": ("⊗", .binary),
        "oplus": ("⊕", .binary), "cup": ("∪", .binary), "cap": ("∩", .binary), "setminus": ("∖", .binary),
        "wedge": ("∧", .binary), "land": ("∧", .binary), "vee": ("∨", .binary), "lor": ("∨", .binary),
        "ast": ("∗", .binary), "star": ("⋆", .binary), "bullet": ("∙", .binary),
        // relations and arrows
        "le": ("≤", .relation), "leq": ("≤", .relation), "ge": ("≥", .relation), "geq": ("≥", .relation),
        "ne": ("≠", .relation), "neq": ("≠", .relation), "approx": ("≈", .relation), "sim": ("∼", .relation),
        "simeq": ("≃", .relation), "equiv": ("≡", .relation), "propto": ("∝", .relation),
        "in": ("∈", .relation), "notin": ("∉", .relation), "ni": ("∋", .relation),
        "subset": ("⊂", .relation), "subseteq": ("⊆", .relation), "supset": ("⊃", .relation),
        "supseteq": ("⊇", .relation), "ll": ("≪", .relation), "gg": ("≫", .relation),
        "to": ("→", .relation), "rightarrow": ("→", .relation), "leftarrow": ("←", .relation),
        "gets": ("←", .relation), "leftrightarrow": ("↔", .relation), "Rightarrow": ("⇒", .relation),
        "Leftarrow": ("⇐", .relation), "Leftrightarrow": ("⇔", .relation), "implies": ("⟹", .relation),
        "iff": ("⟺", .relation), "mapsto": ("↦", .relation), "longrightarrow": ("⟶", .relation),
        "mid": ("∣", .relation), "parallel": ("∥", .relation), "perp": ("⊥", .relation),
        "coloneqq": ("≔", .relation), "triangleq": ("≜", .relation),
        // delimiters
        "lVert": ("‖", .open), "rVert": ("‖", .close), "Vert": ("‖", .ordinary), "|": ("‖", .ordinary),
        "lvert": ("|", .open), "rvert": ("|", .close), "vert": ("|", .ordinary),
        "langle": ("⟨", .open), "rangle": ("⟩", .close), "lfloor": ("⌊", .open), "rfloor": ("⌋", .close),
        "lceil": ("⌈", .open), "rceil": ("⌉", .close), "{": ("{", .open), "}": ("}", .close),
        "lbrace": ("{", .open), "rbrace": ("}", .close), "lbrack": ("[", .open), "rbrack": ("]", .close),
        // ordinary symbols
        "infty": ("∞", .ordinary), "partial": ("∂", .ordinary), "nabla": ("∇", .ordinary),
        "forall": ("∀", .ordinary), "exists": ("∃", .ordinary), "emptyset": ("∅", .ordinary),
        "varnothing": ("∅", .ordinary), "top": ("⊤", .ordinary), "bot": ("⊥", .ordinary),
        "dots": ("…", .ordinary), "ldots": ("…", .ordinary), "cdots": ("⋯", .ordinary),
        "vdots": ("⋮", .ordinary), "ddots": ("⋱", .ordinary), "prime": ("′", .ordinary),
        "neg": ("¬", .ordinary), "lnot": ("¬", .ordinary), "ell": ("ℓ", .ordinary), "hbar": ("ℏ", .ordinary),
        "degree": ("°", .ordinary), "angle": ("∠", .ordinary), "triangle": ("△", .ordinary),
        "checkmark": ("✓", .ordinary), "%": ("%", .ordinary), "$": ("$", .ordinary), "#": ("#", .ordinary),
        "&": ("&", .ordinary), "_": ("_", .ordinary),
    ]

    /// Large operators, whose scripts go under and over them in display.
    static let largeOperators: [String: String] = [
        "sum": "∑", "prod": "∏", "coprod": "∐", "int": "∫", "iint": "∬", "oint": "∮",
        "bigcup": "⋃", "bigcap": "⋂", "bigoplus": "⨁", "bigotimes": "⨂",
    ]

    /// Functions written upright; the value says whether their scripts go underneath in display (`\max_c`).
    static let functions: [String: Bool] = [
        "log": false, "ln": false, "lg": false, "exp": false, "sin": false, "cos": false, "tan": false,
        "cot": false, "sec": false, "csc": false, "arcsin": false, "arccos": false, "arctan": false,
        "sinh": false, "cosh": false, "tanh": false, "arg": false, "deg": false, "dim": false,
        "ker": false, "hom": false, "max": true, "min": true, "sup": true, "inf": true, "lim": true,
        "limsup": true, "liminf": true, "det": true, "Pr": true, "gcd": true, "argmax": true, "argmin": true,
    ]

    /// Horizontal spaces in em: `\,` `\:` `\;` `\!` `\ ` `\quad` `\qquad`.
    static let spaces: [String: Double] = [
        ",": 0.1667, ":": 0.2222, ">": 0.2222, ";": 0.2778, "!": -0.1667, " ": 0.3333,
        "enspace": 0.5, "quad": 1, "qquad": 2, "thinspace": 0.1667, "medspace": 0.2222,
        "thickspace": 0.2778, "negthinspace": -0.1667,
    ]

    /// Accents over a symbol.
    static let accents: [String: Accent] = [
        "bar": .bar, "overline": .overline, "hat": .hat, "widehat": .wideHat, "tilde": .tilde,
        "widetilde": .wideTilde, "vec": .vector, "dot": .dot, "ddot": .doubleDot,
    ]

    /// `\big(`, `\Big(`, `\bigg(`, `\Bigg(` (and their l/r/m forms): a delimiter at this many times the size.
    static let sizes: [String: Double] = [
        "big": 1.2, "Big": 1.623, "bigg": 2.047, "Bigg": 2.470,
        "bigl": 1.2, "Bigl": 1.623, "biggl": 2.047, "Biggl": 2.470,
        "bigr": 1.2, "Bigr": 1.623, "biggr": 2.047, "Biggr": 2.470,
        "bigm": 1.2, "Bigm": 1.623, "biggm": 2.047, "Biggm": 2.470,
    ]

    /// Commands that change only the typesetting LaTeX does, which neither rendering needs.
    static let ignored: Set<String> = [
        "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits", "nonumber", "notag",
        "middle", "mathstrut", "strut", "allowbreak",
    ]

    /// Single characters that are operators when typed directly.
    static func classOf(_ character: Character) -> (String, MathClass) {
        switch character {
        case "+": return ("+", .binary)
        case "-": return ("−", .binary)
        case "*": return ("∗", .binary)
        case "=", "<", ">": return (String(character), .relation)
        case ":": return (":", .relation)
        case ",", ";": return (String(character), .punctuation)
        case "(", "[": return (String(character), .open)
        case ")", "]": return (String(character), .close)
        case "|": return ("|", .ordinary)
        default: return (String(character), .ordinary)
        }
    }

    /// `\mathcal{L}` → ℒ, `\mathbb{R}` → ℝ, `\mathbf{x}` → 𝐱, `\mathfrak{g}` → 𝔤: the Unicode mathematical
    /// letters (with the older letterlike symbols where Unicode placed them). Other characters are kept.
    static func styled(_ text: String, _ style: String) -> String {
        String(text.map { styledCharacter($0, style) })
    }

    private static let scriptExceptions: [Character: Character] = [
        "B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ",
        "e": "ℯ", "g": "ℊ", "o": "ℴ",
    ]
    private static let doubleStruckExceptions: [Character: Character] = [
        "C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ",
    ]
    private static let frakturExceptions: [Character: Character] = [
        "C": "ℭ", "H": "ℌ", "I": "ℑ", "R": "ℜ", "Z": "ℨ",
    ]

    private static func styledCharacter(_ c: Character, _ style: String) -> Character {
        guard let scalar = c.unicodeScalars.first, c.isASCII else { return c }
        let v = scalar.value
        let upper = (65...90).contains(v), lower = (97...122).contains(v), digit = (48...57).contains(v)
        func offset(_ capitalA: UInt32, _ smallA: UInt32?) -> Character {
            if upper, let s = Unicode.Scalar(capitalA + v - 65) { return Character(s) }
            if lower, let smallA, let s = Unicode.Scalar(smallA + v - 97) { return Character(s) }
            return c
        }
        switch style {
        case "mathcal", "mathscr":
            if let e = scriptExceptions[c] { return e }
            return offset(0x1D49C, 0x1D4B6)
        case "mathbb":
            if let e = doubleStruckExceptions[c] { return e }
            if digit, let s = Unicode.Scalar(0x1D7D8 + v - 48) { return Character(s) }
            return offset(0x1D538, 0x1D552)
        case "mathfrak":
            if let e = frakturExceptions[c] { return e }
            return offset(0x1D504, 0x1D51E)
        case "mathbf", "boldsymbol", "bm":
            if digit, let s = Unicode.Scalar(0x1D7CE + v - 48) { return Character(s) }
            return offset(0x1D400, 0x1D41A)
        default:
            return c
        }
    }
}
