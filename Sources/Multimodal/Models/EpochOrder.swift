// The order in which a trainer visits its examples: every epoch a fresh shuffle of all of them, handed
// out a batch at a time, so no example comes twice within an epoch.

import AlignFuseSupport
import TeachingEngine

/// Indices 0..<count, shuffled anew each epoch and taken `size` at a time. A batch that reaches past an
/// epoch's end takes the rest of it and the start of the next.
///
///     var order = EpochOrder(count: 5)
///     var rng = SeededGenerator(seed: 1)
///     order.take(2, using: &rng)   // two of 0…4
///     order.take(2, using: &rng)   // two others
///     order.take(2, using: &rng)   // the last of this epoch, then one of the next
public struct EpochOrder {
    public let count: Int
    /// The shuffled epochs not yet handed out whole; `taken` of them are handed out.
    private var order: [Int] = []
    private var taken = 0

    public init(count: Int) { self.count = count }

    public mutating func take(_ size: Int, using rng: inout SeededGenerator) -> [Int] {
        require(size >= 0 && (count > 0 || size == 0), "EpochOrder: a batch of \(size) from \(count) examples")
        while order.count - taken < size {
            order.removeFirst(taken)           // what was handed out goes once an epoch, not every batch
            taken = 0
            var epoch = Array(0..<count)
            rng.shuffle(&epoch)
            order += epoch
        }
        defer { taken += size }
        return Array(order[taken..<(taken + size)])
    }
}
