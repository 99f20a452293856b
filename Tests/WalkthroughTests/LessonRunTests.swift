// A whole run of the demo lesson: what it leaves in --out, step selection, checkpoints, determinism.

import Foundation
import Testing
import Walkthrough

@Suite("A lesson run leaves a notebook, a README, a page, metrics and figures")
struct LessonRunTests {
    @Test("a full run writes notebook.ipynb, README.md, index.html, metrics.json and fit.png")
    func fullRun() throws {
        let out = temporaryFolder("full")
        let (result, console) = runDemo(["--out", out.path, "--seed", "3"])
        #expect(result.exitCode == 0, "\(console.errors)")
        #expect(result.stepsRun == [1, 2, 3, 4])
        for file in ["notebook.ipynb", "README.md", "index.html", "metrics.json", "fit.png"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file) missing")
        }
        // y = 2x + 1 with noise 0.1: gradient descent recovers the slope to within 0.1.
        let slope = try #require(result.metrics["slope"])
        #expect(abs(slope - 2) < 0.1)
        let metrics = try String(contentsOf: out.appendingPathComponent("metrics.json"), encoding: .utf8)
        #expect(metrics.hasPrefix("{\n \"intercept\": "))   // sorted keys: intercept, mse, slope
        #expect(metrics.contains("\"slope\": \(formatNumber(slope))"))
        let png = try #require(bytes(out.appendingPathComponent("fit.png")))
        #expect(png.prefix(4) == [0x89, 0x50, 0x4E, 0x47])
        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("## Step 3/4 · Draw the fit"))
        #expect(readme.contains("![Figure fit.png of step 3: Draw the fit](fit.png)"))   // alt text from the step
        #expect(readme.contains("|   x | y (measured) |"))                                 // a Markdown table, not text
        #expect(readme.contains("`--noise 1` — the fitted slope drifts further from 2"))
        #expect(readme.contains("Reproduce with: `lesson00 --seed 3`"))
        // No temporary file survives.
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!names.contains { $0.contains(".tmp-") })
    }

    @Test("the Measured table writes a tiny value as a power of ten (a fit without noise, 3,000 steps: mse below 10⁻³), metrics.json as a number")
    func measuredTinyValue() throws {
        let out = temporaryFolder("tiny")
        let (result, console) = runDemo(["--out", out.path, "--seed", "3", "--noise", "0", "--epochs", "3000"])
        #expect(result.exitCode == 0, "\(console.errors)")
        let mse = try #require(result.metrics["mse"])
        try #require(mse > 0 && mse < 0.001, "mse \(mse)")
        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        let row = try #require(readme.split(separator: "\n").first { $0.hasPrefix("| mse") })
        #expect(row.contains(powerOfTen(mse, digits: 3)))
        #expect(!row.contains("e-"))
        let metrics = try String(contentsOf: out.appendingPathComponent("metrics.json"), encoding: .utf8)
        #expect(metrics.contains("\"mse\": \(formatNumber(mse))"))
    }

    @Test("the notebook is nbformat 4.5 JSON without a kernelspec: Markdown and Swift code per step, a table as HTML, the figure as image/png with alt text")
    func notebookCells() throws {
        let out = temporaryFolder("notebook")
        let (result, _) = runDemo(["--out", out.path, "--quick"])
        #expect(result.exitCode == 0)
        let data = try Data(contentsOf: out.appendingPathComponent("notebook.ipynb"))
        let notebook = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(notebook["nbformat"] as? Int == 4)
        #expect(notebook["nbformat_minor"] as? Int == 5)
        let cells = try #require(notebook["cells"] as? [[String: Any]])
        let kinds = cells.map { $0["cell_type"] as? String ?? "?" }
        #expect(kinds == ["markdown"] + Array(repeating: ["markdown", "code"], count: 4).flatMap { $0 } + ["markdown", "markdown"])
        let ids = cells.compactMap { $0["id"] as? String }
        #expect(ids.count == cells.count && Set(ids).count == ids.count)
        #expect(ids[1...2] == ["step-01-text", "step-01-code"])
        let drawCell = cells[6]   // step 3's code cell
        let source = (drawCell["source"] as? [String] ?? []).joined()
        #expect(source.contains("try run.figure(\"fit\", png: tinyPNG(width: 24, height: 24, gray: pixels))"))
        let outputs = try #require(drawCell["outputs"] as? [[String: Any]])
        let image = (outputs.first?["data"] as? [String: Any])?["image/png"] as? String
        #expect(Data(base64Encoded: image ?? "").map(Array.init) == bytes(out.appendingPathComponent("fit.png")))
        #expect(((outputs.first?["metadata"] as? [String: Any])?["image/png"] as? [String: Any])?["alt"] as? String
                == "Figure fit.png of step 3: Draw the fit")
        let stepOne = try #require(cells[2]["outputs"] as? [[String: Any]])
        #expect(stepOne.first?["output_type"] as? String == "stream")
        #expect((stepOne.first?["text"] as? [String])?.first == "10 points\n")   // --quick: 10 points
        // The table of step 1: HTML for Jupyter and VS Code, the aligned text beside it.
        let table = try #require(stepOne.dropFirst().first?["data"] as? [String: Any])
        let html = (table["text/html"] as? [String] ?? []).joined()
        #expect(html.contains("<th class=\"num\">x</th><th class=\"num\">y (measured)</th>") && html.contains("<td class=\"num\">0.0</td>"))
        #expect((table["text/plain"] as? [String])?.first == "|   x | y (measured) |\n")
        // A record of outputs: no kernel named, so it opens without asking for one.
        let metadata = try #require(notebook["metadata"] as? [String: Any])
        #expect(metadata["kernelspec"] == nil)
        #expect((metadata["language_info"] as? [String: Any])?["name"] as? String == "swift")
    }

    @Test("two runs with the same seed write byte-identical files; another seed changes them")
    func deterministic() throws {
        let first = temporaryFolder("same-a"), second = temporaryFolder("same-b"), other = temporaryFolder("other")
        #expect(runDemo(["--out", first.path, "--seed", "5"]).0.exitCode == 0)
        #expect(runDemo(["--out", second.path, "--seed", "5"]).0.exitCode == 0)
        #expect(runDemo(["--out", other.path, "--seed", "6"]).0.exitCode == 0)
        for file in ["notebook.ipynb", "README.md", "index.html", "metrics.json", "fit.png"] {
            let a = try #require(bytes(first.appendingPathComponent(file)))
            #expect(a == bytes(second.appendingPathComponent(file)), "\(file) differs between two runs")
        }
        #expect(bytes(first.appendingPathComponent("metrics.json")) != bytes(other.appendingPathComponent("metrics.json")))
    }

    @Test("a second full run loads the trained line: step 2 still shows its loop and says the loop did not run")
    func secondRunSaysReused() throws {
        let out = temporaryFolder("reuse")
        let first = runDemo(["--out", out.path]).0
        let firstReadme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        let second = runDemo(["--out", out.path]).0
        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(first.trainedCheckpoints.count == 1 && second.loadedCheckpoints == first.trainedCheckpoints)
        #expect(!firstReadme.contains("did not run") && firstReadme.contains("trained 200 steps"))
        #expect(readme.contains("for step in 1...epochs {"))          // the loop is shown either way
        #expect(readme.contains("The loop above did not run this time"))
        #expect(second.metrics["slope"] == first.metrics["slope"])      // the same line, loaded
    }

    @Test("--only 3 on a fresh folder first trains the line quietly (step 2), then draws it")
    func onlyRunsTrainingStepFirst() throws {
        let out = temporaryFolder("only-fresh")
        let (result, console) = runDemo(["--out", out.path, "--only", "3"])
        #expect(result.exitCode == 0, "\(console.errors)")
        #expect(result.stepsRun == [3] && result.trainedCheckpoints.count == 1)
        #expect(result.metrics["slope"] == nil)                            // step 2's output stayed quiet
        #expect(console.output.contains("step 2 (Fit by gradient descent) runs first, quietly"))
    }

    @Test("--only 3 after a full run runs step 3 alone and loads the checkpoint instead of training")
    func onlyReusesCheckpoint() throws {
        let out = temporaryFolder("only")
        let (full, _) = runDemo(["--out", out.path])
        #expect(full.trainedCheckpoints.count == 1 && full.loadedCheckpoints.isEmpty)
        let (only, _) = runDemo(["--out", out.path, "--only", "3"])
        #expect(only.stepsRun == [3])
        #expect(only.trainedCheckpoints.isEmpty)
        #expect(only.loadedCheckpoints == full.trainedCheckpoints)
    }

    @Test("a model trained by a run in another folder is loaded from there, named by its path from --out, and not saved again")
    func reusesAnotherFoldersCheckpoint() throws {
        let root = temporaryFolder("elsewhere")
        let (first, _) = runDemo(["--out", root.appendingPathComponent("02-line").path])
        #expect(first.trainedCheckpoints.count == 1)
        let (second, console) = runDemo(["--out", root.appendingPathComponent("06-reuse").path,
                                         "--reuse-from", root.appendingPathComponent("02-line").path])
        #expect(second.trainedCheckpoints.isEmpty)
        #expect(second.loadedCheckpoints == ["../02-line/" + first.trainedCheckpoints[0]])
        #expect(console.output.contains("loaded ../02-line/checkpoints/line-"))
        #expect(second.metrics["slope"] == first.metrics["slope"])
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("06-reuse/checkpoints").path))
    }

    @Test("--only 2 after a full run keeps its notebook, README and page and merges the metrics it measured")
    func onlyKeepsFullNotebook() throws {
        let out = temporaryFolder("only-keeps")
        #expect(runDemo(["--out", out.path]).0.exitCode == 0)
        let notebook = bytes(out.appendingPathComponent("notebook.ipynb"))
        let readme = bytes(out.appendingPathComponent("README.md"))
        let page = bytes(out.appendingPathComponent("index.html"))
        // Pretend the full run measured one more number; step 2 alone measures slope and intercept again.
        let metricsURL = out.appendingPathComponent("metrics.json")
        var metrics = try String(contentsOf: metricsURL, encoding: .utf8)
        metrics = metrics.replacingOccurrences(of: "{\n", with: "{\n \"a_full_run_only\": 7,\n")
        try metrics.write(to: metricsURL, atomically: true, encoding: .utf8)
        let (only, console) = runDemo(["--out", out.path, "--only", "2", "--lr", "0.02"])
        #expect(only.stepsRun == [2])
        #expect(bytes(out.appendingPathComponent("notebook.ipynb")) == notebook)
        #expect(bytes(out.appendingPathComponent("README.md")) == readme)
        #expect(bytes(out.appendingPathComponent("index.html")) == page)
        #expect(console.output.contains("notebook.ipynb, README.md and index.html of the last full run kept"))
        let merged = try String(contentsOf: metricsURL, encoding: .utf8)
        #expect(merged.contains("\"a_full_run_only\": 7") && merged.contains("\"mse\": "))   // kept
        let slope = try #require(only.metrics["slope"])
        #expect(merged.contains("\"slope\": \(formatNumber(slope))"))                  // replaced by this run's
    }

    @Test("--only 3 with no earlier full run writes a notebook of step 3; a later full run replaces it")
    func onlyWithoutFullRun() throws {
        let out = temporaryFolder("only-first")
        #expect(runDemo(["--out", out.path, "--only", "3"]).0.exitCode == 0)
        var cells = try String(contentsOf: out.appendingPathComponent("notebook.ipynb"), encoding: .utf8)
        #expect(cells.contains("step-03-code") && !cells.contains("step-02-code"))
        #expect(runDemo(["--out", out.path, "--only", "2"]).0.exitCode == 0)   // not a full record: rewritten
        cells = try String(contentsOf: out.appendingPathComponent("notebook.ipynb"), encoding: .utf8)
        #expect(cells.contains("step-02-code") && !cells.contains("step-03-code"))
        #expect(runDemo(["--out", out.path]).0.exitCode == 0)
        cells = try String(contentsOf: out.appendingPathComponent("notebook.ipynb"), encoding: .utf8)
        #expect((1...4).allSatisfy { cells.contains("step-0\($0)-code") })
    }

    @Test("--through 2 runs steps 1 and 2; the first step that needs the line trains it")
    func throughSelects() {
        let out = temporaryFolder("through")
        let (result, _) = runDemo(["--out", out.path, "--through", "2"])
        #expect(result.stepsRun == [1, 2])
        #expect(result.trainedCheckpoints.count == 1)
        #expect(result.figures.isEmpty)
    }

    @Test("a changed setting (--lr) trains a new checkpoint under another key")
    func changedSettingTrainsAnew() {
        let out = temporaryFolder("changed")
        let (first, _) = runDemo(["--out", out.path, "--only", "2"])
        let (second, _) = runDemo(["--out", out.path, "--only", "2", "--lr", "0.02"])
        let (again, _) = runDemo(["--out", out.path, "--only", "2", "--lr", "0.02"])
        #expect(first.trainedCheckpoints.count == 1 && second.trainedCheckpoints.count == 1)
        #expect(first.trainedCheckpoints != second.trainedCheckpoints)
        #expect(again.loadedCheckpoints == second.trainedCheckpoints)
    }

    @Test("--list prints the four steps and writes nothing")
    func list() {
        let out = temporaryFolder("list")
        let (result, console) = runDemo(["--out", out.path, "--list", "--lang", "zh"])
        #expect(result.exitCode == 0)
        #expect(console.output.contains("  3  画出拟合"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("--lang zh narrates in Chinese and writes Chinese headings")
    func chinese() throws {
        let out = temporaryFolder("zh")
        let (result, console) = runDemo(["--out", out.path, "--only", "1", "--lang", "zh"])
        #expect(result.exitCode == 0)
        #expect(console.output.contains("第 1/4 步 · 数据点"))
        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("| y（测量值） |") || readme.contains("y（测量值）"))
    }
}
