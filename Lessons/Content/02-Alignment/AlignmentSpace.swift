// The test pairs in one model's space, and what lesson 02 reads off it: the article's cat-and-dog
// example, a block of the similarity matrix, zero-shot labels and the modality gap.
// Radford et al. 2021 (CLIP) §3.1 for zero-shot prompts and ensembles; Liang et al. 2022, "Mind the
// Gap", for the distance between the image and text centroids.

import Multimodal
import TeachingEngine

/// Unit-length embeddings [n][32] of every test image and of its caption in each language under one model.
public struct AlignmentSpace {
    public let model: ContrastiveModel
    public let images: [[Float]]
    /// The English test captions.
    public let texts: [[Float]]
    /// The Chinese test captions (the same scenes, in order).
    public let chineseTexts: [[Float]]

    public init(model: ContrastiveModel, data: AlignmentData) {
        self.model = model
        images = model.embedImages(Batches.pixels(data.test.samples.map(\.image)))
        texts = model.embedTexts(data.ids(data.testCaptions(.english)))
        chineseTexts = model.embedTexts(data.ids(data.testCaptions(.chinese)))
    }

    /// The test captions' embeddings in `language`.
    public func texts(_ language: Language) -> [[Float]] { language == .english ? texts : chineseTexts }

    /// Unit-length embeddings of any texts.
    public func embed(_ texts: [String], data: AlignmentData) -> [[Float]] { model.embedTexts(data.ids(texts)) }

    /// The article's scene — an orange cat in the sun — against "a cat" and "a dog" (一只猫, 一条狗 in
    /// Chinese): two cosines.
    public func catAndDog(_ data: AlignmentData, _ language: Language = .english) -> (cat: Float, dog: Float) {
        let picture = SceneRenderer.render(SceneGenerator.orangeCatInTheSun, size: 32)
        let image = model.embedImages(Batches.pixels([picture]))          // [1][32]
        let words = AlignmentPrompts.catAndDog(language)
        let s = cosineSimilarities(image, embed([words.cat, words.dog], data: data))[0]
        return (s[0], s[1])
    }

    /// Cosine similarities of the test pictures at `indices` (rows) with their captions in `language`
    /// (columns).
    public func similarities(_ indices: [Int], _ language: Language = .english) -> SimilarityBlock {
        SimilarityBlock(indices: indices, values: cosineSimilarities(indices.map { images[$0] },
                                                                     indices.map { texts(language)[$0] }))
    }

    /// For each test picture, the index of the class whose prompts it is closest to. Each class is the
    /// normalised mean of its prompts' embeddings (one prompt, or an ensemble).
    public func zeroShot(prompts: [[String]], _ data: AlignmentData) -> [Int] {
        let classes = AlignmentMeasures.classEmbeddings(prompts.map { embed($0, data: data) })
        return AlignmentMeasures.zeroShot(images: images, classes: classes)
    }

    /// The distance between the centre of the pictures and the centre of the captions.
    public var modalityGap: Float { AlignmentMeasures.modalityGap(images: images, texts: texts) }
}

/// A square block of the similarity matrix: matching pairs on the diagonal.
public struct SimilarityBlock {
    public let indices: [Int]
    public let values: [[Float]]   // [n, n]

    /// The mean similarity of matching pairs (the diagonal).
    public var matched: Float {
        (0..<values.count).map { values[$0][$0] }.reduce(0, +) / Float(max(1, values.count))
    }

    /// The mean similarity of mismatched pairs (off the diagonal).
    public var mismatched: Float {
        let n = values.count
        return (values.joined().reduce(0, +) - matched * Float(n)) / Float(max(1, n * n - n))
    }
}
