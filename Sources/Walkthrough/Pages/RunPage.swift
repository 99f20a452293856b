// A run as one HTML page, the hand-out of the run: narration with its formulas as MathML, each step's
// code and what it printed, tables as tables, every figure inside the file. It opens from disk in any
// browser with no network, and prints well.

import Foundation

extension RunReport {
    /// The page written as index.html beside the notebook.
    var page: String {
        let stepWord = L("Step", "第")(language)
        var body = ["<main>", "<header>",
                    "<p class=\"kicker\">AlignFuse · " + HTML.escape(L("run of a lesson", "一课的运行记录")(language)) + "</p>",
                    "<h1>\(HTML.escape(title))</h1>",
                    "<div class=\"summary\">\(MarkdownHTML.render(summary))</div>",
                    "<p>" + HTML.escape(L("Reproduce with", "重现命令")(language)) + " <code>\(HTML.escape(command))</code></p>",
                    "<details><summary>" + HTML.escape(L("Settings of this run", "本次运行的设置")(language)) + "</summary>",
                    HTML.table([L("setting", "设置")(language), L("value", "值")(language)],
                               settings.keys.sorted().map { [$0, settings[$0]!] }),
                    "</details>"]
        if let stoppedSentence { body.append("<p class=\"notice\">\(HTML.escape(stoppedSentence))</p>") }
        if records.count > 1 {
            body.append("<nav class=\"steps\"><ol>" + records.map { record in
                "<li value=\"\(record.number)\"><a href=\"#step-\(record.number)\">\(HTML.escape(record.title))</a></li>"
            }.joined() + "</ol></nav>")
        }
        body.append("</header>")
        for record in records {
            let number = language == .en ? "\(stepWord) \(record.number) of \(stepCount)" : "第 \(record.number)/\(stepCount) 步"
            body.append("<section class=\"step\" id=\"step-\(record.number)\">")
            body.append("<h2><span class=\"step-number\">\(HTML.escape(number))</span>\(HTML.escape(record.title))</h2>")
            body.append(MarkdownHTML.render(record.narration))
            body.append("<p class=\"label\">" + HTML.escape(L("Code", "代码")(language)) + "</p>")
            body.append("<pre class=\"code\"><code>" + CodeHTML.swift(record.code) + "</code></pre>")
            let outputs = RunReport.grouped(record.outputs)
            if !outputs.isEmpty { body.append("<p class=\"label\">" + HTML.escape(L("Output", "输出")(language)) + "</p>") }
            for output in outputs {
                switch output {
                case .text(let text):
                    body.append("<pre class=\"output\">" + HTML.escape(String(text.dropLast(text.hasSuffix("\n") ? 1 : 0))) + "</pre>")
                case .table(let table):
                    body.append(HTML.table(table.headers, table.rows))
                case .figure(let file, let png, let alt):
                    body.append("<figure>" + HTML.embeddedImage(png, alt: alt)
                                + "<figcaption>\(HTML.escape(alt)) · <a href=\"\(HTML.escape(file))\">\(HTML.escape(file))</a></figcaption></figure>")
                }
            }
            body.append("</section>")
        }
        if let stoppedSentence {
            body.append("<section class=\"step\" id=\"stopped\"><h2>" + HTML.escape(L("Stopped", "已停止")(language)) + "</h2>"
                        + "<p class=\"notice\">\(HTML.escape(stoppedSentence))</p></section>")
        }
        if !tryThis.isEmpty {
            body.append("<section class=\"step\" id=\"try-this\"><h2>" + HTML.escape(L("Try this", "试一试")(language)) + "</h2><dl class=\"try\">"
                        + tryThis.map { "<dt>\(HTML.escape($0.change))</dt><dd>\(MarkdownHTML.inline($0.expect))</dd>" }.joined()
                        + "</dl></section>")
        }
        if !metrics.isEmpty {
            body.append("<section class=\"step\" id=\"measured\"><h2>" + HTML.escape(L("Measured", "测量结果")(language)) + "</h2>"
                        + HTML.table([L("metric", "指标")(language), L("value", "数值")(language)],
                                     metrics.keys.sorted().map { [$0, formatNumber(metrics[$0]!)] })
                        + "</section>")
        }
        body.append("<footer>" + HTML.escape(L("The same run as", "同一次运行的其他文件：")(language))
                    + " <a href=\"notebook.ipynb\" download>notebook.ipynb</a> · <a href=\"README.md\">README.md</a>"
                    + " · <a href=\"metrics.json\">metrics.json</a></footer>")
        body.append("</main>")
        return HTML.page(title: title, language: language, body: body.joined(separator: "\n"))
    }
}

/// Swift source as HTML: escaped, with `//` comments (the shapes, `// [B, T, d]`) set apart in grey.
enum CodeHTML {
    static func swift(_ lines: [String]) -> String {
        lines.map { line in
            guard let start = commentStart(line) else { return HTML.escape(line) }
            return HTML.escape(String(line[..<start])) + "<span class=\"comment\">" + HTML.escape(String(line[start...])) + "</span>"
        }.joined(separator: "\n")
    }

    /// Where a `//` comment starts on the line, outside string literals.
    static func commentStart(_ line: String) -> String.Index? {
        var inString = false
        var escaped = false
        var index = line.startIndex
        while index < line.endIndex {
            let c = line[index]
            let next = line.index(after: index)
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == "/", next < line.endIndex, line[next] == "/" {
                return index
            }
            index = next
        }
        return nil
    }
}
