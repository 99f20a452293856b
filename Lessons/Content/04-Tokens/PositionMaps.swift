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

    /// The floating-point operations of one self-attention layer on T tokens of width d, a multiply-add
    /// counted as 2 FLOP (already in each term): the Q, K, V and output projections 4 · 2Td², the scores
    /// QKᵀ 2T²d, the weighted sum of V 2T²d; in all 8Td² + 4T²d.
    ///
    ///     attentionFLOPs(tokens: 196, width: 64)   // 8·196·64² + 4·196²·64 = 16,257,024
    public static func attentionFLOPs(tokens t: Int, width d: Int) -> Double {
        8 * Double(t) * Double(d * d) + 4 * Double(t * t) * Double(d)
    }

    /// Four side×side maps: the similarity of a corner, an edge, a centre and one more patch to every patch.
    /// Patches, rows and columns are counted from 1, as the article numbers its patches.
    /// `patchTitle(k, row, column)` (counted from 1) and `colorBarLabel` are in the run's language
    /// ("patch 1 (row 1, column 1)", "cosine").
    public static func similarityMaps(_ codes: [[Float]], side: Int, title: String,
                                      patchTitle: (Int, Int, Int) -> String = { "patch \($0) (row \($1), column \($2))" },
                                      colorBarLabel: String = "cosine") -> Figure {
        let chosen = [0, side / 2, (side / 2) * side + side / 2, (side - 2) * side + side / 3]
        var figure = Figure(width: 1400, height: 420, columns: 4, title: title)
        let maps = chosen.map { k in (0..<side).map { r in (0..<side).map { c in cosine(codes[k], codes[r * side + c]) } } }
        let lowest = maps.joined().joined().min() ?? -1   // one colour scale for the four maps, lowest → 1
        let labels = (0..<side).map { $0 % 3 == 0 ? "\($0 + 1)" : "" }   // 1, 4, 7, …
        for (k, map) in zip(chosen, maps) {
            var heat = Heatmap(map, title: patchTitle(k + 1, k / side + 1, k % side + 1),
                               rowLabels: labels, columnLabels: labels)
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
    /// cell (not a number) between them. Returns a (side² + side − 1)-square matrix.
    ///
    ///     mosaic(codes4x4, side: 4).count   // 16 + 3 = 19
    public static func mosaic(_ codes: [[Float]], side: Int) -> [[Double]] {
        precondition(codes.count == side * side, "mosaic: \(codes.count) codes for a \(side)×\(side) grid")
        let size = side * side + side - 1
        var grid = [[Double]](repeating: [Double](repeating: .nan, count: size), count: size)
        for k in 0..<codes.count {
            let (top, left) = ((k / side) * (side + 1), (k % side) * (side + 1))
            for j in 0..<codes.count {
                grid[top + j / side][left + j % side] = cosine(codes[k], codes[j])
            }
        }
        return grid
    }

    /// The colour range of one mosaic: from the lowest to the highest similarity between two different
    /// patches, so the pattern fills the scale (a patch with itself, 1, sits at the top).
    ///
    ///     // the 2D sines of a 4×4 grid: 0.77…0.98, where −1…1 would paint every cell nearly the same red
    public static func mosaicRange(_ codes: [[Float]]) -> ClosedRange<Double> {
        var (lo, hi) = (Double.infinity, -Double.infinity)
        for i in codes.indices { for j in codes.indices where j != i {
            let c = cosine(codes[i], codes[j])
            (lo, hi) = (min(lo, c), max(hi, c))
        } }
        return lo < hi ? lo...hi : (lo - 0.5)...(hi + 0.5)
    }

    /// One panel of `mosaic`, on its own colour scale (`mosaicRange`), with ticks that say which patch
    /// each small map belongs to: its row and column on the grid, counted from 1.
    public static func mosaicChart(_ codes: [[Float]], side: Int, title: String, colorBarLabel: String = "cosine",
                                   rowLabel: String = "input patch row",
                                   columnLabel: String = "input patch column") -> Heatmap {
        let values = mosaic(codes, side: side)
        // A tick at the middle cell of each small map (the cell just right of/below the middle when side is even).
        var labels = [String](repeating: "", count: values.count)
        for k in 0..<side { labels[k * (side + 1) + side / 2] = "\(k + 1)" }
        var heat = Heatmap(values, title: title, rowLabels: labels, columnLabels: labels)
        heat.range = mosaicRange(codes)
        heat.colorBarLabel = colorBarLabel
        heat.yLabel = rowLabel
        heat.xLabel = columnLabel
        return heat
    }
}
