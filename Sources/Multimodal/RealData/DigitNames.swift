// The words of lesson 07: the names of the digits in English and Chinese, in a few sentence templates,
// and a tokenizer that knows them. 零 一 二 三 四 五 六 七 八 九 are one character each; the templates'
// other words (数字 "digit", 这是 "this is") are cut as words of their own.

import AlignFuseSupport
import Foundation

/// Digit names and the texts built from them.
///
///     DigitNames.texts(for: 7, language: .english)   // ["seven", "the digit seven", "this is seven"]
///     DigitNames.texts(for: 7, language: .chinese)   // ["七", "数字七", "这是七"]
public enum DigitNames {
    public static let english = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    public static let chinese = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    /// Sentence templates; {} is the name.
    public static let englishTemplates = ["{}", "the digit {}", "this is {}"]
    public static let chineseTemplates = ["{}", "数字{}", "这是{}"]
    /// The Chinese words of the templates, for the tokenizer's longest match.
    public static let chineseWords = ["数字", "这是"]

    public static func name(_ digit: Int, language: Language) -> String {
        require((0...9).contains(digit), "DigitNames: \(digit) is not a digit 0–9")
        return language == .english ? english[digit] : chinese[digit]
    }

    /// The texts naming `digit`: one per template.
    public static func texts(for digit: Int, language: Language) -> [String] {
        let templates = language == .english ? englishTemplates : chineseTemplates
        return templates.map { $0.replacingOccurrences(of: "{}", with: name(digit, language: language)) }
    }

    /// Every text of both languages with its digit: 10 digits × 3 templates × 2 languages = 60.
    public static var allTexts: [(text: String, digit: Int)] {
        Language.allCases.flatMap { language in (0..<10).flatMap { d in texts(for: d, language: language).map { ($0, d) } } }
    }

    /// A tokenizer whose vocabulary is every word of `allTexts`.
    public static var tokenizer: Tokenizer { Tokenizer(corpus: allTexts.map(\.text), lexicon: chineseWords) }

    /// The longest text in tokens (3: "the digit seven").
    public static let length = 3
}
