// The row kernels split their rows (or, for sums down the rows, their columns) across threads.
// The promise: one thread and two (or three) threads give the same bytes, because no sum ever
// crosses two threads. Each test runs a kernel with `threads: 1` and with more, and compares with ==.

import Foundation
import Testing
import TeachingEngine

/// Runs `kernel(threads, output)` on a fresh output of `count` values filled with `start`, for
/// 1, 2 and 3 threads, and returns the three outputs.
private func outputs(count: Int, start: Float = 0, _ kernel: (Int, UnsafeMutablePointer<Float>) -> Void) -> [[Float]] {
    [1, 2, 3].map { threads in
        var out = [Float](repeating: start, count: count)
        out.withUnsafeMutableBufferPointer { kernel(threads, $0.baseAddress!) }
        return out
    }
}

@Suite("Row kernels on several threads: the same bytes as on one")
struct ParallelKernelTests {
    @Test("splitWork(count: 10) on 2 threads hands out 0..<5 and 5..<10; every item exactly once for 1 to 5 threads")
    func splitsCoverEveryItemOnce() {
        for threads in 1...5 {
            let lock = NSLock()
            var pieces: [Range<Int>] = []
            Kernels.splitWork(count: 10, valuesPerItem: 1, threads: threads) { range in
                lock.lock(); pieces.append(range); lock.unlock()
            }
            let sorted = pieces.sorted { $0.lowerBound < $1.lowerBound }
            #expect(sorted.flatMap { Array($0) } == Array(0..<10))
            if threads == 1 { #expect(sorted == [0..<10]) }
            if threads == 2 { #expect(sorted == [0..<5, 5..<10]) }
        }
    }

    @Test("GELU forward and backward with bias, 37 rows of width 20: 1, 2 and 3 threads agree exactly")
    func gelu() {
        let (rows, width) = (37, 20)
        let x = randomLeaf([rows, width], seed: 51).value.scalars
        let bias = randomLeaf([width], seed: 52).value.scalars
        let dy = randomLeaf([rows, width], seed: 53).value.scalars
        let forward = outputs(count: 2 * rows * width) { threads, out in
            Kernels.geluForward(x, bias: bias, width: width, count: rows * width, output: out,
                                tanhs: out + rows * width, threads: threads)
        }
        #expect(forward[0] == forward[1] && forward[0] == forward[2])
        let tanhs = Array(forward[0][(rows * width)...])
        let backward = outputs(count: rows * width + width, start: 0.5) { threads, out in
            Kernels.geluBackward(x, bias: bias, width: width, count: rows * width, tanhs: tanhs, gradOutput: dy,
                                 gradInput: out, gradBias: out + rows * width, threads: threads)
        }
        #expect(backward[0] == backward[1] && backward[0] == backward[2])
    }

    @Test("LayerNorm forward and backward, 23 rows of width 19 (rows in fours and a tail): threads agree exactly")
    func layerNorm() {
        let (rows, width) = (23, 19)
        let x = randomLeaf([rows, width], seed: 61).value.scalars
        let gamma = randomLeaf([width], seed: 62).value.scalars, beta = randomLeaf([width], seed: 63).value.scalars
        let forward = outputs(count: 2 * rows * width + rows) { threads, out in
            Kernels.layerNormForward(x, gamma: gamma, beta: beta, rows: rows, width: width, epsilon: 1e-5,
                                     output: out, normalized: out + rows * width,
                                     inverseDeviation: out + 2 * rows * width, threads: threads)
        }
        #expect(forward[0] == forward[1] && forward[0] == forward[2])
        // The four-rows-at-a-time sums equal the plain twin row by row.
        let twin = referenceLayerNorm(x, gamma: gamma, beta: beta, width: width)
        #expect(Array(forward[1][0..<(rows * width)]) == twin.y)
        let xhat = Array(forward[0][(rows * width)..<(2 * rows * width)])
        let dy = randomLeaf([rows, width], seed: 64).value.scalars
        let backward = outputs(count: rows * width + 2 * width, start: 0.5) { threads, out in
            Kernels.layerNormBackward(gradOutput: dy, gamma: gamma, normalized: xhat, inverseDeviation: twin.inverse,
                                      rows: rows, width: width, gradInput: out, gradGamma: out + rows * width,
                                      gradBeta: out + rows * width + width, threads: threads)
        }
        #expect(backward[0] == backward[1] && backward[0] == backward[2])
    }

    @Test("Softmax forward (padding + causal mask) and backward, 2 items × 3 heads × 5 queries × 7 keys: threads agree exactly")
    func softmax() {
        let x = randomLeaf([2, 3, 5, 7], seed: 71)
        let dp = Variable(randomLeaf([2, 3, 5, 7], seed: 72).value)
        let mask = AttentionMask.keyPadding([[false, false, false, false, false, true, true],
                                             [Bool](repeating: false, count: 7)]) + .causal(queries: 5, keys: 7)
        let runs = [1, 2, 3].map { threads in
            EngineThreads.with(threads) {
                x.zeroGrad()
                let p = TeachingEngine.softmax(x, scale: 0.7, mask: mask)
                (p * dp).sum().backward()
                return p.value.scalars + x.grad!.scalars
            }
        }
        #expect(runs[0] == runs[1] && runs[0] == runs[2])
    }

    @Test("Column sums of [41, 29], a vector added to its rows, and a [41, 29] added to it value by value (1,189 values, not a whole number of eights): threads agree exactly")
    func rowAdds() {
        let (rows, width) = (41, 29)
        let x = randomLeaf([rows, width], seed: 81).value.scalars
        let v = randomLeaf([width], seed: 82).value.scalars
        let sums = outputs(count: width, start: 0.25) { threads, out in
            Kernels.accumulateColumnSums(x, rows: rows, width: width, into: out, threads: threads)
        }
        #expect(sums[0] == sums[1] && sums[0] == sums[2])
        let added = outputs(count: rows * width) { threads, out in
            Kernels.addToEveryRow(x, v, rows: rows, width: width, output: out, threads: threads)
        }
        #expect(added[0] == added[1] && added[0] == added[2])
        let y = randomLeaf([rows, width], seed: 83).value.scalars
        let elementwise = outputs(count: rows * width) { threads, out in
            Kernels.add(x, y, count: rows * width, output: out, threads: threads)
        }
        #expect(elementwise[0] == zip(x, y).map(+))
        #expect(elementwise[0] == elementwise[1] && elementwise[0] == elementwise[2])
    }

    @Test("matmul's gradients, x [200, 64] · W [64, 96] (1.2 million multiply-adds, enough to use both cores): dx and dW have the same bytes on one thread and on two (four parts of two products, taken by whichever thread is free)")
    func matmulGradientsOnTwoThreads() {
        func gradients(threads: Int) -> ([Float], [Float]) {
            EngineThreads.with(threads) {
                let x = randomLeaf([200, 64], seed: 61), w = randomLeaf([64, 96], seed: 62)
                let weights = Variable(randomLeaf([200, 96], seed: 63).value)
                (matmul(x, w) * weights).sum().backward()
                return (x.grad!.scalars, w.grad!.scalars)
            }
        }
        let one = gradients(threads: 1), two = gradients(threads: 2)
        #expect(one.0 == two.0)
        #expect(one.1 == two.1)
    }

    @Test("a share of one thread given a second while training goes on: the kernels read two from then on, an inner with(1) still reads one, and the gradients keep their bytes")
    func growingShare() {
        func gradients() -> [Float] {
            let x = randomLeaf([200, 64], seed: 61), w = randomLeaf([64, 96], seed: 62)
            matmul(x, w).sum().backward()
            return x.grad!.scalars + w.grad!.scalars
        }
        let share = ThreadShare(1)
        let (before, after, inner, first, second) = EngineThreads.with(share) {
            let before = EngineThreads.count
            let first = gradients()
            share.add(1)                                      // what a tour lane does when its neighbour ends
            return (before, EngineThreads.count, EngineThreads.with(1) { EngineThreads.count }, first, gradients())
        }
        #expect(before == 1 && after == 2 && inner == 1)
        #expect(first == second)
    }

    @Test("AdamW over four parameters of 10,000 values (shared across the cores): θ equals the formula exactly")
    func adamWAcrossParameters() {
        var rng = SeededGenerator(seed: 9)
        let starts = (0..<4).map { _ in Tensor(randomNormal: [10_000], using: &rng) }
        let gradients = (0..<4).map { _ in Tensor(randomNormal: [10_000], using: &rng) }
        let parameters = starts.enumerated().map { Variable(name: "p\($0.offset)", value: $0.element) }
        var optimizer = AdamW(parameters: parameters, learningRate: 0.1, weightDecay: 0.01)
        parameters.enumerated().map { (i, p) in (p * Variable(gradients[i])).sum() }
            .reduce(Variable(Tensor(scalar: 0)), +).backward()
        optimizer.step()
        let c1: Float = 1 - 0.9, c2: Float = 1 - 0.999                    // 1 − β₁¹, 1 − β₂¹ at step 1
        for (p, (start, gradient)) in zip(parameters, zip(starts, gradients)) {
            let expected = zip(start.scalars, gradient.scalars).map { theta, g -> Float in
                let (m, v) = ((1 - 0.9) * g, (1 - 0.999) * g * g)
                return theta * (1 - 0.1 * 0.01) - 0.1 * (m / c1) / ((v / c2).squareRoot() + 1e-8)
            }
            #expect(p.value.scalars == expected)
        }
    }
}

@Suite("The engine's parallel loops: every piece runs once, nested and concurrent calls included")
struct ParallelLoopTests {
    @Test("1,000 pieces of a sum each run once; inside each of 8 outer pieces a nested split of 100 items runs whole")
    func piecesRunOnce() {
        let lock = NSLock()
        var counts = [Int](repeating: 0, count: 1_000)
        Kernels.splitWork(count: 1_000, valuesPerItem: 1, threads: 2) { range in
            for i in range { lock.lock(); counts[i] += 1; lock.unlock() }
        }
        #expect(counts.allSatisfy { $0 == 1 })
        var nested = [Int](repeating: 0, count: 8 * 100)
        Kernels.splitWork(count: 8, valuesPerItem: 1, threads: 2) { outer in
            for o in outer {
                Kernels.splitWork(count: 100, valuesPerItem: 1, threads: 2) { inner in
                    for i in inner { lock.lock(); nested[o * 100 + i] += 1; lock.unlock() }
                }
            }
        }
        #expect(nested.allSatisfy { $0 == 1 })
    }

    @Test("four tasks splitting work at the same time each get every item of their own loop once")
    func concurrentCallers() async {
        let totals = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let lock = NSLock()
                    var sum = 0
                    for _ in 0..<50 {
                        Kernels.splitWork(count: 64, valuesPerItem: 1, threads: 2) { range in
                            let part = range.reduce(0, +)
                            lock.lock(); sum += part; lock.unlock()
                        }
                    }
                    return sum
                }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(totals == [Int](repeating: 50 * (63 * 64 / 2), count: 4))
    }
}
