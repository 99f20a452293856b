// Changing a recording's sample rate: band-limited interpolation with a Hann-windowed sinc kernel
// (Smith 2002, "Digital Audio Resampling", ccrma.stanford.edu/~jos/resample). Each output sample is a
// weighted sum of the input samples around its time; the sinc's cut-off sits just below half the lower
// of the two rates, so frequencies the new rate cannot hold are removed instead of folding back (aliasing).

import AlignFuseSupport
import Foundation

/// Sample-rate conversion of a mono waveform.
public enum Resampler {
    /// `wave` sampled at `from` Hz, resampled to `to` Hz: about `wave.count · to / from` samples.
    ///
    ///     Resampler.resample(tone44k, from: 44_100, to: 8_000)   // a 1 kHz tone stays a 1 kHz tone
    ///
    /// - Parameter zeroCrossings: the half-width of the kernel in zero crossings of the lower rate's sinc.
    /// - Precondition: both rates are positive.
    public static func resample(_ wave: [Float], from: Int, to: Int, zeroCrossings: Int = 16) -> [Float] {
        require(from > 0 && to > 0, "Resampler: rates must be positive, got \(from) → \(to)")
        guard from != to, !wave.isEmpty else { return wave }
        let ratio = Double(to) / Double(from)
        let cutoff = 0.95 * Swift.min(1, ratio)                 // of the input's Nyquist frequency
        let halfWidth = Double(zeroCrossings) / cutoff          // in input samples
        let count = Swift.max(1, Int((Double(wave.count) * ratio).rounded(.down)))
        var out = [Float](repeating: 0, count: count)
        for n in 0..<count {
            let t = Double(n) / ratio                           // the output sample's time, in input samples
            let first = Swift.max(0, Int((t - halfWidth).rounded(.up)))
            let last = Swift.min(wave.count - 1, Int((t + halfWidth).rounded(.down)))
            guard first <= last else { continue }
            var sum = 0.0
            for i in first...last {
                let x = Double(i) - t
                let window = 0.5 + 0.5 * cos(Double.pi * x / halfWidth)       // Hann, 1 at the centre, 0 at the edges
                sum += Double(wave[i]) * cutoff * sinc(cutoff * x) * window
            }
            out[n] = Float(sum)
        }
        return out
    }

    /// sin(πx)/(πx), 1 at 0.
    static func sinc(_ x: Double) -> Double { x == 0 ? 1 : sin(Double.pi * x) / (Double.pi * x) }
}
