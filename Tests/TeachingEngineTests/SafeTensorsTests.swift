// The safetensors format, byte for byte.
// Checked by hand against Python (safetensors 0.8.0, numpy 2.4): a file written by `SafeTensors.write`
// opens with `safetensors.numpy.load_file(path)` and gives the same arrays, and
// `safetensors.numpy.save({"x": np.array([1], dtype=np.float32)})` returns exactly the bytes of the
// "exact header bytes" test below. This test itself needs no Python.

import Foundation
import Testing
import TeachingEngine

@Suite("SafeTensors: the file format")
struct SafeTensorsTests {
    @Test("a one-value tensor encodes to the exact bytes the reference implementation writes")
    func exactBytes() {
        let bytes = SafeTensors.encode(["x": Tensor(shape: [1], scalars: [1])])
        let header = #"{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#   // 54 bytes
        let padded = Array(header.utf8) + [0x20, 0x20]                                 // to 56: 8 + 56 = 64
        let expected: [UInt8] = [56, 0, 0, 0, 0, 0, 0, 0] + padded + [0x00, 0x00, 0x80, 0x3F]   // 1.0f, little-endian
        #expect(bytes == expected)
    }

    @Test("tensors are listed by name with metadata first, and data follows in the same order")
    func headerOrder() throws {
        let bytes = SafeTensors.encode(["w": Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]),
                                        "a.b": Tensor(shape: [1], scalars: [0.5])],
                                       metadata: ["format": "pt"])
        let length = Int(bytes[0])
        let header = String(decoding: bytes[8..<(8 + length)], as: UTF8.self)
        #expect(header.hasPrefix(#"{"__metadata__":{"format":"pt"},"a.b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"w":{"dtype":"F32","shape":[2,2],"data_offsets":[4,20]}}"#))
        #expect((8 + length) % 8 == 0)
        #expect(try SafeTensors.metadata(of: bytes) == ["format": "pt"])
    }

    @Test("a model's parameters survive a round trip through a file")
    func roundTrip() throws {
        var rng = SeededGenerator(seed: 11)
        let saved = MLP(width: 4, hiddenWidth: 8, name: "mlp", using: &rng)
        let restored = MLP(width: 4, hiddenWidth: 8, name: "mlp", using: &rng)   // different random values
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("engine-roundtrip-\(UUID()).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try SafeTensors.write(saved.namedParameters, metadata: ["lesson": "test"], to: url)
        try restored.load(SafeTensors.read(from: url))
        for (a, b) in zip(saved.parameters, restored.parameters) { #expect(a.value.scalars == b.value.scalars) }
    }

    @Test("bad files throw typed errors instead of crashing")
    func badFiles() {
        #expect(throws: SafeTensorsError.tooShort(byteCount: 3)) { try SafeTensors.decode([1, 2, 3]) }
        #expect(throws: SafeTensorsError.headerLengthOutOfRange(headerLength: 100, fileSize: 10)) {
            try SafeTensors.decode([100, 0, 0, 0, 0, 0, 0, 0, 0x7B, 0x7D])
        }
        #expect(throws: SafeTensorsError.headerNotJSON) { try SafeTensors.decode([2, 0, 0, 0, 0, 0, 0, 0, 0x5B, 0x5D]) }
        var truncated = SafeTensors.encode(["x": Tensor(shape: [2], scalars: [1, 2])])
        truncated.removeLast(4)
        #expect(throws: SafeTensorsError.dataOffsetsInvalid(name: "x", begin: 0, end: 8, expectedBytes: 8)) {
            try SafeTensors.decode(truncated)
        }
        let half = Array(#"{"h":{"dtype":"F16","shape":[1],"data_offsets":[0,2]}}"#.utf8)
        let halfFile = [UInt8(half.count), 0, 0, 0, 0, 0, 0, 0] + half + [0, 0]
        #expect(throws: SafeTensorsError.unsupportedDType(name: "h", dtype: "F16")) { try SafeTensors.decode(halfFile) }
    }

    @Test("loading refuses a tensor of the wrong shape and changes nothing")
    func loadChecksShapes() {
        let layer = LayerNorm(width: 3, name: "ln")
        let wrong = ["ln.weight": Tensor(zeros: [2]), "ln.bias": Tensor(zeros: [3])]
        #expect(throws: ParameterLoadError.shapeMismatch(name: "ln.weight", expected: [3], found: [2])) { try layer.load(wrong) }
        #expect(layer.gamma.value.scalars == [1, 1, 1])
    }
}
