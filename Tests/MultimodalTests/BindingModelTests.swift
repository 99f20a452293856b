// Binding through a third modality, on made-up data small enough to follow: ten "digits", pictures that
// are one-hot patterns, recordings that are another fixed pattern per digit, and the digit names. Only
// picture↔recording and picture↔text pairs are trained; recording→name is measured, never trained.
import Foundation
import Multimodal
import TeachingEngine
import Testing

@Suite("Binding: two modalities aligned through a third")
struct BindingModelTests {
    /// Ten digits: picture d lights count d·6 (of 64); recording d is a fixed random pattern of 16 values; plus noise.
    static func made(_ count: Int, seed: UInt64) -> (images: DigitRows, speech: DigitRows) {
        var rng = SeededGenerator(seed: seed)
        let digits = (0..<count).map { $0 % 10 }
        let images = digits.flatMap { d in (0..<64).map { $0 == d * 6 ? Float(1) : 0.1 * rng.nextNormal() } }
        var patterns = SeededGenerator(seed: 99)                      // one fixed pattern of 16 per digit
        let pattern = (0..<10).map { _ in (0..<16).map { _ in patterns.nextNormal() } }
        let speech = digits.flatMap { d in pattern[d].map { $0 + 0.3 * rng.nextNormal() } }
        return (DigitRows(values: Tensor(shape: [count, 64], scalars: images), digits: digits),
                DigitRows(values: Tensor(shape: [count, 16], scalars: speech), digits: digits))
    }

    /// Recording → nearest of the ten English names, as a share of correct answers.
    static func speechToName(_ model: BindingModel, _ speech: DigitRows) -> Double {
        let tokenizer = DigitNames.tokenizer
        let names = model.embedWords((0..<10).map { tokenizer.encode(DigitNames.english[$0], length: DigitNames.length).ids })
        let similarities = cosineSimilarities(model.embedSpeech(speech.values), names)
        let guesses = similarities.map { row in row.indices.max { row[$0] < row[$1] }! }
        return Metrics.accuracy(predicted: guesses, actual: speech.digits)
    }

    @Test("after 150 steps on picture↔recording and picture↔text pairs, recordings find their names (never paired) at 1.0")
    func emergentAlignment() {
        let train = Self.made(200, seed: 1), test = Self.made(50, seed: 2)
        let tokenizer = DigitNames.tokenizer
        let texts = DigitNames.allTexts
        let set = BindingSet(images: train.images, speech: train.speech,
                             texts: texts.map { tokenizer.encode($0.text, length: DigitNames.length).ids },
                             textDigits: texts.map(\.digit))
        var configuration = BindingConfiguration()
        configuration.speechInput = 16
        configuration.speechHidden = 32
        configuration.imageHidden = 32
        configuration.embeddingWidth = 16
        configuration.vocabularySize = tokenizer.count
        var rng = SeededGenerator(seed: 3)
        let model = BindingModel(configuration, using: &rng)
        let before = Self.speechToName(model, test.speech)
        var options = BindingTrainingOptions()
        options.steps = 150
        options.batchSize = 20
        options.peakLearningRate = 3e-3
        let trainer = BindingTrainer(model: model, data: set, options: options, seed: 4)
        let first = trainer.step()
        var last = first
        for _ in 1..<options.steps { last = trainer.step() }
        #expect(last.loss < first.loss - 1)
        #expect(before < 0.5)                                    // untrained: no better than a few lucky guesses
        #expect(Self.speechToName(model, test.speech) == 1.0)    // trained: every recording names its digit
    }

    @Test("a batch of the trainer holds, for each drawn digit, a picture and a recording of that same digit")
    func pairsByDigit() {
        let data = Self.made(40, seed: 5)
        let texts = DigitNames.allTexts
        let set = BindingSet(images: data.images, speech: data.speech, texts: texts.map { _ in [6, 0, 0] },
                             textDigits: texts.map(\.digit))
        var configuration = BindingConfiguration()
        configuration.speechInput = 16
        var rng = SeededGenerator(seed: 0)
        var options = BindingTrainingOptions()
        options.batchSize = 16
        let trainer = BindingTrainer(model: BindingModel(configuration, using: &rng), data: set, options: options, seed: 9)
        let batch = trainer.nextBatch()
        #expect(batch.images.map { data.images.digits[$0] } == batch.speech.map { data.speech.digits[$0] })
        #expect(batch.imagesForWords.map { data.images.digits[$0] } == batch.texts.map { texts[$0].digit })
    }
}

@Suite("Measuring a shared space")
struct BindingMeasureTests {
    @Test("zero-shot picks the nearest class: [1, 0] is class 1 of ([0, 1], [1, 0]); [0.6, 0.8] is class 0")
    func zeroShot() {
        #expect(BindingMeasures.zeroShot([[1, 0], [0.6, 0.8]], classes: [[0, 1], [1, 0]]) == [1, 0])
        #expect(BindingMeasures.nearestLabels([[1, 0]], candidates: [[0, 1], [0.9, 0.1]], labels: [3, 7]) == [7])
        #expect(BindingMeasures.nearest(2, of: [[1, 0]], in: [[0, 1], [0.9, 0.1], [1, 0]]) == [[2, 1]])
    }

    @Test("the mean direction of [1, 0] and [0, 1] is [0.7071, 0.7071]")
    func meanDirection() {
        let m = BindingMeasures.meanDirection([[1, 0], [0, 1]])
        #expect(abs(m[0] - 0.70711) < 1e-4 && abs(m[1] - 0.70711) < 1e-4)
    }

    @Test("duplicate floor: 2 pairs of 2 equally likely classes share a class half the time, ½·ln 2 ≈ 0.347; 64 pairs of 10 digits ≈ 1.93")
    func duplicateFloor() {
        #expect(abs(BindingTrainer.duplicateFloor(batchSize: 2, classes: 2) - 0.5 * log(2.0)) < 1e-12)
        #expect(BindingTrainer.duplicateFloor(batchSize: 1, classes: 10) == 0)
        let floor = BindingTrainer.duplicateFloor(batchSize: 64)
        #expect(floor > 1.9 && floor < log(7.3))          // below ln of the mean count (Jensen), about ln 6.9
    }
}
