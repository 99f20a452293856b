// Writing what a run leaves in --out. A run of the whole lesson — finished, or stopped at a prompt —
// writes notebook.ipynb, README.md, index.html and metrics.json afresh. A partial run (--only N,
// --through N) must not destroy that record, which a teacher may be redrawing one figure from: it
// merges the metrics it measured into metrics.json and leaves the notebook, README and page alone.

import Foundation

/// The record files of a run, and how a partial run treats those already in --out.
enum RunFiles {
    /// What `write` did, for the closing line on the terminal.
    enum Outcome: Equatable {
        /// notebook.ipynb, README.md, index.html and metrics.json written for this run.
        case wroteAll
        /// A partial run after a run of the whole lesson: the metrics merged, the notebook, README and
        /// page kept. `stoppedRun` is true when that earlier run was stopped at a prompt.
        case mergedMetricsKeptNotebook(stoppedRun: Bool)
    }

    /// The page of a run, beside its notebook.
    static let pageName = "index.html"

    /// Writes the run's files into `out`, each atomically.
    ///
    /// - Run of the whole lesson (`partial == false`), finished or stopped: all four written from `report`.
    /// - Partial run: metrics.json becomes the existing metrics with the keys this run measured
    ///   replaced or added; notebook.ipynb, README.md and index.html are kept when the notebook records
    ///   a run of the whole lesson (every step has its code cell, or it ends with the "stopped" cell),
    ///   otherwise written for the steps this run ran.
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
        if partial, let kept = recordedRun(notebookURL, stepCount: report.stepCount),
           FileManager.default.fileExists(atPath: out.appendingPathComponent("README.md").path) {
            return .mergedMetricsKeptNotebook(stoppedRun: kept == .stopped)
        }
        try AtomicFiles.write(Array(report.notebook.utf8), to: notebookURL)
        try AtomicFiles.write(Array(report.readme.utf8), to: out.appendingPathComponent("README.md"))
        try AtomicFiles.write(Array(report.page.utf8), to: out.appendingPathComponent(pageName))
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

    enum RecordedRun: Equatable {
        case full, stopped
    }

    /// What the notebook at `url` records: every step 1…`stepCount` (code cells `step-01-code` …, as
    /// `RunReport.notebook` names them), a run stopped at a prompt (a cell `stopped`), or neither (nil:
    /// a partial run's notebook, or none).
    static func recordedRun(_ url: URL, stepCount: Int) -> RecordedRun? {
        guard let data = FileManager.default.contents(atPath: url.path),
              let notebook = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cells = notebook["cells"] as? [[String: Any]] else { return nil }
        let ids = Set(cells.compactMap { $0["id"] as? String })
        if ids.contains("stopped") { return .stopped }
        let full = (1...max(stepCount, 1)).allSatisfy { ids.contains(String(format: "step-%02d-code", $0)) }
        return full ? .full : nil
    }
}
