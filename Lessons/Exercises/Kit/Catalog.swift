// The ten exercises in lesson order: their files, functions, lessons and hints. The starters and
// the reference solutions are Swift files of the same name under Lessons/Exercises/Starters and
// Lessons/Exercises/Solutions; the learner's copies live in Lessons/Exercises/Mine.

/// One exercise: what the learner writes and where.
public struct Exercise: Sendable {
    /// 1…10, the order to do them in.
    public let number: Int
    /// The file name, the same in Starters/, Solutions/ and Mine/: "02-InfoNCE.swift".
    public let file: String
    /// A short title: "symmetric InfoNCE with a temperature".
    public let title: String
    /// The function the learner writes, as it is called: "infoNCE(image:text:temperature:)".
    public let function: String
    /// The lessons that use the idea.
    public let lessons: [Int]
    /// The hint `exercises hint N` prints.
    public let hint: [String]
    /// Earlier exercises whose function the reference solution calls (02 calls 01's, 07 calls 06's).
    public var uses: [Int] {
        switch number {
        case 2: [1]
        case 7: [6]
        default: []
        }
    }
}

/// The exercises, in order.
public enum Catalog {
    public static let all: [Exercise] = [
        Exercise(number: 1, file: "01-CosineSimilarity.swift", title: "the cosine-similarity matrix",
                 function: "cosineSimilarityMatrix(_:_:)", lessons: [1, 2], hint: [
                    "Divide each row by its length first: lengthA = sqrt((a * a).sum(alongAxis: 1, keepingAxis: true))",
                    "is [N, 1], and a / lengthA broadcasts it over the e columns. Then one matmul of the two",
                    "unit-length matrices, the second transposed (transposeB: true), gives every dot product at once.",
                 ]),
        Exercise(number: 2, file: "02-InfoNCE.swift", title: "symmetric InfoNCE with a temperature",
                 function: "infoNCE(image:text:temperature:)", lessons: [2], hint: [
                    "logits = cosineSimilarityMatrix(image, text) / temperature is [B, B]; the right text for",
                    "image i is column i, so the targets are Array(0..<B). crossEntropy(logits, targets:) scores",
                    "the rows (images choosing texts), crossEntropy(logits.transposed(), targets:) the columns.",
                    "The loss is their mean: (rows + columns) * 0.5.",
                 ]),
        Exercise(number: 3, file: "03-LateFusion.swift", title: "late fusion's averaged decision",
                 function: "lateFusion(imageLogits:textLogits:)", lessons: [3], hint: [
                    "softmax(x) runs along the last axis, the classes: softmax(imageLogits) is [B, C] with rows",
                    "that sum to 1. Add the two probability tables and multiply by 0.5.",
                 ]),
        Exercise(number: 4, file: "04-Patchify.swift", title: "patchify: 224/16 → 196 patches, row by row",
                 function: "patchify(_:patchSize:)", lessons: [4], hint: [
                    "Five nested loops, outermost first: patch row i, patch column j, pixel row y, pixel x,",
                    "channel c; append image[i * p + y, j * p + x, c] each time. The outer two number the",
                    "patches row by row; the inner three lay out one patch. The result is",
                    "Tensor(shape: [(H / p) * (W / p), p * p * C], scalars: values).",
                 ]),
        Exercise(number: 5, file: "05-SinusoidalPositions.swift", title: "the sinusoidal position table",
                 function: "sinusoidalPositions(count:dimension:)", lessons: [4], hint: [
                    "For each position t and each pair i in 0..<d/2, one angle: Double(t) / pow(10_000,",
                    "Double(2 * i) / Double(d)). Its sine goes to column 2i and its cosine to column 2i + 1",
                    "of row t, i.e. values[t * d + 2 * i] and values[t * d + 2 * i + 1].",
                 ]),
        Exercise(number: 6, file: "06-Attention.swift", title: "scaled dot-product attention with a mask",
                 function: "attention(query:key:value:mask:)", lessons: [4, 5], hint: [
                    "scores = matmul(query, key, transposeB: true) * (1 / √d) is [B, Tq, Tk]; add Variable(mask)",
                    "when there is one (it repeats over B by broadcasting); softmax(scores) normalises each row",
                    "over the keys; matmul(weights, value) mixes the values.",
                 ]),
        Exercise(number: 7, file: "07-CrossAttentionFusion.swift", title: "a cross-attention fusion forward",
                 function: "crossAttentionFusion(text:image:queryWeight:keyWeight:valueWeight:)", lessons: [3], hint: [
                    "Queries come from the words, keys and values from the patches: matmul(text, queryWeight),",
                    "matmul(image, keyWeight), matmul(image, valueWeight). Attend with your exercise 06",
                    "(mask: nil), then add the text back: text + attended.",
                 ]),
        Exercise(number: 8, file: "08-PrefixMask.swift", title: "the causal and prefix-LM masks",
                 function: "prefixLMMask(length:prefixLength:)", lessons: [5], hint: [
                    "Start from [Float](repeating: 0, count: T * T). Row i may read keys 0..<max(P, i + 1):",
                    "the whole prefix, and for an answer token everything up to itself. Write -Float.infinity",
                    "at values[i * T + j] for every later key j.",
                 ]),
        Exercise(number: 9, file: "09-GreedyDecoding.swift", title: "greedy decoding of an answer",
                 function: "greedyDecode(start:end:maxLength:nextLogits:)", lessons: [5], hint: [
                    "Keep tokens = [start] and answer = []. While answer.count < maxLength: scores =",
                    "nextLogits(tokens); best = the first index of the largest score (compare with >, not >=);",
                    "append best to both; break when best == end.",
                 ]),
        Exercise(number: 10, file: "10-ModalityGap.swift", title: "the modality gap",
                 function: "modalityGap(images:texts:)", lessons: [2], hint: [
                    "Divide each row by its own length √(Σ x²), average the rows of each modality into one",
                    "centre (a [Float] of e values), and return √(Σ (imageCentre[k] − textCentre[k])²).",
                 ]),
    ]

    /// The lessons that can run with the learner's functions, and the exercises each uses
    /// (`swift run -c release exercises lesson 2`: lesson 02 trains with exercise 02's loss, which may
    /// call 01's cosine matrix, and measures the gap with exercise 10's).
    public static let lessonRuns: [Int: [Int]] = [2: [2, 10]]

    /// Exercise `number` (1…10).
    public static func exercise(_ number: Int) -> Exercise {
        precondition(all.indices.contains(number - 1), "exercises: there is no exercise \(number); they are 1…\(all.count)")
        return all[number - 1]
    }

    /// "02" for exercise 2.
    public static func label(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }
}
