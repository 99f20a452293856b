// What a lesson says, kept apart from the code it runs: one Markdown file per language, so the
// code a step shows is the computation alone, and a teacher can edit the words without the Swift.

import Foundation

/// A lesson's words in English and Chinese: its title, its summary, and each step's title and text.
///
/// Each language is one Markdown file: `# Title`, the summary (the text before the first step),
/// then one `## Step title` section per step, in order. The n-th section belongs to step n.
///
///     # A tiny lesson
///
///     Fits a line.
///
///     ## The data
///
///     Ten points on $y = 2x + 1$, with noise.
///
/// Headings inside fenced code blocks (```) do not start a section.
public struct Narration: Sendable {
    /// One step's words.
    public struct Section: Sendable {
        public let title: L
        /// Markdown: paragraphs, lists, `code`, and formulas as LaTeX between `$…$` or `$$…$$`.
        public let text: L
    }

    public let title: L
    public let summary: L
    public let steps: [Section]

    /// The narration from the Markdown of both languages, which must have the same number of steps.
    public init(english: String, chinese: String) throws {
        let en = try Parsed(english, language: .en), zh = try Parsed(chinese, language: .zh)
        guard en.sections.count == zh.sections.count else {
            throw NarrationError.stepCountsDiffer(english: en.sections.count, chinese: zh.sections.count)
        }
        title = L(en.title, zh.title)
        summary = L(en.summary, zh.summary)
        steps = zip(en.sections, zh.sections).map { Section(title: L($0.0.title, $0.1.title), text: L($0.0.text, $0.1.text)) }
    }

    /// The narration stored as resources `<name>.en.md` and `<name>.zh.md` of `bundle` (a lesson
    /// target's `Bundle.module`). A missing or malformed file is a mistake in the lesson's sources,
    /// so this stops the program with a message naming the file.
    ///
    ///     public static let narration = Narration.resource("02-alignment", in: .module)
    public static func resource(_ name: String, in bundle: Bundle) -> Narration {
        func read(_ language: Language) -> String {
            guard let url = bundle.url(forResource: "\(name).\(language.rawValue)", withExtension: "md"),
                  let text = try? String(contentsOf: url, encoding: .utf8) else {
                fatalError("Narration: \(name).\(language.rawValue).md is not among the resources of \(bundle.bundlePath)")
            }
            return text
        }
        do {
            return try Narration(english: read(.en), chinese: read(.zh))
        } catch {
            fatalError("Narration of \(name): \(error)")
        }
    }
}

/// What can be wrong with a narration file.
public enum NarrationError: Error, Equatable, CustomStringConvertible {
    case noTitle(Language)
    case stepCountsDiffer(english: Int, chinese: Int)

    public var description: String {
        switch self {
        case .noTitle(let language):
            return "the \(language.rawValue) narration does not start with a '# Title' line"
        case .stepCountsDiffer(let english, let chinese):
            return "the English narration has \(english) step sections, the Chinese \(chinese)"
        }
    }
}

/// One language's file, split into its title, summary and sections.
private struct Parsed {
    var title = ""
    var summary = ""
    var sections: [(title: String, text: String)] = []

    init(_ markdown: String, language: Language) throws {
        var summaryLines: [String] = []
        var current: (title: String, lines: [String])?
        var inFence = false
        var sawTitle = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") { inFence.toggle() }
            if !inFence, !sawTitle, line.hasPrefix("# ") {
                title = String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces)
                sawTitle = true
            } else if !inFence, line.hasPrefix("## ") {
                if let done = current { sections.append((done.title, Parsed.block(done.lines))) }
                current = (String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), [])
            } else if current != nil {
                current!.lines.append(line)
            } else if sawTitle {
                summaryLines.append(line)
            }
        }
        if let done = current { sections.append((done.title, Parsed.block(done.lines))) }
        guard sawTitle else { throw NarrationError.noTitle(language) }
        summary = Parsed.block(summaryLines)
    }

    /// The lines joined, without blank lines at either end.
    static func block(_ lines: [String]) -> String {
        var kept = lines[...]
        while let first = kept.first, first.allSatisfy(\.isWhitespace) { kept.removeFirst() }
        while let last = kept.last, last.allSatisfy(\.isWhitespace) { kept.removeLast() }
        return kept.joined(separator: "\n")
    }
}
