// Resizing an RGB picture, one axis at a time: shrinking averages the source pixels each output
// pixel covers (area averaging, no aliasing); enlarging interpolates between the two nearest
// pixel centres (bilinear). Plain arithmetic in a fixed order: the same input gives the same bytes.

extension RGBImage {
    /// The picture scaled to `width × height`.
    ///
    ///     // 2×1 black|white shrunk to 1×1 averages to gray
    ///     RGBImage(width: 2, height: 1, pixels: [0, 0, 0, 255, 255, 255])
    ///         .resized(width: 1, height: 1).pixels   // [128, 128, 128]
    public func resized(width newWidth: Int, height newHeight: Int) -> RGBImage {
        precondition(newWidth > 0 && newHeight > 0, "RGBImage.resized: size \(newWidth)×\(newHeight) must be positive")
        if newWidth == width && newHeight == height { return self }
        let source = pixels.map(Double.init)
        // 1. rows: [height, width, 3] → [height, newWidth, 3]
        let across = Self.weights(from: width, to: newWidth)
        var wide = [Double](repeating: 0, count: height * newWidth * 3)
        for y in 0..<height {
            for (x, taps) in across.enumerated() {
                for (sx, w) in taps {
                    for c in 0..<3 { wide[3 * (y * newWidth + x) + c] += w * source[3 * (y * width + sx) + c] }
                }
            }
        }
        // 2. columns: [height, newWidth, 3] → [newHeight, newWidth, 3]
        let down = Self.weights(from: height, to: newHeight)
        var out = [UInt8](repeating: 0, count: newHeight * newWidth * 3)
        for (y, taps) in down.enumerated() {
            for x in 0..<newWidth {
                for c in 0..<3 {
                    var sum = 0.0
                    for (sy, w) in taps { sum += w * wide[3 * (sy * newWidth + x) + c] }
                    out[3 * (y * newWidth + x) + c] = UInt8(max(0, min(255, sum.rounded())))
                }
            }
        }
        return RGBImage(width: newWidth, height: newHeight, pixels: out)
    }

    /// For each output index, the source indices and weights (summing to 1) that make it.
    static func weights(from n: Int, to m: Int) -> [[(Int, Double)]] {
        let scale = Double(n) / Double(m)
        return (0..<m).map { i in
            if m < n {
                // Area: output pixel i covers source interval [i·scale, (i+1)·scale).
                let (lo, hi) = (Double(i) * scale, Double(i + 1) * scale)
                return (Int(lo)..<min(n, Int(hi.rounded(.up)))).compactMap { s in
                    let overlap = min(hi, Double(s + 1)) - max(lo, Double(s))
                    return overlap > 0 ? (s, overlap / scale) : nil
                }
            }
            // Bilinear between the two source centres around output centre i.
            let centre = max(0, min(Double(n - 1), (Double(i) + 0.5) * scale - 0.5))
            let left = Int(centre), t = centre - Double(left)
            return t == 0 || left + 1 >= n ? [(left, 1)] : [(left, 1 - t), (left + 1, t)]
        }
    }
}
