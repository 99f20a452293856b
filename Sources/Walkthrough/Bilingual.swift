// Bilingual text: every word a learner reads exists in English and in Chinese.

/// The language of a run's narration and figure labels (`--lang en|zh`).
public enum Language: String, CaseIterable, Sendable {
    case en, zh
}

/// A piece of text in English and Chinese; the run picks one with `--lang`.
///
///     let title = L("The loss by hand", "手算损失")
///     title(.zh)   // "手算损失"
///
/// A plain string literal gives the same text in both languages: `let unit: L = "ms"`.
public struct L: Sendable, Hashable, ExpressibleByStringLiteral {
    public let en: String
    public let zh: String

    public init(_ en: String, _ zh: String) {
        self.en = en
        self.zh = zh
    }

    public init(stringLiteral value: String) {
        self.init(value, value)
    }

    /// The text in `language`.
    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .en: return en
        case .zh: return zh
        }
    }
}
