// Reading and writing WAV files: RIFF chunks (Microsoft/IBM 1991, "Multimedia Programming Interface and
// Data Specifications 1.0"), of which a WAV file needs two: 'fmt ' (how the samples are stored) and
// 'data' (the samples, little-endian, channels interleaved frame by frame). Everything else (LIST, fact,
// cue, …) is skipped. Only uncompressed integer PCM is read; anything else is refused with its reason.
//
//   offset 0  "RIFF"  size  "WAVE"
//          12 "fmt "  16    tag 1 · channels · rate · byte rate · block align · bits
//          36 "data"  n     n bytes of samples
//          …  other chunks, each padded to an even size

import Foundation

/// Decoded PCM audio: the format as the file states it, and every sample scaled to [−1, 1).
///
///     let audio = try WAVFile.read(contentsOf: "7_theo_12.wav")
///     audio.sampleRate      // 8000
///     audio.mono.count      // the number of frames, channels averaged
public struct WAVAudio: Sendable, Equatable {
    public let sampleRate: Int
    public let channelCount: Int
    public let bitsPerSample: Int
    /// Samples in [−1, 1), frame by frame, channels interleaved: [frames · channels].
    public let samples: [Float]

    public init(sampleRate: Int, channelCount: Int, bitsPerSample: Int, samples: [Float]) {
        self.sampleRate = sampleRate
        self.channelCount = channelCount
        self.bitsPerSample = bitsPerSample
        self.samples = samples
    }

    public var frameCount: Int { samples.count / Swift.max(channelCount, 1) }
    public var seconds: Double { Double(frameCount) / Double(sampleRate) }

    /// One channel: the mean of the channels in each frame ([frames]).
    public var mono: [Float] {
        guard channelCount > 1 else { return samples }
        let c = Float(channelCount)
        return (0..<frameCount).map { f in samples[(f * channelCount)..<((f + 1) * channelCount)].reduce(0, +) / c }
    }

    /// "8000 Hz mono 16-bit", as error messages and notes say it.
    public var formatDescription: String {
        "\(sampleRate) Hz \(channelCount == 1 ? "mono" : channelCount == 2 ? "stereo" : "\(channelCount)-channel") \(bitsPerSample)-bit"
    }
}

/// Reads and writes WAV files.
public enum WAVFile {
    /// Files above this size are refused before reading (256 MB: 4 hours at 8 kHz, 20 minutes of CD audio).
    public static let maxFileBytes = 256 << 20

    /// Reads a WAV file. Throws `WAVError` naming the file and what is wrong with it.
    public static func read(contentsOf path: String, maxBytes: Int = maxFileBytes) throws -> WAVAudio {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw WAVError.notFound(path: path) }
        if isDirectory.boolValue { throw WAVError.isDirectory(path: path) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > maxBytes { throw WAVError.tooLarge(path: path, bytes: size, limit: maxBytes) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw WAVError.unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try decode(Array(data), name: path)
    }

    /// Decodes WAV bytes already in memory; `name` is used in error messages.
    ///
    ///     let bytes = WAVFile.encode(samples: [0, 16384, -32768], sampleRate: 8000)
    ///     try WAVFile.decode(bytes).samples        // [0, 0.5, -1]
    public static func decode(_ bytes: [UInt8], name: String = "<memory>") throws -> WAVAudio {
        let format = try WAVHeader.parse(bytes, name: name)
        let (width, count) = (format.bitsPerSample / 8, format.dataBytes / (format.bitsPerSample / 8))
        var samples = [Float](repeating: 0, count: count)
        bytes.withUnsafeBufferPointer { raw in
            let p = raw.baseAddress! + format.dataOffset
            switch width {
            case 1:   // 8-bit PCM is unsigned, centred on 128
                for i in 0..<count { samples[i] = (Float(p[i]) - 128) / 128 }
            case 2:
                for i in 0..<count { samples[i] = Float(Int16(bitPattern: UInt16(p[2 * i]) | UInt16(p[2 * i + 1]) << 8)) / 32_768 }
            case 3:
                for i in 0..<count {
                    let u = UInt32(p[3 * i]) << 8 | UInt32(p[3 * i + 1]) << 16 | UInt32(p[3 * i + 2]) << 24
                    samples[i] = Float(Int32(bitPattern: u) >> 8) / 8_388_608
                }
            default:
                for i in 0..<count {
                    let u = UInt32(p[4 * i]) | UInt32(p[4 * i + 1]) << 8 | UInt32(p[4 * i + 2]) << 16 | UInt32(p[4 * i + 3]) << 24
                    samples[i] = Float(Double(Int32(bitPattern: u)) / 2_147_483_648)
                }
            }
        }
        return WAVAudio(sampleRate: format.sampleRate, channelCount: format.channels,
                        bitsPerSample: format.bitsPerSample, samples: samples)
    }

    /// A mono 16-bit PCM WAV file of `samples` (the 44-byte canonical header, then the data).
    ///
    ///     WAVFile.encode(samples: [1, -1], sampleRate: 8000).count   // 44 + 4 bytes
    public static func encode(samples: [Int16], sampleRate: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(44 + 2 * samples.count)
        func u32(_ v: Int) { for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
        func u16(_ v: Int) { for k in 0..<2 { out.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
        let dataBytes = 2 * samples.count
        out += Array("RIFF".utf8); u32(36 + dataBytes); out += Array("WAVE".utf8)
        out += Array("fmt ".utf8); u32(16); u16(1); u16(1); u32(sampleRate); u32(2 * sampleRate); u16(2); u16(16)
        out += Array("data".utf8); u32(dataBytes)
        for s in samples { u16(Int(s)) }
        return out
    }

    /// Samples in [−1, 1] as 16-bit integers (rounded, clipped): the inverse of `decode` for 16-bit files.
    ///
    ///     WAVFile.pcm16([0, 0.5, -1, 2])   // [0, 16384, -32768, 32767]
    public static func pcm16(_ samples: [Float]) -> [Int16] {
        samples.map { Int16(Swift.max(-32_768, Swift.min(32_767, ($0 * 32_768).rounded()))) }
    }
}
