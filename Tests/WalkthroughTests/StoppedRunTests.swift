// A run stopped at a --step prompt says so in everything it leaves, and a later --only keeps it.

import Foundation
import Testing
import Walkthrough

@Suite("A stopped run: its files say which steps never ran, and --only keeps them")
struct StoppedRunTests {
    @Test("q before step 2: README, notebook and page say the run was stopped and that steps 2–4 never ran")
    func stoppedRecord() throws {
        let out = temporaryFolder("stopped")
        let (result, _) = runDemo(["--out", out.path, "--step"], input: ["", "q"], terminal: true)
        #expect(result.exitCode == 0 && result.stepsRun == [1])
        let sentence = "This run was stopped before step 2 (q at the prompt): steps 2–4 never ran"
        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        let notebook = try String(contentsOf: out.appendingPathComponent("notebook.ipynb"), encoding: .utf8)
        let page = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(readme.contains(sentence) && readme.contains("## Stopped"))
        #expect(notebook.contains(sentence) && notebook.contains("\"id\": \"stopped\""))
        #expect(page.contains(sentence) && page.contains("<p class=\"notice\">"))
        #expect(PageCheck.problems(pageAt: out.appendingPathComponent("index.html")) == [])
    }

    @Test("Chinese: 在第 3 步前被停止 … 第 3–4 步没有运行")
    func stoppedChinese() throws {
        let out = temporaryFolder("stopped-zh")
        _ = runDemo(["--out", out.path, "--step", "--lang", "zh"], input: ["", "", "q"], terminal: true)
        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("这次运行在第 3 步前被停止（在提示处输入了 q）：第 3–4 步没有运行"))
    }

    @Test("--only 3 on a folder that holds only a stopped run keeps its notebook, README and page")
    func onlyKeepsStoppedRun() throws {
        let out = temporaryFolder("stopped-only")
        _ = runDemo(["--out", out.path, "--step"], input: ["", "", "q"], terminal: true)   // steps 1 and 2 ran
        let files = ["notebook.ipynb", "README.md", "index.html"]
        let before = files.map { bytes(out.appendingPathComponent($0)) }
        let (only, console) = runDemo(["--out", out.path, "--only", "3"])
        #expect(only.exitCode == 0 && only.stepsRun == [3])
        #expect(files.map { bytes(out.appendingPathComponent($0)) } == before)
        #expect(console.output.contains("of the last run of the whole lesson (stopped early) kept"))
        let metrics = try String(contentsOf: out.appendingPathComponent("metrics.json"), encoding: .utf8)
        #expect(metrics.contains("\"slope\""))   // step 2's metric from the stopped run, kept
    }

    @Test("Ctrl-D at the prompt ends the prompt's line before the message")
    func endOfInput() {
        let out = temporaryFolder("ctrl-d")
        let (result, console) = runDemo(["--out", out.path, "--step"], input: [], terminal: true)
        #expect(result.exitCode == 0 && result.stepsRun.isEmpty)
        #expect(console.output.contains("[q] then Enter to stop › \nStopped before step 1"))
    }
}
