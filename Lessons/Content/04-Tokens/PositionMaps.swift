// Measurements and maps of positional codes for lesson 04: cosine similarity between positions,
// neighbours against far patches on the grid, and the cost of one self-attention layer.

import Figures
import TeachingEngine

/// Helpers of lesson 04 (and its tests).
public enum RawPositions {
    /// The rows of a [N, d] tensor as arrays.
    public static func rows(_ t: Tensor) -> [[Float]] {
        precondition(t.shape.count == 2, "rows: expected [N, d], got \(describe(shape: t.shape))")
        return (0..<t.shape[0]).map { Array(t.scalars[($0 * t.shape[1])..<(($0 + 1) * t.shape[1])]) }
    }

    /// The cosine similarity of two vectors (0 when either is zero).
    public static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        var (dot, na, nb) = (0.0, 0.0, 0.0)
        for (x, y) in zip(a, b) { dot += Double(x * y); na += Double(x * x); nb += Double(y * y) }
        return na == 0 || nb == 0 ? 0 : dot / (na * nb).squareRoot()
    }

    /// [N][N] cosine similarities.
    public static func cosineMatrix(_ codes: [[Float]]) -> [[Double]] {
        codes.map { a in codes.map { b in cosine(a, b) } }
    }

    /// For codes of a side×side grid (row-major): the mean cosine similarity of each patch to its 4-neighbours,
    /// and to patches at least side/2 apart (Chebyshev distance).
    ///
    ///     // the 2D sinusoidal code of a 14×14 grid: neighbours clearly more similar than far patches
    public static func neighbourAndFarSimilarity(_ codes: [[Float]], side: Int) -> (near: Double, far: Double) {
        precondition(codes.count == side * side, "neighbourAndFarSimilarity: \(codes.count) codes for a \(side)×\(side) grid")
        var (near, nearCount, far, farCount) = (0.0, 0, 0.0, 0)
        for i in 0..<codes.count {
            for j in 0..<codes.count where j != i {
                let (dr, dc) = (abs(i / side - j / side), abs(i % side - j % side))
                if dr + dc == 1 { near += cosine(codes[i], codes[j]); nearCount += 1 }
                if max(dr, dc) >= side / 2 { far += cosine(codes[i], codes[j]); farCount += 1 }
            }
        }
        return (near / Double(max(nearCount, 1)), far / Double(max(farCount, 1)))
    }

    /// Multiply-adds ×2 of one self-attention layer on T tokens of width d: Q, K, V and output
    /// projections 4·2·T·d², scores 2·T²·d, weighted sum 2·T²·d.
    ///
    ///     attentionFLOPs(tokens: 196, width: 64)   // 8·196·64² + 4·196²·64 = 16,257,024
    public static func attentionFLOPs(tokens t: Int, width d: Int) -> Double {
        8 * Double(t) * Double(d * d) + 4 * Double(t * t) * Double(d)
    }

    /// Four side×side maps: the similarity of a corner, an edge, a centre and one more patch to every patch.
    /// `patchWord` and `colorBarLabel` are the words of the run's language ("patch", "cosine").
    public static func similarityMaps(_ codes: [[Float]], side: Int, title: String, patchWord: String = "patch",
                                      colorBarLabel: String = "cosine") -> Figure {
        let chosen = [0, side / 2, (side / 2) * side + side / 2, (side - 2) * side + side / 3]
        var figure = Figure(width: 1400, height: 420, columns: 4, title: title)
        let maps = chosen.map { k in (0..<side).map { r in (0..<side).map { c in cosine(codes[k], codes[r * side + c]) } } }
        let lowest = maps.joined().joined().min() ?? -1   // one colour scale for the four maps, lowest → 1
        for (k, map) in zip(chosen, maps) {
            var heat = Heatmap(map, title: "\(patchWord) \(k) (\(k / side), \(k % side))")
            heat.range = min(lowest, 0.99)...1
            heat.colorBarLabel = colorBarLabel
            figure.add(heat)
        }
        return figure
    }
}

extension RawPositions {
    /// The ViT-paper layout of position similarities: for a side×side grid, one side×side map per patch
    /// (its cosine similarity to every patch), the maps placed where their patch sits and one blank
    /// (0) cell between them. Returns a (side² + side − 1)-square matrix.
    ///
    ///     mosaic(codes4x4, side: 4).count   // 16 + 3 = 19
    public static func mosaic(_ codes: [[Float]], side: Int) -> [[Double]] {
        precondition(codes.count == side * side, "mosaic: \(codes.count) codes for a \(side)×\(side) grid")
        let size = side * side + side - 1
        var grid = [[Double]](repeating: [Double](repeating: 0, count: size), count: size)
        for k in 0..<codes.count {
            let (top, left) = ((k / side) * (side + 1), (k % side) * (side + 1))
            for j in 0..<codes.count {
                grid[top + j / side][left + j % side] = cosine(codes[k], codes[j])
            }
        }
        return grid
    }

    /// One panel of `mosaic`: blue −1, white 0, red +1, no tick labels.
    public static func mosaicChart(_ codes: [[Float]], side: Int, title: String, colorBarLabel: String = "cosine") -> Heatmap {
        let values = mosaic(codes, side: side)
        let blank = [String](repeating: "", count: values.count)
        var heat = Heatmap(values, title: title, rowLabels: blank, columnLabels: blank)
        heat.colorMap = .diverging
        heat.range = -1...1
        heat.colorBarLabel = colorBarLabel
        return heat
    }
}
