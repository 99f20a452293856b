// Fixed sinusoidal positional encodings: a position becomes a vector of sines and cosines at
// geometrically spaced frequencies, so nearby positions get similar vectors.
// Vaswani et al. 2017, "Attention Is All You Need", §3.5; the 2D form as in MAE (He et al. 2022).

import AlignFuseSupport
import Foundation
import TeachingEngine

/// Sinusoidal positional encodings.
public enum PositionalEncoding {
    /// [T, d]: PE[t, 2i] = sin(t / 10000^(2i/d)), PE[t, 2i+1] = cos(t / 10000^(2i/d)).
    ///
    ///     PositionalEncoding.sinusoidal1D(positions: 2, dimension: 2).scalars   // [0, 1, sin 1, cos 1]
    ///
    /// - Precondition: `dimension` is even and positive.
    public static func sinusoidal1D(positions: Int, dimension d: Int) -> Tensor {
        Tensor(shape: [positions, d], scalars: sinusoidalValues(positions: positions, dimension: d))   // [T, d]
    }

    /// [gh·gw, d] for a grid of patches in row-major order: the first d/2 channels encode the patch's
    /// row with the 1D encoding of width d/2, the last d/2 its column.
    ///
    /// - Precondition: `dimension` is a positive multiple of 4.
    public static func sinusoidal2D(rows gh: Int, columns gw: Int, dimension d: Int) -> Tensor {
        require(d > 0 && d % 4 == 0, "sinusoidal2D: dimension \(d) must be a positive multiple of 4")
        let half = d / 2
        let rowCodes = sinusoidalValues(positions: gh, dimension: half)   // [gh, d/2]
        let columnCodes = sinusoidalValues(positions: gw, dimension: half)   // [gw, d/2]
        var out: [Float] = []
        out.reserveCapacity(gh * gw * d)
        for r in 0..<gh {
            for c in 0..<gw {
                out += rowCodes[(r * half)..<((r + 1) * half)]
                out += columnCodes[(c * half)..<((c + 1) * half)]
            }
        }
        return Tensor(shape: [gh * gw, d], scalars: out)   // [gh·gw, d]
    }

    static func sinusoidalValues(positions: Int, dimension d: Int) -> [Float] {
        require(d > 0 && d % 2 == 0, "sinusoidal1D: dimension \(d) must be even and positive")
        require(positions >= 0, "sinusoidal1D: positions must not be negative, got \(positions)")
        var out = [Float](repeating: 0, count: positions * d)
        for t in 0..<positions {
            for i in 0..<(d / 2) {
                let angle = Double(t) / pow(10_000, Double(2 * i) / Double(d))
                out[t * d + 2 * i] = Float(sin(angle))
                out[t * d + 2 * i + 1] = Float(cos(angle))
            }
        }
        return out
    }
}
