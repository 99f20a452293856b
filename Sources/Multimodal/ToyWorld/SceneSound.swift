// A sound for each scene, so lessons have a third modality whose content follows the scene.
// The objects are heard one after another from left to right, each in an equal slice of the clip:
//   cat   "meow": a voiced glide 650 → 900 → 500 Hz with harmonics
//   dog   "woof woof": two short low barks at 220 Hz, rich in harmonics
//   bird  "tweet": three quick chirps sweeping 2.4 → 3.4 kHz
//   fish  "blub": bubbles whose pitch rises quickly, 300 → 700 Hz
//   circle, square, triangle: a plain sine at 440, 550 or 660 Hz, quieter
//   sun   a soft C-major chord (523, 659, 784 Hz) under the whole clip
// Large objects are louder than small ones. The waveform is a pure function of the scene.

import Foundation

/// The waveform of a scene.
public enum SceneSound {
    /// Samples per second.
    public static let sampleRate = 8_000
    /// The clip length in samples (0.75 s).
    public static let length = 6_000

    /// The scene's waveform, `length` samples in [−1, 1].
    ///
    ///     let wave = SceneSound.waveform(for: SceneGenerator.orangeCatInTheSun)   // [6000]
    public static func waveform(for scene: ToyScene) -> [Float] {
        var wave = [Float](repeating: 0, count: length)
        let order = scene.objects.sorted { ($0.cell.column, $0.cell.row) < ($1.cell.column, $1.cell.row) }
        if !order.isEmpty {
            let slot = length / order.count
            for (i, object) in order.enumerated() {
                let loudness: Float = object.size == .large ? 0.6 : 0.35
                addCall(of: object.kind, into: &wave, start: i * slot, count: slot, loudness: loudness)
            }
        }
        if scene.hasSun {
            for f: Double in [523.25, 659.25, 783.99] {
                addTone(into: &wave, start: 0, count: length, amplitude: 0.06) { _ in f }
            }
        }
        let peak = wave.map(abs).max() ?? 0
        if peak > 1 { wave = wave.map { $0 / peak } }
        return wave
    }

    /// Adds the call of one kind of object into `wave[start ..< start + count]`.
    static func addCall(of kind: ObjectKind, into wave: inout [Float], start: Int, count: Int, loudness: Float) {
        switch kind {
        case .cat:
            addTone(into: &wave, start: start, count: count, amplitude: loudness, harmonics: [1, 0.5, 0.3, 0.15]) { t in
                t < 0.35 ? 650 + 250 * t / 0.35 : 900 - 400 * (t - 0.35) / 0.65
            }
        case .dog:
            let bark = count * 3 / 10
            for b in 0..<2 {
                addTone(into: &wave, start: start + b * count / 2, count: bark, amplitude: loudness,
                        harmonics: [1, 0.8, 0.6, 0.5, 0.4, 0.3]) { t in 220 + 60 * (1 - t) }
            }
        case .bird:
            let chirp = count / 5
            for c in 0..<3 {
                addTone(into: &wave, start: start + c * count / 3, count: chirp, amplitude: loudness) { t in 2400 + 1000 * t }
            }
        case .fish:
            let bubble = count / 4
            for c in 0..<3 {
                addTone(into: &wave, start: start + c * count / 3, count: bubble, amplitude: loudness) { t in 300 + 400 * t * t }
            }
        case .circle, .square, .triangle:
            let f: Double = kind == .circle ? 440 : kind == .square ? 550 : 660
            addTone(into: &wave, start: start, count: count, amplitude: loudness * 0.5) { _ in f }
        }
    }

    /// Adds a tone whose fundamental follows `frequency(t)` (t from 0 to 1 over the tone), with the
    /// given harmonic amplitudes and a smooth rise and fall (a Hann-shaped envelope with a flat middle).
    static func addTone(into wave: inout [Float], start: Int, count: Int, amplitude: Float,
                        harmonics: [Double] = [1], frequency: (Double) -> Double) {
        let end = min(start + count, wave.count)
        guard end > start else { return }
        let norm = harmonics.reduce(0, +)
        var phase = 0.0
        let n = Double(end - start)
        for i in start..<end {
            let t = Double(i - start) / n
            phase += 2 * Double.pi * frequency(t) / Double(sampleRate)
            var value = 0.0
            for (h, a) in harmonics.enumerated() { value += a * sin(Double(h + 1) * phase) }
            let edge = 0.1
            let envelope = t < edge ? 0.5 - 0.5 * cos(Double.pi * t / edge)
                : t > 1 - edge ? 0.5 - 0.5 * cos(Double.pi * (1 - t) / edge) : 1
            wave[i] += amplitude * Float(value / norm * envelope)
        }
    }
}
