// Three small models trained side by side, one per core, read and save exactly as when they train one
// after another: the same printed lines in the same order, the same page, the same checkpoint bytes.

import Foundation
import Testing
import TeachingEngine
import Walkthrough

/// Fits `line` to (x, y) by 300 steps of gradient descent on the mean squared error, through `run.train`.
func fit(_ line: Line, _ x: Tensor, _ y: Tensor, learningRate: Float, name: String, _ run: Run) throws {
    var optimizer = SGD(parameters: line.parameters, learningRate: learningRate)
    try run.train(name, line, settings: [:], steps: 300, lr: Double(learningRate)) { progress in
        for step in 1...300 {
            let loss = meanSquaredError(line(x), target: y)
            optimizer.zeroGrad()
            loss.backward()
            optimizer.step()
            try progress.update(step: step, loss: loss.item)
        }
    }
}

/// A lesson of one step: lines with slopes 1, 2 and 3 fitted by gradient descent with `run.sideBySide`.
final class ThreeLines: Lesson {
    static let number = 0
    static let slug = "three-lines"
    static let narration = try! Narration(english: """
        # Three lines at once

        Three separate fits, one per core.

        ## Fit three lines

        Each line learns its own slope from its own points.
        """, chinese: """
        # 同时拟合三条直线

        三个独立的拟合，每个核一个。

        ## 拟合三条直线

        每条直线从自己的点学到自己的斜率。
        """)
    static let tryThis: [TryThis] = []

    let run: Run
    init(run: Run, knobs: NoKnobs) { self.run = run }

    static let steps: [Step<ThreeLines>] = [
        Step(trains: true) { lesson, run in
            let slopes = try run.sideBySide([1, 2, 3], prepare: { slope in (slope, Line()) }) { job, run in
                let (slope, line) = job
                let x = Tensor(shape: [8], scalars: (0..<8).map { Float($0) / 4 })
                let y = Tensor(shape: [8], scalars: (0..<8).map { Float(slope) * Float($0) / 4 })
                run.print("line \(slope): y = \(slope)·x")
                try fit(line, x, y, learningRate: 0.05, name: "line-\(slope)", run)
                run.metric("slope_\(slope)", line.slope)
                return line.slope
            }
            run.print(String(format: "slopes found: %.1f, %.1f, %.1f", slopes[0], slopes[1], slopes[2]))
        },
    ]
}

/// Two lines side by side, the second at a learning rate far too large: it diverges.
final class TwoLinesOneDiverges: Lesson {
    static let number = 0
    static let slug = "two-lines"
    static let narration = try! Narration(english: """
        # Two lines, one diverging

        The second fit steps too far.

        ## Fit two lines

        One learning rate works, the other overflows.
        """, chinese: """
        # 两条直线，一条发散

        第二个拟合步子太大。

        ## 拟合两条直线

        一个学习率可行，另一个溢出。
        """)
    static let tryThis: [TryThis] = []

    let run: Run
    init(run: Run, knobs: NoKnobs) { self.run = run }

    static let steps: [Step<TwoLinesOneDiverges>] = [
        Step(trains: true) { lesson, run in
            _ = try run.sideBySide([Float(0.05), 50], prepare: { lr in (lr, Line()) }) { job, run in
                let (lr, line) = job
                let x = Tensor(shape: [8], scalars: (0..<8).map { Float($0) })
                let y = Tensor(shape: [8], scalars: (0..<8).map { 2 * Float($0) })
                run.print("lr \(lr)")
                try fit(line, x, y, learningRate: lr, name: "line-\(Int(lr * 100))", run)
            }
        },
    ]
}

/// Two lines side by side whose steps take a millisecond each, long enough to see the group's line.
final class TwoSlowLines: Lesson {
    static let number = 0
    static let slug = "two-slow-lines"
    static let narration = try! Narration(english: """
        # Two slow lines

        Each step waits a millisecond.

        ## Fit two lines

        Both fits are shown on one line while they train.
        """, chinese: """
        # 两条慢直线

        每一步等一毫秒。

        ## 拟合两条直线

        训练时两个拟合显示在同一行上。
        """)
    static let tryThis: [TryThis] = []

    let run: Run
    init(run: Run, knobs: NoKnobs) { self.run = run }

    static let steps: [Step<TwoSlowLines>] = [
        Step(trains: true) { lesson, run in
            _ = try run.sideBySide([1, 2], prepare: { slope in (slope, Line()) }) { job, run in
                let (slope, line) = job
                var optimizer = SGD(parameters: line.parameters, learningRate: 0.05)
                let x = Tensor(shape: [4], scalars: [0, 1, 2, 3])
                let y = Tensor(shape: [4], scalars: [0, 1, 2, 3].map { Float(slope) * $0 })
                try run.train("slow-\(slope)", line, settings: [:], steps: 300) { progress in
                    for step in 1...300 {
                        let loss = meanSquaredError(line(x), target: y)
                        optimizer.zeroGrad()
                        loss.backward()
                        optimizer.step()
                        Thread.sleep(forTimeInterval: 0.001)
                        try progress.update(step: step, loss: loss.item)
                    }
                }
            }
        },
    ]
}

@Suite("sideBySide: models trained one per core read as if trained one after another")
struct SideBySideTests {
    /// Runs ThreeLines on `threads` engine threads into a new folder; its console text without the
    /// lines that give seconds and with the folder's path as OUT (the only things that may differ).
    func threeLines(threads: Int, terminal: Bool = false) -> (text: String, folder: URL, status: Int32) {
        let folder = temporaryFolder("three-lines-\(threads)")
        let console = Console.captured(terminal: terminal)
        let result = EngineThreads.with(threads) {
            Walkthrough.runReporting(ThreeLines.self, arguments: ["--out", folder.path, "--no-color"], console: console)
        }
        let text = console.output.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains(" s, ") && !$0.contains("steps/s") }.joined(separator: "\n")
            .replacingOccurrences(of: folder.path, with: "OUT")
        return (text, folder, result.exitCode)
    }

    @Test("Two threads (lines 1 and 2 at once, then 3) print what one thread prints, in the order 1, 2, 3, and find slopes 1, 2, 3")
    func sameOutputInOrder() throws {
        let (one, two) = (threeLines(threads: 1), threeLines(threads: 2))
        #expect(one.status == 0 && two.status == 0)
        #expect(two.text == one.text)
        let order = ["line 1: y", "line 2: y", "line 3: y", "slopes found: 1.0"].map { two.text.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(two.text.contains("slopes found: 1.0, 2.0, 3.0"))
    }

    @Test("Two threads write the same page, metrics.json and checkpoint bytes as one thread")
    func sameFiles() throws {
        let (one, two) = (threeLines(threads: 1), threeLines(threads: 2))
        for file in ["README.md", "metrics.json"] {
            #expect(bytes(one.folder.appendingPathComponent(file)) == bytes(two.folder.appendingPathComponent(file)), "\(file)")
        }
        let checkpoints = try FileManager.default.contentsOfDirectory(atPath: one.folder.appendingPathComponent("checkpoints").path)
        #expect(checkpoints.count == 3)
        for file in checkpoints {
            let path = "checkpoints/" + file
            #expect(bytes(one.folder.appendingPathComponent(path)) == bytes(two.folder.appendingPathComponent(path)), "\(file)")
        }
        let metrics = String(decoding: bytes(two.folder.appendingPathComponent("metrics.json")) ?? [], as: UTF8.self)
        #expect(metrics.contains("\"slope_1\"") && metrics.contains("\"slope_3\""))
    }

    @Test("A model that diverges beside another stops the run (exit 1) with its explanation, after the other model's output")
    func divergence() {
        let folder = temporaryFolder("two-lines")
        let console = Console.captured()
        let result = EngineThreads.with(2) {
            Walkthrough.runReporting(TwoLinesOneDiverges.self, arguments: ["--out", folder.path, "--no-color"],
                                     console: console)
        }
        #expect(result.exitCode == 1)
        let shown = console.output
        #expect(shown.contains("lr 0.05") && shown.contains("lr 50.0"))                  // both began
        #expect(shown.components(separatedBy: "trained 300 steps").count == 2)          // one finished
        #expect(console.errors.contains("Training diverged"))
        #expect(console.errors.contains("--lr 5 instead of 50"))
    }

    @Test("On a terminal, one line shows both models' progress while they train, instead of a bar each, and is cleared before their output")
    func terminalLine() {
        let folder = temporaryFolder("two-slow-lines")
        let console = Console.captured(terminal: true)
        let result = EngineThreads.with(2) {
            Walkthrough.runReporting(TwoSlowLines.self, arguments: ["--out", folder.path, "--no-color"], console: console)
        }
        #expect(result.exitCode == 0)
        let shown = console.output
        #expect(shown.contains("⇉ side by side, one per core: "))
        #expect(shown.contains("/300  "))                                   // two bars, side by side
        #expect(!shown.contains("s left"))                                  // no model drew a bar of its own
        #expect(shown.components(separatedBy: "trained 300 steps").count == 3)
    }
}
