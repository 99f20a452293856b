// One small, stable hash for naming things by their content: checkpoint files by their settings,
// datasets by their examples. The same input gives the same 16 hex digits on every machine and run
// (Swift's own Hasher is seeded per process, so it cannot serve here).

/// 64-bit FNV-1a (Fowler–Noll–Vo): for each value, xor it in, then multiply by the FNV prime.
///
///     var hash = FNV1a()
///     hash.mix(bytesOf: "line")
///     hash.hex   // 16 hex digits, zero-padded
package struct FNV1a: Sendable {
    /// The running hash (starts at the FNV offset basis).
    package var value: UInt64 { state }
    /// Inlinable, so a fingerprint of millions of pixels runs as a tight loop in the calling module.
    @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325   // the FNV offset basis

    @inlinable package init() {}

    /// One step: xor `x` in, multiply by the prime 2⁴⁰ + 2⁸ + 0xb3.
    @inlinable package mutating func mix(_ x: UInt64) {
        state = (state ^ x) &* 0x0000_0100_0000_01b3
    }

    /// One step per UTF-8 byte of `text` (the classic byte-wise FNV-1a).
    @inlinable package mutating func mix(bytesOf text: String) {
        for byte in text.utf8 { mix(UInt64(byte)) }
    }

    /// Mixes each word's bytes followed by 0xFF (a byte UTF-8 never uses), so ["ab", "c"] and ["a", "bc"]
    /// hash differently. Fingerprints mix a vocabulary this way.
    @inlinable package mutating func mix(words: some Sequence<String>) {
        for word in words { mix(bytesOf: word); mix(0xFF) }
    }

    /// Mixes each number's bit pattern (pixels, weights): equal floats, equal steps.
    @inlinable package mutating func mix(floats: some Sequence<Float>) {
        for x in floats { mix(UInt64(x.bitPattern)) }
    }

    /// The same steps for an array, as one tight loop (a dataset's pixels are millions of values).
    package mutating func mix(floats: [Float]) {
        var h = state
        floats.withUnsafeBufferPointer { values in
            for x in values { h = (h ^ UInt64(x.bitPattern)) &* 0x0000_0100_0000_01b3 }
        }
        state = h
    }

    /// The hash as 16 lower-case hex digits.
    package var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
