// Questions about a scene with short answers (one to three words, or the article's sentence
// 图片中有一只猫), in English and Chinese. Yes/no questions are balanced: each answer has chance ½
// whenever the scene allows both.

import TeachingEngine

/// The kinds of question ToyWorld asks: the six `standard` ones, which every dataset draws from unless it
/// names its kinds, and `whereIs`, asked only when a dataset asks for it (lesson 04).
public enum QuestionKind: String, CaseIterable, Sendable, Hashable {
    /// "what animal is in the picture?" → "cat" (or "which animal is orange?" with several animals)
    case whatAnimal
    /// "what colour is the cat?" → "orange"
    case whatColor
    /// "how many objects are there?" → "three"
    case howMany
    /// "is there a dog?" → "yes" / "no"
    case isThere
    /// "is the cat left of the square?" → "yes" / "no"
    case isLeftOf
    /// "what is in this picture?" → "a cat"; 这张图片里有什么？ → 图片中有一只猫 (one-object scenes)
    case whatIsInPicture
    /// "where is the cat?" → "row 2 column 3" (rows from the top, columns from the left, counted from 1);
    /// 猫在哪里？ → 第2行第3列. The answer is the place itself, so a model must read where each patch sits.
    case whereIs

    /// The six kinds asked before `whereIs` existed, in their original order: the default of every
    /// dataset, so datasets that do not name `whereIs` are byte-for-byte what they were.
    public static let standard: [QuestionKind] = [.whatAnimal, .whatColor, .howMany, .isThere, .isLeftOf, .whatIsInPicture]

}

/// A question and its answer in both languages.
public struct Question: Sendable, Hashable {
    public let kind: QuestionKind
    public let english: String
    public let chinese: String
    public let answerEnglish: String
    public let answerChinese: String

    /// The question in a language.
    public func text(_ language: Language) -> String { language == .english ? english : chinese }
    /// The answer in a language.
    public func answer(_ language: Language) -> String { language == .english ? answerEnglish : answerChinese }
}

/// Asks questions about scenes.
public enum Questioner {
    static let numbersEnglish = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                 "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen"]
    static let numbersChinese = ["零个", "一个", "两个", "三个", "四个", "五个", "六个", "七个", "八个",
                                 "九个", "十个", "十一个", "十二个", "十三个", "十四个", "十五个"]

    /// The question kinds (of `allCases`) that have a well-defined answer for `scene`.
    public static func applicableKinds(for scene: ToyScene) -> [QuestionKind] {
        QuestionKind.allCases.filter { kindApplies($0, to: scene) }
    }

    static func kindApplies(_ kind: QuestionKind, to scene: ToyScene) -> Bool {
        let animals = scene.objects.filter(\.kind.isAnimal)
        let uniqueKinds = Set(scene.objects.map(\.kind)).count == scene.objects.count
        let uniqueColors = Set(scene.objects.map(\.color)).count == scene.objects.count
        switch kind {
        case .whatAnimal: return animals.count == 1 || (!animals.isEmpty && uniqueColors)
        case .whatColor, .whereIs: return uniqueKinds
        case .howMany, .isThere: return true
        case .isLeftOf: return uniqueKinds && Set(scene.objects.map(\.cell.column)).count >= 2
        case .whatIsInPicture: return scene.objects.count == 1
        }
    }

    /// A question of `kind` about `scene`, or nil when the kind does not apply (see `applicableKinds`).
    /// With `showWork`, "is X left of Y?" is answered with its working first: each object named with its
    /// column (counted from 1 on the left), then the verdict — "cat column 1 square column 3 yes",
    /// 猫 第1列 方块 第3列 是. A model that writes its answer word by word then finds one object at a
    /// time, right after writing its name, and compares two numbers it has just written, instead of two
    /// places it must find at once (the scratchpad of Nye et al. 2021; lesson 05 measures the difference).
    ///
    ///     var rng = SeededGenerator(seed: 3)
    ///     let q = Questioner.question(.whatIsInPicture, about: SceneGenerator.orangeCatInTheSun, rng: &rng)!
    ///     q.chinese, q.answerChinese   // "这张图片里有什么？", "图片中有一只猫"
    public static func question(_ kind: QuestionKind, about scene: ToyScene,
                                kinds: [ObjectKind] = ObjectKind.allCases, showWork: Bool = false,
                                rng: inout SeededGenerator) -> Question? {
        guard kindApplies(kind, to: scene) else { return nil }
        let objects = scene.objects
        switch kind {
        case .whatAnimal:
            let animals = objects.filter(\.kind.isAnimal)
            if animals.count == 1 {
                let a = animals[0]
                return Question(kind: kind, english: "what animal is in the picture?", chinese: "图片里是什么动物？",
                                answerEnglish: a.kind.english, answerChinese: a.kind.chinese)
            }
            let a = rng.pick(animals)
            return Question(kind: kind, english: "which animal is \(a.color.english)?",
                            chinese: "哪个动物是\(a.color.chinese)的？",
                            answerEnglish: a.kind.english, answerChinese: a.kind.chinese)
        case .whatColor:
            let o = rng.pick(objects)
            return Question(kind: kind, english: "what colour is the \(o.kind.english)?",
                            chinese: "\(o.kind.chinese)是什么颜色？",
                            answerEnglish: o.color.english, answerChinese: o.color.chinese)
        case .howMany:
            let n = objects.count
            return Question(kind: kind, english: "how many objects are there?", chinese: "图片里有几个物体？",
                            answerEnglish: numbersEnglish[n], answerChinese: numbersChinese[n])
        case .isThere:
            let present = Set(objects.map(\.kind))
            let absent = kinds.filter { !present.contains($0) }
            var yes = rng.nextFloat() < 0.5
            if absent.isEmpty { yes = true }
            let k = yes ? rng.pick(objects).kind : rng.pick(absent)
            return Question(kind: kind, english: "is there \(Captioner.article(before: k.english)) \(k.english)?",
                            chinese: "图片里有\(k.chinese)吗？",
                            answerEnglish: yes ? "yes" : "no", answerChinese: yes ? "有" : "没有")
        case .isLeftOf:
            var pairs: [(ToyObject, ToyObject)] = []
            for a in objects { for b in objects where a.cell.column < b.cell.column { pairs.append((a, b)) } }
            let (left, right) = rng.pick(pairs)
            let yes = rng.nextFloat() < 0.5
            let (a, b) = yes ? (left, right) : (right, left)
            let (verdictEnglish, verdictChinese) = yes ? ("yes", "是") : ("no", "不是")
            let (columnA, columnB) = (a.cell.column + 1, b.cell.column + 1)
            return Question(kind: kind, english: "is the \(a.kind.english) left of the \(b.kind.english)?",
                            chinese: "\(a.kind.chinese)在\(b.kind.chinese)左边吗？",
                            answerEnglish: showWork ? "\(a.kind.english) column \(columnA) \(b.kind.english) column \(columnB) \(verdictEnglish)"
                                                    : verdictEnglish,
                            answerChinese: showWork ? "\(a.kind.chinese) 第\(columnA)列 \(b.kind.chinese) 第\(columnB)列 \(verdictChinese)"
                                                    : verdictChinese)
        case .whatIsInPicture:
            let o = objects[0]
            return Question(kind: kind, english: "what is in this picture?", chinese: "这张图片里有什么？",
                            answerEnglish: "\(Captioner.article(before: o.kind.english)) \(o.kind.english)",
                            answerChinese: "图片中有\(o.kind.chineseOne)\(o.kind.chinese)")
        case .whereIs:
            let o = rng.pick(objects)
            let (row, column) = (o.cell.row + 1, o.cell.column + 1)
            return Question(kind: kind, english: "where is the \(o.kind.english)?", chinese: "\(o.kind.chinese)在哪里？",
                            answerEnglish: "row \(row) column \(column)", answerChinese: "第\(row)行第\(column)列")
        }
    }

    /// A question of a kind drawn uniformly from `allowed` among those that apply, or nil if none does.
    public static func randomQuestion(about scene: ToyScene, allowed: [QuestionKind] = QuestionKind.standard,
                                      showWork: Bool = false, rng: inout SeededGenerator) -> Question? {
        let kinds = applicableKinds(for: scene).filter(allowed.contains)
        guard !kinds.isEmpty else { return nil }
        return question(rng.pick(kinds), about: scene, showWork: showWork, rng: &rng)
    }
}
