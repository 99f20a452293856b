// DataParallel: a batch in parts, each part's forward and backward on its own thread, the parts'
// gradients averaged. The promises: the whole batch's gradient (summed in another order), the same
// bytes on one thread and on two, and gradients that add to those already kept.

import Testing
import TeachingEngine

/// A Linear layer 3 → 2 and the cross-entropy of its logits on four examples, the first two and the
/// last two making the two halves.
private struct TinyClassifier {
    let layer: Linear
    let inputs: Tensor            // [4, 3]
    let targets = [0, 1, 1, 0]

    init() {
        var rng = SeededGenerator(seed: 7)
        layer = Linear(inputSize: 3, outputSize: 2, name: "tiny", using: &rng)
        inputs = Tensor(shape: [4, 3], scalars: [1, 2, 3, -1, 0, 2, 0.5, -2, 1, 3, 1, -1])
    }

    /// The mean loss over examples `rows` (all four by default).
    func loss(_ rows: Range<Int> = 0..<4) -> Variable {
        let x = Tensor(shape: [rows.count, 3], scalars: Array(inputs.scalars[(rows.lowerBound * 3)..<(rows.upperBound * 3)]))
        return crossEntropy(layer(Variable(x)), targets: Array(targets[rows]))
    }

    /// The two halves' mean losses, by part.
    func half(_ part: Int) -> Variable { loss((part * 2)..<(part * 2 + 2)) }

    var gradients: [[Float]] { layer.parameters.map { $0.grad!.scalars } }
    func zeroGrad() { layer.parameters.forEach { $0.zeroGrad() } }
}

@Suite("DataParallel: a batch in halves, one per thread, gives the whole batch's gradient")
struct DataParallelTests {
    @Test("two halves of 2 examples: loss and gradients equal the 4-example batch's to within 1e-6")
    func halvesGiveTheWholeBatchGradient() {
        let model = TinyClassifier()
        let whole = model.loss()
        whole.backward()
        let expected = model.gradients
        model.zeroGrad()
        // ½(g₀ + g₁): each half's mean loss has its own 1/2, the average another 1/2, the batch's 1/4.
        let loss = DataParallel.backward(parts: 2) { model.half($0) }
        #expect(abs(loss - whole.item) < 1e-6)
        for (got, want) in zip(model.gradients, expected) {
            #expect(got.count == want.count)
            for (a, b) in zip(got, want) { #expect(abs(a - b) < 1e-6) }
        }
    }

    @Test("the halves on one thread (one after the other) and on two (side by side) write the same bytes")
    func sameBytesOnOneThreadAndTwo() {
        let model = TinyClassifier()
        let lossOne = EngineThreads.with(1) { DataParallel.backward(parts: 2) { model.half($0) } }
        let one = model.gradients
        model.zeroGrad()
        let lossTwo = EngineThreads.with(2) { DataParallel.backward(parts: 2) { model.half($0) } }
        #expect(lossOne == lossTwo)
        #expect(model.gradients == one)
    }

    @Test("gradients add to those already kept, as backward()'s do: twice the same halves is twice the gradient")
    func gradientsAccumulate() {
        let model = TinyClassifier()
        _ = DataParallel.backward(parts: 2) { model.half($0) }
        let once = model.gradients
        _ = DataParallel.backward(parts: 2) { model.half($0) }
        for (twice, single) in zip(model.gradients, once) {
            #expect(twice == single.map { $0 + $0 })
        }
    }

    @Test("parameters only one of two parts reaches get half that part's gradient: w = 2 in part 1's w² gets 2, not 4")
    func parametersOnePartReaches() {
        let model = TinyClassifier()
        model.half(0).backward()
        let firstHalf = model.gradients
        model.zeroGrad()
        let w = Variable(name: "w", value: Tensor(shape: [1], scalars: [2]))
        // part 0: the classifier on its first half; part 1: w², whose gradient 2w = 4 is halved
        let loss = DataParallel.backward(parts: 2) { part in part == 0 ? model.half(0) : (w * w).sum() }
        #expect(abs(loss - (model.half(0).item + 4) / 2) < 1e-6)
        #expect(w.grad!.scalars == [2])
        for (got, alone) in zip(model.gradients, firstHalf) {
            #expect(got == alone.map { $0 * 0.5 })      // ½(g₀ + 0), and halving is exact
        }
    }
}
