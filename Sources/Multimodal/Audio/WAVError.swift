// Everything that can be wrong with a WAV file a learner passes in, each said in one line.

/// Why a WAV file could not be read. `description` names the file and the one thing wrong with it:
///
///     cannot read WAV file 'take.wav': not PCM: format 3 (IEEE float); only integer PCM (format 1) is read
public enum WAVError: Error, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case isDirectory(path: String)
    case unreadable(path: String, reason: String)
    /// Larger than the reader's limit, refused before reading.
    case tooLarge(path: String, bytes: Int, limit: Int)
    case empty(path: String)
    /// The first four bytes are not "RIFF" (`found` holds them, at most four).
    case notRIFF(path: String, found: [UInt8])
    /// The file ends inside the 12-byte RIFF header.
    case truncatedHeader(path: String, bytes: Int)
    /// A RIFF file of another form ("AVI ", "WEBP", …).
    case notWAVE(path: String, form: String)
    /// A chunk header or the `fmt ` chunk runs past the end of the file.
    case truncatedChunk(path: String, chunk: String, declared: Int, available: Int)
    case missingChunk(path: String, chunk: String, present: [String])
    case shortFormat(path: String, bytes: Int)
    /// Compressed or floating-point audio: the format tag of the `fmt ` chunk.
    case notPCM(path: String, formatTag: Int)
    case badChannelCount(path: String, channels: Int)
    case badSampleRate(path: String, rate: Int)
    case badSampleWidth(path: String, bits: Int)
    case badBlockAlign(path: String, blockAlign: Int, channels: Int, bits: Int)
    /// The `data` chunk declares more bytes than the file holds.
    case truncatedData(path: String, declared: Int, available: Int)
    /// The `data` chunk's size is not a whole number of frames.
    case partialFrame(path: String, bytes: Int, frameBytes: Int)
    case noSamples(path: String)
    /// A readable file, but not the rate, channels and width the caller requires.
    case unexpectedFormat(path: String, expected: String, found: String)

    public var path: String {
        switch self {
        case let .notFound(p), let .isDirectory(p), let .unreadable(p, _), let .tooLarge(p, _, _), let .empty(p),
             let .notRIFF(p, _), let .truncatedHeader(p, _), let .notWAVE(p, _), let .truncatedChunk(p, _, _, _), let .missingChunk(p, _, _),
             let .shortFormat(p, _), let .notPCM(p, _), let .badChannelCount(p, _), let .badSampleRate(p, _),
             let .badSampleWidth(p, _), let .badBlockAlign(p, _, _, _), let .truncatedData(p, _, _),
             let .partialFrame(p, _, _), let .noSamples(p), let .unexpectedFormat(p, _, _):
            return p
        }
    }

    /// The one thing wrong, without the file name.
    public var reason: String {
        switch self {
        case .notFound: return "no such file"
        case .isDirectory: return "it is a directory, not a WAV file"
        case let .unreadable(_, reason): return "cannot read it (\(reason))"
        case let .tooLarge(_, bytes, limit): return "it is \(bytes) bytes, above the limit of \(limit) bytes"
        case .empty: return "the file is empty"
        case let .notRIFF(_, found):
            return "not a RIFF file: it starts with \(WAVError.shown(found)), not 'RIFF'"
        case let .truncatedHeader(_, bytes): return "the file ends after \(bytes) bytes, inside the 12-byte RIFF header"
        case let .notWAVE(_, form): return "a RIFF file, but not WAVE: its form is '\(form)'"
        case let .truncatedChunk(_, chunk, declared, available):
            return "the '\(chunk)' chunk is truncated: it declares \(declared) bytes, \(available) follow"
        case let .missingChunk(_, chunk, present):
            let list = present.isEmpty ? "none" : present.map { "'\($0)'" }.joined(separator: ", ")
            return "no '\(chunk)' chunk (chunks found: \(list))"
        case let .shortFormat(_, bytes): return "the 'fmt ' chunk is \(bytes) bytes, shorter than the 16 it needs"
        case let .notPCM(_, tag):
            return "not PCM: format \(tag)\(WAVError.formatName(tag).map { " (\($0))" } ?? ""); only integer PCM (format 1) is read"
        case let .badChannelCount(_, channels): return "\(channels) channels (1 to 8 are read)"
        case let .badSampleRate(_, rate): return "a sample rate of \(rate) Hz (1000 to 192000 Hz are read)"
        case let .badSampleWidth(_, bits): return "\(bits) bits per sample (8, 16, 24 or 32 are read)"
        case let .badBlockAlign(_, align, channels, bits):
            return "block align \(align) does not match \(channels) channel(s) × \(bits) bits (\(channels * ((bits + 7) / 8)) bytes)"
        case let .truncatedData(_, declared, available):
            return "the data chunk is truncated: it declares \(declared) bytes, \(available) follow"
        case let .partialFrame(_, bytes, frame):
            return "the data chunk's \(bytes) bytes are not a whole number of \(frame)-byte frames"
        case .noSamples: return "the data chunk holds no samples"
        case let .unexpectedFormat(_, expected, found): return "expected \(expected), found \(found)"
        }
    }

    public var description: String { "cannot read WAV file '\(path)': \(reason)" }

    /// Well-known format tags that are not integer PCM.
    static func formatName(_ tag: Int) -> String? {
        [2: "Microsoft ADPCM", 3: "IEEE float", 6: "A-law", 7: "μ-law", 0x11: "IMA ADPCM", 0x31: "GSM 6.10",
         0x55: "MP3", 0xFFFE: "extensible, not PCM inside"][tag]
    }

    /// Bytes as text when they are printable ASCII ('OggS'), otherwise as hex (89 50 4E 47).
    static func shown(_ bytes: [UInt8]) -> String {
        if !bytes.isEmpty, bytes.allSatisfy({ (0x20...0x7E).contains($0) }) {
            return "'" + String(decoding: bytes, as: UTF8.self) + "'"
        }
        return bytes.map { String($0, radix: 16, uppercase: true).leftPadded(to: 2) }.joined(separator: " ")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
