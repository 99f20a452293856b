// Formulas are written once, in LaTeX, and shown twice: as MathML on the page (the browser draws it,
// no network) and as plain Unicode on the terminal.

import Foundation
import Testing
import Walkthrough

@Suite("Formulas: LaTeX to MathML for the page and to Unicode for the terminal")
struct FormulaTests {
    static let unicodeCases: [(String, String)] = [
        (#"\tau"#, "τ"),
        (#"\frac{1}{\sqrt{d}}"#, "1/√d"),
        (#"\frac{a+b}{2}"#, "(a + b)/2"),
        (#"x_{i}^{2}"#, "xᵢ²"),
        (#"W^\top"#, "Wᵀ"),
        (#"\sum_{i=1}^{B} x_i"#, "∑ᵢ₌₁ᴮ xᵢ"),
        (#"\lVert u \rVert"#, "‖u‖"),
        (#"\cos(u, v) = \frac{u \cdot v}{\lVert u \rVert \, \lVert v \rVert}"#, "cos(u, v) = (u · v)/(‖u‖ ‖v‖)"),
        (#"\ln B"#, "ln B"),
        (#"\tfrac12"#, "½"),
        (#"10000^{2i/d}"#, "10000^(2i/d)"),
        (#"\bar{u}_{\text{image}}"#, "ū_image"),
        (#"\mathcal{L} = -\log p"#, "ℒ = −log p"),
        (#"\left( a - b \right)"#, "(a − b)"),
        (#"j < \max(P, i + 1)"#, "j < max(P, i + 1)"),
        (#"\mathrm{softmax}\!\left(\frac{QK^\top}{\sqrt{d_k}}\right)"#, "softmax(QKᵀ/√dₖ)"),
        (#"\underbrace{2Td^2}_{Q,\ \text{output}} + 2TNd"#, "2Td² [Q, output] + 2TNd"),
        (#"x_{\text{other modality}}"#, "x_(other modality)"),
    ]

    @Test("on the terminal: τ, 1/√d, (a + b)/2, xᵢ², Wᵀ, ∑ᵢ₌₁ᴮ, ‖u‖, ln B, ½, ū_image …", arguments: unicodeCases)
    func unicode(latex: String, expected: String) {
        #expect(Formula(latex: latex).unicode == expected)
    }

    @Test("on the page: a fraction is <mfrac>, a root <msqrt>, a sum's limits go under and over it")
    func mathML() {
        let f = Formula(latex: #"\frac{1}{\sqrt{d}} \sum_{i=1}^{B} x_i"#).mathML(display: true)
        #expect(f.hasPrefix("<math display=\"block\"><semantics><mrow><mfrac><mn>1</mn><msqrt><mi>d</mi></msqrt></mfrac>"))
        #expect(f.contains("<munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>B</mi></munderover>"))
        #expect(f.contains("<msub><mi>x</mi><mi>i</mi></msub>"))
        #expect(f.hasSuffix("<annotation encoding=\"application/x-tex\">\\frac{1}{\\sqrt{d}} \\sum_{i=1}^{B} x_i</annotation></semantics></math>"))
        #expect(Formula(latex: "x").mathML(display: false).hasPrefix("<math><semantics><mi>x</mi>"))
    }

    @Test("a function is followed by a thin space before a bare argument (ln B), none before a bracket (cos(u))")
    func functionSpacing() {
        #expect(Formula(latex: #"\ln B"#).mathML(display: false).contains("<mi>ln</mi><mo rspace=\"0.1667em\">\u{2061}</mo><mi>B</mi>"))
        #expect(Formula(latex: #"\cos(u)"#).mathML(display: false).contains("<mi>cos</mi><mo>\u{2061}</mo><mo form=\"prefix\""))
    }

    @Test("\\text keeps its words and their edge spaces; < and & are escaped")
    func textAndEscaping() {
        let f = Formula(latex: #"a < b \quad \text{when } x \& y"#).mathML(display: false)
        #expect(f.contains("<mo>&lt;</mo>"))
        #expect(f.contains("<mtext>when\u{00A0}</mtext>"))
        #expect(f.contains("&amp;"))
    }

    @Test("\\mathcal{L} and \\mathbb{R} become the letters ℒ and ℝ; an unknown command is kept as written and listed")
    func lettersAndUnknown() {
        #expect(Formula(latex: #"\mathcal{L} \in \mathbb{R}"#).unicode == "ℒ ∈ ℝ")
        let f = Formula(latex: #"\foo{x} + \tau"#)
        #expect(f.unknownCommands == ["\\foo"])
        #expect(f.unicode.hasPrefix("\\foo"))
    }

    @Test("broken LaTeX never stops a run: a missing } or a lone \\right still gives text")
    func brokenInput() {
        #expect(Formula(latex: #"\frac{a}{b"#).unicode == "a/b")
        #expect(Formula(latex: #"x \right)"#).unicode == "x")
        #expect(Formula(latex: "}{").unicode == "")
    }

    @Test("a matrix is rows of cells in brackets; cases open with a brace")
    func tables() {
        #expect(Formula(latex: #"\begin{pmatrix} a & b \\ c & d \end{pmatrix}"#).unicode == "(a, b; c, d)")
        #expect(Formula(latex: #"\begin{pmatrix} a & b \\ c & d \end{pmatrix}"#).mathML(display: true)
            .contains("<mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr>"))
    }

    @Test("narration on the terminal: $…$ and $$…$$ become Unicode, code spans stay as written")
    func terminalNarration() {
        let text = "The temperature $\\tau$, `cost $5`, and\n\n$$\\frac{1}{2}$$\n\nprice $5 and $6."
        #expect(TerminalMarkdown.render(text) == "The temperature τ, `cost $5`, and\n\n    ½\n\nprice $5 and $6.")
    }

    /// The lessons' narration and the guides, found from this file's place in the repository.
    static func markdownFiles() throws -> [URL] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let manager = FileManager.default
        var files: [URL] = []
        let content = root.appendingPathComponent("Lessons/Content")
        for folder in try manager.contentsOfDirectory(atPath: content.path).sorted() {
            let url = content.appendingPathComponent(folder)
            guard let names = try? manager.contentsOfDirectory(atPath: url.path) else { continue }
            files += names.filter { $0.hasSuffix(".md") && $0.hasPrefix(String(folder.prefix(2))) }.sorted().map { url.appendingPathComponent($0) }
        }
        let docs = root.appendingPathComponent("Docs")
        files += try manager.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }.sorted().map { docs.appendingPathComponent($0) }
        return files
    }

    @Test("every formula in the lessons' narration and in Docs uses only commands the parser knows")
    func everyFormulaKnown() throws {
        let files = try Self.markdownFiles()
        #expect(files.count >= 10, "found \(files.count) Markdown files")
        var formulas = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: #/\$\$([^$]+)\$\$|\$([^$\n]+)\$/#) {
                let latex = String(match.output.1 ?? match.output.2 ?? "")
                formulas += 1
                let unknown = Formula(latex: latex).unknownCommands
                #expect(unknown.isEmpty, "\(file.lastPathComponent): \(unknown) in $\(latex)$")
            }
        }
        #expect(formulas >= 20, "found only \(formulas) formulas")
    }
}
