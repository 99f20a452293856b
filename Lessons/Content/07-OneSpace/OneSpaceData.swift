// Lesson 07's material, read from the files shipped beside it (Data/): the 3,000 FSDD recordings as log
// mel grids, the 1,797 UCI handwritten digits, the digit names in two languages, and the splits.

import AlignFuseSupport
import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

/// The recordings, the handwriting and the names, with the splits the lesson measures on.
public struct OneSpaceData {
    /// The folder of the shipped data (a resource of the Lessons target).
    static var folder: String { Bundle.module.url(forResource: "Data", withExtension: nil)!.path }
    public static var packPath: String { folder + "/fsdd-recordings.wav" }
    public static var indexPath: String { folder + "/fsdd-index.csv" }
    public static var digitsPath: String { folder + "/uci-digits.csv" }
    static let speakers = ["george", "jackson", "lucas", "nicolas", "theo", "yweweler"]

    let recordings: [SpokenDigit]
    let handwriting: [HandwrittenDigit]
    let features = SpeechFeatures()
    /// Every recording's log mel grid: [3000, 32 · 32].
    let grids: Tensor
    let tokenizer = DigitNames.tokenizer
    /// Every fifth handwritten digit is kept for testing (360), the rest train (1,437).
    let imageTrain: [Int], imageTest: [Int]

    init() throws {
        recordings = try SpokenDigits.read(pack: OneSpaceData.packPath, index: OneSpaceData.indexPath)
        handwriting = try HandwrittenDigits.read(contentsOf: OneSpaceData.digitsPath)
        grids = features.grids(of: recordings.map(\.samples))
        imageTrain = handwriting.indices.filter { $0 % 5 != 0 }
        imageTest = handwriting.indices.filter { $0 % 5 == 0 }
    }

    /// FSDD's split (takes 0–4 test) when `speaker` is nil; otherwise every recording of `speaker` is the
    /// test set and the other five speakers' recordings train.
    func speechSplit(leavingOut speaker: String? = nil) -> (train: [Int], test: [Int]) {
        let isTest: (SpokenDigit) -> Bool = speaker.map { name in { $0.speaker == name } } ?? { $0.isFSDDTest }
        return (recordings.indices.filter { !isTest(recordings[$0]) }, recordings.indices.filter { isTest(recordings[$0]) })
    }

    func speech(_ indices: [Int]) -> DigitRows {
        DigitRows(values: DigitRows(values: grids, digits: recordings.map(\.digit)).rows(indices),
                  digits: indices.map { recordings[$0].digit })
    }

    func images(_ indices: [Int]) -> DigitRows {
        DigitRows(values: Tensor(shape: [indices.count, 64], scalars: indices.flatMap { handwriting[$0].centred }),
                  digits: indices.map { handwriting[$0].digit })
    }

    /// Ids [n][3] of `texts`, padded.
    func ids(_ texts: [String]) -> [[Int]] { texts.map { tokenizer.encode($0, length: DigitNames.length).ids } }

    /// What a model trains on when `speaker` (or FSDD's test takes) is held out: training pictures,
    /// training recordings, and all 60 texts (10 digits × 3 templates × 2 languages).
    func trainingSet(leavingOut speaker: String? = nil) -> BindingSet {
        let texts = DigitNames.allTexts
        return BindingSet(images: images(imageTrain), speech: speech(speechSplit(leavingOut: speaker).train),
                          texts: ids(texts.map(\.text)), textDigits: texts.map(\.digit))
    }

    /// A fingerprint of the training material (grids, counts, vocabulary), part of every checkpoint key.
    var fingerprint: String {
        var hash = FNV1a()
        hash.mix(words: tokenizer.vocabulary)
        hash.mix(floats: grids.scalars)
        hash.mix(floats: handwriting.flatMap(\.centred))
        return hash.hex
    }

    /// The recording called `name` ("7_theo_12"), if there is one.
    func recording(named name: String) -> SpokenDigit? { recordings.first { $0.name == name } }
}
