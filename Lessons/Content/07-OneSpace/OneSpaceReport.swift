// Presentation helpers of lesson 07: choosing what a figure shows and laying numbers out as rows.

import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

enum OneSpaceReport {
    /// Speaker → (shortest, median, longest) length in seconds.
    static func lengths(_ recordings: [SpokenDigit]) -> [(speaker: String, short: Double, median: Double, long: Double)] {
        OneSpaceData.speakers.map { speaker in
            let seconds = recordings.filter { $0.speaker == speaker }.map { Double($0.samples.count) / 8_000 }.sorted()
            return (speaker, seconds.first ?? 0, seconds[seconds.count / 2], seconds.last ?? 0)
        }
    }

    /// Step 1's table rows: speaker, shortest, median, longest (seconds).
    static func lengthRows(_ recordings: [SpokenDigit]) -> [[String]] {
        lengths(recordings).map { row in [row.speaker] + [row.short, row.median, row.long].map { String(format: "%.2f", $0) } }
    }

    /// Step 4's table rows: each query → answer, whether it was trained, untrained and trained scores.
    static func scoreRows(before: OneSpaceScores, after: OneSpaceScores, run: Run) -> [[String]] {
        let (never, yes) = (run.text(OneSpace.Say.never), run.text(OneSpace.Say.yes))
        return [(OneSpace.Say.toNameEnglish, never, \OneSpaceScores.nameEnglish),
                (OneSpace.Say.toNameChinese, never, \OneSpaceScores.nameChinese),
                (OneSpace.Say.toPicture, yes, \OneSpaceScores.image),
                (OneSpace.Say.pictureToName, yes, \OneSpaceScores.imageToName)].map { label, trained, score in
            [run.text(label), trained, format(before[keyPath: score]), format(after[keyPath: score])]
        }
    }

    /// Step 5's table rows: speaker, speech → name (en, zh), speech → picture.
    static func speakerRows(_ rows: [(speaker: String, scores: OneSpaceScores)]) -> [[String]] {
        rows.map { [$0.speaker] + [$0.scores.nameEnglish, $0.scores.nameChinese, $0.scores.image].map(format) }
    }

    /// The first `perDigit` pictures of each digit, in digit order.
    static func examples(_ digits: [HandwrittenDigit], perDigit: Int) -> [HandwrittenDigit] {
        (0..<10).flatMap { d in digits.filter { $0.digit == d }.prefix(perDigit) }
    }

    /// The three most frequent (heard → named) mistakes, e.g. "nine → five ×3".
    static func confusions(guesses: [Int], actual: [Int], run: Run) -> String {
        var counts: [String: Int] = [:]
        for (g, a) in zip(guesses, actual) where g != a { counts["\(DigitNames.english[a]) → \(DigitNames.english[g])", default: 0] += 1 }
        let top = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3)
        return top.isEmpty ? run.text(OneSpace.Say.noMistakes) : top.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
    }

    /// Step 4's retrieval figure: a test recording of each of five digits, each by another speaker, and
    /// the pictures nearest it.
    static func retrieval(model: BindingModel, data: OneSpaceData, test: [Int], run: Run) throws -> [UInt8] {
        let chosen = zip([0, 3, 5, 7, 9], OneSpaceData.speakers).compactMap { d, speaker in
            test.first { data.recordings[$0].digit == d && data.recordings[$0].speaker == speaker }
        }
        let pictures = data.images(data.imageTest)
        let heard = model.embedSpeech(data.speech(chosen).values)
        let nearest = BindingMeasures.nearest(6, of: heard, in: model.embedImages(pictures.values))
        let queries = zip(chosen, nearest).map { index, found in
            (grid: Array(data.grids.scalars[(index * data.features.size)..<((index + 1) * data.features.size)]),
             name: data.recordings[index].name, found: found.map { data.handwriting[data.imageTest[$0]] })
        }
        return try OneSpaceFigures.retrieval(queries, features: data.features, run: run)
    }

    /// Step 4's map: ten test recordings and ten test pictures of each digit, and the 20 names, in 2-D.
    static func space(model: BindingModel, data: OneSpaceData, test: [Int], seed: UInt64, run: Run) throws -> [UInt8] {
        let recordings = (0..<10).flatMap { d in test.filter { data.recordings[$0].digit == d }.prefix(10) }
        let pictures = (0..<10).flatMap { d in data.imageTest.filter { data.handwriting[$0].digit == d }.prefix(10) }
        let names = Multimodal.Language.allCases.flatMap { language in (0..<10).map { DigitNames.name($0, language: language) } }
        let points = model.embedSpeech(data.speech(recordings).values) + model.embedImages(data.images(pictures).values)
            + model.embedWords(data.ids(names))                                                   // 220 × [e]
        let digits = recordings.map { data.recordings[$0].digit } + pictures.map { data.handwriting[$0].digit }
            + (0..<20).map { $0 % 10 }
        let modality = [Int](repeating: 0, count: recordings.count) + [Int](repeating: 1, count: pictures.count)
            + [Int](repeating: 2, count: names.count)
        var options = TSNEOptions()
        options.seed = seed
        options.perplexity = 20
        return try OneSpaceFigures.space(pca: PCA(points: points, components: 2).project(points),
                                         tsne: TSNE.embed(points, options: options), digits: digits, modality: modality, run: run)
    }

    static func format(_ x: Double) -> String { String(format: "%.3f", x) }
}
