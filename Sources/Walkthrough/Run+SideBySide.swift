// Independent trainings side by side, one per core. A model small enough to train on one core leaves
// the others idle; training as many models at once as there are cores keeps them all busy. Each model
// still trains alone on its core, with the same data and the same sums, so its weights are the same
// bytes as when the models train one after another, and the step's output reads the same too: what
// each training printed is kept aside and shown when its group is done, in the items' order.

import Foundation
import TeachingEngine

extension Run {
    /// Runs `body` for every item, as many items at once as the engine has threads (`EngineThreads.count`:
    /// the cores), each on its own thread with one engine thread (`EngineThreads.with(1)`), and returns
    /// the results in the items' order. An item left alone in the last group runs on this run as usual.
    ///
    /// - `prepare` runs first, on the calling thread, for each item of a group just before the group
    ///   starts: make the model and read the lesson's shared state there. `body` receives what it made
    ///   and a run of its own, and must touch nothing shared that another item's body writes.
    /// - What a body prints through its run (narration, tables, `train`'s summary and checkpoint lines)
    ///   is shown after its group, items in order, and recorded in the step as if they had run one
    ///   after another. On a terminal, one line shows every model's progress while they train.
    /// - An item that depends on another item's result belongs in a later call.
    ///
    ///     let scores = try run.sideBySide(["a", "b", "c"], prepare: { name in makeModel(name) }) { model, run in
    ///         try run.train(model.name, model, settings: [:], steps: 100) { progress in … }
    ///         return model.accuracy()
    ///     }
    ///     // on two cores: a and b train at once, then c; their output appears a, b, c
    public func sideBySide<Item, Job, Result>(
        _ items: [Item], prepare: (Item) throws -> Job, _ body: (Job, Run) throws -> Result
    ) throws -> [Result] {
        let width = max(1, EngineThreads.count)
        var results: [Result] = []
        results.reserveCapacity(items.count)
        for start in stride(from: 0, to: items.count, by: width) {
            let group = Array(items[start..<min(items.count, start + width)])
            let jobs = try group.map(prepare)
            if jobs.count == 1 {   // the last item alone: it trains here, on every core, its bar drawn live
                results.append(try body(jobs[0], self))
                continue
            }
            let runs = jobs.map { _ in aside() }
            let line = GroupProgress(count: jobs.count)
            if console.isTerminal && jobs.count > 1 {
                for (i, run) in runs.enumerated() { run.reportProgress = { step, total in line.set(i, step, of: total) } }
            }
            var outcomes = [Swift.Result<Result, Error>?](repeating: nil, count: jobs.count)
            let me = Unchecked(self)
            let drawer = console.isTerminal && jobs.count > 1 ? LineDrawer { me.value.showWhileTraining(line.text) } : nil
            withoutActuallyEscaping(body) { body in
                let shared = Unchecked((jobs: jobs, runs: runs, body: body))
                let slots = Unchecked(UnsafeMutableBufferPointer<Swift.Result<Result, Error>?>.allocate(capacity: jobs.count))
                slots.value.initialize(repeating: nil)
                DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
                    let (jobs, runs, body) = shared.value
                    slots.value[i] = EngineThreads.with(1) { Swift.Result { try body(jobs[i], runs[i]) } }
                }
                for i in 0..<jobs.count { outcomes[i] = slots.value[i] }
                slots.value.deallocate()
            }
            drawer?.stop()
            clearTrainingLine()
            for (run, outcome) in zip(runs, outcomes) {
                adopt(run)
                results.append(try outcome!.get())
            }
        }
        return results
    }

    /// `sideBySide(_:prepare:_:)` for items that are ready as they are (made before, shared state read only).
    public func sideBySide<Item, Result>(_ items: [Item], _ body: (Item, Run) throws -> Result) throws -> [Result] {
        try sideBySide(items, prepare: { $0 }, body)
    }

    /// A run for one item of `sideBySide`: the same options and step, its text kept aside (`Console.aside`).
    private func aside() -> Run {
        let run = Run(seed: seed, quick: quick, language: language, outDirectory: outDirectory, console: console.aside(),
                      archive: archive, figureDescriptions: figureDescriptions)
        if let step = records.last {
            run.records = [StepRecord(number: step.number, title: step.title, narration: step.narration, code: step.code)]
        }
        run.isQuiet = isQuiet
        return run
    }

    /// Shows what `run` printed and takes over what it recorded: the step's outputs, metrics and checkpoints.
    private func adopt(_ run: Run) {
        console.write(run.console.output)
        if let outputs = run.records.last?.outputs, !records.isEmpty {
            records[records.count - 1].outputs += outputs
        }
        metrics.merge(run.metrics) { $1 }
        trainedCheckpoints += run.trainedCheckpoints
        loadedCheckpoints += run.loadedCheckpoints
    }

    /// On a terminal, one line while a group trains (its output appears when the group is done).
    private func showWhileTraining(_ bars: String) {
        console.write("\r\u{1B}[2K" + console.styled(text(L("  ⇉ side by side, one per core: %@", "  ⇉ 并排训练，每个核一个：%@"),
                                                            bars), .dim))
    }

    private func clearTrainingLine() {
        if console.isTerminal { console.write("\r\u{1B}[2K") }
    }
}

/// The step each model of a group has reached, written by the models' threads and read by the thread
/// that draws the group's line.
private final class GroupProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [(done: Int, total: Int)]

    init(count: Int) { steps = Array(repeating: (0, 0), count: count) }

    func set(_ index: Int, _ step: Int, of total: Int) {
        lock.lock(); defer { lock.unlock() }
        steps[index] = (step, total)
    }

    /// One short bar per model: "██████░░░░ 300/500  ███░░░░░░░ 150/500".
    var text: String {
        lock.lock(); defer { lock.unlock() }
        return steps.map { step in
            let filled = step.total > 0 ? 10 * step.done / step.total : 0
            return String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
                + " \(step.done)/\(step.total)"
        }.joined(separator: "  ")
    }
}

/// A thread that calls `draw` ten times a second until `stop()`, which returns once it has ended.
private final class LineDrawer: Sendable {
    private let stopping = DispatchSemaphore(value: 0), ended = DispatchSemaphore(value: 0)

    init(_ draw: @escaping @Sendable () -> Void) {
        Thread.detachNewThread { [stopping, ended] in
            while stopping.wait(timeout: .now() + 0.1) == .timedOut { draw() }
            ended.signal()
        }
    }

    func stop() {
        stopping.signal()
        ended.wait()
    }
}

/// A value handed to the threads of `sideBySide`: each thread reads the shared jobs and writes only its
/// own slot, and the calling thread reads the slots after every thread is done; the drawing thread
/// writes to the run's console while the models' runs write only to their own.
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
