// A step's code is read from its own source by brace matching, ignoring braces in strings and comments.

import Testing
import Walkthrough

@Suite("A step's code is taken from the lesson's source")
struct StepSourceTests {
    @Test("the demo's step 4 shows exactly the four lines inside its closure")
    func demoStep() {
        #expect(LineFit.steps[3].code == [
            "let (a, b) = (lesson.line.slope, lesson.line.intercept)",
            "let mse = lesson.points.map { (a * $0.x + b - $0.y) * (a * $0.x + b - $0.y) }.reduce(0, +)",
            "    / Float(lesson.points.count)",
            "run.say(Say.mse, mse)",
            "run.metric(\"mse\", mse)",
        ])
    }

    @Test("braces inside strings, interpolations, raw strings and comments do not end the closure")
    func trickyBraces() {
        let source = #"""
        let a = 1
        Step(L("A { title", "标题 }"),
             L("narration", "叙述")) { lesson, run in
            let s = "}"   // a } in a comment
            /* a block } with /* nested } */ comment */
            let t = "value \(["}": 1]["}"]!) }"
            let r = #"raw " } "#
            let m = """
              }
              """
            if s.isEmpty { run.print(t + r + m) }
        }
        let after = 2
        """#
        #expect(StepSource.closureBody(in: source, fromLine: 2) == [
            "let s = \"}\"   // a } in a comment",
            "/* a block } with /* nested } */ comment */",
            #"let t = "value \(["}": 1]["}"]!) }""#,
            ##"let r = #"raw " } "#"##,
            "let m = \"\"\"",
            "  }",
            "  \"\"\"",
            "if s.isEmpty { run.print(t + r + m) }",
        ])
    }

    @Test("a one-line closure gives its one statement without the parameter list")
    func oneLine() {
        #expect(StepSource.closureBody(in: "Step(\"x\", \"y\") { l, run in run.print(\"hi\") }", fromLine: 1)
                == ["run.print(\"hi\")"])
    }

    @Test("when the source is not on disk the step says where its code is")
    func fallback() {
        let step = Step<Int>(file: "/nowhere/Lesson.swift", fileID: "Lessons/Lesson.swift", line: 12) { _, _ in }
        #expect(step.code == ["// The source of this step is not on disk; it is at Lessons/Lesson.swift:12."])
        #expect(StepSource.closureBody(in: "let x = 1\n", fromLine: 1) == nil)
    }
}
