// Measurements on raw data, before any model: where an image's pixels sit, how far apart two images are
// in pixel space, and which neighbours a cloud of vectors has. Lesson 01 uses them to show that raw
// spaces of different modalities neither agree with meaning nor with each other.

import Multimodal
import TeachingEngine

/// Raw-space measurements used by lesson 01 (and its tests).
public enum RawMeasures {
    /// The top-left corner of the `side`×`side` window inside `region` (x, y, width, height) whose
    /// number of pixels equal to `rgb` is closest to half the window: an edge where the object meets
    /// the background, so a zoom shows both. Windows are tried on a stride of 2, row by row; the first
    /// best one wins.
    ///
    ///     // the orange cat's cell in a 224×224 render is x 56..<112, y 112..<168
    ///     RawMeasures.edgeWindow(in: image, region: (56, 112, 56, 56), side: 8, rgb: (255, 128, 64))
    public static func edgeWindow(in image: ToyImage, region: (x: Int, y: Int, width: Int, height: Int), side: Int,
                                  rgb: (r: UInt8, g: UInt8, b: UInt8)) -> (x: Int, y: Int) {
        precondition(side > 0 && side <= region.width && side <= region.height,
                     "edgeWindow: window \(side) does not fit region \(region.width)×\(region.height)")
        var best = (x: region.x, y: region.y), bestGap = Int.max
        for y in stride(from: region.y, through: region.y + region.height - side, by: 2) {
            for x in stride(from: region.x, through: region.x + region.width - side, by: 2) {
                var matches = 0
                for dy in 0..<side {
                    for dx in 0..<side where image.pixel(x: x + dx, y: y + dy) == rgb { matches += 1 }
                }
                let gap = abs(2 * matches - side * side)
                if gap < bestGap { (best, bestGap) = ((x, y), gap) }
            }
        }
        return best
    }

    /// The Euclidean distance between two images' pixel values scaled to [0, 1].
    ///
    ///     // two 4×4 images that differ in one pixel, black (0,0,0) against white (255,255,255): √3 ≈ 1.73
    public static func pixelDistance(_ a: ToyImage, _ b: ToyImage) -> Double {
        precondition(a.size == b.size, "pixelDistance: sizes \(a.size) and \(b.size) differ")
        var sum = 0.0
        for (x, y) in zip(a.bytes, b.bytes) {
            let d = (Double(x) - Double(y)) / 255
            sum += d * d
        }
        return sum.squareRoot()
    }

    /// The cosine similarity of two vectors (0 when either is zero).
    public static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        precondition(a.count == b.count, "cosine: lengths \(a.count) and \(b.count) differ")
        var (dot, na, nb) = (0.0, 0.0, 0.0)
        for (x, y) in zip(a, b) { dot += Double(x * y); na += Double(x * x); nb += Double(y * y) }
        return na == 0 || nb == 0 ? 0 : dot / (na * nb).squareRoot()
    }

    /// For each vector, the index of its most cosine-similar other vector.
    ///
    ///     nearestNeighbours([[1, 0], [0.9, 0.1], [0, 1]])   // [1, 0, 1]
    public static func nearestNeighbours(_ vectors: [[Float]]) -> [Int] {
        vectors.indices.map { i in
            var best = -1, bestSimilarity = -Double.infinity
            for j in vectors.indices where j != i {
                let s = cosine(vectors[i], vectors[j])
                if s > bestSimilarity { (best, bestSimilarity) = (j, s) }
            }
            return best
        }
    }

    /// The share of vectors whose nearest neighbour has the same label.
    ///
    ///     sameLabelShare(labels: [0, 0, 1], neighbours: [1, 0, 1])   // 2 of 3: 0.667
    public static func sameLabelShare(labels: [Int], neighbours: [Int]) -> Double {
        precondition(labels.count == neighbours.count, "sameLabelShare: \(labels.count) labels, \(neighbours.count) neighbours")
        let same = labels.indices.filter { labels[neighbours[$0]] == labels[$0] }.count
        return Double(same) / Double(max(labels.count, 1))
    }

    /// The rows of a [N, d] tensor as arrays: [[1, 2], [3, 4]] for shape [2, 2] and scalars [1, 2, 3, 4].
    public static func rows(_ t: Tensor) -> [[Float]] {
        precondition(t.shape.count == 2, "rows: expected [N, d], got \(describe(shape: t.shape))")
        return (0..<t.shape[0]).map { Array(t.scalars[($0 * t.shape[1])..<(($0 + 1) * t.shape[1])]) }
    }

    /// The first pixel (row by row) of the `side`×`side` window at `corner` whose colour is `rgb`.
    ///
    ///     RawMeasures.firstPixel(in: image, window: (72, 120), side: 8, rgb: (255, 128, 64))   // (x 75, y 120)
    public static func firstPixel(in image: ToyImage, window corner: (x: Int, y: Int), side: Int,
                                  rgb: (UInt8, UInt8, UInt8)) -> (x: Int, y: Int)? {
        (0..<side * side).map { (corner.x + $0 % side, corner.y + $0 / side) }
            .first { image.pixel(x: $0.0, y: $0.1) == rgb }
    }

    /// The share of an image's pixels that are exactly `rgb`.
    public static func colorShare(_ image: ToyImage, rgb: (UInt8, UInt8, UInt8)) -> Double {
        let hits = stride(from: 0, to: image.bytes.count, by: 3)
            .filter { (image.bytes[$0], image.bytes[$0 + 1], image.bytes[$0 + 2]) == rgb }.count
        return Double(hits) / Double(image.size * image.size)
    }

    /// The share of `queries[i]` whose most cosine-similar candidate is `candidates[i]` (top-1 retrieval).
    ///
    ///     topOneShare(queries: [[1, 0], [0, 1]], candidates: [[1, 0.1], [1, 0]])   // 1 of 2: 0.5
    public static func topOneShare(queries: [[Float]], candidates: [[Float]]) -> Double {
        let hits = queries.indices.filter { i in
            candidates.indices.max { cosine(queries[i], candidates[$0]) < cosine(queries[i], candidates[$1]) } == i
        }.count
        return Double(hits) / Double(max(queries.count, 1))
    }

    /// Each vector scaled to length 1 (zero vectors stay zero): the sphere cosine similarity sees.
    public static func unitLength(_ vectors: [[Float]]) -> [[Float]] {
        vectors.map { v in v.map { $0 / max(1e-12, v.map { $0 * $0 }.reduce(0, +).squareRoot()) } }
    }

    /// The loudest cell of a [frames, bins] spectrogram: (frame, bin).
    public static func loudest(_ spectrogram: Tensor) -> (frame: Int, bin: Int) {
        let bins = spectrogram.shape[1]
        let peak = spectrogram.scalars.indices.max { spectrogram.scalars[$0] < spectrogram.scalars[$1] }!
        return (peak / bins, peak % bins)
    }
}
