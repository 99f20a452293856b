// A plain checkpoint format for these tests: one line per tensor, `name shape : values` with each
// Float's bit pattern in hex, keys sorted. (Lessons use TensorArchive.standard, safetensors.)

import Foundation
import TeachingEngine
import Walkthrough

struct ArchiveError: Error {}

extension TensorArchive {
    static let plain = TensorArchive(fileExtension: "txt", encode: { tensors, metadata in
        let meta = metadata.keys.sorted().map { "# \($0)=\(metadata[$0]!)" }
        let lines = tensors.keys.sorted().map { name -> String in
            let t = tensors[name]!
            return name + " [" + t.shape.map(String.init).joined(separator: ",") + "] : "
                + t.scalars.map { String($0.bitPattern, radix: 16) }.joined(separator: " ")
        }
        return Array((meta + lines).joined(separator: "\n").utf8)
    }, decode: { bytes in
        var tensors: [String: Tensor] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let halves = line.split(separator: ":", maxSplits: 1)
            let head = halves[0].split(separator: " ")
            guard halves.count == 2, head.count == 2 else { throw ArchiveError() }
            let shape = head[1].dropFirst().dropLast().split(separator: ",").compactMap { Int($0) }
            let values = halves[1].split(separator: " ").compactMap { UInt32($0, radix: 16).map(Float.init(bitPattern:)) }
            guard values.count == shape.reduce(1, *) else { throw ArchiveError() }
            tensors[String(head[0])] = Tensor(shape: shape, scalars: values)
        }
        return tensors
    })
}
