// The content hash that names checkpoints and datasets, checked against FNV-1a's published test vectors.

import AlignFuseSupport
import TeachingEngine
import Testing

@Suite("FNV-1a, 64 bits")
struct FNV1aTests {
    @Test("nothing mixed is the offset basis cbf29ce484222325; \"a\" is af63dc4c8601ec8c, \"foobar\" 85944171f73967e8")
    func publishedVectors() {
        #expect(FNV1a().hex == "cbf29ce484222325")
        var a = FNV1a()
        a.mix(bytesOf: "a")
        #expect(a.hex == "af63dc4c8601ec8c")
        var foobar = FNV1a()
        foobar.mix(bytesOf: "foobar")
        #expect(foobar.hex == "85944171f73967e8")
    }

    @Test("a small hash is padded to 16 digits: mixing 0xcbf29ce484222325 into the basis gives 0, shown as sixteen zeros")
    func padding() {
        var hash = FNV1a()
        hash.mix(0xcbf2_9ce4_8422_2325)   // basis ^ basis = 0, and 0 · prime = 0
        #expect(hash.hex == "0000000000000000")
    }

    @Test("a word list is mixed word by word with 0xFF after each: [\"ab\", \"c\"] and [\"a\", \"bc\"] differ; floats mix by bit pattern")
    func wordsAndFloats() {
        var abC = FNV1a(), aBc = FNV1a(), byHand = FNV1a()
        abC.mix(words: ["ab", "c"])
        aBc.mix(words: ["a", "bc"])
        byHand.mix(bytesOf: "ab"); byHand.mix(0xFF); byHand.mix(bytesOf: "c"); byHand.mix(0xFF)
        #expect(abC.hex == byHand.hex)
        #expect(abC.hex != aBc.hex)
        var floats = FNV1a(), bits = FNV1a()
        floats.mix(floats: [1.0, -0.0])
        bits.mix(0x3F80_0000); bits.mix(0x8000_0000)   // 1.0 and −0.0 as IEEE 754 bits
        #expect(floats.hex == bits.hex)
    }
}
