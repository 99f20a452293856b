// What a caption of a one-object ToyWorld scene says, in either language: the kind it names, and the
// colour, size and sun when it mentions them. Lesson 02 uses it twice: a caption retrieves a picture
// correctly when its statement holds for the scene, and an English caption retrieves a Chinese one
// correctly when both say the same thing ("a photo of an orange cat" and 我喜欢这只橘色猫 do).
// It reads ToyWorld's own wording (Captions.swift), not free text.

import Multimodal

/// The facts a ToyWorld caption states.
///
///     CaptionStatement("a photo of a small orange cat") == CaptionStatement("我喜欢这只小的橘色猫")   // true
///     CaptionStatement("一只可爱的橘猫在晒太阳").sun                                              // true
public struct CaptionStatement: Hashable, Sendable {
    /// The kinds named (one in a one-object caption).
    public let kinds: Set<ObjectKind>
    /// The colours named; empty when the caption dropped its colour word.
    public let colors: Set<ToyColor>
    /// The sizes named; empty when no size word is said.
    public let sizes: Set<ObjectSize>
    /// Whether the sun is mentioned.
    public let sun: Bool

    /// Reads `caption`: English word by word, Chinese by the words ToyWorld writes (猫, 橘色, 小的, 太阳,
    /// and the short colour of 橘猫).
    public init(_ caption: String) {
        if caption.unicodeScalars.contains(where: { $0.value >= 0x3400 }) {
            kinds = Set(ObjectKind.allCases.filter { caption.contains($0.chinese) })
            colors = Set(ToyColor.allCases.filter { color in
                ([color.chinese] + color.chineseSynonyms).contains { caption.contains($0) }
                    || ObjectKind.allCases.contains { caption.contains(color.chineseShort + $0.chinese) }
            })
            sizes = Set(ObjectSize.allCases.filter { caption.contains($0.chinese + "的") })
            sun = caption.contains("太阳")
        } else {
            let words = Set(caption.split(separator: " ").map(String.init))
            kinds = Set(ObjectKind.allCases.filter { words.contains($0.english) })
            colors = Set(ToyColor.allCases.filter { words.contains($0.english) })
            sizes = Set(ObjectSize.allCases.filter { words.contains($0.english) })
            sun = words.contains("sun")
        }
    }

    /// True when everything stated holds for the one-object `scene`: it names the object's kind and no
    /// other, no other colour or size, and the sun only if the scene has it.
    public func holds(for scene: ToyScene) -> Bool {
        scene.objects.contains { object in
            kinds == [object.kind] && colors.isSubset(of: [object.color]) && sizes.isSubset(of: [object.size])
        } && (!sun || scene.hasSun)
    }
}
