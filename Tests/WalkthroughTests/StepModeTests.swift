// --step pauses before each step on a terminal: Enter runs the step, q stops cleanly.

import Foundation
import Testing
import Walkthrough

@Suite("--step pauses only on a terminal")
struct StepModeTests {
    @Test("Enter runs step 1, then q stops before step 2 with exit 0 and the files of step 1")
    func enterThenQuit() throws {
        let out = temporaryFolder("step")
        let (result, console) = runDemo(["--out", out.path, "--step"], input: ["", "q"], terminal: true)
        #expect(result.exitCode == 0)
        #expect(result.stepsRun == [1])
        #expect(console.output.contains("Stopped before step 2"))
        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("Step 1/4") && !readme.contains("Step 2/4"))
    }

    @Test("when input is not a terminal --step never waits: all four steps run")
    func noTerminalNoPause() {
        let out = temporaryFolder("step-pipe")
        let (result, console) = runDemo(["--out", out.path, "--step"], input: ["q"], terminal: false)
        #expect(result.stepsRun == [1, 2, 3, 4])
        #expect(!console.output.contains("[Enter]"))
    }
}
