// Terminal layout: CJK characters take two columns, tables line up, narration wraps.

import Testing
import Walkthrough

@Suite("Text layout counts CJK characters as two columns")
struct TextLayoutTests {
    @Test("猫 is two columns, cat three, a combining accent none")
    func widths() {
        #expect(displayWidth("猫") == 2)
        #expect(displayWidth("cat") == 3)
        #expect(displayWidth("橘猫 7") == 6)
        #expect(displayWidth("e\u{301}") == 1)
    }

    @Test("a table with Chinese cells lines up: every line is the same width, numbers right-aligned")
    func table() {
        let table = TextTable(["animal", "相似度"], [["橘猫", "0.93"], ["dog", "0.1"]]).rendered
        #expect(table == """
            | animal | 相似度 |
            |--------|-------:|
            | 橘猫   |   0.93 |
            | dog    |    0.1 |
            """)
        let widths = Set(table.split(separator: "\n").map { displayWidth(String($0)) })
        #expect(widths.count == 1)
    }

    @Test("narration wraps at spaces in English and between characters in Chinese")
    func wrapping() {
        #expect(wrap("one two three", width: 7) == ["one two", "three"])
        #expect(wrap("一只可爱的橘猫", width: 6) == ["一只可", "爱的橘", "猫"])
        #expect(wrap("a\n\nb", width: 10) == ["a", "", "b"])
    }

    @Test("a Chinese line never starts with ；，。） nor ends with （: the mark goes with its character")
    func punctuationStaysWithItsCharacter() {
        // 一二三四 fills 8 columns, so ；would start the second line: 四 goes down with it.
        #expect(wrap("一二三四；五六", width: 8) == ["一二三", "四；五六"])
        // （ would end the first line: it goes down with 五.
        #expect(wrap("一二三（五六）", width: 8) == ["一二三", "（五六）"])
        #expect(wrap("loss 2.1, then 0.5", width: 9) == ["loss 2.1,", "then 0.5"])
    }

    @Test("numbers in metrics.json: integers plain, six significant digits, Float noise gone, NaN as null")
    func numbers() {
        #expect(formatNumber(3) == "3")
        #expect(formatNumber(0.1234567) == "0.123457")
        #expect(formatNumber(Double(Float(0.1))) == "0.1")
        #expect(formatNumber(1e-7) == "1e-7")
        #expect(formatNumber(.nan) == "null")
    }

    @Test("JSON is written with sorted keys and escaped text")
    func json() {
        let text = JSON.object(["b": .number(0.5), "a": .string("猫 \"q\"\n")]).rendered
        #expect(text == "{\n \"a\": \"猫 \\\"q\\\"\\n\",\n \"b\": 0.5\n}")
    }
}
