// A learning rate too large to learn but not large enough to overflow makes the loss grow without
// ever becoming NaN. The progress summary then says so, with what to try.

import Foundation
import Testing
import Walkthrough

@Suite("A loss that ends above its start is pointed out")
struct ReliabilityRisingLossTests {
    @Test("the line fit with --lr 0.3 for 12 epochs grows its loss but stays finite: the run finishes with a note suggesting --lr 0.03")
    func risingLoss() {
        let out = temporaryFolder("rising")
        defer { try? FileManager.default.removeItem(at: out) }
        let (result, console) = runDemo(["--out", out.path, "--lr", "0.3", "--epochs", "12"])
        #expect(result.exitCode == 0, "\(console.errors)")
        #expect(console.output.contains("note: the loss ended higher than it started"), "\(console.output)")
        #expect(console.output.contains("(e.g. --lr 0.03)"))
    }

    @Test("the default --lr 0.01 lowers the loss: no note")
    func fallingLoss() {
        let out = temporaryFolder("falling")
        defer { try? FileManager.default.removeItem(at: out) }
        let (result, console) = runDemo(["--out", out.path])
        #expect(result.exitCode == 0, "\(console.errors)")
        #expect(!console.output.contains("note: the loss ended higher"))
    }
}
