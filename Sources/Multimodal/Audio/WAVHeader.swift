// The RIFF/WAVE header walk: find 'fmt ' and 'data', check every number the decoder will trust,
// and refuse the file with one reason at the first thing that is wrong.

/// Where the samples are and how they are stored, as checked from a file's chunks.
struct WAVHeader {
    let channels: Int
    let sampleRate: Int
    let bitsPerSample: Int
    /// The first byte of the samples, and their byte count (a whole number of frames).
    let dataOffset: Int
    let dataBytes: Int

    static let readableRates = 1_000...192_000

    /// Checks `bytes` in this order: RIFF, WAVE, the chunk walk, 'fmt ' (size, PCM, channels, rate, width,
    /// block align), then 'data' (present, complete, whole frames, not empty).
    static func parse(_ bytes: [UInt8], name: String) throws -> WAVHeader {
        guard !bytes.isEmpty else { throw WAVError.empty(path: name) }
        guard bytes.count >= 4, Array(bytes[0..<4]) == Array("RIFF".utf8) else {
            throw WAVError.notRIFF(path: name, found: Array(bytes.prefix(4)))
        }
        guard bytes.count >= 12 else {
            throw WAVError.truncatedHeader(path: name, bytes: bytes.count)
        }
        let form = Array(bytes[8..<12])
        guard form == Array("WAVE".utf8) else { throw WAVError.notWAVE(path: name, form: String(decoding: form, as: UTF8.self)) }

        // 1. Walk the chunks: an 8-byte header (id, little-endian size), the payload, a pad byte if odd.
        var format: (offset: Int, size: Int)?
        var data: (offset: Int, size: Int)?
        var seen: [String] = []
        var at = 12
        while at + 8 <= bytes.count {
            let id = String(decoding: bytes[at..<(at + 4)], as: UTF8.self)
            let size = Int(u32(bytes, at + 4))
            let available = bytes.count - (at + 8)
            seen.append(id)
            if id == "data" {
                if data == nil { data = (at + 8, size) }
                if size > available { break }   // a cut-off data chunk is judged below, once the format is known
            } else if id == "fmt " {
                guard size <= available else { throw WAVError.truncatedChunk(path: name, chunk: id, declared: size, available: available) }
                if format == nil { format = (at + 8, size) }
            } else if size > available {
                break                            // a cut-off chunk we do not need: stop walking
            }
            at += 8 + size + (size & 1)
        }

        // 2. The format.
        guard let format else { throw WAVError.missingChunk(path: name, chunk: "fmt ", present: seen) }
        guard format.size >= 16 else { throw WAVError.shortFormat(path: name, bytes: format.size) }
        let f = format.offset
        var tag = Int(u16(bytes, f))
        if tag == 0xFFFE && format.size >= 26 { tag = Int(u16(bytes, f + 24)) == 1 ? 1 : 0xFFFE }   // extensible: subformat GUID
        guard tag == 1 else { throw WAVError.notPCM(path: name, formatTag: tag) }
        let channels = Int(u16(bytes, f + 2)), rate = Int(u32(bytes, f + 4))
        let blockAlign = Int(u16(bytes, f + 12)), bits = Int(u16(bytes, f + 14))
        guard (1...8).contains(channels) else { throw WAVError.badChannelCount(path: name, channels: channels) }
        guard readableRates.contains(rate) else { throw WAVError.badSampleRate(path: name, rate: rate) }
        guard [8, 16, 24, 32].contains(bits) else { throw WAVError.badSampleWidth(path: name, bits: bits) }
        guard blockAlign == channels * bits / 8 else {
            throw WAVError.badBlockAlign(path: name, blockAlign: blockAlign, channels: channels, bits: bits)
        }

        // 3. The samples.
        guard let data else { throw WAVError.missingChunk(path: name, chunk: "data", present: seen) }
        let available = bytes.count - data.offset
        guard data.size <= available else { throw WAVError.truncatedData(path: name, declared: data.size, available: available) }
        guard data.size % blockAlign == 0 else { throw WAVError.partialFrame(path: name, bytes: data.size, frameBytes: blockAlign) }
        guard data.size > 0 else { throw WAVError.noSamples(path: name) }
        return WAVHeader(channels: channels, sampleRate: rate, bitsPerSample: bits, dataOffset: data.offset, dataBytes: data.size)
    }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}
