// Wrong answers a learner is likely to write, and the message each one gets: the check must name
// the difference (the missing temperature, the column order, the gradient that stops), not only
// say "wrong".

import ExerciseChecks
import Foundation
import TeachingEngine
import Testing

/// The reference table with one function replaced by a wrong one.
func with(_ change: (inout ExerciseFunctions) -> Void) -> ExerciseFunctions {
    var functions = solutions
    change(&functions)
    return functions
}

/// The verdict's lines as one string, for `contains`.
func message(_ number: Int, _ functions: ExerciseFunctions) -> String {
    let verdict = Checks.run(number, functions)
    if case .passed = verdict { return "passed" }
    return verdict.lines.joined(separator: "\n")
}

@Suite("Exercises: a wrong answer is named")
struct WrongAnswersTests {
    @Test("InfoNCE without the temperature: 'the temperature is missing'")
    func lossWithoutTemperature() {
        let wrong = with { $0.infoNCE = { image, text, _ in
            let logits = matmul(l2Normalize(image), l2Normalize(text), transposeB: true)   // no ÷ τ
            let pairs = Array(0..<image.shape[0])
            return (crossEntropy(logits, targets: pairs) + crossEntropy(logits.transposed(), targets: pairs)) * 0.5
        } }
        let text = message(2, wrong)
        #expect(text.contains("the temperature is missing"), "\(text)")
        #expect(text.contains("expected 6.9293"), "\(text)")
    }

    @Test("InfoNCE in one direction only: 'only the images choose their texts'")
    func lossOneDirection() {
        let wrong = with { $0.infoNCE = { image, text, tau in
            crossEntropy(matmul(l2Normalize(image), l2Normalize(text), transposeB: true) / tau,
                         targets: Array(0..<image.shape[0]))
        } }
        #expect(message(2, wrong).contains("only the images choose their texts"))
    }

    @Test("patches numbered column by column: named, with the order they came in")
    func patchesInColumnOrder() {
        let wrong = with { $0.patchify = { image, p in
            let (h, w, c) = (image.shape[0], image.shape[1], image.shape[2])
            var values: [Float] = []
            for j in 0..<(w / p) { for i in 0..<(h / p) {          // columns outside: the mistake
                for y in 0..<p { for x in 0..<p { for ch in 0..<c { values.append(image[i * p + y, j * p + x, ch]) } } }
            } }
            return Tensor(shape: [(h / p) * (w / p), p * p * c], scalars: values)
        } }
        let text = message(4, wrong)
        #expect(text.contains("column by column"), "\(text)")
        #expect(text.contains("[0, 3, 1, 4, 2, 5]"), "\(text)")   // a 2×3 grid read down the columns
    }

    @Test("a gradient cut by .value: the first wrong entry is named with both slopes")
    func gradientCutByValue() {
        let wrong = with { $0.cosineSimilarityMatrix = { a, b in
            let lengthA = Variable(sqrt((a * a).sum(alongAxis: 1, keepingAxis: true)).value)   // out of the graph
            let lengthB = sqrt((b * b).sum(alongAxis: 1, keepingAxis: true))
            return matmul(a / lengthA, b / lengthB, transposeB: true)
        } }
        let text = message(1, wrong)
        #expect(text.contains("the gradient with respect to a is wrong"), "\(text)")
        #expect(text.contains("first wrong entry a["), "\(text)")
        #expect(!text.contains("with respect to b"), "\(text)")
    }

    @Test("a result built from plain numbers: 'carries no gradient'")
    func noGradientAtAll() {
        let wrong = with { $0.cosineSimilarityMatrix = { a, b in
            Variable(try solutions.cosineSimilarityMatrix(a, b).value)   // right values, no graph
        } }
        #expect(message(1, wrong).contains("carries no gradient"))
    }

    @Test("the similarity matrix transposed: 'rows and columns are the other way round'")
    func transposedMatrix() {
        let wrong = with { $0.cosineSimilarityMatrix = { a, b in try solutions.cosineSimilarityMatrix(b, a) } }
        let text = message(1, wrong)
        #expect(text.contains("expected shape [3, 4]"), "\(text)")
        #expect(text.contains("got [4, 3]"), "\(text)")
        #expect(text.contains("other way round"), "\(text)")
    }

    @Test("late fusion averaging logits: named, and the decisions really differ on example 0")
    func lateFusionOfLogits() {
        let wrong = with { $0.lateFusion = { a, b in softmax((a + b) * 0.5) } }
        #expect(message(3, wrong).contains("you averaged the logits"))
        let image = Variable(Tensor(shape: [1, 4], scalars: [2, 0, 0, 0]))
        let text = Variable(Tensor(shape: [1, 4], scalars: [-3, 1, 0, 0]))
        let probabilities = try! solutions.lateFusion(image, text).value.scalars   // ≈ [0.361, 0.333, 0.153, 0.153]
        let logits = ((image + text) * 0.5).value.scalars                          // [−0.5, 0.5, 0, 0]
        #expect(probabilities.firstIndex(of: probabilities.max()!) == 0)
        #expect(logits.firstIndex(of: logits.max()!) == 1)
    }

    @Test("attention without 1/√d: '√d' named; a forgotten mask: 'the mask was not used'")
    func attentionSlips() {
        let unscaled = with { $0.attention = { q, k, v, mask in
            var scores = matmul(q, k, transposeB: true)
            if let mask { scores = scores + Variable(mask) }
            return matmul(softmax(scores), v)
        } }
        #expect(message(6, unscaled).contains("not divided by √d"))
        let maskless = with { $0.attention = { q, k, v, _ in
            try solutions.attention(q, k, v, nil)
        } }
        #expect(message(6, maskless).contains("the mask was not used"))
    }

    @Test("the causal mask where a prefix-LM mask is asked, and a 0/1 mask: both named")
    func maskSlips() {
        let causal = with { $0.prefixLMMask = { length, _ in try solutions.prefixLMMask(length, 0) } }
        #expect(message(8, causal).contains("this is the causal mask"))
        let boolean = with { $0.prefixLMMask = { length, prefix in
            let additive = try solutions.prefixLMMask(length, prefix)
            return Tensor(shape: additive.shape, scalars: additive.scalars.map { $0 == 0 ? 0 : 1 })
        } }
        #expect(message(8, boolean).contains("holds 0 and 1"))
    }

    @Test("greedy decoding that keeps the start token, and one that drops the end token: both named")
    func decodingSlips() {
        let withStart = with { $0.greedyDecode = { start, end, length, next in
            [start] + (try solutions.greedyDecode(start, end, length, next))
        } }
        #expect(message(9, withStart).contains("starts with the start token"))
        let withoutEnd = with { $0.greedyDecode = { start, end, length, next in
            try solutions.greedyDecode(start, end, length, next).filter { $0 != end }
        } }
        #expect(message(9, withoutEnd).contains("keep the end token"))
    }

    @Test("sines and cosines swapped, and a gap without unit rows: both named")
    func positionsAndGap() {
        let swapped = with { $0.sinusoidalPositions = { count, d in
            let table = try solutions.sinusoidalPositions(count, d)
            return Tensor(shape: table.shape, scalars: (0..<table.count).map { table.scalars[$0 ^ 1] })   // swap each pair
        } }
        #expect(message(5, swapped).contains("sines and cosines are swapped"))
        let raw = with { $0.modalityGap = { images, texts in
            func centre(_ x: Tensor) -> [Float] {
                let (rows, width) = (x.shape[0], x.shape[1])
                return (0..<width).map { k in (0..<rows).reduce(0) { $0 + x.scalars[$1 * width + k] } / Float(rows) }
            }
            return zip(centre(images), centre(texts)).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        } }
        #expect(message(10, raw).contains("not scaled to length 1"))
    }
}
