// Cutting the silence around a spoken word: frames much quieter than the loudest one are silence.
// The Free Spoken Digit Dataset is already trimmed this way; a learner's own recording usually is not.

import AlignFuseSupport
import Foundation

/// Finds where speech starts and ends in a recording.
public enum SpeechTrim {
    /// The range of samples from the first to the last frame whose energy is within `decibels` of the
    /// loudest frame's, widened by `margin` samples on each side. Frames are `frame` samples long.
    ///
    ///     // 8000 samples of silence, 2000 of a tone, 8000 of silence:
    ///     SpeechTrim.speechRange(wave, frame: 160, decibels: 30, margin: 400)   // about 7600..<10400
    ///
    /// The whole recording when it is silent (no frame above zero energy).
    public static func speechRange(_ wave: [Float], frame: Int = 160, decibels: Double = 30, margin: Int = 400) -> Range<Int> {
        require(frame > 0, "SpeechTrim: frame must be positive, got \(frame)")
        let frames = wave.count / frame
        guard frames > 0 else { return 0..<wave.count }
        let energies = (0..<frames).map { f in
            wave[(f * frame)..<((f + 1) * frame)].reduce(0.0) { $0 + Double($1) * Double($1) } / Double(frame)
        }
        let loudest = energies.max()!
        guard loudest > 0 else { return 0..<wave.count }
        let threshold = loudest * pow10(-decibels / 10)
        let first = energies.firstIndex { $0 >= threshold }!, last = energies.lastIndex { $0 >= threshold }!
        return Swift.max(0, first * frame - margin)..<Swift.min(wave.count, (last + 1) * frame + margin)
    }

    private static func pow10(_ x: Double) -> Double { Foundation.pow(10, x) }
}
