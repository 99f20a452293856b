// A run as a Jupyter notebook: the same record as README.md, with the figures embedded.

import Foundation

// MARK: - notebook.ipynb

extension RunReport {
    /// A Jupyter notebook (nbformat 4.5): Markdown cells for the narration, a Swift code cell per step
    /// with the text it printed (stream), its tables (text/html beside text/plain) and its figures
    /// (image/png with alt text); cell ids are derived from step numbers, so they are the same in every
    /// run. A stopped run ends with a cell "stopped" that says which steps never ran.
    var notebook: String {
        var cells: [JSON] = [markdownCell(id: "title", ([ "# \(title)", summary,
            L("Reproduce with", "重现命令")(language) + ": `\(command)`", settingsTable]
            + (stoppedSentence.map { ["> **" + L("Stopped.", "已停止。")(language) + "** " + $0] } ?? [])).joined(separator: "\n\n"))]
        for (index, record) in records.enumerated() {
            let tag = String(format: "step-%02d", record.number)
            cells.append(markdownCell(id: tag + "-text", "## " + stepHeading(record) + "\n\n" + record.narration))
            let outputs: [JSON] = RunReport.grouped(record.outputs).map { output in
                switch output {
                case .text(let text):
                    return .object(["output_type": .string("stream"), "name": .string("stdout"),
                                    "text": RunReport.sourceLines(text)])
                case .table(let table):
                    // Shown as a table where HTML renders (Jupyter, VS Code), as aligned text elsewhere.
                    return .object(["output_type": .string("display_data"), "metadata": .object([:]),
                                    "data": .object(["text/html": RunReport.sourceLines(HTML.table(table.headers, table.rows)),
                                                     "text/plain": RunReport.sourceLines(table.rendered)])])
                case .figure(let file, let png, let alt):
                    // The alt text where nbconvert and Jupyter look for it: the output's image/png metadata.
                    return .object(["output_type": .string("display_data"),
                                    "metadata": .object(["image/png": .object(["alt": .string(alt)])]),
                                    "data": .object(["image/png": .string(Data(png).base64EncodedString()),
                                                     "text/plain": .array([.string("<\(file)>")])])])
                }
            }
            cells.append(.object(["cell_type": .string("code"), "id": .string(tag + "-code"),
                                  "execution_count": .int(index + 1), "metadata": .object([:]),
                                  "source": RunReport.sourceLines(record.code.joined(separator: "\n")),
                                  "outputs": .array(outputs)]))
        }
        if let stoppedSentence {
            cells.append(markdownCell(id: "stopped", "## " + L("Stopped", "已停止")(language) + "\n\n" + stoppedSentence))
        }
        if !tryThis.isEmpty { cells.append(markdownCell(id: "try-this", tryThisMarkdown)) }
        if !metrics.isEmpty {
            cells.append(markdownCell(id: "measured", "## " + L("Measured", "测量结果")(language) + "\n\n" + metricsTable))
        }
        // No kernelspec: the notebook is a record of outputs and opens without asking for a kernel; the
        // language is named so editors colour the code cells as Swift.
        let metadata: JSON = .object([
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
