// Lesson 02 run with a learner's functions (what `exercises lesson 2` and `lesson02 --mine` do): the
// CLIP trains with the learner's loss, and a model trained by one version of it is never reused for
// another.

import Foundation
import Lessons
import TeachingEngine
import Testing
import Walkthrough

@Suite("Lesson 02 with the learner's functions")
struct Lesson02LearnerCodeTests {
    /// Runs steps 1–5 of a --quick lesson 02 (seed 0) into `out` with `code` as the learner's functions.
    func train(_ code: LearnerCode, out: URL) -> RunResult {
        LearnerCode.$current.withValue(code) {
            Walkthrough.runReporting(Alignment.self, arguments: ["--quick", "--through", "5", "--out", out.path],
                                     console: .captured())
        }
    }

    @Test("a right InfoNCE trains as the kit's loss does (seed 0: 1.357); one without τ stays near chance and never moves τ")
    func learnerLossTrains() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("lesson02-learner-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        // The kit's loss written at a temperature: logits exp(s)·cos with s = −log τ.
        let right = LearnerCode(infoNCE: { image, text, tau in
            contrastiveLoss(imageEmbeddings: image, textEmbeddings: text, logScale: -log(tau)).loss
        }, fingerprint: "right")
        let first = train(right, out: out)
        #expect(first.exitCode == 0)
        let loss = try #require(first.metrics["loss_last20"])
        #expect(abs(loss - 1.35701) < 1e-3, "loss \(loss); the kit's --quick seed-0 run ends at 1.35701")

        // Without τ (scale 1): the same out folder, another fingerprint, so a new model is trained.
        let withoutTemperature = LearnerCode(infoNCE: { image, text, _ in
            contrastiveLoss(imageEmbeddings: image, textEmbeddings: text, logScale: Variable(Tensor(scalar: 0))).loss
        }, fingerprint: "no-temperature")
        let second = train(withoutTemperature, out: out)
        #expect(second.exitCode == 0)
        let flat = try #require(second.metrics["loss_last20"]), tau = try #require(second.metrics["temperature_final"])
        #expect(flat > 3, "loss \(flat): at scale 1 the 64-way choice stays near chance (ln 64 ≈ 4.16)")
        #expect(abs(tau - 0.07) < 1e-6, "τ \(tau): a loss that ignores τ gives it no gradient")
        let checkpoints = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("checkpoints").path)
        #expect(checkpoints.filter { $0.hasPrefix("tiny-clip") }.count == 2, "\(checkpoints)")
    }
}
