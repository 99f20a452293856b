// A real lesson's page, and lesson 02's sizes under --quick: what the learner types wins, and the
// run's settings record what it used.

import Foundation
import Lessons
import Testing
import Walkthrough

@Suite("Lesson pages and --quick sizes")
struct LessonPageTests {
    @Test("lesson 01 --quick: index.html is well-formed, needs no network and carries its five figures with their descriptions")
    func lessonOnePage() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("lesson01-page-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = Walkthrough.runReporting(Heterogeneity.self, arguments: ["--quick", "--out", out.path], console: .captured())
        #expect(result.exitCode == 0)
        let pageURL = out.appendingPathComponent("index.html")
        #expect(PageCheck.problems(pageAt: pageURL) == [])
        let page = try String(contentsOf: pageURL, encoding: .utf8)
        #expect(page.components(separatedBy: "<img src=\"data:image/png;base64,").count - 1 == result.figures.count)
        #expect(result.figures.count >= 5)
        for (file, alt) in result.figureDescriptions {
            #expect(page.contains("alt=\"\(alt)\""), "\(file) without its alt text")
        }
    }

    /// Lesson 02 through step 2 (the sizes are printed there) with `arguments`; the settings of its README.
    static func alignmentSettings(_ arguments: [String]) throws -> (readme: String, output: String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("lesson02-sizes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let console = Console.captured()
        let result = Walkthrough.runReporting(Alignment.self, arguments: ["--quick", "--through", "2", "--out", out.path] + arguments,
                                              console: console)
        #expect(result.exitCode == 0, "\(console.errors)")
        return (try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8), console.output)
    }

    @Test("lesson 02 --quick --steps 40 --pairs 256: the learner's sizes win and the settings table records them")
    func explicitSizesWin() throws {
        let (readme, output) = try Self.alignmentSettings(["--steps", "40", "--pairs", "256"])
        #expect(readme.contains("| steps   | 40    |"), "\(readme.prefix(600))")
        #expect(readme.contains("| pairs   | 256   |"))
        #expect(output.contains("trained 40 steps on 256 pairs"))
    }

    @Test("lesson 02 --quick alone: 500 steps on 1,200 pairs, and the settings table says so")
    func quickSizes() throws {
        let (readme, output) = try Self.alignmentSettings([])
        #expect(readme.contains("| steps   | 500   |"), "\(readme.prefix(600))")
        #expect(readme.contains("| pairs   | 1200  |"))
        #expect(output.contains("trained 500 steps on 1200 pairs"))
    }
}
