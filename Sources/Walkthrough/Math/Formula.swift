// A formula written in LaTeX, as the narration writes them ($…$ and $$…$$), parsed once into a small
// tree that renders two ways: MathML for the run's HTML page (browsers draw it natively, no network, no
// script) and plain Unicode for the terminal (τ, √d, Σᵢ, ‖u‖, a/b), so nobody reads raw LaTeX.

/// A formula parsed from the LaTeX subset lessons use: fractions (`\frac`, `\tfrac`, `\dfrac`), roots,
/// sub- and superscripts, Greek letters, `\text`/`\mathrm`/`\mathcal`/`\mathbb`, accents (`\bar`, `\hat`),
/// norms and fences (`\lVert`, `\left( … \right)`, `\big(`), functions (`\log`, `\cos`, `\max`), large
/// operators (`\sum`, `\prod`), braces with labels (`\underbrace{…}_{…}`), spaces and the matrix
/// environments.
///
///     let f = Formula(latex: #"\frac{1}{\sqrt{d}} \sum_{i=1}^{B} x_i"#)
///     f.unicode                  // "1/√d Σᵢ₌₁ᴮ xᵢ"
///     f.mathML(display: true)    // "<math display=\"block\"><semantics><mrow><mfrac>…"
///
/// A command it does not know is kept as written (`\foo` shows as "\foo") and listed in
/// `unknownCommands`, so nothing disappears silently.
public struct Formula: Sendable {
    /// The LaTeX source, as written between the dollar signs.
    public let latex: String
    /// Commands the parser did not know, in order of appearance, each once (e.g. `["\\foo"]`).
    public let unknownCommands: [String]
    let nodes: [MathNode]

    public init(latex: String) {
        var parser = FormulaParser(latex)
        nodes = parser.parseAll()
        unknownCommands = parser.unknown
        self.latex = latex
    }

    /// The formula in plain Unicode for a terminal: `\frac{a+b}{2}` → `(a + b)/2`, `x_{i}^{2}` → `xᵢ²`,
    /// `\lVert u \rVert` → `‖u‖`, `\tau` → `τ`, `\sqrt{d}` → `√d`.
    public var unicode: String { UnicodeMath.render(nodes) }

    /// The formula as a MathML `<math>` element (inline, or a centred block when `display`), with the
    /// LaTeX kept as its annotation.
    public func mathML(display: Bool) -> String {
        MathMLWriter.math(nodes, latex: latex, display: display)
    }
}

/// One piece of a parsed formula.
indirect enum MathNode: Sendable, Equatable {
    /// A variable: one letter or a Greek letter, italic unless `upright`.
    case identifier(String, upright: Bool)
    case number(String)
    /// An operator or a delimiter with its spacing class.
    case op(String, MathClass)
    /// Words: `\text{…}`, `\mathrm{…}` of several letters.
    case text(String)
    /// A named function written upright: log, cos, max. `limits` places scripts under it in display.
    case function(String, limits: Bool)
    /// A large operator: ∑, ∏, ∫ (scripts under and over it in display).
    case largeOperator(String)
    case group([MathNode])
    case fraction([MathNode], [MathNode], FractionStyle)
    case root([MathNode], index: [MathNode]?)
    case scripts(base: MathNode, sub: [MathNode]?, sup: [MathNode]?)
    case accent([MathNode], Accent)
    /// `\left( … \right)`: delimiters that grow with the body; "" for `\left.`.
    case fenced(open: String, [MathNode], close: String)
    /// `\big(` and its kin: a delimiter of a fixed larger size (`scale` × the font size).
    case sized(String, MathClass, scale: Double)
    /// Horizontal space in em.
    case space(Double)
    /// `\underbrace{…}` or `\overbrace{…}`: a brace under or over the nodes; its label is a script.
    case brace([MathNode], under: Bool)
    /// A matrix or `cases`: rows of cells, with the delimiters around it ("" for none).
    case table([[[MathNode]]], open: String, close: String, leftAligned: Bool)
}

/// How an operator is spaced: a binary operator and a relation get space on both sides, punctuation
/// after it, delimiters none.
enum MathClass: Sendable, Equatable {
    case ordinary, binary, relation, punctuation, open, close
}

enum FractionStyle: Sendable, Equatable {
    /// `\frac`: large in display, small inline.
    case automatic
    /// `\tfrac`: always small.
    case text
    /// `\dfrac`: always large.
    case display
}

/// An accent over a symbol: the Unicode combining mark for the terminal and the spacing character MathML draws.
struct Accent: Sendable, Equatable {
    let combining: Character
    let mark: String
    let stretchy: Bool

    static let bar = Accent(combining: "\u{0304}", mark: "\u{00AF}", stretchy: false)
    static let overline = Accent(combining: "\u{0305}", mark: "\u{203E}", stretchy: true)
    static let hat = Accent(combining: "\u{0302}", mark: "\u{02C6}", stretchy: false)
    static let wideHat = Accent(combining: "\u{0302}", mark: "\u{02C6}", stretchy: true)
    static let tilde = Accent(combining: "\u{0303}", mark: "\u{02DC}", stretchy: false)
    static let wideTilde = Accent(combining: "\u{0303}", mark: "\u{02DC}", stretchy: true)
    static let vector = Accent(combining: "\u{20D7}", mark: "\u{2192}", stretchy: false)
    static let dot = Accent(combining: "\u{0307}", mark: "\u{02D9}", stretchy: false)
    static let doubleDot = Accent(combining: "\u{0308}", mark: "\u{00A8}", stretchy: false)
}
