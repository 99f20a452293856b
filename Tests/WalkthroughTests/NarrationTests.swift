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
