// The tour's front page: one card per lesson with its key figure, the numbers that matter said in
// words, and links to the lesson's page and notebook. Also as Markdown (index.md).

import Foundation

enum TourPage {
    /// `index.html` of the tour folder, in the tour's language; figures are the PNG files beside it.
    static func html(_ entries: [TourEntry], options: TourOptions, language: Language) -> String {
        var body = ["<main class=\"tour\">", "<header>",
                    "<p class=\"kicker\">AlignFuse</p>",
                    "<h1>" + HTML.escape(L("Alignment and fusion, by running them", "对齐与融合：跑起来学")(language)) + "</h1>",
                    "<p class=\"summary\">" + HTML.escape(lead(entries.count)(language)) + "</p>",
                    "<p>" + HTML.escape(runLine(options, language)) + "</p>",
                    "</header>",
                    "<div class=\"cards\">"]
        for entry in entries {
            var card = ["<article class=\"card\">",
                        "<span class=\"number\">" + HTML.escape(lessonLabel(entry.number, language)) + "</span>",
                        "<h2><a href=\"\(entry.folder)/\(RunFiles.pageName)\">\(HTML.escape(entry.title))</a></h2>"]
            if let figure = entry.figure {
                let alt = entry.result.figureDescriptions[figure] ?? figure
                card.append("<a class=\"figure\" href=\"\(entry.folder)/\(RunFiles.pageName)\"><img src=\"\(entry.folder)/\(HTML.escape(figure))\" "
                            + "alt=\"\(HTML.escape(alt))\"></a>")
            }
            card.append("<p>" + MarkdownHTML.inline(entry.summary) + "</p>")
            let numbers = sentences(entry, language)
            if !numbers.isEmpty {
                card.append("<ul>" + numbers.map { "<li>" + MarkdownHTML.inline($0) + "</li>" }.joined() + "</ul>")
            }
            card.append("<p class=\"links\"><a href=\"\(entry.folder)/\(RunFiles.pageName)\">"
                        + HTML.escape(L("Read the run", "阅读这次运行")(language)) + "</a>"
                        + "<a href=\"\(entry.folder)/notebook.ipynb\" download>" + HTML.escape(L("Notebook", "笔记本")(language))
                        + "</a><a href=\"\(entry.folder)/README.md\">README</a></p>")
            card.append("</article>")
            body.append(card.joined(separator: "\n"))
        }
        body.append("</div>")
        body.append("<footer>" + HTML.escape(L("Every number on this page was measured by this tour's runs; each lesson's page "
                                               + "shows the code that measured it.",
                                               "本页的每个数字都由这次导览的运行测得；每一课的网页都给出测出它的代码。")(language))
                    + "</footer>")
        body.append("</main>")
        return HTML.page(title: "AlignFuse · " + L("tour", "导览")(language), language: language,
                         body: body.joined(separator: "\n"))
    }

    /// `index.md`: the same cards as a table.
    static func markdown(_ entries: [TourEntry], options: TourOptions, language: Language) -> String {
        let rows = entries.map { e in
            [String(format: "%02d", e.number), e.title,
             "[\(L("page", "网页")(language))](\(e.folder)/\(RunFiles.pageName)) · [notebook](\(e.folder)/notebook.ipynb)"
                + " · [README](\(e.folder)/README.md)",
             sentences(e, language).joined(separator: " ").replacingOccurrences(of: "|", with: "\\|")]
        }
        return "# AlignFuse · " + L("tour", "导览")(language) + "\n\n" + runLine(options, language) + "\n\n"
            + TextTable(["#", L("lesson", "课")(language), L("run", "运行记录")(language),
                         L("what it measured", "测得的结果")(language)], rows).rendered + "\n"
    }

    /// The lesson's highlights in words; without any, its key metrics as `name = value`.
    static func sentences(_ entry: TourEntry, _ language: Language) -> [String] {
        let filled = entry.highlights.compactMap { $0.filled(entry.result.metrics, language) }
        if !entry.highlights.isEmpty { return filled }
        let keys = entry.keyMetrics.isEmpty ? entry.result.metrics.keys.sorted() : entry.keyMetrics
        return keys.compactMap { key in entry.result.metrics[key].map { "\(key) = \(formatNumber($0))" } }
    }

    private static func lead(_ count: Int) -> L {
        L("Multimodal learning rests on two cores: alignment puts pictures, words and sounds in one space; fusion "
          + "combines them to answer what neither can alone. \(count == 1 ? "This lesson" : "These \(count) lessons") "
          + "train small real models on a toy world in seconds; each card leads to the run as a page.",
          "多模态学习有两个核心：对齐把图像、文字和声音放进同一个空间，融合把它们结合起来，回答任何单一模态都答不了的问题。"
          + "这 \(count) 课在一个玩具世界上用几秒钟训练真实的小模型；每张卡片都通向那次运行的网页。")
    }

    private static func runLine(_ options: TourOptions, _ language: Language) -> String {
        let quick = options.quick ? L(", small sizes (--quick)", "，小规模（--quick）")(language) : ""
        return L("Seed \(options.seed)\(quick), in English.", "种子 \(options.seed)\(quick)，中文。")(language)
    }

    private static func lessonLabel(_ number: Int, _ language: Language) -> String {
        L(String(format: "Lesson %02d", number), String(format: "第 %02d 课", number))(language)
    }
}
