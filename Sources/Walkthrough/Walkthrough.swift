// Walkthrough: the notebook-style lesson runner. A lesson is ordered steps; this file runs them —
// choosing steps, pausing, printing, and writing what the run leaves in --out.

import ArgumentParser
import Foundation

/// Runs lessons from a command line, in-process; the entry point behind `Lesson.main()` and the tour.
public enum Walkthrough {
    /// Parses `arguments` (without the program name) and runs the lesson; returns the exit code.
    /// Bad options print one usage line on standard error and return a non-zero code before any work.
    ///
    ///     let console = Console.captured()
    ///     Walkthrough.run(Tiny.self, arguments: ["--quick", "--out", dir], console: console)   // 0
    public static func run<Content: Lesson>(_ lesson: Content.Type, arguments: [String],
                                            console: Console = .standard(),
                                            archive: TensorArchive = .standard) -> Int32 {
        runReporting(lesson, arguments: arguments, console: console, archive: archive).exitCode
    }

    /// As `run`, returning what the run produced as well as its exit code.
    public static func runReporting<Content: Lesson>(_ lesson: Content.Type, arguments: [String],
                                                     console: Console = .standard(),
                                                     archive: TensorArchive = .standard) -> RunResult {
        let command: LessonCommand<Content>
        do {
            command = try LessonCommand<Content>.parse(NegativeValues.joined(arguments))
            try command.validate()
        } catch {
            let code = LessonCommand<Content>.exitCode(for: error).rawValue
            if code == 0 {
                console.line(LessonCommand<Content>.fullMessage(for: error))   // --help, --version
            } else {
                // One line that names the problem, as every error of the kit does.
                let name = LessonCommand<Content>.configuration.commandName ?? "lesson"
                console.error("error: \(LessonCommand<Content>.message(for: error)) (see '\(name) --help')")
            }
            return RunResult(exitCode: code)
        }
        var result = RunResult(exitCode: 0)
        result.exitCode = execute(Content.self, command: command, console: console, archive: archive,
                                  arguments: arguments, result: &result)
        return result
    }

    static func execute<Content: Lesson>(_ lesson: Content.Type, command: LessonCommand<Content>,
                                         console: Console, archive: TensorArchive) -> Int32 {
        var result = RunResult(exitCode: 0)
        return execute(lesson, command: command, console: console, archive: archive,
                       arguments: Array(CommandLine.arguments.dropFirst()), result: &result)
    }

    private static func execute<Content: Lesson>(_ lesson: Content.Type, command: LessonCommand<Content>,
                                                 console: Console, archive: TensorArchive,
                                                 arguments: [String], result: inout RunResult) -> Int32 {
        let options = command.options
        let language = Language(rawValue: options.lang) ?? .en
        let steps = Content.steps
        let words = Content.narration.steps
        precondition(words.count == steps.count,
                     "\(Content.folderName): \(steps.count) steps but \(words.count) narration sections")
        if options.noColor { console.color = false }

        if options.list {
            console.line(console.styled(Content.title(language), .bold))
            for (i, section) in words.enumerated() { console.line(String(format: "%3d  ", i + 1) + section.title(language)) }
            return 0
        }

        let out = URL(fileURLWithPath: options.out ?? "out/\(Content.folderName)")
        result.outDirectory = out
        let run = Run(seed: options.seed, quick: options.quick, language: language, outDirectory: out,
                      console: console, archive: archive, figureDescriptions: Content.figureDescriptions)
        let state = Content(run: run, knobs: command.knobs)
        let chosen: [Int] = options.only.map { [$0] } ?? Array(1...(options.through ?? steps.count))

        console.line(console.styled(Content.title(language), .bold))
        for line in wrap(TerminalMarkdown.render(Content.summary(language)), width: console.width) { console.line(line) }
        // The models later steps use come from the training steps before them: under --only, those run
        // first without output (loading their checkpoints when they can).
        let first = chosen.min() ?? 1
        for number in 1..<first where steps[number - 1].trains {
            console.line(console.styled(L("  ↺ step \(number) (\(words[number - 1].title.en)) runs first, quietly: "
                                            + "it makes the model this step uses",
                                          "  ↺ 先静默运行第 \(number) 步（\(words[number - 1].title.zh)）：它产生本步要用的模型")(language), .dim))
            do {
                try run.quietly { try steps[number - 1].body(state, run) }
            } catch {
                console.error(console.styled("error: ", .red) + run.describe(error))
                return 1
            }
        }
        var stopped: StoppedRun?
        for number in chosen {
            let step = steps[number - 1]
            let section = words[number - 1]
            console.line()
            console.line(console.styled(L("Step \(number)/\(steps.count) · ", "第 \(number)/\(steps.count) 步 · ")(language)
                                        + section.title(language), .cyan))
            for line in wrap(TerminalMarkdown.render(section.text(language)), width: console.width) { console.line(line) }
            let code = step.code
            for line in code { console.line(console.styled("    " + line, .dim)) }
            if options.step && console.isInteractive {
                console.write(console.styled(L("[Enter] run this step · [q] then Enter to stop › ",
                                               "[回车] 运行这一步 · [q] 回车 退出 › ")(language), .yellow))
                let typed = console.readLine()
                if typed == nil { console.line() }   // Ctrl-D: the prompt's line was not ended by Enter
                if (typed?.trimmingCharacters(in: " \t") ?? "q").lowercased() == "q" {
                    stopped = StoppedRun(before: number, neverRan: chosen.filter { $0 >= number })
                    console.line(L("Stopped before step \(number); the steps done so far are saved.",
                                   "在第 \(number) 步前停止；已完成的步骤已保存。")(language))
                    break
                }
            }
            run.records.append(StepRecord(number: number, title: section.title(language),
                                          narration: section.text(language), code: code))
            do {
                try step.body(state, run)
            } catch {
                console.error(console.styled("error: ", .red) + run.describe(error))
                return 1
            }
        }

        var report = RunReport(
            title: String(format: "%02d · ", Content.number) + Content.title(language),
            summary: Content.summary(language),
            command: ([String(format: "lesson%02d", Content.number)] + reproducible(arguments)).joined(separator: " "),
            settings: command.knobs.settings(quick: options.quick).merging(
                ["seed": String(options.seed), "quick": String(options.quick), "lang": language.rawValue]) { a, _ in a },
            stepCount: steps.count, records: run.records,
            tryThis: Content.tryThis.map { ($0.change(language), $0.expect(language)) },
            metrics: run.metrics, language: language)
        report.stopped = stopped
        if stopped == nil && !Content.tryThis.isEmpty {
            console.line()
            console.line(console.styled(L("Try this", "试一试")(language), .bold))
            for item in report.tryThis {
                console.line("  " + console.styled(item.change, .cyan))
                for line in wrap(item.expect, width: console.width - 6) { console.line("      " + line) }
            }
        }
        // --only / --through keep the notebook, README and page of the last run of the whole lesson and
        // merge into its metrics.
        let partial = options.only != nil || (options.through.map { $0 < steps.count } ?? false)
        let outcome: RunFiles.Outcome
        do {
            outcome = try RunFiles.write(report, to: out, partial: partial)
        } catch {
            console.error(console.styled("error: ", .red) + "could not write the run's files in \(out.path): \(error)")
            return 1
        }
        console.line()
        switch outcome {
        case .wroteAll:
            console.line(console.styled(L("Wrote", "已写入")(language) + " \(out.path)/notebook.ipynb, README.md, "
                                        + "\(RunFiles.pageName), metrics.json", .dim))
            console.line(console.styled(L("The run as a page: ", "这次运行的网页：")(language)
                                        + out.appendingPathComponent(RunFiles.pageName).path, .dim))
        case .mergedMetricsKeptNotebook(let stoppedRun):
            let earlier = stoppedRun ? L("the last run of the whole lesson (stopped early)", "上次整课运行（中途停止）")
                                     : L("the last full run", "上次完整运行")
            console.line(console.styled(L("Partial run: merged its metrics into \(out.path)/metrics.json; notebook.ipynb, README.md "
                                          + "and \(RunFiles.pageName) of \(earlier.en) kept.",
                                          "部分运行：本次指标已合并进 \(out.path)/metrics.json；\(earlier.zh)的 notebook.ipynb、README.md "
                                          + "和 \(RunFiles.pageName) 保持不变。")(language), .dim))
        }
        result.metrics = run.metrics
        result.figures = run.figureFiles
        result.figureDescriptions = run.figureAltTexts
        result.trainedCheckpoints = run.trainedCheckpoints
        result.loadedCheckpoints = run.loadedCheckpoints
        result.stepsRun = run.records.map(\.number)
        return 0
    }

    /// The arguments that change what a run computes (not where it writes or how it talks).
    private static func reproducible(_ arguments: [String]) -> [String] {
        var kept: [String] = []
        var skipNext = false
        for argument in arguments {
            if skipNext { skipNext = false; continue }
            if argument == "--out" { skipNext = true; continue }
            if argument.hasPrefix("--out=") || argument == "--step" || argument == "--no-color" { continue }
            kept.append(argument)
        }
        return kept
    }
}

/// What a run produced.
public struct RunResult: Sendable {
    /// 0 on success; non-zero after a usage error or a failed step.
    public var exitCode: Int32
    public var outDirectory: URL?
    /// Every metric the run recorded.
    public var metrics: [String: Double] = [:]
    /// The figure files written, e.g. `["loss.png"]`.
    public var figures: [String] = []
    /// The sentence describing each figure file (its alt text), e.g. `["loss.png": "The loss per step"]`.
    public var figureDescriptions: [String: String] = [:]
    /// Checkpoint files trained and saved by this run, and those loaded instead of training.
    public var trainedCheckpoints: [String] = []
    public var loadedCheckpoints: [String] = []
    /// The numbers of the steps that ran.
    public var stepsRun: [Int] = []

    init(exitCode: Int32) { self.exitCode = exitCode }
}
