// Small helpers shared by the engine's tests: seeded random leaves and a tolerance check.

import TeachingEngine

/// A leaf variable of `shape` with N(0, 1) values from `seed`, whose gradient is kept.
func randomLeaf(_ shape: [Int], seed: UInt64, scale: Float = 1) -> Variable {
    var rng = SeededGenerator(seed: seed)
    return Variable(Tensor(randomNormal: shape, standardDeviation: scale, using: &rng), requiresGrad: true)
}

/// A leaf from literal values.
func leaf(_ shape: [Int], _ scalars: [Float]) -> Variable {
    Variable(Tensor(shape: shape, scalars: scalars), requiresGrad: true)
}

/// True when every pair of values differs by at most `tolerance`.
func close(_ a: [Float], _ b: [Float], tolerance: Float = 1e-5) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
}

/// The relative-error bar every gradient check must pass in Float32.
let gradientTolerance = 1e-3
