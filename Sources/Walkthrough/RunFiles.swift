// Writing what a run leaves in --out. A full run writes notebook.ipynb, README.md and metrics.json
// afresh. A partial run (--only N, --through N) must not destroy the full run's record a teacher is
// redrawing one figure from: it merges the metrics it measured into metrics.json and leaves the
// notebook and README of the last full run alone.

import Foundation

/// The three record files of a run, and how a partial run treats those already in --out.
enum RunFiles {
    /// What `write` did, for the closing line on the terminal.
    enum Outcome: Equatable {
        /// notebook.ipynb, README.md and metrics.json written for this run.
        case wroteAll
        /// A partial run after a full one: the metrics merged, the notebook and README kept.
        case mergedMetricsKeptNotebook
    }

    /// Writes the run's files into `out`, each atomically.
    ///
    /// - Full run (`partial == false`): all three written from `report`.
    /// - Partial run: metrics.json becomes the existing metrics with the keys this run measured
    ///   replaced or added; notebook.ipynb and README.md are kept when they record a full run (every
    ///   step has its code cell), otherwise written for the steps this run ran.
    ///
    ///     // out/ holds a full run with {"a": 1, "b": 2}; `--only 3` measures b = 5:
    ///     try RunFiles.write(report, to: out, partial: true)   // metrics.json {"a": 1, "b": 5}
    static func write(_ report: RunReport, to out: URL, partial: Bool) throws -> Outcome {
        let metricsURL = out.appendingPathComponent("metrics.json")
        let notebookURL = out.appendingPathComponent("notebook.ipynb")
        var merged = report
        if partial {
            merged.metrics = existingMetrics(at: metricsURL).merging(report.metrics) { _, measured in measured }
        }
        try AtomicFiles.write(Array(merged.metricsJSON.utf8), to: metricsURL)
        if partial && recordsFullRun(notebookURL, stepCount: report.stepCount)
            && FileManager.default.fileExists(atPath: out.appendingPathComponent("README.md").path) {
            return .mergedMetricsKeptNotebook
        }
        try AtomicFiles.write(Array(report.notebook.utf8), to: notebookURL)
        try AtomicFiles.write(Array(report.readme.utf8), to: out.appendingPathComponent("README.md"))
        return .wroteAll
    }

    /// The metrics in an existing metrics.json (`null` read back as NaN, written again as `null`);
    /// empty when there is none or it cannot be read.
    static func existingMetrics(at url: URL) -> [String: Double] {
        guard let data = FileManager.default.contents(atPath: url.path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        var metrics: [String: Double] = [:]
        for (key, value) in object {
            if let number = value as? NSNumber { metrics[key] = number.doubleValue }
            else if value is NSNull { metrics[key] = .nan }
        }
        return metrics
    }

    /// Whether the notebook at `url` records every step 1…`stepCount` (its code cells are named
    /// `step-01-code` … by `RunReport.notebook`).
    static func recordsFullRun(_ url: URL, stepCount: Int) -> Bool {
        guard let data = FileManager.default.contents(atPath: url.path),
              let text = String(data: data, encoding: .utf8) else { return false }
        return (1...max(stepCount, 1)).allSatisfy { text.contains(String(format: "\"step-%02d-code\"", $0)) }
    }
}
