// A training step shows its loop and runs it — unless a run with the same settings and seed already
// trained this model, in which case the weights and the curves come from its checkpoint and the step
// says so. Either way the step's code is the loop that made the model.

import Foundation
import TeachingEngine

/// What a training loop left: the loss of every step and any other curves it recorded.
public struct TrainingHistory: Sendable {
    /// The loss of every step, in order.
    public let losses: [Double]
    /// The curves recorded with `TrainingProgress.record(_:_:)`, by name.
    public let curves: [String: [Double]]
    /// True when the model was loaded from a checkpoint and the loop did not run.
    public let reused: Bool

    /// The mean of the last `count` losses (all of them when fewer): where training ended, without one
    /// batch's noise.
    ///
    ///     TrainingHistory(losses: [4, 3, 1, 2], curves: [:], reused: false).finalLoss(last: 2)   // 1.5
    public func finalLoss(last count: Int = 20) -> Double {
        let tail = losses.suffix(max(1, count))
        return tail.reduce(0, +) / Double(max(1, tail.count))
    }

    public init(losses: [Double], curves: [String: [Double]], reused: Bool) {
        self.losses = losses
        self.curves = curves
        self.reused = reused
    }
}

extension Run {
    /// Trains `model` in place with `loop`, or loads it.
    ///
    /// When `checkpoints/<name>-<key>.safetensors` in --out was saved by a run with the same `settings`,
    /// `steps`, seed and --quick, the model's parameters and the recorded curves are loaded from it and
    /// `loop` does not run; the step's output says so. Otherwise `loop` runs with a progress reporter
    /// (call `progress.update(step:loss:)` once per step, steps from 1), and the trained parameters and
    /// curves are saved. Put every setting that changes the trained weights into `settings`.
    ///
    ///     let history = try run.train("line", line, settings: ["lr": "0.1"], steps: 100) { progress in
    ///         for step in 1...100 {
    ///             let loss = line.loss(points)       // forward
    ///             line.zeroGrad(); loss.backward()   // backward
    ///             optimizer.step()                   // update
    ///             try progress.update(step: step, loss: loss.item)
    ///         }
    ///     }
    ///
    /// `lookingIn`: other run folders to search (after --out) for the same checkpoint, e.g. where another
    /// lesson that trains this model wrote its run; a model found there is loaded, one trained here is
    /// saved in --out.
    ///
    /// A loss that stops being a number throws `TrainingDiverged` (nothing is saved).
    @discardableResult
    public func train(_ name: String, _ model: some Module, settings: [String: String], steps: Int,
                      lr: Double? = nil, lookingIn folders: [URL] = [],
                      loop: (TrainingProgress) throws -> Void) throws -> TrainingHistory {
        var full = settings
        full["seed"] = String(seed)
        full["quick"] = String(quick)
        full["steps"] = String(steps)
        let own = "checkpoints/\(checkpointKey(name: name, settings: full)).\(archive.fileExtension)"
        let url = outDirectory.appendingPathComponent(own)
        let candidates = [(own, url)] + folders.map { folder in
            (Run.path(of: folder.appendingPathComponent(own), from: outDirectory), folder.appendingPathComponent(own))
        }
        for (file, url) in candidates {
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            do {
                let tensors = try archive.decode(Array(data))
                try model.load(tensors)
                loadedCheckpoints.append(file)
                let history = Run.history(from: tensors)
                console.line(console.styled(text(L("  ↺ loaded %@ (same settings and seed: no training)",
                                                    "  ↺ 已载入 %@（设置和种子相同：不再训练）"), file), .dim))
                say(L("↺ The loop above did not run this time: the model and its curves were loaded from %@, "
                      + "saved by an earlier run with the same settings and seed (delete it to train again). "
                      + "It was trained %d steps: loss %@ → %@.",
                      "↺ 这次上面的循环没有运行：模型和它的曲线从 %@ 载入，那是之前用相同设置和种子的运行保存的"
                      + "（删掉它即可重新训练）。当时训练了 %d 步：损失 %@ → %@。"),
                    file, history.losses.count, formatNumber(history.losses.first ?? .nan),
                    formatNumber(history.losses.last ?? .nan))
                return history
            } catch {
                console.line(console.styled("  ! \(file) could not be used (\(error)); training anew", .yellow))
            }
        }
        let file = own
        let progress = training(steps: steps, lr: lr)
        try loop(progress)
        progress.finish()
        var tensors = model.namedParameters
        tensors["history.loss"] = Tensor(shape: [progress.losses.count], scalars: progress.losses.map { Float($0) })
        for (curve, values) in progress.curves {
            tensors["history." + curve] = Tensor(shape: [values.count], scalars: values.map { Float($0) })
        }
        var metadata = full
        metadata["name"] = name
        do {
            try AtomicFiles.write(archive.encode(tensors, metadata), to: url)
            console.line(console.styled(text(L("  ✓ saved %@", "  ✓ 已保存 %@"), file), .dim))
        } catch {
            console.line(console.styled("  ! could not save \(file): \(error)", .yellow))
        }
        trainedCheckpoints.append(file)
        // The curves as saved (Float32), so a later run that loads them prints the same numbers.
        return Run.history(from: tensors, reused: false)
    }

    /// `file` as a path relative to `folder` when they share a root ("../02-alignment/checkpoints/…").
    ///
    ///     path(of: URL(fileURLWithPath: "/o/02/c/x"), from: URL(fileURLWithPath: "/o/06"))   // "../02/c/x"
    static func path(of file: URL, from folder: URL) -> String {
        let a = file.standardizedFileURL.pathComponents, b = folder.standardizedFileURL.pathComponents
        var shared = 0
        while shared < min(a.count, b.count) && a[shared] == b[shared] { shared += 1 }
        guard shared > 1 else { return file.path }
        return (Array(repeating: "..", count: b.count - shared) + a[shared...]).joined(separator: "/")
    }

    /// The curves saved beside a model's parameters ("history.loss", "history.<curve>").
    static func history(from tensors: [String: Tensor], reused: Bool = true) -> TrainingHistory {
        var curves: [String: [Double]] = [:]
        for (key, tensor) in tensors where key.hasPrefix("history.") && key != "history.loss" {
            curves[String(key.dropFirst("history.".count))] = tensor.scalars.map { Double($0) }
        }
        return TrainingHistory(losses: tensors["history.loss"]?.scalars.map { Double($0) } ?? [],
                               curves: curves, reused: reused)
    }
}
