// Everything a finished run leaves behind, gathered once and written as notebook.ipynb, README.md,
// index.html and metrics.json. Nothing in it depends on the clock, so the same seed gives the same bytes.

import Foundation

/// The record of one run, in the run's language.
struct RunReport {
    let title: String
    let summary: String
    /// How to repeat the run, e.g. `lesson02 --seed 7 --quick`.
    let command: String
    /// seed, quick, lang and the lesson's knobs.
    let settings: [String: String]
    let stepCount: Int
    let records: [StepRecord]
    let tryThis: [(change: String, expect: String)]
    /// For a partial run, RunFiles merges the metrics already in --out into these before writing.
    var metrics: [String: Double]
    let language: Language
    /// Set when the learner stopped the run at a prompt (q): the steps that never ran.
    var stopped: StoppedRun? = nil

    var metricsJSON: String {
        JSON.object(metrics.mapValues { $0.isFinite ? .number($0) : .null }).rendered + "\n"
    }

    func stepHeading(_ record: StepRecord) -> String {
        L("Step \(record.number)/\(stepCount) · \(record.title)",
          "第 \(record.number)/\(stepCount) 步 · \(record.title)")(language)
    }

    var settingsTable: String {
        TextTable([L("setting", "设置")(language), L("value", "值")(language)],
                  settings.keys.sorted().map { [$0, settings[$0]!] }).rendered
    }

    var tryThisMarkdown: String {
        "## " + L("Try this", "试一试")(language) + "\n\n"
            + tryThis.map { "- `\($0.change)` — \($0.expect)" }.joined(separator: "\n")
    }

    var metricsTable: String {
        TextTable([L("metric", "指标")(language), L("value", "数值")(language)],
                  metrics.keys.sorted().map { [$0, Self.readable(metrics[$0]!)] }).rendered
    }

    /// A measured value as a reader writes it: as metrics.json has it (six significant digits), except
    /// that a very small or very large one reads 1.19 × 10⁻⁷ rather than 1.19209e-7.
    static func readable(_ x: Double) -> String {
        let plain = formatNumber(x)
        return plain.contains("e") ? powerOfTen(x, digits: 3) : plain
    }

    /// The text printed by a step, with consecutive prints joined.
    static func text(of record: StepRecord) -> String {
        record.outputs.map { if case .text(let t) = $0 { return t } else { return "" } }.joined()
    }

    /// The sentence that says the run was stopped and which steps never ran; nil for a run that was not.
    var stoppedSentence: String? {
        guard let stopped else { return nil }
        return L("This run was stopped before step \(stopped.before) (q at the prompt): "
                 + "\(StoppedRun.steps(stopped.neverRan, .en)) never ran, so their words, code and outputs are not here. "
                 + "Run the lesson again without stopping to see them.",
                 "这次运行在第 \(stopped.before) 步前被停止（在提示处输入了 q）：\(StoppedRun.steps(stopped.neverRan, .zh))没有运行，"
                 + "所以它们的文字、代码和输出都不在这里。重新完整运行这一课即可看到。")(language)
    }
}

/// A run the learner stopped at a `--step` prompt.
struct StoppedRun: Equatable {
    /// The step before which the learner stopped.
    let before: Int
    /// The chosen steps that never ran, in order.
    let neverRan: [Int]

    /// "step 3", "steps 3–8", "steps 3, 5 and 7"; "第 3 步", "第 3–8 步", "第 3、5、7 步".
    static func steps(_ numbers: [Int], _ language: Language) -> String {
        guard let first = numbers.first, let last = numbers.last else { return "" }
        let consecutive = numbers == Array(first...last)
        switch (language, numbers.count) {
        case (.en, 1): return "step \(first)"
        case (.zh, 1): return "第 \(first) 步"
        case (.en, _) where consecutive: return "steps \(first)–\(last)"
        case (.zh, _) where consecutive: return "第 \(first)–\(last) 步"
        case (.en, _): return "steps " + numbers.dropLast().map(String.init).joined(separator: ", ") + " and \(last)"
        case (.zh, _): return "第 " + numbers.map(String.init).joined(separator: "、") + " 步"
        }
    }
}

// MARK: - README.md

extension RunReport {
    /// The run as Markdown: narration, each step's code and output, figures linked.
    var readme: String {
        var parts = ["# \(title)", summary,
                     L("Reproduce with", "重现命令")(language) + ": `\(command)`", settingsTable]
        if let stoppedSentence { parts.append("> **" + L("Stopped.", "已停止。")(language) + "** " + stoppedSentence) }
        for record in records {
            parts.append("## " + stepHeading(record))
            parts.append(record.narration)
            parts.append("```swift\n" + record.code.joined(separator: "\n") + "\n```")
            for output in RunReport.grouped(record.outputs) {
                switch output {
                case .text(let text): parts.append("```text\n" + text + "```")
                case .table(let table): parts.append(RunReport.markdownTable(table))
                case .figure(let file, _, let alt): parts.append("![\(RunReport.markdownAlt(alt))](\(file))")
                }
            }
        }
        if let stoppedSentence { parts.append("## " + L("Stopped", "已停止")(language) + "\n\n" + stoppedSentence) }
        if !tryThis.isEmpty { parts.append(tryThisMarkdown) }
        if !metrics.isEmpty { parts.append("## " + L("Measured", "测量结果")(language) + "\n\n" + metricsTable) }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// A printed table as a Markdown pipe table (a `|` inside a cell escaped).
    static func markdownTable(_ table: TextTable) -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        return TextTable(table.headers.map(cell), table.rows.map { $0.map(cell) }).rendered
    }

    /// Alt text inside `![…]`: brackets and line breaks would end it.
    static func markdownAlt(_ alt: String) -> String {
        alt.replacingOccurrences(of: "[", with: "(").replacingOccurrences(of: "]", with: ")")
            .replacingOccurrences(of: "\n", with: " ")
    }

    /// Outputs with consecutive texts merged, in order.
    static func grouped(_ outputs: [StepOutput]) -> [StepOutput] {
        var result: [StepOutput] = []
        for output in outputs {
            if case .text(let new) = output, case .text(let old)? = result.last {
                result[result.count - 1] = .text(old + new)
            } else {
                result.append(output)
            }
        }
        return result
    }
}

