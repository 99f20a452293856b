// The run a step talks to: the options it was started with, and every way a step leaves a trace —
// printed text, tables, figures, metrics, checkpoints and training progress.

import Foundation
import TeachingEngine

/// One run of a lesson. A step receives it as `run` and reports through it; what it reports goes to the
/// terminal and into notebook.ipynb, README.md and metrics.json.
///
///     Step(L("Measure", "测量")) { lesson, run in
///         let accuracy = lesson.model.accuracy(on: lesson.test)
///         run.print("accuracy: \(accuracy)")            // text output of the step
///         run.table(["animal", "n"], [["cat", "12"]])   // an aligned table
///         try run.figure("accuracy", png: chart.png())  // accuracy.png in --out, embedded in the notebook
///         run.metric("accuracy", accuracy)              // metrics.json and Docs markers
///     }
///
/// Use `run.print`, not Swift's `print`: only what goes through the run reaches the notebook.
public final class Run {
    public let seed: UInt64
    /// Small sizes for a fast run (and for tests).
    public let quick: Bool
    public let language: Language
    /// Where the run's files go (`--out`).
    public let outDirectory: URL
    public let console: Console
    let archive: TensorArchive
    /// What each figure shows, by name (the lesson's `figureDescriptions`): the figures' alt text.
    let figureDescriptions: [String: L]

    var records: [StepRecord] = []
    /// While true (a training step run first for a later one under --only), nothing is printed or recorded.
    var isQuiet = false
    var metrics: [String: Double] = [:]
    /// Set on the run of a model that trains beside others (`sideBySide`): its training steps go here,
    /// to one line that shows every model of the group, instead of a bar of its own.
    var reportProgress: ((_ step: Int, _ of: Int) -> Void)?
    var trainedCheckpoints: [String] = []
    var loadedCheckpoints: [String] = []

    init(seed: UInt64, quick: Bool, language: Language, outDirectory: URL, console: Console,
         archive: TensorArchive, figureDescriptions: [String: L] = [:]) {
        self.figureDescriptions = figureDescriptions
        self.seed = seed
        self.quick = quick
        self.language = language
        self.outDirectory = outDirectory
        self.console = console
        self.archive = archive
    }

    // MARK: - Randomness and language

    /// A generator for one part of the lesson: the same seed and stream give the same numbers, and
    /// adding draws to one stream leaves the others unchanged.
    public func rng(_ stream: UInt64) -> SeededGenerator {
        SeededGenerator(seed: seed).derived(stream: stream)
    }

    /// `text` in the run's language (`--lang`).
    public func text(_ text: L) -> String { text(language) }

    // MARK: - Outputs

    /// Prints `text` and records it as the step's output.
    public func print(_ text: String) {
        guard !isQuiet else { return }
        console.line(text)
        record(.text(text + "\n"))
    }

    /// Prints `text` in the run's language.
    public func print(_ text: L) { print(text(language)) }

    /// Prints `phrase` in the run's language as a format string filled with `arguments`
    /// (`%d`, `%.3f`, `%@`, positional `%1$d` …), so a step's code holds no sentences of its own.
    ///
    ///     static let lossFell = L("loss %.3f → %.3f", "损失 %.3f → %.3f")
    ///     run.say(Say.lossFell, 4.1, 0.5)   // "loss 4.100 → 0.500"
    public func say(_ phrase: L, _ arguments: CVarArg...) {
        print(String(format: phrase(language), arguments: arguments))
    }

    /// `phrase` in the run's language filled with `arguments`, for a label or a table cell.
    public func text(_ phrase: L, _ arguments: CVarArg...) -> String {
        String(format: phrase(language), arguments: arguments)
    }

    /// Prints an aligned table (CJK counted as two columns); numeric columns are right-aligned. The
    /// notebook, README and page show it as a real table.
    public func table(_ headers: [String], _ rows: [[String]]) {
        guard !isQuiet else { return }
        let table = TextTable(headers, rows)
        console.line(table.rendered)
        record(.table(table))
    }

    /// A table whose headers are in the run's language.
    public func table(_ headers: [L], _ rows: [[String]]) {
        table(headers.map { $0(language) }, rows)
    }

    /// Runs `body` with every output of the run switched off: the way a training step runs first for a
    /// later step under --only. Its checkpoint lines and progress bar still reach the terminal.
    func quietly(_ body: () throws -> Void) rethrows {
        isQuiet = true
        defer { isQuiet = false }
        try body()
    }

    /// Saves `png` as `<name>.png` in --out (atomically) and embeds it in the notebook.
    /// - Precondition: `name` is made of letters, digits, `-` and `_`.
    public func figure(_ name: String, png: [UInt8]) throws {
        guard !isQuiet else { return }
        let url = figureURL(name)
        try AtomicFiles.write(png, to: url)
        recordFigure(name: name, png: png)
    }

    /// Lets `draw` write the PNG file itself (to a temporary path), then keeps it as `<name>.png`.
    public func figure(_ name: String, draw: (URL) throws -> Void) throws {
        guard !isQuiet else { return }
        var bytes: [UInt8] = []
        try AtomicFiles.write(to: figureURL(name)) { temp in
            try draw(temp)
            bytes = Array(try Data(contentsOf: temp))
        }
        recordFigure(name: name, png: bytes)
    }

    /// Records a number the run measured; it goes to metrics.json (sorted, six significant digits).
    /// - Precondition: `name` is lowercase letters, digits, `_` and `.`.
    public func metric(_ name: String, _ value: Double) {
        precondition(!name.isEmpty && name.allSatisfy { ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "_" || $0 == "." },
                     "metric: name '\(name)' must be lowercase letters, digits, _ or .")
        guard !isQuiet else { return }
        metrics[name] = value
        console.line(console.styled("  ▸ \(name) = \(formatNumber(value))", .dim))
    }

    public func metric(_ name: String, _ value: Float) { metric(name, Double(value)) }
    public func metric(_ name: String, _ value: Int) { metric(name, Double(value)) }

    // MARK: - Training

    /// A progress reporter for a loop of `steps` steps; give `lr` so a divergence can suggest a smaller one.
    public func training(steps: Int, lr: Double? = nil) -> TrainingProgress {
        TrainingProgress(run: self, totalSteps: steps, learningRate: lr)
    }

    /// Ends the program now with the error's explanation on standard error and exit code 1; for
    /// failures inside code that cannot throw (a `lazy var` that trains). Files already written are
    /// complete; the notebook of this run is not written.
    public func stop(_ error: Error) -> Never {
        console.error(console.styled("error: ", .red) + describe(error))
        exit(1)
    }

    func describe(_ error: Error) -> String {
        if let diverged = error as? TrainingDiverged { return diverged.explanation(language) }
        if let localized = error as? LocalizedError, let text = localized.errorDescription { return text }
        return String(describing: error)
    }

    // MARK: - Recording

    private func figureURL(_ name: String) -> URL {
        precondition(!name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" },
                     "figure: name '\(name)' must be letters, digits, - or _")
        return outDirectory.appendingPathComponent(name + ".png")
    }

    private func recordFigure(name: String, png: [UInt8]) {
        console.line(console.styled("  ▣ \(outDirectory.path)/\(name).png", .cyan))
        record(.figure(file: name + ".png", png: png, alt: describeFigure(name)))
    }

    /// The lesson's sentence for the figure, or one naming the step it belongs to.
    private func describeFigure(_ name: String) -> String {
        if let words = figureDescriptions[name] { return words(language) }
        guard let step = records.last else { return name }
        return L("Figure \(name).png of step \(step.number): \(step.title)",
                 "第 \(step.number) 步（\(step.title)）的图 \(name).png")(language)
    }

    private func record(_ output: StepOutput) {
        guard !records.isEmpty else { return }
        records[records.count - 1].outputs.append(output)
    }

    var figureAltTexts: [String: String] {
        var texts: [String: String] = [:]
        for record in records {
            for case .figure(let file, _, let alt) in record.outputs { texts[file] = alt }
        }
        return texts
    }

    var figureFiles: [String] {
        records.flatMap { $0.outputs.compactMap { if case .figure(let file, _, _) = $0 { return file } else { return nil } } }
    }
}

/// What one step left: its title, narration, code and outputs in order.
struct StepRecord {
    let number: Int
    let title: String
    let narration: String
    let code: [String]
    var outputs: [StepOutput] = []
}

enum StepOutput {
    case text(String)
    case table(TextTable)
    /// A figure: its file name in --out, its bytes and the sentence that describes it (alt text).
    case figure(file: String, png: [UInt8], alt: String)
}
