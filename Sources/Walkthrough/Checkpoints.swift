// Trained models are saved in --out under a key of their settings and seed, so a re-run with the same
// settings (e.g. --only 6 to redraw one figure) loads the model instead of training it again.

import AlignFuseSupport
import Foundation
import TeachingEngine

/// How a checkpoint's tensors become bytes and back. `TensorArchive.safetensors` is the standard one.
public struct TensorArchive: Sendable {
    public let fileExtension: String
    public let encode: @Sendable ([String: Tensor], [String: String]) -> [UInt8]
    public let decode: @Sendable ([UInt8]) throws -> [String: Tensor]

    public init(fileExtension: String,
                encode: @escaping @Sendable ([String: Tensor], [String: String]) -> [UInt8],
                decode: @escaping @Sendable ([UInt8]) throws -> [String: Tensor]) {
        self.fileExtension = fileExtension
        self.encode = encode
        self.decode = decode
    }
}

/// The file name of a checkpoint: `name-` and 16 hex digits of a 64-bit FNV-1a hash of the sorted
/// settings (one `key=value` line each). The same settings give the same key on every machine; any
/// changed value gives another key.
///
///     checkpointKey(name: "line", settings: ["lr": "0.1", "seed": "7"])   // "line-" + 16 hex digits
public func checkpointKey(name: String, settings: [String: String]) -> String {
    precondition(!name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" },
                 "checkpointKey: name '\(name)' must be letters, digits, - or _")
    let text = settings.keys.sorted().map { "\($0)=\(settings[$0]!)\n" }.joined()
    var hash = FNV1a()
    hash.mix(bytesOf: name + "\n" + text)
    return name + "-" + hash.hex
}
