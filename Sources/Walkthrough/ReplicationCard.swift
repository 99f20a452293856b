// A replication card: how much each chosen metric moves when only the seed changes.

import Foundation

/// The spread of metrics over several seeds: mean ± sample standard deviation and min – max.
///
///     let card = ReplicationCard(seeds: [0, 1, 2],
///                                runs: [["acc": 0.90], ["acc": 0.94], ["acc": 0.92]],
///                                metrics: ["acc"])
///     card.rows[0]        // ("acc", mean 0.92, sd 0.02, min 0.90, max 0.94)
///     card.markdown       // | metric | mean ± sd (3 seeds) | min – max | seeds |
public struct ReplicationCard: Sendable {
    public struct Row: Sendable {
        public let metric: String
        public let mean: Double
        public let sd: Double
        public let min: Double
        public let max: Double
        public let count: Int
    }

    public let seeds: [UInt64]
    public let rows: [Row]

    /// `runs[i]` are the metrics of the run with `seeds[i]`; `metrics` are the ones to summarise
    /// (a metric missing from some runs is summarised over the runs that have it).
    public init(seeds: [UInt64], runs: [[String: Double]], metrics: [String]) {
        precondition(seeds.count == runs.count,
                     "ReplicationCard: \(seeds.count) seeds but \(runs.count) runs")
        self.seeds = seeds
        self.rows = metrics.compactMap { name in
            let values = runs.compactMap { $0[name] }.filter(\.isFinite)
            guard !values.isEmpty else { return nil }
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.count > 1
                ? values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1) : 0
            return Row(metric: name, mean: mean, sd: variance.squareRoot(),
                       min: values.min()!, max: values.max()!, count: values.count)
        }
    }

    /// The card as a Markdown table, numbers with three significant digits.
    public var markdown: String {
        let seedList = seeds.map(String.init).joined(separator: ", ")
        let table = TextTable(["metric", "mean ± sd (\(seeds.count) seeds)", "min – max"], rows.map { row in
            [row.metric, "\(short(row.mean)) ± \(short(row.sd))", "\(short(row.min)) – \(short(row.max))"]
        })
        return table.rendered + "\n\nSeeds: \(seedList)."
    }

    /// Three significant digits: 0.0239 plainly, 1.35 × 10⁻⁷ as a power of ten (below 0.001 or from 10,000).
    private func short(_ x: Double) -> String {
        x == 0 || (abs(x) >= 0.001 && abs(x) < 10_000) ? (x == 0 ? "0" : String(format: "%.3g", x))
            : powerOfTen(x, digits: 3)
    }
}
