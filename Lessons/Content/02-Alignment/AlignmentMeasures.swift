// What lesson 02 measures in the shared space: retrieval by caption (a hit is any image whose scene the
// caption truthfully describes), zero-shot labels from text prompts, and the modality gap.
// Radford et al. 2021 (CLIP), §3.1 zero-shot transfer with prompt ensembling; Liang et al. 2022,
// "Mind the Gap", for the distance between the image and text centroids.

import Foundation
import Multimodal

/// Retrieval, zero-shot classification and the modality gap over unit-length embeddings.
public enum AlignmentMeasures {
    /// True when every attribute `caption` states holds for the one-object `scene`: the kind it names,
    /// the colour and size if said, and the sun if mentioned. English or Chinese.
    ///
    ///     // scene: a small orange cat, no sun
    ///     captionDescribes("a photo of a cat", scene)              // true
    ///     captionDescribes("一张小的橘色猫的照片", scene)            // true
    ///     captionDescribes("a photo of a large orange cat", scene) // false (size)
    ///     captionDescribes("一只可爱的橘猫在晒太阳", scene)          // false (no sun)
    public static func captionDescribes(_ caption: String, _ scene: ToyScene) -> Bool {
        CaptionStatement(caption).holds(for: scene)
    }

    /// Recall in both directions, and what picking at random would score.
    public struct Retrieval: Sendable {
        public let textToImageAt1: Double
        public let textToImageAt5: Double
        public let imageToTextAt1: Double
        public let imageToTextAt5: Double
        /// The expected recall@1 and @5 of a random ranking, text → image and image → text.
        public let chanceTextToImageAt1: Double
        public let chanceTextToImageAt5: Double
        public let chanceImageToTextAt1: Double
        public let chanceImageToTextAt5: Double
        /// How many pools of candidates were searched.
        public let pools: Int
    }

    /// Retrieval over consecutive pools of `pool` pairs: each caption ranks the pool's images (and each
    /// image the pool's captions); a hit at k is a described scene among the top k.
    ///
    /// - Precondition: at least `pool` pairs.
    public static func retrieval(images: [[Float]], texts: [[Float]], captions: [String], scenes: [ToyScene],
                                 pool: Int = 100) -> Retrieval {
        precondition(images.count == texts.count && texts.count == captions.count && captions.count == scenes.count,
                     "retrieval: \(images.count) images, \(texts.count) texts, \(captions.count) captions, \(scenes.count) scenes")
        precondition(images.count >= pool, "retrieval: \(images.count) pairs cannot fill a pool of \(pool)")
        let pools = images.count / pool
        let said = captions.map(CaptionStatement.init)      // each caption read once, not once per image
        var sums = [Double](repeating: 0, count: 8)
        for p in 0..<pools {
            let members = Array((p * pool)..<((p + 1) * pool))
            let describes = members.map { q in members.map { c in said[q].holds(for: scenes[c]) } }  // [caption][image]
            let textToImage = cosineSimilarities(members.map { texts[$0] }, members.map { images[$0] })   // [pool, pool]
            let imageToText = cosineSimilarities(members.map { images[$0] }, members.map { texts[$0] })   // [pool, pool]
            sums[0] += Metrics.recall(at: 1, similarities: textToImage) { describes[$0][$1] }
            sums[1] += Metrics.recall(at: 5, similarities: textToImage) { describes[$0][$1] }
            sums[2] += Metrics.recall(at: 1, similarities: imageToText) { describes[$1][$0] }
            sums[3] += Metrics.recall(at: 5, similarities: imageToText) { describes[$1][$0] }
            let perCaption = describes.map { $0.filter { $0 }.count }                       // hits per caption
            let perImage = (0..<pool).map { c in describes.filter { $0[c] }.count }        // hits per image
            sums[4] += perCaption.map { chance(hits: $0, of: pool, k: 1) }.reduce(0, +) / Double(pool)
            sums[5] += perCaption.map { chance(hits: $0, of: pool, k: 5) }.reduce(0, +) / Double(pool)
            sums[6] += perImage.map { chance(hits: $0, of: pool, k: 1) }.reduce(0, +) / Double(pool)
            sums[7] += perImage.map { chance(hits: $0, of: pool, k: 5) }.reduce(0, +) / Double(pool)
        }
        let mean = sums.map { $0 / Double(pools) }
        return Retrieval(textToImageAt1: mean[0], textToImageAt5: mean[1], imageToTextAt1: mean[2], imageToTextAt5: mean[3],
                         chanceTextToImageAt1: mean[4], chanceTextToImageAt5: mean[5],
                         chanceImageToTextAt1: mean[6], chanceImageToTextAt5: mean[7], pools: pools)
    }

    /// Retrieval among the test pairs of `space` with their captions in `language`, in pools of `pool`.
    public static func retrieval(_ space: AlignmentSpace, _ data: AlignmentData, _ language: Language,
                                 pool: Int) -> Retrieval {
        retrieval(images: space.images, texts: space.texts(language), captions: data.testCaptions(language),
                  scenes: data.test.samples.map(\.scene), pool: min(pool, data.test.count))
    }

    /// Caption → caption retrieval across languages over consecutive pools of `pool` scenes: each query
    /// ranks the pool's captions in the other language, and a hit is a caption that states the same
    /// (`CaptionStatement`: its own translation, or another caption saying the same thing). Returns
    /// recall@1 and the recall@1 of a random ranking.
    ///
    ///     // queries "a red cat", "a blue dog"; candidates 一只红色猫, 一只蓝色狗, embedded as
    ///     crossLingual(queries: [[1, 0], [0, 1]], candidates: [[0.9, 0.1], [0.2, 0.8]],
    ///                  queryCaptions: ["a red cat", "a blue dog"], candidateCaptions: ["一只红色猫", "一只蓝色狗"],
    ///                  pool: 2)   // (recall 1.0, chance 0.5)
    ///
    /// - Precondition: at least `pool` captions on each side, as many queries as candidates.
    public static func crossLingual(queries: [[Float]], candidates: [[Float]], queryCaptions: [String],
                                    candidateCaptions: [String], pool: Int) -> (recall: Double, chance: Double) {
        precondition(queries.count == candidates.count && queries.count == queryCaptions.count
                     && queryCaptions.count == candidateCaptions.count,
                     "crossLingual: \(queries.count) queries, \(candidates.count) candidates, "
                     + "\(queryCaptions.count) and \(candidateCaptions.count) captions")
        precondition(queries.count >= pool, "crossLingual: \(queries.count) captions cannot fill a pool of \(pool)")
        let said = (queryCaptions.map(CaptionStatement.init), candidateCaptions.map(CaptionStatement.init))
        let pools = queries.count / pool
        var (found, random) = (0.0, 0.0)
        for p in 0..<pools {
            let members = Array((p * pool)..<((p + 1) * pool))
            let same = members.map { q in members.map { c in said.0[q] == said.1[c] } }    // [query][candidate]
            let s = cosineSimilarities(members.map { queries[$0] }, members.map { candidates[$0] })  // [pool, pool]
            found += Metrics.recall(at: 1, similarities: s) { same[$0][$1] }
            random += same.map { chance(hits: $0.filter { $0 }.count, of: pool, k: 1) }.reduce(0, +) / Double(pool)
        }
        return (found / Double(pools), random / Double(pools))
    }

    /// English → Chinese and Chinese → English caption retrieval among the test scenes of `space`.
    public static func crossLingual(_ space: AlignmentSpace, _ data: AlignmentData, pool: Int)
        -> (englishToChinese: (recall: Double, chance: Double), chineseToEnglish: (recall: Double, chance: Double)) {
        let (english, chinese) = (data.testCaptions(.english), data.testCaptions(.chinese))
        let size = min(pool, data.test.count)
        return (crossLingual(queries: space.texts, candidates: space.chineseTexts, queryCaptions: english,
                             candidateCaptions: chinese, pool: size),
                crossLingual(queries: space.chineseTexts, candidates: space.texts, queryCaptions: chinese,
                             candidateCaptions: english, pool: size))
    }

    /// The chance that k items drawn at random from n, of which `hits` are right, include a right one:
    /// 1 − C(n − hits, k) / C(n, k).
    ///
    ///     chance(hits: 1, of: 100, k: 5)   // 0.05
    public static func chance(hits: Int, of n: Int, k: Int) -> Double {
        var miss = 1.0
        for i in 0..<k { miss *= Double(max(0, n - hits - i)) / Double(n - i) }
        return 1 - miss
    }

    /// One unit vector per class: the normalised mean of the embeddings of its prompts (CLIP's prompt ensemble).
    public static func classEmbeddings(_ promptEmbeddings: [[[Float]]]) -> [[Float]] {
        promptEmbeddings.map { prompts in unit(mean(prompts)) }
    }

    /// For each image, the class whose embedding is most similar (the lower index on a tie).
    public static func zeroShot(images: [[Float]], classes: [[Float]]) -> [Int] {
        cosineSimilarities(images, classes).map { scores in
            scores.indices.max { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) } ?? 0
        }
    }

    /// The distance between the centroid of the image embeddings and that of the text embeddings.
    ///
    ///     modalityGap(images: [[1, 0]], texts: [[0, 1]])   // √2 ≈ 1.414
    public static func modalityGap(images: [[Float]], texts: [[Float]]) -> Float {
        let (a, b) = (mean(images), mean(texts))
        return zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
    }

    /// The element-wise mean of vectors of one length.
    public static func mean(_ vectors: [[Float]]) -> [Float] {
        guard let width = vectors.first?.count else { return [] }
        var sum = [Float](repeating: 0, count: width)
        for v in vectors { for j in 0..<width { sum[j] += v[j] } }
        return sum.map { $0 / Float(vectors.count) }
    }

    /// The vector scaled to length 1 (unchanged if it is zero).
    public static func unit(_ v: [Float]) -> [Float] {
        let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? v.map { $0 / norm } : v
    }

    /// "a" or "an" before `word`, as the captions write it.
    public static func article(before word: String) -> String {
        word.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }
}
