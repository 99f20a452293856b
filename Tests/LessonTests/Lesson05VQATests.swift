// Worked examples for lesson 05, the VQA flow: the model's attention mask, teacher forcing, greedy decoding,
// and what a short training on "what animal" questions learns compared with a blind model.

import Foundation
import Lessons
import Multimodal
import TeachingEngine
import Testing
import Walkthrough

@Suite("Lesson 05: the single-stream VQA model")
struct Lesson05VQATests {
    /// A tiny model: vocabulary 10, question 3 ids, answer positions 3 → T = 16 + 3 + 3 = 22.
    func tinyModel(seesImage: Bool = true, seed: UInt64 = 1) -> SingleStreamVQA {
        var rng = SeededGenerator(seed: seed)
        var config = SingleStreamConfiguration(vocabularySize: 10, questionLength: 3, answerLength: 3, seesImage: seesImage)
        config.depth = 1
        return SingleStreamVQA(config, using: &rng)
    }

    func tinyImages(_ count: Int, seed: UInt64 = 2) -> Tensor {
        var rng = SeededGenerator(seed: seed)
        return Tensor(randomUniform: [count, 32, 32, 3], in: -1...1, using: &rng)
    }

    @Test("patchGridStart 1 adds the 2D sinusoidal code of the 4×4 grid to the 16 patch rows of the position table and leaves the text rows as drawn")
    func gridShapedStart() {
        func positions(_ start: Float) -> Tensor {
            var rng = SeededGenerator(seed: 3)
            var config = SingleStreamConfiguration(vocabularySize: 10, questionLength: 3, answerLength: 3)
            config.depth = 1
            config.patchGridStart = start
            return SingleStreamVQA(config, using: &rng).positions.table.value   // [22, 64]
        }
        let plain = positions(0), grid = positions(1)
        let code = PositionalEncoding.sinusoidal2D(rows: 4, columns: 4, dimension: 64)   // [16, 64]
        let patchRows = 16 * 64
        #expect(zip(grid.scalars.prefix(patchRows), plain.scalars.prefix(patchRows)).map { $0 - $1 }
                    .enumerated().allSatisfy { abs($1 - code.scalars[$0]) < 1e-6 })
        #expect(Array(grid.scalars.dropFirst(patchRows)) == Array(plain.scalars.dropFirst(patchRows)))
        #expect(code.scalars[0] == 0 && code.scalars[1] == 1)   // patch (0, 0): sin 0 = 0, cos 0 = 1
    }

    @Test("the data fingerprint names the data: the same split gives the same 16 hex digits, one training question fewer gives others")
    func dataFingerprint() {
        let (train, test) = ToyDataset.split(train: 40, test: 10, options: VQAData.datasetOptions(), seed: 9)
        let data = VQAData(train: train.samples, test: test.samples, language: .english)
        let again = VQAData(train: train.samples, test: test.samples, language: .english)
        let fewer = VQAData(train: Array(train.samples.dropLast()), test: test.samples, language: .english)
        #expect(data.fingerprint.count == 16)
        #expect(data.fingerprint == again.fingerprint)
        #expect(data.fingerprint != fewer.fingerprint)
    }

    @Test("the model's mask: 1 patch + 2 question words + 2 answer positions, question word 2 padded: nobody sees the padding, the prefix sees the prefix, an answer word sees the prefix and itself")
    func modelMask() {
        var config = SingleStreamConfiguration(vocabularySize: 10, questionLength: 2, answerLength: 2)
        config.imageSize = 16
        config.patchSize = 16                                  // one patch: prefix 1 + 2 = 3, T = 5
        let mask = config.attentionMask(keyIsPadding: [[false, false, true, false, false]])
        // visible (1) per query row (keys: patch, word, pad, answer 1, answer 2):
        //   patch 1 1 0 0 0   word 1 1 0 0 0   pad 1 1 0 0 0   answer 1: 1 1 0 1 0   answer 2: 1 1 0 1 1
        let visible = (0..<5).map { i in (0..<5).map { j in mask.isVisible(item: 0, query: i, key: j) ? 1 : 0 } }
        #expect(visible == [[1, 1, 0, 0, 0], [1, 1, 0, 0, 0], [1, 1, 0, 0, 0], [1, 1, 0, 1, 0], [1, 1, 0, 1, 1]])
    }

    @Test("teacher forcing: the model reads <sep> cat and must predict cat <eos>")
    func teacherForcing() {
        #expect(VQASequence.answerInputs([[7, 9]], length: 4) == [[Tokenizer.separator, 7, 9, Tokenizer.pad]])
        #expect(VQASequence.targets([[7, 9]], length: 4) == [[7, 9, Tokenizer.end, VQASequence.ignored]])
    }

    @Test("the training loss runs the last block at the 3 answer positions only, and gives the loss and gradients of the full pass")
    func lossSkipsThePrefixOfTheLastBlock() {
        var rng = SeededGenerator(seed: 1)
        var config = SingleStreamConfiguration(vocabularySize: 10, questionLength: 3, answerLength: 3)
        config.depth = 2                                            // block 1 at every token, block 2 at 3 of 22
        let model = SingleStreamVQA(config, using: &rng)
        let (images, questions, answers) = (tinyImages(2), [[6, 7, 0], [5, 0, 0]], [[8, 9], [4]])
        func lossAndGradients(_ loss: () -> Variable) -> (Float, [Tensor]) {
            model.parameters.forEach { $0.zeroGrad() }
            let value = loss()
            value.backward()
            return (value.item, model.parameters.map { $0.grad! })
        }
        let trimmed = lossAndGradients { model.loss(images: images, questions: questions, answers: answers) }
        let full = lossAndGradients {                             // every block at all 22 tokens
            let logits = model(images: images, questions: questions,
                               answerInputs: VQASequence.answerInputs(answers, length: 3)).logits
            return crossEntropy(logits.reshaped(to: [6, 10]), targets: VQASequence.targets(answers, length: 3).flatMap { $0 },
                                ignoreIndex: VQASequence.ignored)
        }
        #expect(abs(trimmed.0 - full.0) < 1e-6)
        for (a, b) in zip(trimmed.1, full.1) {
            #expect(zip(a.scalars, b.scalars).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($1)) })
        }
    }

    @Test("a later answer word cannot change the logits of an earlier position (causal answer)")
    func causalAnswer() {
        let model = tinyModel()
        let images = tinyImages(1)
        let a = model(images: images, questions: [[6, 7, 0]], answerInputs: [[Tokenizer.separator, 8, 9]]).logits.value
        let b = model(images: images, questions: [[6, 7, 0]], answerInputs: [[Tokenizer.separator, 8, 5]]).logits.value
        let vocabulary = 10
        // Positions 0 and 1 (<sep>, 8) are the same; position 2 reads a different word.
        #expect(Array(a.scalars[0..<(2 * vocabulary)]) == Array(b.scalars[0..<(2 * vocabulary)]))
        #expect(Array(a.scalars[(2 * vocabulary)...]) != Array(b.scalars[(2 * vocabulary)...]))
    }

    @Test("greedy decoding stops at <eos>: a head that always prefers <eos> answers nothing and stops at once")
    func stopsAtEnd() {
        let model = tinyModel()
        var bias = [Float](repeating: 0, count: 10)
        bias[Tokenizer.end] = 100
        model.head.weight.assign(Tensor(zeros: [64, 10]))
        model.head.bias!.assign(Tensor(shape: [10], scalars: bias))
        let answer = GreedyDecoder.answer(model, images: tinyImages(1), questions: [[6, 7, 0]])[0]
        #expect(answer.tokens == [Tokenizer.end])
        #expect(answer.stoppedAtEnd)
        #expect(answer.words.isEmpty)
    }

    @Test("without <eos> the decoder stops when the answer positions run out (3 here)")
    func stopsAtLength() {
        let model = tinyModel()
        var bias = [Float](repeating: 0, count: 10)
        bias[7] = 100
        model.head.weight.assign(Tensor(zeros: [64, 10]))
        model.head.bias!.assign(Tensor(shape: [10], scalars: bias))
        let answer = GreedyDecoder.answer(model, images: tinyImages(1), questions: [[6, 7, 0]])[0]
        #expect(answer.tokens == [7, 7, 7])
        #expect(!answer.stoppedAtEnd)
    }

    @Test("each generated token's attention over the 16 patches is a share of 1: between 0 and 1 in total")
    func attentionShares() {
        let answers = GreedyDecoder.answer(tinyModel(), images: tinyImages(2), questions: [[6, 7, 0], [8, 0, 0]])
        for answer in answers {
            #expect(answer.patchAttention.count == answer.tokens.count)
            for row in answer.patchAttention {
                #expect(row.count == 16)
                #expect(row.allSatisfy { $0 >= 0 })
                #expect(row.reduce(0, +) > 0 && row.reduce(0, +) <= 1 + 1e-5)
            }
        }
    }

    @Test("the blind model has no image tokens: T = question + answer, and it ignores the image")
    func blindModel() {
        let model = tinyModel(seesImage: false)
        #expect(model.configuration.sequenceLength == 6)
        let a = model(images: tinyImages(1, seed: 4), questions: [[6, 7, 0]], answerInputs: [[Tokenizer.separator, 8, 0]])
        let b = model(images: nil, questions: [[6, 7, 0]], answerInputs: [[Tokenizer.separator, 8, 0]])
        #expect(a.logits.value.scalars == b.logits.value.scalars)
    }

    @Test("the learned patch positions are a [16, 64] table lesson 04 can read")
    func patchPositions() {
        #expect(tinyModel().patchPositions.shape == [16, 64])
    }
}
