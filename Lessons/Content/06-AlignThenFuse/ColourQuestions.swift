// Lesson 06's fusion data: ToyWorld scenes of two or three objects (one per 8×8 patch), each asked
// "what colour is the X?" about one of them — a question about one place in the picture — and, for the
// first stage of the two-stage recipe, other scenes described in words, all encoded with one vocabulary.

import Figures
import Foundation
import Multimodal
import TeachingEngine

/// Questions (training and test) and stage-1 descriptions in one language.
///
///     let data = ColourQuestions(questions: 1000, descriptions: 1000, test: 300, describe: "colours",
///                                language: .english, seed: 0)
///     data.words(data.questions[0].question)   // "what colour is the bird ?"
///     data.words(data.descriptions[0].answer)  // "the cat is red and the square is blue"
public struct ColourQuestions {
    /// Every example under one tokenizer: training questions and descriptions, and the test questions.
    public let data: VQAData
    /// The training questions; a set of n questions is the first n.
    public let questions: [VQAExample]
    /// "what is in this picture?" answered with a description of the picture.
    public let descriptions: [VQAExample]
    public var test: [VQAExample] { data.test }
    /// For each test question, the patch (row · 4 + column) of the object it asks about.
    public let askedPatch: [Int]

    /// Scenes of 2–3 objects of distinct kinds and colours, either size, sometimes with the sun.
    public static var sceneOptions: DatasetOptions {
        var options = DatasetOptions()
        options.scenes.objectCount = 2...3
        options.questionKinds = [.whatColor]
        return options
    }

    /// `describe`: "colours" says each thing's colour ("the bird is gray"), "captions" uses ToyWorld's
    /// caption templates ("a gray bird and a pink fish").
    public init(questions: Int, descriptions: Int, test: Int, describe: String, language: Language, seed: UInt64) {
        let (train, held) = ToyDataset.split(train: questions, test: test, options: ColourQuestions.sceneOptions,
                                             seed: seed &+ 606)
        let described = ToyDataset(count: descriptions, options: ColourQuestions.sceneOptions, seed: seed &+ 607).samples
            .map { describe == "captions" ? $0.askingForItsCaption : $0.askingForItsColours }
        data = VQAData(train: train.samples + described, test: held.samples, language: language)
        self.questions = data.train.filter { $0.kind == .whatColor }
        self.descriptions = data.train.filter { $0.kind == .whatIsInPicture }
        // Colours are distinct within a scene, so the answer names the asked object.
        askedPatch = held.samples.compactMap { sample in
            sample.question.flatMap { q in sample.scene.objects.first { $0.color.english == q.answerEnglish } }
                .map { $0.cell.row * ToyScene.gridSize + $0.cell.column }
        }
    }

    /// The words of some ids (padding skipped).
    public func words(_ ids: [Int]) -> String { data.tokenizer.decode(ids) }

    /// The picture of an example.
    public func picture(_ example: VQAExample) -> RGBImage {
        RGBImage(width: data.imageSize, height: data.imageSize,
                 pixels: example.pixels.map { UInt8(max(0, min(255, (($0 / 2) + 0.5) * 255 + 0.5))) })
    }
}
