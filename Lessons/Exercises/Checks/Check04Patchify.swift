// Exercise 04's check: an 8×12 picture of 3 channels in 4×4 patches (a 2×3 grid), whose every
// value says where it came from, so any other order can be named; then 224×224 in 16×16 patches,
// against the patchify the lessons use.

import ExerciseKit
import Multimodal
import TeachingEngine

extension Checks {
    static func patchify(_ f: @escaping PatchifyFunction) -> Verdict {
        verdict(exercise: 4) {
            // value = 100·y + x + c/10: row y, column x, channel c can be read back from any value.
            let (h, w, c, p) = (8, 12, 3, 4)
            let image = Tensor(shape: [h, w, c], scalars: (0..<h * w * c).map { n in
                Float(100 * (n / (w * c)) + n / c % w) + Float(n % c) / 10
            })
            let got = try f(image, p)
            let expected = Patches.patchify(image, patchSize: p)                     // [6, 48]
            try Compare.shape(got.shape, expected.shape, what: "the patches",
                              meaning: " (2×3 = 6 patches of 4·4·3 = 48 values)")
            if let order = patchOrder(got, expected), order != Array(0..<order.count) {
                let columnOrder = (0..<(w / p)).flatMap { j in (0..<(h / p)).map { i in i * (w / p) + j } }
                var lines = ["each patch is right, but they come in another order: "
                             + "your patches are, in the row-by-row numbering, \(order)"]
                if order == columnOrder {
                    lines.append("you numbered the patches column by column (down first): number them row by row, "
                                 + "left to right and then down")
                }
                throw Failure(lines)
            }
            try Compare.values(got, expected, what: "patches", tolerance: 1e-6, mistakes: [
                Mistake(explanation: "inside each patch the pixels run column by column (x outer, y inner): "
                        + "take pixel rows first (y outer), then pixels along the row",
                        values: insidePatch(image, p: p) { y, x, ch in (x * p + y) * c + ch }),
                Mistake(explanation: "inside each patch the channels come first (all red, then green, then blue): "
                        + "keep each pixel's channels together, channel last",
                        values: insidePatch(image, p: p) { y, x, ch in ch * p * p + y * p + x }),
            ])
            let big = randomTensor([224, 224, 3], seed: 5)
            let bigGot = try f(big, 16)
            try Compare.values(bigGot, Patches.patchify(big, patchSize: 16), what: "224×224 patches",
                               meaning: " (14×14 = 196 patches of 16·16·3 = 768 values)", tolerance: 1e-6)
            return ["8×12×3 in 4×4 patches → [6, 48], row by row, channels last",
                    "224×224×3 in 16×16 patches → [196, 768], the same values as the lessons' patchify"]
        }
    }

    /// For each of `got`'s patches, the index of the equal patch of `expected`; nil unless every one is found.
    static func patchOrder(_ got: Tensor, _ expected: Tensor) -> [Int]? {
        let (n, size) = (expected.shape[0], expected.shape[1])
        let rows = (0..<n).map { Array(expected.scalars[($0 * size)..<(($0 + 1) * size)]) }
        var order: [Int] = []
        for k in 0..<n {
            let row = Array(got.scalars[(k * size)..<((k + 1) * size)])
            guard let match = rows.firstIndex(of: row) else { return nil }
            order.append(match)
        }
        return order
    }

    /// Row-by-row patches whose values inside a patch are laid out by `position(y, x, channel)`.
    static func insidePatch(_ image: Tensor, p: Int, position: (Int, Int, Int) -> Int) -> Tensor {
        let (h, w, c) = (image.shape[0], image.shape[1], image.shape[2])
        let size = p * p * c
        var out = [Float](repeating: 0, count: h * w * c)
        for i in 0..<(h / p) {
            for j in 0..<(w / p) {
                for y in 0..<p {
                    for x in 0..<p {
                        for ch in 0..<c {
                            out[(i * (w / p) + j) * size + position(y, x, ch)] = image[i * p + y, j * p + x, ch]
                        }
                    }
                }
            }
        }
        return Tensor(shape: [(h / p) * (w / p), size], scalars: out)
    }
}
