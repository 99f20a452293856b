// JSON string literals as the kit writes them (safetensors headers, notebooks, metrics.json).

import AlignFuseSupport
import TeachingEngine
import Testing

@Suite("JSON string literals")
struct JSONTextTests {
    @Test("quotes and backslashes are escaped, a newline becomes \\n, a control byte \\u0001, Chinese stays as it is")
    func escaping() {
        #expect(JSONText.quoted("橘猫 \"cat\"\n") == "\"橘猫 \\\"cat\\\"\\n\"")
        #expect(JSONText.quoted("a\\b\u{01}") == "\"a\\\\b\\u0001\"")
        #expect(JSONText.quoted("") == "\"\"")
    }
}
