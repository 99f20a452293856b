// Every run is also a page, index.html: the narration with its formulas as MathML, the code, the
// printed text, tables as tables and every figure inside the file. The tour's index is a front page
// of cards. Both are checked as a browser would need them: well-formed, images present, no network.

import Foundation
import Testing
import Walkthrough

@Suite("Pages: the run as index.html, the tour's front page")
struct PageTests {
    @Test("a run's page is well-formed, embeds fit.png byte for byte with alt text, and needs no network")
    func runPage() throws {
        let out = temporaryFolder("page")
        let (result, console) = runDemo(["--out", out.path, "--seed", "3"])
        #expect(result.exitCode == 0, "\(console.errors)")
        let pageURL = out.appendingPathComponent("index.html")
        #expect(PageCheck.problems(pageAt: pageURL) == [])
        let page = try String(contentsOf: pageURL, encoding: .utf8)
        let fit = try #require(bytes(out.appendingPathComponent("fit.png")))
        #expect(page.contains("<img src=\"data:image/png;base64,\(Data(fit).base64EncodedString())\" alt=\"Figure fit.png of step 3: Draw the fit\">"))
        #expect(!page.contains("http://") && !page.contains("https://"))
        #expect(console.output.contains("The run as a page: \(pageURL.path)"))
    }

    @Test("the page shows formulas as MathML, code escaped, printed text as text and the table as a table")
    func runPageContent() throws {
        let out = temporaryFolder("page-content")
        #expect(runDemo(["--out", out.path, "--quick"]).0.exitCode == 0)
        let page = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
        #expect(page.contains("<h2><span class=\"step-number\">Step 3 of 4</span>Draw the fit</h2>"))
        // $y = 2x + 1$ and the display formula of step 2: MathML, never the dollar signs.
        #expect(page.contains("<math><semantics><mrow><mi>y</mi><mo>=</mo><mn>2</mn><mi>x</mi><mo>+</mo><mn>1</mn></mrow>"))
        #expect(page.contains("<math display=\"block\"><semantics><mrow><mi>L</mi><mo>=</mo><mfrac><mn>1</mn><mi>n</mi></mfrac>"))
        #expect(!page.contains("$y = 2x + 1$"))
        // Code: escaped, with the comment set apart.
        #expect(page.contains("let row = 23 - min(23, max(0, Int(y)))"))
        #expect(page.contains("<span class=\"comment\">// [24, 24] grayscale</span>"))
        #expect(page.contains("try run.figure(&quot;fit&quot;, png:") || page.contains("try run.figure(\"fit\", png:"))
        // Printed text and the table.
        #expect(page.contains("<pre class=\"output\">10 points</pre>"))
        #expect(page.contains("<th class=\"num\">y (measured)</th>"))
        #expect(page.contains("<dt>--noise 1</dt><dd>the fitted slope drifts further from 2"))
    }

    @Test("--lang zh writes a Chinese page: lang zh-Hans, Chinese headings")
    func chinesePage() throws {
        let out = temporaryFolder("page-zh")
        #expect(runDemo(["--out", out.path, "--quick", "--lang", "zh"]).0.exitCode == 0)
        let page = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("<html lang=\"zh-Hans\">"))
        #expect(page.contains("<span class=\"step-number\">第 1/4 步</span>数据点"))
        #expect(page.contains("<th class=\"num\">y（测量值）</th>"))
        #expect(PageCheck.problems(pageAt: out.appendingPathComponent("index.html")) == [])
    }

    @Test("the tour's front page: a card per lesson with its key figure, its numbers in words, links to its page and notebook")
    func tourFrontPage() throws {
        let out = temporaryFolder("tour-page")
        let console = Console.captured()
        #expect(Tour.run(lessons: [LineFit.self], arguments: ["--out", out.path, "--quick"], console: console) == 0,
                "\(console.errors)")
        let indexURL = out.appendingPathComponent("index.html")
        #expect(PageCheck.problems(pageAt: indexURL) == [])
        let index = try String(contentsOf: indexURL, encoding: .utf8)
        let metricsData = try Data(contentsOf: out.appendingPathComponent("00-line-fit/metrics.json"))
        let slope = try #require((try JSONSerialization.jsonObject(with: metricsData) as? [String: Any])?["slope"] as? Double)
        #expect(index.contains("<img src=\"00-line-fit/fit.png\" alt=\"Figure fit.png of step 3: Draw the fit\">"))
        #expect(index.contains(String(format: "<li>Gradient descent finds the slope %.3g (the points were drawn with 2).</li>", slope)))
        #expect(index.contains("<a href=\"00-line-fit/index.html\">"))
        #expect(index.contains("<a href=\"00-line-fit/notebook.ipynb\" download>Notebook</a>"))
        #expect(!index.contains("slope = "))   // words, not raw metric keys
        #expect(PageCheck.problems(pageAt: out.appendingPathComponent("00-line-fit/index.html")) == [])
        #expect(console.output.contains("Tour: \(indexURL.path)"))
    }

    @Test("a Chinese tour writes a Chinese front page")
    func chineseTour() throws {
        let out = temporaryFolder("tour-zh")
        #expect(Tour.run(lessons: [LineFit.self], arguments: ["--out", out.path, "--quick", "--lang", "zh"],
                         console: .captured()) == 0)
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<html lang=\"zh-Hans\">"))
        #expect(index.contains("梯度下降找到的斜率是"))
        #expect(index.contains(">第 00 课<"))
        #expect(PageCheck.problems(pageAt: out.appendingPathComponent("index.html")) == [])
    }

    @Test("a highlight fills {metric} with three digits and {metric%} as a percentage, and is left out when a metric is missing")
    func highlights() {
        let h = Highlight(L("recall {recall%} (chance {chance%}), gap {gap}", "召回 {recall%}"))
        #expect(h.metrics == ["recall", "chance", "gap"])
        #expect(h.filled(["recall": 0.934, "chance": 0.0359, "gap": 0.236975], .en) == "recall 93% (chance 3.6%), gap 0.237")
        #expect(h.filled(["recall": 1], .zh) == "召回 100%")
        #expect(h.filled(["recall": 0.934], .en) == nil)
    }

    @Test("a score short of 100% never reads as 100%: 0.997 is 99.7%, 0.99996 is > 99.9%, 0.0004 is < 0.1%")
    func percentNeverRoundsToPerfect() {
        let h = Highlight(L("named in {score%}", "说对 {score%}"))
        #expect(h.filled(["score": 0.997], .en) == "named in 99.7%")
        #expect(h.filled(["score": 0.994], .en) == "named in 99%")
        #expect(h.filled(["score": 0.995], .en) == "named in 99.5%")
        #expect(h.filled(["score": 0.99996], .zh) == "说对 > 99.9%")
        #expect(h.filled(["score": 0.934], .en) == "named in 93%")
        #expect(h.filled(["score": 1], .en) == "named in 100%")
        #expect(h.filled(["score": 0.0004], .en) == "named in < 0.1%")
        #expect(h.filled(["score": 0], .en) == "named in 0%")
    }

    @Test("a number reads as printed: 3.87e-7 is < 0.001, -0.0223 has a minus sign, 999.97 is 1000, never e-notation")
    func numbersReadAsPrinted() {
        let h = Highlight(L("difference {d}", "差 {d}"))
        #expect(h.filled(["d": 3.87e-7], .en) == "difference < 0.001")
        #expect(h.filled(["d": -3.87e-7], .zh) == "差 > −0.001")
        #expect(h.filled(["d": -0.0223], .en) == "difference −0.0223")
        #expect(h.filled(["d": 0.0288], .en) == "difference 0.0288")
        #expect(h.filled(["d": 999.97], .en) == "difference 1000")
        #expect(h.filled(["d": 118.37], .en) == "difference 118")
        #expect(h.filled(["d": 222273], .en) == "difference 222273")
        for d in [3.87e-7, 1.19e-7, 12345.6, 0.00123, 5e9] {
            #expect(!(Highlight(L("{d}", "{d}")).filled(["d": d], .en) ?? "e").contains("e"), "\(d)")
        }
    }

    @Test("a tiny number reads as on paper: 1.19209e-7 is 1.2 × 10⁻⁷, 9.96e-8 is 1.0 × 10⁻⁷, 0.25 stays 0.25")
    func powersOfTen() {
        #expect(powerOfTen(1.19209e-7) == "1.2 × 10⁻⁷")
        #expect(powerOfTen(9.96e-8) == "1.0 × 10⁻⁷")
        #expect(powerOfTen(-3.5e12, digits: 3) == "−3.50 × 10¹²")
        #expect(powerOfTen(0.25) == "0.25")
        #expect(powerOfTen(0) == "0")
    }

    @Test("the page check finds what a browser would stumble on", arguments: [
        ("<!doctype html><p><b>x</p></b>", "</p> closes <b>"),
        ("<!doctype html><img src=\"missing.png\" alt=\"a\">", "missing.png: no such file beside the page"),
        ("<!doctype html><img src=\"data:image/png;base64,AAAA\" alt=\"a\">", "not PNG bytes"),
        ("<!doctype html><img src=\"data:image/png;base64,iVBORw0KGgo=\">", "no alt text"),
        ("<!doctype html><a href=\"https://example.org/\">x</a>", "needs the network"),
        ("<!doctype html><a href=\"#nowhere\">x</a>", "no such id"),
        ("<!doctype html><p>a & b</p>", "'&' does not start a character reference"),
        ("<!doctype html><div class=x>y</div>", "unquoted value"),
        ("<p>x</p>", "no <!doctype html>"),
        ("<!doctype html><section><p>x</p>", "<section> is never closed"),
    ])
    func pageCheckFinds(html: String, problem: String) {
        let found = PageCheck.problems(html, folder: temporaryFolder("check"))
        #expect(found.contains { $0.contains(problem) }, "\(found)")
    }
}
