// Data parallelism on one machine: a batch cut into parts, each part's forward and backward on a core
// of its own with one engine thread, and the parts' gradients averaged. A step of the whole batch hands
// the second core a hundred small jobs and waits at the end of each; the parts run with no hand-off
// until their gradients are added (Docs/performance.md measures both).
//
// The parts share the model's parameters. Each part's backward keeps the gradients of the leaves it
// reaches in a store of its own (`GradientStore`, bound to the part's thread while it runs), so the
// parts never write the same memory; the stores are then added in part order, the same on one thread
// and on many.

/// The gradients of the leaves that one part's backward reached, kept apart from the leaves.
final class GradientStore: @unchecked Sendable {
    /// One leaf's gradient in the store: a box of its own, so that a kernel writing two leaves' gradients
    /// at once (GELU's input and bias) holds two boxes, not the store's table twice.
    final class Gradient {
        let leaf: Variable
        var values: [Float]?
        init(_ leaf: Variable) { self.leaf = leaf }
    }

    /// The store of the part running on this thread, if any (`Variable.gradScalars` reads it).
    @TaskLocal static var current: GradientStore?
    /// Every leaf the part reached, with its gradient.
    private(set) var gradients: [ObjectIdentifier: Gradient] = [:]

    /// `leaf`'s box, made empty on first use.
    func gradient(of leaf: Variable) -> Gradient {
        if let existing = gradients[ObjectIdentifier(leaf)] { return existing }
        let made = Gradient(leaf)
        gradients[ObjectIdentifier(leaf)] = made
        return made
    }
}

public enum DataParallel {
    /// Runs `loss(part)` for `part` in `0..<parts` — each the mean loss over one equal part of a batch —
    /// with its backward, and leaves in every parameter the gradient of the parts' mean: the gradient
    /// of the whole batch's mean loss, its sums taken part by part. Returns that mean loss. With two
    /// engine threads or more, the parts run at the same time, one thread each; else one after another.
    /// Either way the bytes are the same. Gradients add to those already kept, as `backward()`'s do.
    ///
    ///     optimizer.zeroGrad()
    ///     let loss = DataParallel.backward(parts: 2) { part in model.loss(batch.half(part)) }
    ///     optimizer.step()
    ///
    /// With parts of 32 and 32 examples, each leaf's gradient is ½(g₀ + g₁), where gₚ is the gradient
    /// of part p's mean loss: the whole batch's (1/64)·Σ gᵢ, summed in another order.
    public static func backward(parts: Int, _ loss: (Int) -> Variable) -> Float {
        precondition(parts >= 1, "DataParallel.backward: parts must be 1 or more, got \(parts)")
        let stores = (0..<parts).map { _ in GradientStore() }
        var losses = [Float](repeating: 0, count: parts)
        losses.withUnsafeMutableBufferPointer { values in
            let values = UncheckedSendable(values)
            func run(_ part: Int) {
                EngineThreads.with(1) {
                    GradientStore.$current.withValue(stores[part]) {
                        let value = loss(part)
                        value.backward()
                        values.value[part] = value.item
                    }
                }
            }
            if EngineThreads.count >= parts && parts > 1 {
                Kernels.concurrently(parts) { run($0) }
            } else {
                for part in 0..<parts { run(part) }
            }
        }
        average(stores)
        return losses.reduce(0, +) / Float(parts)
    }

    /// Adds ½(g₀ + g₁) (for two parts; (1/P)·Σ gₚ in part order for P) into each leaf's gradient.
    private static func average(_ stores: [GradientStore]) {
        var leaves: [ObjectIdentifier: Variable] = [:]
        for store in stores { for (id, entry) in store.gradients where entry.values != nil { leaves[id] = entry.leaf } }
        let scale = 1 / Float(stores.count)
        // Largest first, then every other one to each half of the list, so that the two cores' halves of
        // `work` hold about as many values each. Each leaf's sum is its own: the bytes do not depend on
        // which core adds it.
        let bySize = leaves.sorted { $0.value.count > $1.value.count }
        let work = stride(from: 0, to: bySize.count, by: 2).map { bySize[$0] }
            + stride(from: 1, to: bySize.count, by: 2).map { bySize[$0] }
        var sums = [[Float]](repeating: [], count: work.count)
        sums.withUnsafeMutableBufferPointer { sums in
            let sums = UncheckedSendable(sums)
            let average = work.reduce(0) { $0 + $1.value.count } / Swift.max(1, work.count)
            Kernels.splitWork(count: work.count, valuesPerItem: average * stores.count) { range in
                for index in range { sums.value[index] = sum(of: work[index].key, in: stores, scale: scale) }
            }
        }
        for (index, entry) in work.enumerated() { entry.value.accumulateGrad(adopting: sums[index]) }
    }

    /// (1/P)·Σ gₚ of one leaf, the parts' gradients added in part order.
    private static func sum(of id: ObjectIdentifier, in stores: [GradientStore], scale: Float) -> [Float] {
        let parts = stores.map { $0.gradients[id]?.values }
        // 0 + g₀ is g₀ exactly, so the sum starts from the first part that has a gradient.
        let first = parts.firstIndex { $0 != nil }!
        var sum = parts[first]!
        sum.withUnsafeMutableBufferPointer { total in
            for part in parts[(first + 1)...] {
                guard let part else { continue }
                part.withUnsafeBufferPointer { values in
                    for i in 0..<total.count { total[i] += values[i] }
                }
            }
            for i in 0..<total.count { total[i] *= scale }
        }
        return sum
    }
}
