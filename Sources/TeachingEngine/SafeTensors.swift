// The safetensors file format (Hugging Face, https://github.com/huggingface/safetensors, README "Format"),
// so a trained lesson model opens in Python with `safetensors.numpy.load_file(path)`:
//   1. 8 bytes: N, the header's length, an unsigned little-endian 64-bit integer;
//   2. N bytes: a UTF-8 JSON object, name → {"dtype":"F32","shape":[…],"data_offsets":[begin,end]},
//      plus an optional "__metadata__" object of string → string; padded with spaces so 8 + N is a
//      multiple of 8;
//   3. the data: each tensor's values, little-endian, row-major, at its [begin, end) byte offsets.
// We write compact JSON ("__metadata__" first, then tensors sorted by name, data in that same order),
// which is what the reference implementation writes for Float32 tensors.

import AlignFuseSupport
import Foundation

/// Why a file is not a valid safetensors file we can read.
public enum SafeTensorsError: Error, Equatable, CustomStringConvertible {
    case tooShort(byteCount: Int)
    case headerLengthOutOfRange(headerLength: UInt64, fileSize: Int)
    case headerNotJSON
    case invalidEntry(name: String, reason: String)
    case unsupportedDType(name: String, dtype: String)
    case dataOffsetsInvalid(name: String, begin: Int, end: Int, expectedBytes: Int)
    case dataNotCovered(dataBytes: Int, coveredBytes: Int)

    public var description: String {
        switch self {
        case .tooShort(let n): return "safetensors: \(n) bytes is too short for the 8-byte header length"
        case .headerLengthOutOfRange(let n, let size): return "safetensors: header length \(n) does not fit a file of \(size) bytes"
        case .headerNotJSON: return "safetensors: the header is not a JSON object"
        case .invalidEntry(let name, let reason): return "safetensors: entry \(name): \(reason)"
        case .unsupportedDType(let name, let dtype): return "safetensors: \(name) has dtype \(dtype); only F32 is supported"
        case .dataOffsetsInvalid(let name, let begin, let end, let expected):
            return "safetensors: \(name) has data_offsets [\(begin), \(end)] but needs \(expected) bytes inside the data"
        case .dataNotCovered(let data, let covered):
            return "safetensors: the tensors cover \(covered) of the \(data) data bytes"
        }
    }
}

/// Encoding and decoding of Float32 tensors in the safetensors format.
///
///     let bytes = SafeTensors.encode(["x": Tensor(shape: [1], scalars: [1])])
///     // 8-byte length 56, then {"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}} + 2 spaces, then 00 00 80 3F
///     try SafeTensors.decode(bytes)["x"]!.scalars   // [1]
public enum SafeTensors {
    /// The bytes of a safetensors file holding `tensors` (and `metadata`, if any).
    public static func encode(_ tensors: [String: Tensor], metadata: [String: String] = [:]) -> [UInt8] {
        let names = tensors.keys.sorted()
        var entries: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.keys.sorted().map { "\(JSONText.quoted($0)):\(JSONText.quoted(metadata[$0]!))" }
            entries.append("\"__metadata__\":{" + pairs.joined(separator: ",") + "}")
        }
        var offset = 0
        for name in names {
            let tensor = tensors[name]!
            let end = offset + 4 * tensor.count
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append("\(JSONText.quoted(name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        var header = Array(("{" + entries.joined(separator: ",") + "}").utf8)
        while (8 + header.count) % 8 != 0 { header.append(0x20) }   // pad with spaces to 8-byte alignment

        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: header)
        for name in names {
            for value in tensors[name]!.scalars {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
            }
        }
        return bytes
    }

    /// The tensors of a safetensors file, after checking its structure. Throws `SafeTensorsError`.
    public static func decode(_ bytes: [UInt8]) throws -> [String: Tensor] {
        try parse(bytes).tensors
    }

    /// The "__metadata__" of a safetensors file (empty when it has none).
    public static func metadata(of bytes: [UInt8]) throws -> [String: String] {
        try parse(bytes).metadata
    }

    /// Writes `tensors` to `url` atomically: to a temporary file beside it, then renamed over it, so a
    /// crash never leaves half a file.
    public static func write(_ tensors: [String: Tensor], metadata: [String: String] = [:], to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try Data(encode(tensors, metadata: metadata)).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path,
                                                           NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)])
        }
    }

    /// Reads the tensors of the safetensors file at `url`.
    public static func read(from url: URL) throws -> [String: Tensor] {
        try decode([UInt8](Data(contentsOf: url)))
    }

    // MARK: - Parsing

    private static func parse(_ bytes: [UInt8]) throws -> (tensors: [String: Tensor], metadata: [String: String]) {
        guard bytes.count >= 8 else { throw SafeTensorsError.tooShort(byteCount: bytes.count) }
        let headerLength = bytes[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard headerLength <= UInt64(bytes.count - 8) else {
            throw SafeTensorsError.headerLengthOutOfRange(headerLength: headerLength, fileSize: bytes.count)
        }
        let dataStart = 8 + Int(headerLength)
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes[8..<dataStart])),
              let header = object as? [String: Any] else { throw SafeTensorsError.headerNotJSON }

        var metadata: [String: String] = [:]
        var tensors: [String: Tensor] = [:]
        var covered = 0
        let dataBytes = bytes.count - dataStart
        for (name, entry) in header {
            if name == "__metadata__" {
                guard let pairs = entry as? [String: String] else {
                    throw SafeTensorsError.invalidEntry(name: name, reason: "must map strings to strings")
                }
                metadata = pairs
                continue
            }
            guard let fields = entry as? [String: Any], let dtype = fields["dtype"] as? String,
                  let shape = fields["shape"] as? [Int], let offsets = fields["data_offsets"] as? [Int],
                  offsets.count == 2, shape.allSatisfy({ $0 >= 0 }) else {
                throw SafeTensorsError.invalidEntry(name: name, reason: "needs dtype, shape and two data_offsets")
            }
            guard dtype == "F32" else { throw SafeTensorsError.unsupportedDType(name: name, dtype: dtype) }
            let (begin, end) = (offsets[0], offsets[1])
            let expected = 4 * shape.reduce(1, *)
            guard begin >= 0, end - begin == expected, end <= dataBytes else {
                throw SafeTensorsError.dataOffsetsInvalid(name: name, begin: begin, end: end, expectedBytes: expected)
            }
            var values = [Float](repeating: 0, count: expected / 4)
            for i in 0..<values.count {
                let at = dataStart + begin + 4 * i
                let bits = UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
                values[i] = Float(bitPattern: bits)
            }
            tensors[name] = Tensor(shape: shape, scalars: values)
            covered += expected
        }
        // The spec asks the tensors to fill the data exactly, without holes or overlaps.
        guard covered == dataBytes else { throw SafeTensorsError.dataNotCovered(dataBytes: dataBytes, coveredBytes: covered) }
        return (tensors, metadata)
    }
}
