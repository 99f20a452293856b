// Cross-entropy from logits, fused with its softmax (the natural unit: the gradient is simply
//   d loss / d logits = (softmax(logits) − onehot(target)) / N
// which is both cheaper and more accurate than chaining logSoftmax and a gather).
//   loss = (1/N) Σ_rows [ log Σ_j exp(z_j) − z_target ],  over the N rows whose target is not ignored.

import AlignFuseSupport
import Foundation

/// The mean cross-entropy of `logits` [N, C] against class indices `targets` (N of them).
/// Rows whose target equals `ignoreIndex` count for nothing (e.g. padding in a sequence); if every
/// row is ignored the loss is 0.
///
///     crossEntropy([[0, 0]], targets: [1])        // log 2 ≈ 0.693: a coin flip between 2 classes
///     crossEntropy([[2, 0], [0, 0]], targets: [0, -100], ignoreIndex: -100)   // log(1 + e⁻²) ≈ 0.127
public func crossEntropy(_ logits: Variable, targets: [Int], ignoreIndex: Int? = nil,
                         file: StaticString = #fileID, line: UInt = #line) -> Variable {
    require(logits.rank == 2 && logits.shape[0] == targets.count,
                 "crossEntropy: logits \(describe(shape: logits.shape)) need one target per row, got \(targets.count)",
                 file: file, line: line)
    let (rows, classes) = (logits.shape[0], logits.shape[1])
    for target in targets where target != ignoreIndex {
        require(target >= 0 && target < classes,
                     "crossEntropy: target \(target) is not a class of logits \(describe(shape: logits.shape))",
                     file: file, line: line)
    }
    let counted = targets.filter { $0 != ignoreIndex }.count
    let z = logits.value.scalars
    var probabilities = [Float](repeating: 0, count: z.count)   // softmax, saved for the backward
    var total: Double = 0
    for r in 0..<rows where targets[r] != ignoreIndex {
        let base = r * classes
        var largest = -Float.infinity
        for j in 0..<classes { largest = Swift.max(largest, z[base + j]) }
        var sum: Float = 0
        for j in 0..<classes {
            let e = Foundation.exp(z[base + j] - largest)
            probabilities[base + j] = e
            sum += e
        }
        for j in 0..<classes { probabilities[base + j] /= sum }
        total += Double(largest + Foundation.log(sum) - z[base + targets[r]])
    }
    let loss = counted > 0 ? Float(total / Double(counted)) : 0
    return Variable.result(Tensor(scalar: loss), inputs: [logits]) { dy in
        guard counted > 0 else { return }
        let scale = dy[0] / Float(counted)
        logits.accumulateGrad { dz in
            for r in 0..<rows where targets[r] != ignoreIndex {
                let base = r * classes
                for j in 0..<classes { dz[base + j] += scale * probabilities[base + j] }
                dz[base + targets[r]] -= scale
            }
        }
    }
}
