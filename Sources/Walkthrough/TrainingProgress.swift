// The progress of a training loop: a bar drawn in place on a terminal, plain lines every 10% when
// the output is a file or a pipe, and a clear stop at the first loss that is not a number.

import Foundation

/// Reports a training loop's steps and losses. `run.train(…) { progress in … }` hands one to the loop,
/// which calls `update(step:loss:)` once per step (steps count from 1):
///
///     try run.train("line", model, settings: ["lr": "\(lr)"], steps: 300, lr: lr) { progress in
///         for step in 1...300 { try progress.update(step: step, loss: trainStep()) }
///     }                          // records "trained 300 steps: loss 2.08 → 0.531"
///
/// A non-finite loss throws `TrainingDiverged`, whose message tells the learner the step, the last
/// finite loss and what to try; the run then stops with an error exit before any figure is drawn.
public final class TrainingProgress {
    public let totalSteps: Int
    /// The loss of every step reported so far.
    public private(set) var losses: [Double] = []
    /// Other values recorded along the way (`record(_:_:)`), by name.
    public private(set) var curves: [String: [Double]] = [:]
    private let learningRate: Double?
    private let run: Run
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var nextPlainPercent = 10

    init(run: Run, totalSteps: Int, learningRate: Double?) {
        precondition(totalSteps > 0, "training: steps must be positive, got \(totalSteps)")
        self.run = run
        self.totalSteps = totalSteps
        self.learningRate = learningRate
    }

    public func update(step: Int, loss: Float) throws { try update(step: step, loss: Double(loss)) }

    /// Records the loss of `step` (1-based) and redraws the progress.
    public func update(step: Int, loss: Double) throws {
        guard loss.isFinite else {
            clearBar()
            throw TrainingDiverged(step: step, totalSteps: totalSteps, loss: loss,
                                   lastFinite: losses.last, learningRate: learningRate)
        }
        losses.append(loss)
        if let report = run.reportProgress {   // a model training beside others: one line shows them all
            report(step, totalSteps)
            return
        }
        let console = run.console
        let elapsed = Date().timeIntervalSince(started)
        let rate = Double(step) / max(elapsed, 1e-9)
        let left = Double(totalSteps - step) / max(rate, 1e-9)
        let numbers = L("\(step)/\(totalSteps)  loss \(formatNumber(loss))  \(Int(rate.rounded())) steps/s  \(Int(left.rounded()))s left",
                        "\(step)/\(totalSteps)  损失 \(formatNumber(loss))  \(Int(rate.rounded())) 步/秒  剩余 \(Int(left.rounded())) 秒")(run.language)
        if console.isTerminal {
            guard step == totalSteps || Date().timeIntervalSince(lastDraw) > 0.1 else { return }
            lastDraw = Date()
            let barWidth = 24
            let filled = barWidth * step / totalSteps
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
            console.write("\r\u{1B}[2K  " + console.styled(bar, .green) + " " + numbers)
        } else if step * 100 >= nextPlainPercent * totalSteps {
            while step * 100 >= nextPlainPercent * totalSteps { nextPlainPercent += 10 }
            console.line(L("  step ", "  第 ")(run.language) + numbers)
        }
    }

    /// Records one more value of the curve `name` (a temperature, a held-out accuracy, …); it is saved
    /// with the model, so a run that reuses the checkpoint can still draw it.
    /// - Precondition: `name` is letters, digits, `_` and `.`.
    public func record(_ name: String, _ value: Double) {
        precondition(!name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." },
                     "record: curve name '\(name)' must be letters, digits, _ or .")
        curves[name, default: []].append(value)
    }

    public func record(_ name: String, _ value: Float) { record(name, Double(value)) }

    /// Ends the bar and records one deterministic summary line in the step's output.
    /// When the loss ended above where it started (a learning rate too large that has not yet overflowed),
    /// it adds a note saying so and what to try.
    public func finish() {
        clearBar()
        guard let first = losses.first, let last = losses.last else { return }
        run.print(L("trained \(losses.count) steps: loss \(formatNumber(first)) → \(formatNumber(last))",
                    "训练了 \(losses.count) 步：损失 \(formatNumber(first)) → \(formatNumber(last))"))
        if let note = risingLossNote(first: first) { run.print(note) }
        let seconds = Date().timeIntervalSince(started)
        run.console.line(run.console.styled(String(format: L("  (%.1f s, %.0f steps/s)", "  （%.1f 秒，%.0f 步/秒）")(run.language), seconds,
                                                   Double(losses.count) / max(seconds, 1e-9)), .dim))
    }

    /// A warning when the mean of the last tenth of the losses (at least one) is above the first loss.
    private func risingLossNote(first: Double) -> String? {
        let tail = losses.suffix(max(1, losses.count / 10))
        let ending = tail.reduce(0, +) / Double(tail.count)
        guard ending > first else { return nil }
        let advice = learningRate.map { L(" (e.g. --lr \(formatNumber($0 / 10)))", "（例如 --lr \(formatNumber($0 / 10))）") }
            ?? L("", "")
        return L("note: the loss ended higher than it started: its last \(tail.count) steps average \(formatNumber(ending)), "
                 + "above the first step's \(formatNumber(first)), whatever the very last step reads. Training made the model worse. "
                 + "Try a smaller learning rate\(advice.en).",
                 "注意：损失最后比开始时还高：最后 \(tail.count) 步平均 \(formatNumber(ending))，高于第一步的 \(formatNumber(first))"
                 + "（不论最后一步单独是多少）。训练让模型变差了。请调小学习率\(advice.zh)。")(run.language)
    }

    private func clearBar() {
        if run.console.isTerminal { run.console.write("\r\u{1B}[2K") }
    }
}

/// Training stopped because the loss stopped being a number.
public struct TrainingDiverged: Error, CustomStringConvertible {
    public let step: Int
    public let totalSteps: Int
    public let loss: Double
    public let lastFinite: Double?
    public let learningRate: Double?

    public init(step: Int, totalSteps: Int, loss: Double, lastFinite: Double?, learningRate: Double?) {
        self.step = step
        self.totalSteps = totalSteps
        self.loss = loss
        self.lastFinite = lastFinite
        self.learningRate = learningRate
    }

    public var description: String { explanation(.en) }

    /// What happened and what to try, in the learner's language.
    public func explanation(_ language: Language) -> String {
        let last = lastFinite.map(formatNumber) ?? "none"
        let lr = learningRate.map { formatNumber($0) } ?? "?"
        let smaller = learningRate.map { formatNumber($0 / 10) } ?? "a tenth of it"
        let became = loss.isNaN ? L("not a number (NaN)", "非数（NaN）") : L("infinite", "无穷大")
        return L("Training diverged at step \(step) of \(totalSteps): the loss became \(became.en) "
                 + "(last finite loss: \(last)). The updates grew too large for the model; "
                 + "try a smaller learning rate, e.g. --lr \(smaller) instead of \(lr). "
                 + "Nothing was drawn from this training; figures of earlier steps are complete.",
                 "训练在第 \(step)/\(totalSteps) 步发散：损失变成了\(became.zh)（上一个有限损失：\(last)）。"
                 + "更新步子太大了；请调小学习率，例如用 --lr \(smaller) 代替 \(lr)。"
                 + "这次训练没有画出任何图；之前步骤的图是完整的。")(language)
    }
}
