// The tour: every lesson in order, in-process and without pauses (two at a time on two cores, their text
// still in order), into one folder with an index page;
// optionally regenerating Docs (figures and quoted numbers) and replication cards over several seeds.

import ArgumentParser
import Foundation
import TeachingEngine

/// The tour's command line.
public struct TourOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder for every lesson's run and the index page.", valueName: "DIR"))
    public var out = "out/tour"
    @Option(help: "Seed of every lesson (the first seed of a replication card).", transform: { try RunOptions.seed($0) })
    public var seed: UInt64 = 0
    @Flag(help: "Small sizes for a fast tour.")
    public var quick = false
    @Option(help: ArgumentHelp("Language: en or zh.", valueName: "en|zh"))
    public var lang = "en"
    @Flag(help: "No colour on the terminal.")
    public var noColor = false
    @Flag(help: "Also copy figures to <docs>/figures/<lesson>/ and rewrite the numbers marked in <docs>/*.md.")
    public var docs = false
    @Option(help: ArgumentHelp("The Docs folder for --docs.", valueName: "DIR"))
    public var docsDir = "Docs"
    @Option(help: ArgumentHelp("Run each lesson with N seeds and write its replication card (mean ± sd, min – max).",
                               valueName: "N"))
    public var seeds = 1
    @Flag(help: "Instead of the tour, run every \"try this\" that states numbers on the seeds (see --seeds) and report which still hold.")
    public var checkTryThis = false
    @Option(help: ArgumentHelp("Lessons run at once, the cores shared between them; 1 runs them one after another "
                               + "(default: 2, or 1 on one core). The results and the text are the same either way.",
                               valueName: "N"))
    public var jobs: Int?

    public init() {}

    public func validate() throws {
        guard Language(rawValue: lang) != nil else { throw ValidationError("--lang must be en or zh, got '\(lang)'") }
        try Knob.inRange(seeds, 1...50, "--seeds")
        if let jobs { try Knob.inRange(jobs, 1...8, "--jobs") }
        try RunOptions.checkWritable(out)
        if docs { try RunOptions.checkWritable(docsDir) }
    }
}

/// Runs a list of lessons as one tour. The tour's main.swift is one line:
///
///     Tour.main(lessons: [Heterogeneity.self, Alignment.self, Fusion.self, Tokens.self, VQA.self])
///
/// It leaves `<out>/<NN-slug>/…` for each lesson (with its page, `index.html`), and the front page
/// `<out>/index.html`: one card per lesson with its key figure, its highlights in words and links to its
/// page and notebook (`index.md` holds the same as Markdown).
public enum Tour {
    public static func main(lessons: [any Lesson.Type]) {
        AtomicFiles.installInterruptHandler { "Interrupted: the tour stopped; files already written are complete." }
        exit(run(lessons: lessons, arguments: Array(CommandLine.arguments.dropFirst())))
    }

    /// Parses `arguments` and runs the tour; returns the exit code.
    public static func run(lessons: [any Lesson.Type], arguments: [String], console: Console = .standard(),
                           archive: TensorArchive = .standard) -> Int32 {
        let options: TourOptions
        do {
            options = try TourOptions.parse(NegativeValues.joined(arguments))
        } catch {
            let code = TourOptions.exitCode(for: error).rawValue
            let message = TourOptions.fullMessage(for: error)
            if code == 0 { console.line(message) } else { console.error(message) }
            return code
        }
        let out = URL(fileURLWithPath: options.out)
        if options.checkTryThis { return checkTryThis(lessons: lessons, options: options, out: out, console: console) }
        let lanes = options.jobs ?? min(2, EngineThreads.count)
        let started = Date()
        let ran = runLessons(lessons, lanes: lanes, console: console) { lesson, console in
            runLesson(lesson, options: options, out: out, console: console, archive: archive)
        }
        if let failed = ran.compactMap({ $0 }).first(where: { $0.result.exitCode != 0 }) {
            console.error("tour: \(failed.folder) failed with exit code \(failed.result.exitCode); stopping")
            return failed.result.exitCode
        }
        let entries = ran.compactMap { $0 }
        for entry in entries {
            for missing in entry.missingDeclarations { console.error("tour: \(entry.folder): \(missing)") }
        }
        let language = Language(rawValue: options.lang) ?? .en
        do {
            try AtomicFiles.write(Array(TourPage.markdown(entries, options: options, language: language).utf8),
                                  to: out.appendingPathComponent("index.md"))
            try AtomicFiles.write(Array(TourPage.html(entries, options: options, language: language).utf8),
                                  to: out.appendingPathComponent("index.html"))
            if options.docs { try TourDocs.update(entries: entries, docsDir: URL(fileURLWithPath: options.docsDir), console: console) }
        } catch {
            console.error("tour: \(error)")
            return 1
        }
        console.line("Tour: \(out.path)/index.html")
        console.line(timeLine(entries, lanes: min(lanes, lessons.count), seconds: Date().timeIntervalSince(started)))
        return 0
    }

    /// The tour's wall-clock time and each lesson's, for the terminal only (they change from run to run):
    ///
    ///     Time: 62.8 s, 2 lessons at a time (01 0.5 s · 02 24.1 s · … · 07 10.7 s)
    static func timeLine(_ entries: [TourEntry], lanes: Int, seconds: Double) -> String {
        let how = lanes == 1 ? "one lesson after another" : "\(lanes) lessons at a time"
        let each = entries.map { String(format: "%02d %.1f s", $0.number, $0.seconds) }.joined(separator: " · ")
        return String(format: "Time: %.1f s, ", seconds) + how + " (" + each + ")"
    }

    /// `--check-try-this`: every try-this with bands, on seeds seed ..< seed + seeds; exit 1 if one fails.
    private static func checkTryThis(lessons: [any Lesson.Type], options: TourOptions, out: URL,
                                     console: Console) -> Int32 {
        let seeds = (0..<UInt64(options.seeds)).map { options.seed + $0 }
        let folder = out.appendingPathComponent("try-this")
        func check<Content: Lesson>(_ lesson: Content.Type) -> [TryThisCheck.Outcome] {
            TryThisCheck.check(lesson, seeds: seeds, out: folder, console: console)
        }
        let outcomes = lessons.flatMap { check($0) }
        let report = TryThisCheck.markdown(outcomes, seeds: seeds)
        console.line(report)
        do {
            try AtomicFiles.write(Array(report.utf8), to: folder.appendingPathComponent("report.md"))
        } catch {
            console.error("tour: \(error)")
            return 1
        }
        return outcomes.allSatisfy(\.holds) ? 0 : 1
    }

    private static func runLesson<Content: Lesson>(_ lesson: Content.Type, options: TourOptions, out: URL,
                                                   console: Console, archive: TensorArchive) -> TourEntry {
        func arguments(seed: UInt64, folder: URL) -> [String] {
            ["--out", folder.path, "--seed", String(seed), "--lang", options.lang]
                + (options.quick ? ["--quick"] : []) + (options.noColor ? ["--no-color"] : [])
        }
        let folder = out.appendingPathComponent(Content.folderName)
        let result = Walkthrough.runReporting(lesson, arguments: arguments(seed: options.seed, folder: folder),
                                              console: console, archive: archive)
        let language = Language(rawValue: options.lang) ?? .en
        var entry = TourEntry(number: Content.number, folder: Content.folderName, title: Content.title(language),
                              summary: Content.summary(language), keyMetrics: Content.keyMetrics,
                              highlights: Content.highlights, keyFigure: Content.keyFigure, result: result)
        guard result.exitCode == 0, options.seeds > 1 else { return entry }
        var seeds: [UInt64] = [options.seed]
        var runs: [[String: Double]] = [result.metrics]
        for k in 1..<UInt64(options.seeds) {
            let seed = options.seed + k
            console.line("replication: \(Content.folderName) seed \(seed)")
            let quiet = Console.captured()
            let other = Walkthrough.runReporting(lesson, arguments: arguments(
                seed: seed, folder: out.appendingPathComponent("replication/\(Content.folderName)/seed-\(seed)")),
                console: quiet, archive: archive)
            guard other.exitCode == 0 else {
                console.error("replication: \(Content.folderName) seed \(seed) failed: \(quiet.errors)")
                entry.result.exitCode = other.exitCode
                return entry
            }
            seeds.append(seed)
            runs.append(other.metrics)
        }
        let chosen = Content.keyMetrics.isEmpty ? result.metrics.keys.sorted() : Content.keyMetrics
        entry.card = ReplicationCard(seeds: seeds, runs: runs, metrics: chosen)
        try? AtomicFiles.write(Array((entry.card!.markdown + "\n").utf8),
                               to: folder.appendingPathComponent("replication.md"))
        return entry
    }
}

/// One lesson's place in a tour.
struct TourEntry {
    let number: Int
    let folder: String
    let title: String
    let summary: String
    let keyMetrics: [String]
    let highlights: [Highlight]
    let keyFigure: String?
    var result: RunResult
    var card: ReplicationCard?
    /// Wall-clock seconds the lesson took in this tour (its replications included): terminal only.
    var seconds: Double = 0

    /// The figure on the lesson's card: the declared key figure when the run drew it, else its first.
    var figure: String? {
        if let keyFigure, result.figures.contains(keyFigure + ".png") { return keyFigure + ".png" }
        return result.figures.first
    }

    /// Highlights and a key figure the lesson declares but the run did not produce, said plainly.
    var missingDeclarations: [String] {
        var missing: [String] = []
        for highlight in highlights {
            for metric in highlight.metrics where result.metrics[metric] == nil {
                missing.append("highlight metric '\(metric)' was not measured by this run")
            }
        }
        if let keyFigure, !result.figures.contains(keyFigure + ".png") {
            missing.append("key figure '\(keyFigure)' was not drawn by this run")
        }
        return missing
    }

}
