// What a learner reads before each step is the computation: no narration strings, short cells,
// short lines. The words live in each lesson's Markdown narration.

import Lessons
import Testing
import Walkthrough

@Suite("Every step shows a short cell of code, and its words come from the narration")
struct StepCellTests {
    /// The lessons whose cells follow the shape (all of them, once each is rewritten).
    static var shaped: [any Lesson.Type] {
        [Heterogeneity.self, Alignment.self, Fusion.self, Tokens.self, VQALesson.self, AlignThenFuse.self,
         OneSpace.self]
    }

    @Test("no step's code contains a narration string L(…), a cell is at most 25 lines, a line at most 100 columns")
    func cellsAreShort() {
        for lesson in StepCellTests.shaped {
            func check<Content: Lesson>(_ content: Content.Type) {
                for (index, step) in Content.steps.enumerated() {
                    let code = step.code, place = "\(Content.folderName) step \(index + 1)"
                    #expect(!code.contains { $0.contains("L(") }, "\(place) holds a narration string")
                    #expect(code.count <= 25, "\(place) shows \(code.count) lines")
                    for line in code where displayWidth(line) > 100 {
                        Issue.record("\(place): a line of \(displayWidth(line)) columns: \(line)")
                    }
                }
            }
            check(lesson)
        }
    }

    @Test("every lesson has one narration section per step, titled in both languages")
    func narrationMatchesSteps() {
        for lesson in allLessons {
            func check<Content: Lesson>(_ content: Content.Type) {
                #expect(Content.narration.steps.count == Content.steps.count, "\(Content.folderName)")
                for section in Content.narration.steps {
                    #expect(!section.title.en.isEmpty && !section.title.zh.isEmpty && !section.text.zh.isEmpty)
                }
            }
            check(lesson)
        }
    }

    @Test("a training step shows its loop: batch, loss, backward and an optimizer step, in lessons 02 and 03")
    func trainingLoopShown() {
        // Lesson 02's loss is `lesson.infoNCE(model, …)`: the kit's, or the learner's in a run with their functions.
        let lessons = [(Alignment.steps.filter(\.trains).map(\.code), "infoNCE(model"),
                       (Fusion.steps.filter(\.trains).map(\.code), "model.loss(")]
        for (training, loss) in lessons {
            #expect(training.count == 1)
            let code = training.first?.joined(separator: "\n") ?? ""
            for piece in ["for step in", "batches.next()", loss, "loss.backward()", "optimizer.step()", "run.train("] {
                #expect(code.contains(piece), "the training cell lacks \(piece)")
            }
        }
    }

    @Test("lesson 05's training step shows one loop for the model that sees and its blind twin; lesson 04's its one model")
    func trainingLoopsOfTokensAndVQA() {
        func loops<Content: Lesson>(_ content: Content.Type) -> [String] {
            Content.steps.filter(\.trains).map { $0.code.joined(separator: "\n") }
        }
        for (name, cells) in [("04", loops(Tokens.self)), ("05", loops(VQALesson.self))] {
            #expect(cells.count == 1, "lesson \(name) has \(cells.count) training steps")
            for piece in ["for step in", "batches.next()", "model.loss(", "loss.backward()", "optimizer.step()",
                          "run.train("] {
                #expect(cells.first?.contains(piece) == true, "lesson \(name)'s training cell lacks \(piece)")
            }
        }
        #expect(loops(VQALesson.self).first?.contains("for twin in [lesson.seeing, lesson.blind]") == true)
    }
}
