// Docs numbers, replication cards, checkpoint keys and the tour.

import Foundation
import Testing
import Walkthrough

@Suite("Docs are rewritten from metrics; the tour runs lessons into one folder")
struct DocsTests {
    @Test("a marked number is rewritten in the format it was written in")
    func markers() {
        let text = "R@1 <!-- m:02.recall_at_1 -->0.00<!-- /m -->, <!-- m:02.acc -->0.0%<!-- /m -->, <!-- m:02.n -->?<!-- /m -->, <!-- m:09.x -->1<!-- /m -->"
        let (rewritten, unknown) = DocsMarkers.rewriteNumbers(in: text, metrics: ["02.recall_at_1": 0.934, "02.acc": 0.9871, "02.n": 500])
        #expect(rewritten == "R@1 <!-- m:02.recall_at_1 -->0.93<!-- /m -->, <!-- m:02.acc -->98.7%<!-- /m -->, <!-- m:02.n -->500<!-- /m -->, <!-- m:09.x -->1<!-- /m -->")
        #expect(unknown == ["09.x"])
    }

    @Test("a number quoted in scientific notation stays scientific: 5.4e-7 like 3.87e-07 reads 5.40e-07")
    func scientific() {
        #expect(DocsMarkers.format(5.4e-7, like: "3.87e-07") == "5.40e-07")
        #expect(DocsMarkers.format(0.9341, like: "0.00") == "0.93")
    }

    @Test("a number quoted as a power of ten stays one, with as many digits: 1.19209e-7 like 1.0 × 10⁻⁶ reads 1.2 × 10⁻⁷")
    func powerOfTenStays() {
        #expect(DocsMarkers.format(1.19209e-7, like: "1.0 × 10⁻⁶") == "1.2 × 10⁻⁷")
        #expect(DocsMarkers.format(3.456e-9, like: "1.00 × 10⁻⁷") == "3.46 × 10⁻⁹")
    }

    @Test("a quoted score short of 100% never reads as 100%: 0.997 like 90% is 99.7%, 0.99996 like 90.0% is 99.996%")
    func percentShortOfPerfect() {
        #expect(DocsMarkers.format(0.997, like: "90%") == "99.7%")
        #expect(DocsMarkers.format(0.994, like: "90%") == "99%")
        #expect(DocsMarkers.format(0.99996, like: "90.0%") == "99.996%")
        #expect(DocsMarkers.format(0.9999999, like: "90%") == "> 99.99%")
        #expect(DocsMarkers.format(1, like: "90.0%") == "100.0%")
    }

    @Test("a replication card over seeds 0.90, 0.94, 0.92 reads mean 0.92 ± 0.02, min–max 0.9–0.94; errors of 1e-7 and 3e-7 read 2.00 × 10⁻⁷ ± 1.41 × 10⁻⁷")
    func card() {
        let card = ReplicationCard(seeds: [0, 1, 2], runs: [["acc": 0.90], ["acc": 0.94], ["acc": 0.92]], metrics: ["acc"])
        #expect(abs(card.rows[0].mean - 0.92) < 1e-12)
        #expect(abs(card.rows[0].sd - 0.02) < 1e-12)
        #expect(card.markdown.hasPrefix("""
            | metric | mean ± sd (3 seeds) |  min – max |
            |--------|--------------------:|-----------:|
            | acc    |         0.92 ± 0.02 | 0.9 – 0.94 |
            """))
        let tiny = ReplicationCard(seeds: [0, 1], runs: [["error": 1e-7], ["error": 3e-7]], metrics: ["error"])
        #expect(tiny.markdown.contains("| 2.00 × 10⁻⁷ ± 1.41 × 10⁻⁷ | 1.00 × 10⁻⁷ – 3.00 × 10⁻⁷ |"))
        let guide = "# Guide\n<!-- card:02 -->\nold\n<!-- /card -->\nend\n"
        #expect(DocsMarkers.replaceCard(in: guide, lessonNumber: 2, card: "NEW") == "# Guide\n<!-- card:02 -->\nNEW\n<!-- /card -->\nend\n")
    }

    @Test("checkpoint keys: the order of settings does not matter, any changed value does")
    func keys() {
        let a = checkpointKey(name: "clip", settings: ["lr": "0.001", "seed": "0"])
        #expect(a == checkpointKey(name: "clip", settings: ["seed": "0", "lr": "0.001"]))
        #expect(a != checkpointKey(name: "clip", settings: ["lr": "0.002", "seed": "0"]))
        #expect(a.hasPrefix("clip-") && a.count == 5 + 16)
    }

    @Test("the tour runs the demo with 2 seeds: index pages, a replication card, Docs figures and numbers")
    func tour() throws {
        let out = temporaryFolder("tour"), docs = temporaryFolder("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        let guide = "Slope <!-- m:00.slope -->0.000<!-- /m -->.\n<!-- card:00 --><!-- /card -->\n"
        try Data(guide.utf8).write(to: docs.appendingPathComponent("00-line-fit.md"))
        let console = Console.captured()
        let code = Tour.run(lessons: [LineFit.self], arguments: ["--out", out.path, "--quick", "--seeds", "2",
                                                                 "--docs", "--docs-dir", docs.path],
                            console: console)
        #expect(code == 0, "\(console.errors)")
        let index = try String(contentsOf: out.appendingPathComponent("index.md"), encoding: .utf8)
        #expect(index.contains("[README](00-line-fit/README.md)"))
        #expect(index.contains("Gradient descent finds the slope "))
        #expect(index.contains("[page](00-line-fit/index.html)"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path))
        #expect(bytes(docs.appendingPathComponent("figures/00-line-fit/fit.png"))
                == bytes(out.appendingPathComponent("00-line-fit/fit.png")))
        let updated = try String(contentsOf: docs.appendingPathComponent("00-line-fit.md"), encoding: .utf8)
        let metrics = try String(contentsOf: out.appendingPathComponent("00-line-fit/metrics.json"), encoding: .utf8)
        #expect(!updated.contains("-->0.000<!--"))
        #expect(updated.contains("mean ± sd (2 seeds)") && updated.contains("Seeds: 0, 1."))
        #expect(metrics.contains("\"slope\""))
    }
}
