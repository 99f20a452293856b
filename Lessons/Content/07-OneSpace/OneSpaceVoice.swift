// A learner's own recording on its way into the shared space: read (any PCM WAV), mixed to mono,
// resampled to 8 kHz, and cut to the speech, with a note for each change; and one FSDD recording
// written back out as a WAV file of its own.

import Foundation
import Multimodal
import Walkthrough

/// A recording ready for the speech tower, and what was done to it.
struct OneSpaceVoice {
    let samples: [Float]          // 8 kHz mono, trimmed
    let notes: [String]

    /// Reads `path` and prepares it; throws `WAVError` with its one-line reason.
    init(path: String, run: Run) throws {
        let audio = try WAVFile.read(contentsOf: path)
        var notes = [run.text(OneSpace.Say.read, path, audio.formatDescription, audio.seconds)]
        if audio.channelCount > 1 { notes.append(run.text(OneSpace.Say.mixed, audio.channelCount)) }
        var wave = audio.mono
        if audio.sampleRate != SpokenDigits.sampleRate {
            wave = Resampler.resample(wave, from: audio.sampleRate, to: SpokenDigits.sampleRate)
            notes.append(run.text(OneSpace.Say.resampled, audio.sampleRate))
        }
        let speech = SpeechTrim.speechRange(wave)
        let rate = Double(SpokenDigits.sampleRate)
        notes.append(run.text(OneSpace.Say.trimmed, Double(speech.lowerBound) / rate, Double(speech.upperBound) / rate))
        samples = Array(wave[speech])
        if Double(samples.count) / rate > 2.28 { notes.append(run.text(OneSpace.Say.long, Double(samples.count) / rate)) }
        self.notes = notes
    }

    /// Writes `recording` as `<name>.wav` in `folder`: 8000 Hz mono 16-bit, the original samples.
    static func export(_ recording: SpokenDigit, to folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(recording.name + ".wav")
        try AtomicFiles.write(WAVFile.encode(samples: WAVFile.pcm16(recording.samples), sampleRate: SpokenDigits.sampleRate), to: url)
        return url
    }
}
