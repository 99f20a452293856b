// Captions for ToyWorld scenes in English and Chinese, from several templates that say the same
// thing in both languages. Attribute words (size, colour) can be dropped so that short prompts such as
// "a photo of a cat" look like training text (CLIP's zero-shot prompts need that).
//
//     list      "a small orange cat and a blue square"   "一只小的橘色猫和一个蓝色方块"
//               (with the sun: "… under the sun"          "太阳下有…")
//     relation  "a small orange cat left of a blue square" "一只小的橘色猫在蓝色方块左边"
//     photo     "a photo of an orange cat"                "一张橘色猫的照片"
//     like      "i like this orange cat"                  "我喜欢这只橘色猫"
//     basking   "a cute orange cat basking in the sun"    "一只可爱的橘猫在晒太阳"   (the article's sentence)

import AlignFuseSupport
import TeachingEngine

/// A caption in both languages, with the template that produced it.
public struct Caption: Sendable, Hashable {
    public let english: String
    public let chinese: String
    public let template: CaptionTemplate

    /// The text in a language.
    public func text(_ language: Language) -> String { language == .english ? english : chinese }
}

/// The two languages of ToyWorld text.
public enum Language: String, CaseIterable, Sendable {
    case english, chinese
}

/// The caption templates. `photo` and `like` describe one-object scenes; `basking` one animal and the sun;
/// `relation` needs two objects.
public enum CaptionTemplate: String, CaseIterable, Sendable {
    case list, relation, photo, like, basking
}

/// How captions are written.
public struct CaptionOptions: Sendable {
    /// The chance that a caption carries no size or colour words ("a photo of a cat").
    public var attributeDropProbability: Float = 0
    /// The chance that a size word is said when attributes are kept.
    public var sizeProbability: Float = 0.5
    /// The templates to choose from (each scene uses one that applies to it).
    public var templates: [CaptionTemplate] = CaptionTemplate.allCases

    public init() {}
}

/// Writes captions.
public enum Captioner {
    /// The templates that can describe `scene`.
    public static func applicableTemplates(for scene: ToyScene) -> [CaptionTemplate] {
        let count = scene.objects.count
        var result: [CaptionTemplate] = [.list]
        if count >= 2 { result.append(.relation) }
        if count == 1 { result += [.photo, .like] }
        if count == 1, scene.hasSun, scene.objects[0].kind.isAnimal { result.append(.basking) }
        return result
    }

    /// One caption for `scene`, its template and wording drawn from `rng`.
    ///
    ///     var rng = SeededGenerator(seed: 1)
    ///     Captioner.caption(for: SceneGenerator.orangeCatInTheSun, template: .basking, rng: &rng).chinese
    ///     // "一只可爱的橘猫在晒太阳"
    ///
    /// - Precondition: `template`, when given, applies to the scene.
    public static func caption(for scene: ToyScene, options: CaptionOptions = CaptionOptions(),
                               template: CaptionTemplate? = nil, rng: inout SeededGenerator) -> Caption {
        let applicable = applicableTemplates(for: scene)
        let chosen: CaptionTemplate
        if let template {
            require(applicable.contains(template),
                         "Captioner: template \(template) does not apply to a scene of \(scene.objects.count) objects (sun: \(scene.hasSun))")
            chosen = template
        } else {
            let allowed = applicable.filter(options.templates.contains)
            chosen = rng.pick(allowed.isEmpty ? [.list] : allowed)
        }
        let keep = rng.nextFloat() >= options.attributeDropProbability
        let words = { (object: ToyObject, rng: inout SeededGenerator) -> Words in
            Words(object: object, color: keep, size: keep && rng.nextFloat() < options.sizeProbability)
        }
        switch chosen {
        case .list:
            let phrases = scene.objects.map { words($0, &rng) }
            let english = joinedEnglish(phrases.map(\.english))
            let chinese = joinedChinese(phrases.map(\.chinese))
            return scene.hasSun
                ? Caption(english: english + " under the sun", chinese: "太阳下有" + chinese, template: .list)
                : Caption(english: english, chinese: chinese, template: .list)
        case .relation:
            var pair = scene.objects
            rng.shuffle(&pair)
            let (a, b) = (pair[0], pair[1])
            let (en, zh) = relation(of: a, to: b)
            let wa = words(a, &rng), wb = words(b, &rng)
            return Caption(english: "\(wa.english) \(en) \(wb.english)",
                           chinese: "\(wa.chinese)在\(wb.chineseBare)\(zh)", template: .relation)
        case .photo:
            let w = words(scene.objects[0], &rng)
            return Caption(english: "a photo of \(w.english)", chinese: "一张\(w.chineseBare)的照片", template: .photo)
        case .like:
            let w = words(scene.objects[0], &rng)
            let this = scene.objects[0].kind.chineseOne.replacingOccurrences(of: "一", with: "这")
            return Caption(english: "i like this \(w.englishBare)", chinese: "我喜欢\(this)\(w.chineseBare)", template: .like)
        case .basking:
            let object = scene.objects[0]
            let color = keep ? object.color.english + " " : ""
            let short = keep ? object.color.chineseShort : ""
            return Caption(english: "a cute \(color)\(object.kind.english) basking in the sun",
                           chinese: "\(object.kind.chineseOne)可爱的\(short)\(object.kind.chinese)在晒太阳",
                           template: .basking)
        }
    }

    /// A description that names each object, then says its colour, in reading order of the grid:
    /// "the bird is gray and the fish is pink", 鸟是灰色的，鱼是粉色的. Unlike the caption templates
    /// (which say the colour before the thing: "a gray bird"), each statement goes from a thing to its
    /// colour, the direction "what colour is the bird?" asks in.
    public static func colourStatements(for scene: ToyScene) -> (english: String, chinese: String) {
        let objects = scene.objects.sorted { $0.cell < $1.cell }
        return (joinedEnglish(objects.map { "the \($0.kind.english) is \($0.color.english)" }),
                objects.map { "\($0.kind.chinese)是\($0.color.chinese)的" }.joined(separator: "，"))
    }

    /// Where `a` is relative to `b`: left/right when their columns differ, else above/below.
    static func relation(of a: ToyObject, to b: ToyObject) -> (String, String) {
        if a.cell.column != b.cell.column {
            return a.cell.column < b.cell.column ? ("left of", "左边") : ("right of", "右边")
        }
        return a.cell.row < b.cell.row ? ("above", "上面") : ("below", "下面")
    }

    /// "a", or "an" before a vowel: "an orange cat".
    static func article(before word: String) -> String {
        word.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }

    static func joinedEnglish(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    static func joinedChinese(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: "、") + "和" + items.last!
    }

    /// The words naming one object, with or without its size and colour.
    struct Words {
        let object: ToyObject
        let color: Bool
        let size: Bool

        /// "small orange cat"
        var englishBare: String {
            ([size ? object.size.english : nil, color ? object.color.english : nil, object.kind.english]
                .compactMap { $0 }).joined(separator: " ")
        }
        /// "a small orange cat"
        var english: String { Captioner.article(before: englishBare) + " " + englishBare }
        /// "小的橘色猫"
        var chineseBare: String {
            (size ? object.size.chinese + "的" : "") + (color ? object.color.chinese : "") + object.kind.chinese
        }
        /// "一只小的橘色猫"
        var chinese: String { object.kind.chineseOne + chineseBare }
    }
}
