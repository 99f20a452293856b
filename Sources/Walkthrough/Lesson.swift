// A lesson: an ordered list of steps over one state object, plus its knobs and its "try this" list.

import ArgumentParser

/// A lesson that runs as a notebook: numbered steps over one state object of the lesson's own class.
///
/// The class keeps what steps share as `lazy var` members, so `--only 6` computes exactly what step 6
/// needs (data, a model loaded from its checkpoint) without running the earlier steps' output:
///
///     public final class Tiny: Lesson {
///         public static let number = 0, slug = "tiny"
///         public static let title = L("A tiny lesson", "小课")
///         public static let summary = L("Fits a line.", "拟合一条直线。")
///         public static let tryThis = [TryThis(change: L("--noise 2", "--noise 2"),
///                                              expect: L("a worse fit", "拟合变差"))]
///         public struct Knobs: LessonKnobs { @Option var noise = 0.1; public init() {} }
///
///         let run: Run; let knobs: Knobs
///         public init(run: Run, knobs: Knobs) { self.run = run; self.knobs = knobs }
///         lazy var points = makePoints(seed: run.seed, noise: knobs.noise)
///
///         public static let steps: [Step<Tiny>] = [
///             Step(L("The data", "数据"), L("Ten points.", "十个点。")) { lesson, run in
///                 run.print("points: \(lesson.points.count)")
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
    static var title: L { get }
    /// One or two sentences shown under the title.
    static var summary: L { get }
    /// What to change next and what to expect; printed at the end, and in the notebook and README.
    static var tryThis: [TryThis] { get }
    /// Metrics shown on the tour's index page and summarised by replication cards (empty: all).
    static var keyMetrics: [String] { get }
    /// The steps, in order.
    static var steps: [Step<Self>] { get }

    init(run: Run, knobs: Knobs)
}

extension Lesson {
    public static var keyMetrics: [String] { [] }
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
}

extension LessonKnobs {
    public var settings: [String: String] { [:] }
}

/// For a lesson without knobs of its own.
public struct NoKnobs: LessonKnobs {
    public init() {}
}

/// One "try this" suggestion: what to change and what the learner should expect to see.
public struct TryThis: Sendable {
    public let change: L
    public let expect: L

    public init(change: L, expect: L) {
        self.change = change
        self.expect = expect
    }
}

/// One step of a lesson: a title, narration, and the closure it runs. The closure's source lines are
/// what the learner reads as the step's code; they are found through `#filePath` and `#line` of the
/// `Step(…)` call, so write the closure as a trailing closure starting on that call.
public struct Step<State> {
    public let title: L
    public let narration: L
    public let body: (State, Run) throws -> Void
    /// Where the `Step(…)` call is written: the absolute path and a short name for messages.
    public let file: String
    public let fileID: String
    public let line: Int

    public init(_ title: L, _ narration: L,
                file: String = #filePath, fileID: String = #fileID, line: Int = #line,
                _ body: @escaping (State, Run) throws -> Void) {
        self.title = title
        self.narration = narration
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
