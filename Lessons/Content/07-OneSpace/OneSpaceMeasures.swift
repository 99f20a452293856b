// The numbers lesson 07 reports for a trained space: recordings → digit names (English, Chinese), never
// trained; recordings → nearest test picture; and, for comparison, pictures → names, which was trained.

import Multimodal
import TeachingEngine

/// A model's scores on one set of test recordings.
struct OneSpaceScores {
    /// Share of recordings whose nearest name (of ten) is their digit, per language.
    let nameEnglish: Double
    let nameChinese: Double
    /// Share of recordings whose nearest test picture shows their digit.
    let image: Double
    /// Share of test pictures whose nearest English name is their digit (a trained pairing).
    let imageToName: Double
    /// Each recording's nearest English name (a digit), for the confusion table.
    let guesses: [Int]

    init(model: BindingModel, speech: DigitRows, data: OneSpaceData) {
        let heard = model.embedSpeech(speech.values)                         // [n][e]
        let pictures = data.images(data.imageTest)
        let seen = model.embedImages(pictures.values)                        // [360][e]
        let english = OneSpaceScores.names(model, .english, data: data)      // [10][e]
        let chinese = OneSpaceScores.names(model, .chinese, data: data)
        guesses = BindingMeasures.zeroShot(heard, classes: english)
        nameEnglish = Metrics.accuracy(predicted: guesses, actual: speech.digits)
        nameChinese = Metrics.accuracy(predicted: BindingMeasures.zeroShot(heard, classes: chinese), actual: speech.digits)
        image = Metrics.accuracy(predicted: BindingMeasures.nearestLabels(heard, candidates: seen, labels: pictures.digits),
                                 actual: speech.digits)
        imageToName = Metrics.accuracy(predicted: BindingMeasures.zeroShot(seen, classes: english), actual: pictures.digits)
    }

    /// The ten bare names ("seven", 七) in the shared space: the prompts of zero-shot classification.
    static func names(_ model: BindingModel, _ language: Multimodal.Language, data: OneSpaceData) -> [[Float]] {
        model.embedWords(data.ids((0..<10).map { DigitNames.name($0, language: language) }))
    }
}
