// A lesson's words come from one Markdown file per language: the title, the summary, then one
// section per step.

import Testing
import Walkthrough

@Suite("Narration: a lesson's words in Markdown, one section per step")
struct NarrationTests {
    static let english = """
        # Two steps

        A summary
        on two lines.

        ## First

        Text with $x^2$.

        ```
        ## not a step: inside a code block
        ```

        ## Second

        - a list
        """
    static let chinese = """
        # 两步

        摘要。

        ## 第一

        正文。

        ## 第二

        列表。
        """

    @Test("'# Two steps', a two-line summary and two '##' sections give a title, the summary and two steps")
    func parsesSections() throws {
        let narration = try Narration(english: NarrationTests.english, chinese: NarrationTests.chinese)
        #expect(narration.title == L("Two steps", "两步"))
        #expect(narration.summary.en == "A summary\non two lines.")
        #expect(narration.steps.map(\.title) == [L("First", "第一"), L("Second", "第二")])
        #expect(narration.steps[1].text == L("- a list", "列表。"))
    }

    @Test("a '##' line inside a fenced code block stays part of the step's text")
    func fenceIsNotASection() throws {
        let narration = try Narration(english: NarrationTests.english, chinese: NarrationTests.chinese)
        #expect(narration.steps[0].text.en == "Text with $x^2$.\n\n```\n## not a step: inside a code block\n```")
    }

    @Test("two steps in English but one in Chinese is refused, naming both counts")
    func countsMustAgree() {
        let oneStep = "# 一步\n\n## 第一\n\n正文。"
        #expect(throws: NarrationError.stepCountsDiffer(english: 2, chinese: 1)) {
            try Narration(english: NarrationTests.english, chinese: oneStep)
        }
    }

    @Test("a file that does not start with '# Title' is refused")
    func needsTitle() {
        #expect(throws: NarrationError.noTitle(.zh)) {
            try Narration(english: NarrationTests.english, chinese: "## 第一\n\n## 第二")
        }
    }

    @Test("run.say fills a phrase in the run's language: 'loss %.3f → %.3f' with 4.1 and 0.5")
    func sayFillsPhrase() {
        let phrase = L("loss %.3f → %.3f", "损失 %.3f → %.3f")
        #expect(String(format: phrase(.en), 4.1, 0.5) == "loss 4.100 → 0.500")
        #expect(String(format: phrase(.zh), 4.1, 0.5) == "损失 4.100 → 0.500")
    }
}

@Suite("Try this: numbers stated as bands, and checked by running the change")
struct TryThisCheckTests {
    @Test("a band is appended to the expectation a learner reads, in both languages")
    func bandInText() {
        let item = TryThis(change: "--noise 1", expect: L("a worse fit", "拟合变差"), bands: [Band("mse", 0.5...1.5)])
        #expect(item.expect.en == "a worse fit (seeds 0–4: mse 0.5–1.5)")
        #expect(item.expect.zh == "拟合变差（种子 0–4：mse 0.5–1.5）")
        #expect(item.arguments == ["--noise", "1"])
    }

    @Test("a band holds to the last printed digit: 0.9004 is in 0.80–0.90, 0.9006 is not")
    func bandEdges() {
        let band = Band("accuracy", 0.80...0.90)
        #expect(band.holds(0.9004) && !band.holds(0.9006) && band.holds(0.7996) && !band.holds(0.79))
    }

    @Test("the demo's '--noise 1' runs again on seeds 0 and 1: its stated mse band holds; a band it misses is reported")
    func checksDemo() {
        let out = temporaryFolder("try-this")
        let outcomes = TryThisCheck.check(LineFit.self, seeds: [0, 1], out: out, cheapOnly: true, console: .captured())
        #expect(outcomes.count == 1 && outcomes[0].values.count == 2)
        let holds = outcomes.allSatisfy { $0.holds }
        #expect(holds, "\(outcomes.map { $0.values })")
        let missed = TryThisCheck.Outcome(lesson: "00-line-fit", change: "--noise 1", band: Band("mse", 0...0.01),
                                          values: outcomes[0].values)
        #expect(!missed.holds)
        #expect(TryThisCheck.markdown(outcomes + [missed], seeds: [0, 1]).contains("✗ does not hold"))
    }
}
