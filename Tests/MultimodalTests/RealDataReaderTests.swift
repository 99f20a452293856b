// The readers of lesson 07's shipped data: the UCI handwritten digits (CSV of 8×8 counts) and the index
// that cuts the packed FSDD recordings. Good input is read as the file says; bad input is refused with
// the file, the line and the one thing wrong.
import Foundation
import Multimodal
import TeachingEngine
import Testing

@Suite("Handwritten digits: 64 counts 0–16 and a digit per line")
struct HandwrittenDigitsTests {
    static func line(_ counts: [Int], _ digit: Int) -> String { (counts.map(String.init) + [String(digit)]).joined(separator: ",") }

    @Test("two lines give two digits; counts 0, 8 and 16 centre to −1, 0 and 1; blank lines and CRLF are fine")
    func goodFile() throws {
        let text = Self.line([0, 8, 16] + Array(repeating: 0, count: 61), 7) + "\r\n\n" + Self.line(Array(repeating: 16, count: 64), 1) + "\n"
        let digits = try HandwrittenDigits.parse(Array(text.utf8))
        #expect(digits.map(\.digit) == [7, 1])
        #expect(Array(digits[0].centred.prefix(3)) == [-1, 0, 1])
        #expect(digits[1].counts.allSatisfy { $0 == 16 })
    }

    @Test("each bad line is refused with its line number and reason")
    func badLines() {
        let zeros = Array(repeating: 0, count: 64)
        let cases: [(text: String, reason: String)] = [
            ("", "the file is empty"),
            ("\n\n", "no digits in it"),
            ("1,2,3\n", "line 1: 64 counts and a digit expected (65 values), found 3"),
            (Self.line(zeros, 3) + "\n" + Self.line(zeros, 3).replacingOccurrences(of: "0,0,0", with: "0,x,0") + "\n",
             "line 2: value 2, 'x', is not a whole number"),
            (Self.line([17] + zeros.dropFirst(), 2), "line 1: count 1 is 17, outside 0–16"),
            (Self.line(zeros, 10), "line 1: the digit is 10, not 0–9"),
        ]
        for (text, reason) in cases {
            let error = #expect(throws: DigitsError.self) { try HandwrittenDigits.parse(Array(text.utf8), name: "d.csv") }
            #expect(error?.description == "cannot read digits 'd.csv': \(reason)")
        }
        #expect(throws: DigitsError.self) { try HandwrittenDigits.parse([0xFF, 0xFE, 0x2C]) }   // not UTF-8
    }

    @Test("300 seeded mutations of a good file are each read or refused with a DigitsError")
    func seededDamage() {
        let good = Array((0..<5).map { Self.line(Array(repeating: $0 * 3, count: 64), $0) }.joined(separator: "\n").utf8)
        var rng = SeededGenerator(seed: 31)
        var refused = 0
        for _ in 0..<300 {
            var bytes = good
            for _ in 0..<(1 + rng.nextInt(below: 3)) {
                bytes = WAVDamage.allCases.filter { $0 != .sizeField }.randomElement(using: &rng)!.apply(to: bytes, using: &rng)
            }
            do {
                let digits = try HandwrittenDigits.parse(bytes)
                #expect(digits.allSatisfy { $0.counts.count == 64 && $0.counts.allSatisfy { $0 <= 16 } && (0...9).contains($0.digit) })
            } catch is DigitsError { refused += 1 } catch { Issue.record("unexpected error \(error)") }
        }
        #expect(refused > 0)
    }
}

@Suite("Spoken digits: one WAV pack cut by its index")
struct SpokenDigitsTests {
    static let index = "name,digit,speaker,take,start,count\n7_theo_0,7,theo,0,0,2\n3_lucas_12,3,lucas,12,2,3\n"

    @Test("an index of two rows cuts samples 0–1 and 2–4 of the pack; take 0 is in FSDD's test split, take 12 is not")
    func cut() throws {
        let recordings = try SpokenDigits.cut([0.1, 0.2, 0.3, 0.4, 0.5], index: Array(Self.index.utf8))
        #expect(recordings.map(\.name) == ["7_theo_0", "3_lucas_12"])
        #expect(recordings[0].samples == [0.1, 0.2] && recordings[1].samples == [0.3, 0.4, 0.5])
        #expect(recordings.map(\.isFSDDTest) == [true, false])
    }

    @Test("a recording past the end of the pack, a bad digit and a wrong header are refused by line")
    func badIndex() {
        let cases: [(text: String, reason: String)] = [
            (Self.index.replacingOccurrences(of: "2,3\n", with: "2,9\n"), "line 3: 3_lucas_12 runs to sample 11, past the pack's 5"),
            (Self.index.replacingOccurrences(of: "7_theo_0,7", with: "7_theo_0,x"), "line 2: the digit 'x' is not 0–9"),
            ("name,start\n", "line 1: the header must be 'name,digit,speaker,take,start,count'"),
        ]
        for (text, reason) in cases {
            let error = #expect(throws: DigitsError.self) {
                try SpokenDigits.cut([0.1, 0.2, 0.3, 0.4, 0.5], index: Array(text.utf8), indexName: "i.csv")
            }
            #expect(error?.description == "cannot read digits 'i.csv': \(reason)")
        }
    }
}

@Suite("Digit names in two languages")
struct DigitNamesTests {
    @Test("seven is 'seven', 'the digit seven', 'this is seven' and 七, 数字七, 这是七; the tokenizer cuts 数字七 into [数字][七]")
    func names() {
        #expect(DigitNames.texts(for: 7, language: .english) == ["seven", "the digit seven", "this is seven"])
        #expect(DigitNames.texts(for: 7, language: .chinese) == ["七", "数字七", "这是七"])
        #expect(DigitNames.tokenizer.tokens("数字七") == ["数字", "七"])
        #expect(DigitNames.allTexts.count == 60)
        #expect(DigitNames.allTexts.allSatisfy { DigitNames.tokenizer.encode($0.text).count <= DigitNames.length })
    }
}
