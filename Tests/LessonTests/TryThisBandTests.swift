// The "try this" suggestions that state numbers, run again: every cheap one (a run of a few seconds)
// of lessons 01, 03, 05 and 07 is re-run on seeds 0–4 by the same check `tour --check-try-this` uses,
// and each band it states must hold on every seed.

import Foundation
import Lessons
import Testing
import Walkthrough

@Suite("Try this: the cheap suggestions with numbers still measure what they state")
struct TryThisBandTests {
    @Test("lesson 01's --scenes 120 and --width 256 keep every nearest neighbour in its own modality on seeds 0–4")
    func lesson01() {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("try-this-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let outcomes = TryThisCheck.check(Heterogeneity.self, seeds: [0, 1, 2, 3, 4], out: out, cheapOnly: true,
                                          console: .captured())
        // Two suggestions, one band each, five seeds each.
        #expect(outcomes.count == 2 && outcomes.allSatisfy { $0.values.count == 5 })
        for outcome in outcomes {
            #expect(outcome.holds, "\(outcome.change): \(outcome.band) measured \(outcome.values)")
        }
    }

    @Test("every cheap suggestion of lessons 01–05 and 07 states a band, and the bands are in the words a learner reads")
    func cheapOnesHaveBands() {
        let items = Heterogeneity.tryThis + Alignment.tryThis + Fusion.tryThis + Tokens.tryThis + VQALesson.tryThis
            + OneSpace.tryThis
        // Lessons 02 and 04 state bands too, on runs too long for the suite (tour --check-try-this runs them).
        #expect(Alignment.tryThis.filter { !$0.bands.isEmpty }.count == 2)
        #expect(Tokens.tryThis.filter { !$0.bands.isEmpty }.count == 2)
        #expect(items.filter(\.cheap).allSatisfy { !$0.bands.isEmpty })
        // A band's numbers are appended to the words a learner reads, in both languages.
        for item in items where !item.bands.isEmpty {
            #expect(item.expect.en.contains("(seeds 0–4: ") && item.expect.zh.contains("（种子 0–4："))
        }
    }
}
