// The order a trainer visits its examples in: each epoch a fresh shuffle, handed out a batch at a time.

import Testing
import Multimodal
import TeachingEngine

@Suite("Batches: every example once per epoch, in a fresh order each epoch")
struct EpochOrderTests {
    @Test("five examples taken two at a time: the first five indices are 0…4 in some order, and so are the next five")
    func everyExampleOncePerEpoch() {
        var order = EpochOrder(count: 5)
        var rng = SeededGenerator(seed: 1)
        let taken = (0..<5).flatMap { _ in order.take(2, using: &rng) }      // 10 indices: two epochs
        #expect(taken.count == 10)
        #expect(taken[0..<5].sorted() == [0, 1, 2, 3, 4])
        #expect(taken[5..<10].sorted() == [0, 1, 2, 3, 4])
        #expect(taken[0..<5] != taken[5..<10], "the second epoch is shuffled anew")
    }

    @Test("the same draws as the plain recipe (append a shuffled epoch whenever fewer than a batch are left, hand out the front): batches of 1 to 7 from 5 examples, 12 batches each")
    func sameAsThePlainRecipe() {
        for size in 1...7 {
            var order = EpochOrder(count: 5)
            var rng = SeededGenerator(seed: 7)
            var plain: [Int] = []
            var plainRNG = SeededGenerator(seed: 7)
            for _ in 0..<12 {
                while plain.count < size {
                    var epoch = Array(0..<5)
                    plainRNG.shuffle(&epoch)
                    plain += epoch
                }
                let expected = Array(plain.prefix(size))
                plain.removeFirst(size)
                #expect(order.take(size, using: &rng) == expected, "batches of \(size)")
            }
        }
    }
}
