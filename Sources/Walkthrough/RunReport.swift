// Everything a finished run leaves behind, gathered once and written as notebook.ipynb, README.md and
// metrics.json. Nothing in it depends on the clock, so the same seed gives the same bytes.

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
                  metrics.keys.sorted().map { [$0, formatNumber(metrics[$0]!)] }).rendered
    }

    /// The text printed by a step, with consecutive prints joined.
    static func text(of record: StepRecord) -> String {
        record.outputs.map { if case .text(let t) = $0 { return t } else { return "" } }.joined()
    }
}

// MARK: - README.md

extension RunReport {
    /// The run as Markdown: narration, each step's code and output, figures linked.
    var readme: String {
        var parts = ["# \(title)", summary,
                     L("Reproduce with", "重现命令")(language) + ": `\(command)`", settingsTable]
        for record in records {
            parts.append("## " + stepHeading(record))
            parts.append(record.narration)
            parts.append("```swift\n" + record.code.joined(separator: "\n") + "\n```")
            for output in RunReport.grouped(record.outputs) {
                switch output {
                case .text(let text): parts.append("```text\n" + text + "```")
                case .figure(let file, _): parts.append("![\(file)](\(file))")
                }
            }
        }
        if !tryThis.isEmpty { parts.append(tryThisMarkdown) }
        if !metrics.isEmpty { parts.append("## " + L("Measured", "测量结果")(language) + "\n\n" + metricsTable) }
        return parts.joined(separator: "\n\n") + "\n"
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

// MARK: - notebook.ipynb

extension RunReport {
    /// A Jupyter notebook (nbformat 4.5): Markdown cells for the narration, a Swift code cell per step
    /// with the text it printed (stream) and its figures (image/png display data); cell ids are derived
    /// from step numbers, so they are the same in every run.
    var notebook: String {
        var cells: [JSON] = [markdownCell(id: "title", [ "# \(title)", summary,
            L("Reproduce with", "重现命令")(language) + ": `\(command)`", settingsTable].joined(separator: "\n\n"))]
        for (index, record) in records.enumerated() {
            let tag = String(format: "step-%02d", record.number)
            cells.append(markdownCell(id: tag + "-text", "## " + stepHeading(record) + "\n\n" + record.narration))
            let outputs: [JSON] = RunReport.grouped(record.outputs).map { output in
                switch output {
                case .text(let text):
                    return .object(["output_type": .string("stream"), "name": .string("stdout"),
                                    "text": RunReport.sourceLines(text)])
                case .figure(let file, let png):
                    return .object(["output_type": .string("display_data"), "metadata": .object([:]),
                                    "data": .object(["image/png": .string(Data(png).base64EncodedString()),
                                                     "text/plain": .array([.string("<\(file)>")])])])
                }
            }
            cells.append(.object(["cell_type": .string("code"), "id": .string(tag + "-code"),
                                  "execution_count": .int(index + 1), "metadata": .object([:]),
                                  "source": RunReport.sourceLines(record.code.joined(separator: "\n")),
                                  "outputs": .array(outputs)]))
        }
        if !tryThis.isEmpty { cells.append(markdownCell(id: "try-this", tryThisMarkdown)) }
        if !metrics.isEmpty {
            cells.append(markdownCell(id: "measured", "## " + L("Measured", "测量结果")(language) + "\n\n" + metricsTable))
        }
        let metadata: JSON = .object([
            "kernelspec": .object(["name": .string("swift"), "display_name": .string("Swift"),
                                   "language": .string("swift")]),
            "language_info": .object(["name": .string("swift"), "file_extension": .string(".swift")]),
        ])
        return JSON.object(["cells": .array(cells), "metadata": metadata,
                            "nbformat": .int(4), "nbformat_minor": .int(5)]).rendered + "\n"
    }

    private func markdownCell(id: String, _ text: String) -> JSON {
        .object(["cell_type": .string("markdown"), "id": .string(id), "metadata": .object([:]),
                 "source": RunReport.sourceLines(text)])
    }

    /// Jupyter's multi-line string: a list of lines, each but the last ending in a newline.
    static func sourceLines(_ text: String) -> JSON {
        var lines: [JSON] = []
        var current = ""
        for ch in text {
            current.append(ch)
            if ch == "\n" { lines.append(.string(current)); current = "" }
        }
        if !current.isEmpty { lines.append(.string(current)) }
        return .array(lines)
    }
}
