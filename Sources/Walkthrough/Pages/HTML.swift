// The pieces every page shares: escaping, the inline stylesheet, a table, an embedded PNG.

import Foundation

enum HTML {
    /// Text safe inside an element or a double-quoted attribute: `&`, `<`, `>` and `"` escaped.
    ///
    ///     HTML.escape("a < b & \"c\"")   // "a &lt; b &amp; &quot;c&quot;"
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// The `lang` attribute of a page in `language`.
    static func lang(_ language: Language) -> String { language == .zh ? "zh-Hans" : "en" }

    /// A table with escaped cells; columns whose cells all read as numbers are right-aligned.
    static func table(_ headers: [String], _ rows: [[String]], cell: (String) -> String = escape) -> String {
        let numeric = headers.indices.map { c in !rows.isEmpty && rows.allSatisfy { TextTable.looksNumeric($0[c]) } }
        func attributes(_ c: Int) -> String { numeric[c] ? " class=\"num\"" : "" }
        let head = "<thead><tr>" + headers.enumerated().map { "<th\(attributes($0))>\(cell($1))</th>" }.joined() + "</tr></thead>"
        let body = rows.map { row in
            "<tr>" + row.enumerated().map { "<td\(attributes($0))>\(cell($1))</td>" }.joined() + "</tr>"
        }.joined(separator: "\n")
        return "<div class=\"table\"><table>\(head)\n<tbody>\n\(body)\n</tbody></table></div>"
    }

    /// An `<img>` that carries its PNG bytes as a data URI, so the page opens alone from disk.
    static func embeddedImage(_ png: [UInt8], alt: String) -> String {
        "<img src=\"data:image/png;base64,\(Data(png).base64EncodedString())\" alt=\"\(escape(alt))\">"
    }

    /// A page: the doctype, the head with the inline stylesheet, and `body`.
    static func page(title: String, language: Language, body: String) -> String {
        """
        <!doctype html>
        <html lang="\(lang(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(stylesheet)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// One calm stylesheet for the run pages and the tour's front page; it prints well too.
    static let stylesheet = """
    :root { --ink: #1d232b; --muted: #5b6673; --line: #d9dee4; --soft: #f4f6f8; --accent: #1f6feb; --warn: #9a5b00; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: #fff; line-height: 1.6;
           font: 16px/1.6 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; }
    main { max-width: 58rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }   /* a 100-column code line fits */
    h1 { font-size: 1.9rem; line-height: 1.25; margin: 0.2rem 0 0.6rem; }
    h2 { font-size: 1.35rem; line-height: 1.3; margin: 0; }
    h3 { font-size: 1.1rem; }
    a { color: var(--accent); }
    .kicker { color: var(--muted); font-size: 0.9rem; letter-spacing: 0.04em; text-transform: uppercase; margin: 0; }
    .summary { font-size: 1.1rem; color: #333b44; }
    code, pre { font-family: "DejaVu Sans Mono", ui-monospace, Menlo, Consolas, monospace; font-size: 0.86rem; }
    :not(pre) > code { background: var(--soft); padding: 0.08em 0.3em; border-radius: 4px; }
    pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem 0.9rem;
          overflow-x: auto; line-height: 1.45; }
    pre.code { border-left: 4px solid var(--accent); }
    pre.output { background: #fff; white-space: pre-wrap; }
    .comment { color: #6a737d; }
    .step { border-top: 1px solid var(--line); margin-top: 2.5rem; padding-top: 1.25rem; }
    .step-number { color: var(--muted); font-weight: normal; font-size: 0.95rem; display: block; }
    .label { color: var(--muted); font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; margin: 1rem 0 0.25rem; }
    figure { margin: 1rem 0; text-align: center; }
    figure img { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px; }
    figcaption { color: var(--muted); font-size: 0.85rem; }
    figcaption a { white-space: nowrap; }
    .table { overflow-x: auto; margin: 0.75rem 0; }
    table { border-collapse: collapse; font-size: 0.9rem; }
    th, td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.7rem; text-align: left; vertical-align: top; }
    th { border-bottom: 2px solid #b8c0c8; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    math[display="block"] { margin: 0.8rem 0; overflow-x: auto; overflow-y: hidden; }
    math { font-family: "STIX Two Math", "Latin Modern Math", "DejaVu Math TeX Gyre", math; }
    .notice { border: 1px solid #e3c27a; background: #fff8e6; color: #4a3500; border-radius: 6px; padding: 0.75rem 1rem; margin: 1rem 0; }
    details { margin: 0.75rem 0; }
    summary { cursor: pointer; color: var(--muted); }
    nav.steps ol { columns: 2; padding-left: 1.4rem; margin: 0.5rem 0; }
    dl.try dt { font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: 0.9rem; margin-top: 0.6rem; }
    dl.try dd { margin-left: 1.5rem; }
    footer { border-top: 1px solid var(--line); margin-top: 3rem; padding-top: 1rem; color: var(--muted); font-size: 0.9rem; }
    main.tour { max-width: 76rem; }   /* the front page: each lesson's figure wide enough to read */
    .cards { display: grid; grid-template-columns: 1fr; gap: 1.5rem; margin-top: 1.5rem; }
    .card { border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.25rem 1.1rem;
            display: grid; grid-template-columns: 1fr 1fr; column-gap: 2rem; align-items: start; }
    .card > .number, .card > h2, .card > .figure, .card > .links { grid-column: 1 / -1; }
    .card h2 { font-size: 1.25rem; }
    .card .number { color: var(--muted); font-size: 0.85rem; }
    .card .figure img { display: block; width: 100%; height: auto; max-height: 44rem; object-fit: contain;
                        border: 1px solid var(--line); border-radius: 6px; margin: 0.6rem 0; }
    .card p { margin: 0.3rem 0; }
    .card ul { padding-left: 1.1rem; margin: 0.3rem 0; }
    .card .links { padding-top: 0.6rem; }
    .card .links a { margin-right: 1rem; }
    @media (max-width: 50rem) { .card { grid-template-columns: 1fr; } }
    @media print {
      main { max-width: none; padding: 0; }
      .step, figure, table, pre, .card { break-inside: avoid; }
      a { color: inherit; }
    }
    """
}
