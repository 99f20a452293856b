// "Try this" expectations that carry numbers are checked by running them: each change is run again
// on the lesson's seeds, and every band it states must still hold. `tour --check-try-this` reports
// the result as a table; the test suite runs the cheap ones.

import Foundation

/// Runs try-this changes and compares what they measure with the bands they state.
public enum TryThisCheck {
    /// One band of one try-this, checked on some seeds.
    public struct Outcome: Sendable {
        public let lesson: String
        public let change: String
        public let band: Band
        /// The metric on each seed run (nil: the run did not record it or failed).
        public let values: [Double?]

        public init(lesson: String, change: String, band: Band, values: [Double?]) {
            self.lesson = lesson
            self.change = change
            self.band = band
            self.values = values
        }

        /// True when every seed's value lies in the band.
        public var holds: Bool { !values.isEmpty && values.allSatisfy { $0.map(band.holds) ?? false } }
    }

    /// Runs every try-this of `lesson` that states bands (only the cheap ones when `cheapOnly`) on each
    /// of `seeds`, writing each run under `out/<lesson>/<n>/seed-<s>`, and returns one outcome per band.
    public static func check<Content: Lesson>(_ lesson: Content.Type, seeds: [UInt64], out: URL,
                                              cheapOnly: Bool = false, console: Console = .standard(),
                                              archive: TensorArchive = .standard) -> [Outcome] {
        var outcomes: [Outcome] = []
        for (index, item) in Content.tryThis.enumerated() where !item.bands.isEmpty && (item.cheap || !cheapOnly) {
            let runs = seeds.map { seed -> RunResult in
                console.line("try this: \(Content.folderName) \(item.change.en) seed \(seed)")
                let folder = out.appendingPathComponent("\(Content.folderName)/\(index + 1)/seed-\(seed)")
                return Walkthrough.runReporting(lesson, arguments: item.arguments + [
                    "--seed", String(seed), "--out", folder.path, "--no-color",
                ], console: .captured(), archive: archive)
            }
            for band in item.bands {
                outcomes.append(Outcome(lesson: Content.folderName, change: item.change.en, band: band,
                                        values: runs.map { $0.exitCode == 0 ? $0.metrics[band.metric] : nil }))
            }
        }
        return outcomes
    }

    /// The outcomes as a Markdown table: lesson, change, band, what each seed measured, and whether it holds.
    public static func markdown(_ outcomes: [Outcome], seeds: [UInt64]) -> String {
        let rows = outcomes.map { o in
            [o.lesson, "`\(o.change)`", o.band.description,
             o.values.map { $0.map(formatNumber) ?? "—" }.joined(separator: ", "), o.holds ? "✓ holds" : "✗ does not hold"]
        }
        let seedList = seeds.map(String.init).joined(separator: ", ")
        return "# Try this, checked\n\nEach change run again on seeds \(seedList); a band holds when every seed falls in it.\n\n"
            + TextTable(["lesson", "change", "band", "measured", "verdict"], rows).rendered + "\n"
    }
}
