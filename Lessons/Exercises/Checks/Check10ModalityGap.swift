// Exercise 10's check: the statement's worked example, then five image and six text embeddings of
// width 4 and unequal lengths, with the usual slips named.

import ExerciseKit
import TeachingEngine

extension Checks {
    static func modalityGap(_ f: @escaping ModalityGapFunction) -> Verdict {
        verdict(exercise: 10) {
            let example = try f(Tensor(shape: [2, 2], scalars: [1, 0, 0, 1]), Tensor(shape: [1, 2], scalars: [-1, 0]))
            try Compare.number(example, Float(2.5).squareRoot(),
                               what: "the gap of images [1, 0], [0, 1] and text [−1, 0] (centres [0.5, 0.5] and [−1, 0])",
                               mistakes: [("this is the squared distance: take its square root", 2.5)])
            let images = Tensor(shape: [5, 4], scalars: randomTensor([5, 4], seed: 12).scalars.map { $0 + 1 })
            let texts = Tensor(shape: [6, 4], scalars: randomTensor([6, 4], seed: 13).scalars.map { $0 * 3 })
            let got = try f(images, texts)
            let (unitImages, unitTexts) = (centre(images, unit: true), centre(texts, unit: true))
            try Compare.number(got, distance(unitImages, unitTexts), what: "the gap of 5 images and 6 texts of width 4",
                               mistakes: [
                ("the rows were not scaled to length 1 first: divide each embedding by its own length",
                 distance(centre(images, unit: false), centre(texts, unit: false))),
                ("this is the squared distance: take its square root",
                 distance(unitImages, unitTexts) * distance(unitImages, unitTexts)),
                ("the centres were scaled to length 1 as well: scale the rows, then average, and keep the centres as they are",
                 distance(unitLength(unitImages), unitLength(unitTexts))),
            ])
            return ["the worked example: √2.5 ≈ 1.5811", "5 images and 6 texts of unequal lengths: \(Compare.number(got))"]
        }
    }

    static func centre(_ x: Tensor, unit: Bool) -> [Float] {
        let (rows, width) = (x.shape[0], x.shape[1])
        var sum = [Double](repeating: 0, count: width)
        for r in 0..<rows {
            let row = (0..<width).map { Double(x.scalars[r * width + $0]) }
            let length = unit ? row.reduce(0) { $0 + $1 * $1 }.squareRoot() : 1
            for k in 0..<width { sum[k] += row[k] / length / Double(rows) }
        }
        return sum.map(Float.init)
    }

    static func distance(_ a: [Float], _ b: [Float]) -> Float {
        zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
    }

    static func unitLength(_ v: [Float]) -> [Float] {
        let length = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return v.map { $0 / length }
    }
}
