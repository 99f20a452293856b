// The Free Spoken Digit Dataset (Jackson et al., CC BY-SA 4.0): 3,000 recordings of the digits 0–9
// spoken in English by six speakers, 50 takes each, mono 16-bit PCM at 8 kHz. The project ships them as
// one WAV file whose samples are the recordings one after another, and a CSV index of where each starts:
//
//   name,digit,speaker,take,start,count
//   0_george_0,0,george,0,0,2384
//
// FSDD's own split: takes 0–4 of every speaker and digit are its test set, the rest its training set.

import Foundation

/// One recording: its FSDD name ("7_theo_12"), what is said, who says it, and the samples in [−1, 1).
public struct SpokenDigit: Sendable {
    public let name: String
    public let digit: Int
    public let speaker: String
    public let take: Int
    public let samples: [Float]

    /// FSDD's own test set: takes 0–4.
    public var isFSDDTest: Bool { take < 5 }
}

/// Reads the packed recordings.
public enum SpokenDigits {
    public static let sampleRate = 8_000
    static let header = "name,digit,speaker,take,start,count"

    /// Reads `pack` (a WAV file, required to be 8000 Hz mono 16-bit) and cuts it by `index`.
    /// Throws `WAVError` for the pack and `DigitsError` (file, line, reason) for the index.
    public static func read(pack: String, index: String) throws -> [SpokenDigit] {
        let audio = try WAVFile.read(contentsOf: pack).requiring(sampleRate: sampleRate, channels: 1, bits: 16, name: pack)
        guard let data = FileManager.default.contents(atPath: index) else {
            throw DigitsError(path: index, line: nil, reason: "no such file")
        }
        return try cut(audio.samples, index: Array(data), indexName: index)
    }

    /// The recordings of `samples` (the whole pack) as `index` (CSV bytes) lists them.
    public static func cut(_ samples: [Float], index: [UInt8], indexName: String = "<index>") throws -> [SpokenDigit] {
        guard let text = String(validating: index, as: UTF8.self) else {
            throw DigitsError(path: indexName, line: nil, reason: "not text (invalid UTF-8)")
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard lines.first.map({ $0.trimmingCharacters(in: .whitespaces) == header }) == true else {
            throw DigitsError(path: indexName, line: 1, reason: "the header must be '\(header)'")
        }
        var recordings: [SpokenDigit] = []
        for (i, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let fail = { (reason: String) in DigitsError(path: indexName, line: i + 1, reason: reason) }
            guard fields.count == 6 else { throw fail("6 values expected, found \(fields.count)") }
            guard let digit = Int(fields[1]), (0...9).contains(digit) else { throw fail("the digit '\(fields[1])' is not 0–9") }
            guard let take = Int(fields[3]), take >= 0 else { throw fail("the take '\(fields[3])' is not a whole number") }
            guard let start = Int(fields[4]), let count = Int(fields[5]), start >= 0, count > 0 else {
                throw fail("start '\(fields[4])' and count '\(fields[5])' must be whole numbers, the count positive")
            }
            guard start + count <= samples.count else {
                throw fail("\(fields[0]) runs to sample \(start + count), past the pack's \(samples.count)")
            }
            recordings.append(SpokenDigit(name: fields[0], digit: digit, speaker: fields[2], take: take,
                                          samples: Array(samples[start..<(start + count)])))
        }
        return recordings
    }
}

extension WAVAudio {
    /// This audio when it has exactly the rate, channels and width given; otherwise `WAVError.unexpectedFormat`.
    ///
    ///     try audio.requiring(sampleRate: 8000, channels: 1, bits: 16, name: "pack.wav")
    ///     // cannot read WAV file 'pack.wav': expected 8000 Hz mono 16-bit, found 44100 Hz stereo 16-bit
    public func requiring(sampleRate rate: Int, channels: Int, bits: Int, name: String) throws -> WAVAudio {
        let wanted = WAVAudio(sampleRate: rate, channelCount: channels, bitsPerSample: bits, samples: [])
        guard sampleRate == rate, channelCount == channels, bitsPerSample == bits else {
            throw WAVError.unexpectedFormat(path: name, expected: wanted.formatDescription, found: formatDescription)
        }
        return self
    }
}
