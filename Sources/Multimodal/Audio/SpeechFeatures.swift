// What the speech encoder reads: a recording as a fixed grid of log mel energies. The STFT of lesson 01
// (Spectrogram.magnitudes), its power pooled into bands spaced as the ear spaces pitch (the mel scale,
// Stevens, Volkmann & Newman 1937: mel = 2595·log10(1 + f/700)), the logarithm taken (loudness is heard
// on a log scale), and the frames stretched or squeezed to a fixed count so every recording of any
// length becomes the same [frames, bands] grid. Each grid is then centred and scaled to unit spread,
// so a loud and a quiet take of one word look alike.

import Foundation
import TeachingEngine

/// Log mel features of a fixed size.
///
///     let features = SpeechFeatures()                      // 32 frames × 32 bands of an 8 kHz recording
///     let grid = features.grid(of: wave)                   // [32 · 32] values, mean 0, spread 1
public struct SpeechFeatures: Sendable, Hashable {
    public var sampleRate = 8_000
    public var frameLength = 256
    public var hop = 64
    public var bands = 32
    public var frames = 32

    public init(frames: Int = 32, bands: Int = 32) {
        self.frames = frames
        self.bands = bands
    }

    /// The number of values in one grid.
    public var size: Int { frames * bands }

    /// The grid [frames, bands] of `wave` (at `sampleRate`), flattened frame by frame.
    /// A wave shorter than one STFT frame is padded with silence.
    public func grid(of wave: [Float]) -> [Float] {
        let padded = wave.count >= frameLength ? wave : wave + [Float](repeating: 0, count: frameLength - wave.count)
        let magnitudes = Spectrogram.magnitudes(padded, frameLength: frameLength, hop: hop)   // [F, bins]
        let (count, bins) = (magnitudes.shape[0], magnitudes.shape[1])
        let filters = melFilters(bins: bins)                                                   // bands × [bins]
        var logMel = [Float](repeating: 0, count: count * bands)                               // [F, bands]
        magnitudes.scalars.withUnsafeBufferPointer { m in
            for f in 0..<count {
                for (b, filter) in filters.enumerated() {
                    var power: Float = 0
                    for (k, w) in filter where w > 0 { power += w * m[f * bins + k] * m[f * bins + k] }
                    logMel[f * bands + b] = Foundation.log(power + 1e-6)
                }
            }
        }
        var out = [Float](repeating: 0, count: frames * bands)                                 // [frames, bands]
        for t in 0..<frames {                                                                  // linear interpolation in time
            let x = count == 1 ? 0 : Double(t) * Double(count - 1) / Double(Swift.max(frames - 1, 1))
            let i = Swift.min(Int(x), count - 1), j = Swift.min(i + 1, count - 1), w = Float(x - Double(i))
            for b in 0..<bands { out[t * bands + b] = (1 - w) * logMel[i * bands + b] + w * logMel[j * bands + b] }
        }
        let mean = out.reduce(0, +) / Float(out.count)
        let spread = (out.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Float(out.count)).squareRoot()
        return out.map { ($0 - mean) / Swift.max(spread, 1e-6) }
    }

    /// The grids of many recordings as rows of one matrix [N, frames · bands], computed on every core
    /// (each row depends on its recording alone, so the result is the same on any number of cores).
    public func grids(of waves: [[Float]]) -> Tensor {
        var out = [Float](repeating: 0, count: waves.count * size)
        out.withUnsafeMutableBufferPointer { buffer in
            let rows = RowsToFill(base: buffer.baseAddress!)     // each iteration writes its own row only
            DispatchQueue.concurrentPerform(iterations: waves.count) { i in
                let grid = self.grid(of: waves[i])
                for j in 0..<size { rows.base[i * size + j] = grid[j] }
            }
        }
        return Tensor(shape: [waves.count, size], scalars: out)
    }

    /// Triangular filters on the mel scale from 0 Hz to half the sample rate: filter b rises from the
    /// centre of band b − 1 to its own centre and falls to the centre of band b + 1. Each is a list of
    /// (bin, weight) pairs.
    public func melFilters(bins: Int) -> [[(Int, Float)]] {
        func mel(_ hz: Double) -> Double { 2595 * log10(1 + hz / 700) }
        func hz(_ mel: Double) -> Double { 700 * (pow(10, mel / 2595) - 1) }
        let top = mel(Double(sampleRate) / 2)
        let edges = (0...(bands + 1)).map { hz(top * Double($0) / Double(bands + 1)) }   // bands + 2 edges
        let binHz = Double(sampleRate) / Double(frameLength)
        return (0..<bands).map { b in
            let (low, centre, high) = (edges[b], edges[b + 1], edges[b + 2])
            return (0..<bins).compactMap { k -> (Int, Float)? in
                let f = Double(k) * binHz
                let w = f <= centre ? (f - low) / (centre - low) : (high - f) / (high - centre)
                return w > 0 ? (k, Float(w)) : nil
            }
        }
    }
}

/// The output rows of `SpeechFeatures.grids`, shared with the threads that fill them. Iteration i writes
/// row i and nothing else, which is what makes the sharing safe; the compiler cannot check that here.
private struct RowsToFill: @unchecked Sendable {
    let base: UnsafeMutablePointer<Float>
}
