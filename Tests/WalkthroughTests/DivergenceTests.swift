// A learning rate far too large: training stops at the first non-finite loss and explains itself.

import Foundation
import Testing
import Walkthrough

@Suite("Divergence stops training with an explanation")
struct DivergenceTests {
    @Test("--lr 1 on the line fit makes the loss overflow; the run exits 1 naming the step and suggesting --lr 0.1, and draws no figure")
    func diverges() async {
        await #expect(processExitsWith: .exitCode(1), observing: [\.standardErrorContent]) {
            let out = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("walkthrough-diverge-\(getpid())")
            exit(Walkthrough.run(LineFit.self, arguments: ["--out", out.path, "--lr", "1"], console: .standard()))
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("Training diverged at step"))
            #expect(text.contains("--lr 0.1 instead of 1"))
        }
    }

    @Test("the explanation states the step, the last finite loss and a tenth of the learning rate, in Chinese too")
    func explanation() {
        let error = TrainingDiverged(step: 7, totalSteps: 200, loss: .infinity, lastFinite: 1.5e30, learningRate: 1)
        #expect(error.explanation(.en).contains("step 7 of 200"))
        #expect(error.explanation(.en).contains("last finite loss: 1.5e+30"))
        #expect(error.explanation(.zh).contains("--lr 0.1"))
    }
}
