// A lesson: an ordered list of steps over one state object, plus its knobs and its "try this" list.

import ArgumentParser

/// A lesson that runs as a notebook: numbered steps over one state object of the lesson's own class.
///
/// The words live apart from the code: `narration` holds the title, the summary and each step's
/// title and text in both languages (Markdown files, see `Narration`), so a step's closure is the
/// computation a learner reads. The class keeps what steps share as `lazy var` members, so
/// `--only 6` computes exactly what step 6 needs; a step that trains a model is marked
/// `trains: true`, and `--only 6` runs it first, quietly (it loads its checkpoint when it can):
///
///     public final class Tiny: Lesson {
///         public static let number = 0, slug = "tiny"
///         public static let narration = Narration.resource("00-tiny", in: .module)
///         public static let tryThis = [TryThis(change: "--noise 2", expect: L("a worse fit", "拟合变差"))]
///         public struct Knobs: LessonKnobs { @Option var noise = 0.1; public init() {} }
///
///         let run: Run; let knobs: Knobs
///         public init(run: Run, knobs: Knobs) { self.run = run; self.knobs = knobs }
///         lazy var points = makePoints(seed: run.seed, noise: knobs.noise)
///         lazy var line = Line()
///
///         public static let steps: [Step<Tiny>] = [
///             Step { lesson, run in
///                 run.say(Say.points, lesson.points.count)
///             },
///             Step(trains: true) { lesson, run in
///                 let history = try run.train("line", lesson.line, settings: [:], steps: 100) { progress in
///                     for step in 1...100 { try progress.update(step: step, loss: lesson.line.fitStep(lesson.points)) }
///                 }
///                 run.say(Say.finalLoss, history.losses.last ?? 0)
///             },
///         ]
///     }
///
///     // Lessons/00-Tiny/main.swift
///     Tiny.main()
public protocol Lesson: AnyObject {
    /// The lesson's own options (two to four), parsed after the common ones.
    associatedtype Knobs: LessonKnobs

    /// The lesson's number, e.g. 2; it prefixes folders (`02-alignment`) and metric markers (`m:02.…`).
    static var number: Int { get }
    /// A short lowercase name, e.g. "alignment".
    static var slug: String { get }
    /// The title, summary and every step's words, in both languages.
    static var narration: Narration { get }
    /// What to change next and what to expect; printed at the end, and in the notebook and README.
    static var tryThis: [TryThis] { get }
    /// Metrics summarised by replication cards (empty: all).
    static var keyMetrics: [String] { get }
    /// The two or three numbers that matter, in words, on the lesson's card of the tour's front page.
    static var highlights: [Highlight] { get }
    /// The figure (a name given to `run.figure`) shown on the lesson's card; nil: the run's first figure.
    static var keyFigure: String? { get }
    /// What each figure shows, by figure name, in a sentence: the alt text of the figure in the notebook
    /// and on the page. A figure without one is described by its step's title.
    static var figureDescriptions: [String: L] { get }
    /// The folders of the lessons whose runs this one reads (a checkpoint found beside its own folder),
    /// e.g. `[Alignment.folderName]`; a tour starts it only when those lessons are done. Empty: none.
    static var readsRunsOf: [String] { get }
    /// The steps, in order.
    static var steps: [Step<Self>] { get }

    init(run: Run, knobs: Knobs)
}

extension Lesson {
    public static var title: L { narration.title }
    /// One or two sentences shown under the title.
    public static var summary: L { narration.summary }
    public static var keyMetrics: [String] { [] }
    public static var highlights: [Highlight] { [] }
    public static var keyFigure: String? { nil }
    public static var figureDescriptions: [String: L] { [:] }
    public static var readsRunsOf: [String] { [] }
    /// `02-alignment`: the lesson's folder name under out/ and Docs/figures/.
    public static var folderName: String { (number < 10 ? "0" : "") + "\(number)-\(slug)" }
}

/// A lesson's own options. Declare them with `@Option`, check them in `validate()` with the `Knob`
/// helpers (a bad value then stops the run with a usage error before any work), and list them in
/// `settings` so the run's README records them.
///
///     public struct Knobs: LessonKnobs {
///         @Option(help: "Learning rate.") var lr = 1e-3
///         @Option(help: "Training steps.") var steps = 300
///         public init() {}
///         public func validate() throws {
///             try Knob.positive(steps, "--steps")
///             try Knob.positive(lr, "--lr")
///         }
///         public var settings: [String: String] { ["lr": "\(lr)", "steps": "\(steps)"] }
///     }
public protocol LessonKnobs: ParsableArguments {
    /// The knob values by option name, recorded in README.md and notebook.ipynb.
    var settings: [String: String] { get }
    /// The values in force in a run with or without --quick: a knob whose default depends on --quick
    /// (declare it optional, so a value the learner gave wins) reports the value the run uses.
    func settings(quick: Bool) -> [String: String]
}

extension LessonKnobs {
    public var settings: [String: String] { [:] }
    public func settings(quick: Bool) -> [String: String] { settings }
}

/// For a lesson without knobs of its own.
public struct NoKnobs: LessonKnobs {
    public init() {}
}

/// One "try this" suggestion: what to change and what the learner should expect to see.
///
/// An expectation with numbers carries them as bands measured over the lesson's seeds, so that
/// `tour --check-try-this` can run the change again and report whether it still holds; the bands are
/// appended to the text the learner reads:
///
///     TryThis(change: "--hard 0", expect: L("colour alone no longer fails", "只看颜色也不再失败"),
///             bands: [Band("zeroshot_colour", 0.90...0.97)])
///     // expect.en: "colour alone no longer fails (seeds 0–4: zeroshot_colour 0.90–0.97)"
public struct TryThis: Sendable {
    public let change: L
    public let expect: L
    /// What the changed run measures, each metric within its band on every seed measured.
    public let bands: [Band]
    /// True when a default run with this change takes only seconds: the test suite checks it.
    public let cheap: Bool

    public init(change: L, expect: L, bands: [Band] = [], cheap: Bool = false) {
        self.change = change
        self.bands = bands
        self.cheap = cheap
        guard !bands.isEmpty else {
            self.expect = expect
            return
        }
        let list = bands.map(\.description).joined(separator: ", ")
        self.expect = L(expect.en + " (seeds 0–4: \(list))", expect.zh + "（种子 0–4：\(list)）")
    }

    /// The options the change adds to a run: its English text split at spaces (`--hard 0`).
    public var arguments: [String] { change.en.split(separator: " ").map(String.init) }
}

/// The range a metric fell in over the lesson's seeds.
public struct Band: Sendable, CustomStringConvertible {
    public let metric: String
    public let range: ClosedRange<Double>

    public init(_ metric: String, _ range: ClosedRange<Double>) {
        self.metric = metric
        self.range = range
    }

    /// True when `value` lies in the band, allowing the last printed digit (±0.0005 of a 3-decimal band).
    public func holds(_ value: Double) -> Bool {
        value >= range.lowerBound - 5e-4 && value <= range.upperBound + 5e-4
    }

    /// "zeroshot_colour 0.90–0.97"; a band of one value is that value ("untrained_nn_same_modality 1").
    public var description: String {
        guard range.lowerBound < range.upperBound else { return "\(metric) \(formatNumber(range.lowerBound))" }
        return "\(metric) \(formatNumber(range.lowerBound))–\(formatNumber(range.upperBound))"
    }
}

/// One step of a lesson: the closure it runs; its title and words are the lesson's `narration`
/// section of the same number. The closure's source lines are what the learner reads as the step's
/// code; they are found through `#filePath` and `#line` of the `Step(…)` call, so write the closure as
/// a trailing closure starting on that call.
///
/// A step is `Sendable` so a lesson's `static let steps` is too: the closure captures nothing (it
/// gets the lesson and the run as arguments), and it runs on the thread that runs the lesson.
public struct Step<State>: Sendable {
    /// The step trains a model the later steps use: `--only N` runs it first, quietly.
    public let trains: Bool
    public let body: @Sendable (State, Run) throws -> Void
    /// Where the `Step(…)` call is written: the absolute path and a short name for messages.
    public let file: String
    public let fileID: String
    public let line: Int

    public init(trains: Bool = false, file: String = #filePath, fileID: String = #fileID, line: Int = #line,
                _ body: @escaping @Sendable (State, Run) throws -> Void) {
        self.trains = trains
        self.body = body
        self.file = file
        self.fileID = fileID
        self.line = line
    }

    /// The step's code lines as written, or one comment line saying where to find them when the
    /// source is not on disk.
    public var code: [String] {
        StepSource.closureBody(file: file, line: line)
            ?? ["// The source of this step is not on disk; it is at \(fileID):\(line)."]
    }
}
