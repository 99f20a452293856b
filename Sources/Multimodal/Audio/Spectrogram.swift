// The short-time Fourier transform's magnitude: a waveform cut into overlapping frames, each
// multiplied by a Hann window and taken to the frequency domain with a radix-2 FFT. Each frame's
// spectrum can then be one token of the sound. Bin k holds frequency k · sampleRate / frameLength.

import AlignFuseSupport
import Foundation
import TeachingEngine

/// STFT magnitude spectrograms.
public enum Spectrogram {
    /// [F, frameLength/2 + 1] magnitudes, F = 1 + (S − frameLength) / hop frames of a waveform of S samples.
    ///
    ///     // an 8 kHz tone at 1 kHz with frameLength 256 peaks in bin 1000 · 256 / 8000 = 32
    ///     let frames = Spectrogram.magnitudes(wave, frameLength: 256, hop: 128)   // [45, 129] for 6000 samples
    ///
    /// - Precondition: `frameLength` is a power of two, `hop` positive, and the wave holds one frame.
    public static func magnitudes(_ wave: [Float], frameLength n: Int = 256, hop: Int = 128) -> Tensor {
        require(n >= 2 && n & (n - 1) == 0, "Spectrogram: frameLength \(n) is not a power of two")
        require(hop > 0, "Spectrogram: hop must be positive, got \(hop)")
        require(wave.count >= n, "Spectrogram: \(wave.count) samples are shorter than one frame of \(n)")
        let frames = 1 + (wave.count - n) / hop
        let bins = n / 2 + 1
        let window = hann(n)
        var out = [Float](repeating: 0, count: frames * bins)    // [F, bins]
        var re = [Double](repeating: 0, count: n), im = [Double](repeating: 0, count: n)
        let twiddles = Twiddles(n)
        for f in 0..<frames {
            for i in 0..<n {
                re[i] = Double(wave[f * hop + i]) * window[i]
                im[i] = 0
            }
            fft(&re, &im, twiddles)
            for k in 0..<bins { out[f * bins + k] = Float((re[k] * re[k] + im[k] * im[k]).squareRoot()) }
        }
        return Tensor(shape: [frames, bins], scalars: out)
    }

    /// The centre frequency of bin `k` in Hz.
    public static func frequency(ofBin k: Int, frameLength: Int = 256, sampleRate: Int = SceneSound.sampleRate) -> Double {
        Double(k) * Double(sampleRate) / Double(frameLength)
    }

    /// The periodic Hann window w[i] = ½ − ½·cos(2πi/n).
    public static func hann(_ n: Int) -> [Double] {
        (0..<n).map { 0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(n)) }
    }

    /// The factors e^(−2πik/length) of every butterfly length 2, 4, …, n, computed once per transform
    /// size instead of once per frame (the same values: each is cos and sin of the same angle).
    struct Twiddles {
        /// For each length, its cos and sin of angle·k, k = 0 ..< length/2.
        let cos: [[Double]], sin: [[Double]]

        init(_ n: Int) {
            var cosines: [[Double]] = [], sines: [[Double]] = []
            var length = 2
            while length <= n {
                let angle = -2 * Double.pi / Double(length)
                cosines.append((0..<(length / 2)).map { Foundation.cos(angle * Double($0)) })
                sines.append((0..<(length / 2)).map { Foundation.sin(angle * Double($0)) })
                length <<= 1
            }
            cos = cosines
            sin = sines
        }
    }

    /// In-place iterative radix-2 FFT (Cooley–Tukey): X[k] = Σ x[t]·e^(−2πikt/n).
    static func fft(_ re: inout [Double], _ im: inout [Double]) { fft(&re, &im, Twiddles(re.count)) }

    static func fft(_ re: inout [Double], _ im: inout [Double], _ twiddles: Twiddles) {
        let n = re.count
        // 1. Bit-reversal permutation.
        var j = 0
        for i in 1..<n {
            var bit = n >> 1
            while j & bit != 0 { j ^= bit; bit >>= 1 }
            j |= bit
            if i < j { re.swapAt(i, j); im.swapAt(i, j) }
        }
        // 2. Butterflies of growing length.
        var length = 2, level = 0
        while length <= n {
            let (cosines, sines) = (twiddles.cos[level], twiddles.sin[level])
            for start in stride(from: 0, to: n, by: length) {
                for k in 0..<(length / 2) {
                    let wr = cosines[k], wi = sines[k]
                    let a = start + k, b = a + length / 2
                    let tr = re[b] * wr - im[b] * wi, ti = re[b] * wi + im[b] * wr
                    re[b] = re[a] - tr; im[b] = im[a] - ti
                    re[a] += tr; im[a] += ti
                }
            }
            length <<= 1
            level += 1
        }
    }
}
