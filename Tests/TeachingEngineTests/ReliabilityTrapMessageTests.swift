// Misusing the engine is a programming error — it traps — and the trap's message,
// printed on standard error in every build mode, names the shapes or the values involved. Each exit
// test runs its closure in a child process and reads what the child printed before it died.

import Foundation
import Testing
import TeachingEngine

@Suite("Engine misuse traps with a message naming the shapes")
struct ReliabilityTrapMessageTests {
    /// What the child process printed on standard error before it trapped, as text.
    static func trapMessage(_ result: ExitTest.Result?) -> String {
        guard let result else { return "" }
        return String(decoding: result.standardErrorContent, as: UTF8.self)
    }

    @Test("matmul [64, 192] × [64, 64] traps saying: inner sizes 192 and 64 differ")
    func matmulMessage() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = matmul(Variable(Tensor(zeros: [64, 192])), Variable(Tensor(zeros: [64, 64])))
        }
        #expect(Self.trapMessage(result).contains("matmul: [64, 192] × [64, 64]: inner sizes 192 and 64 differ"))
    }

    @Test("adding [2, 3] and [4] traps naming both shapes and the axis where 3 meets 4")
    func broadcastMessage() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Variable(Tensor(zeros: [2, 3])) + Variable(Tensor(zeros: [4]))
        }
        let message = Self.trapMessage(result)
        #expect(message.contains("[2, 3] and [4] do not broadcast"), "\(message)")
    }

    @Test("reshaping [2, 3] to [4] traps: 6 values cannot become 4")
    func reshapeMessage() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Variable(Tensor(zeros: [2, 3])).reshaped(to: [4])
        }
        #expect(Self.trapMessage(result).contains("6 values cannot become 4"))
    }

    @Test("cross-entropy with 3 targets for logits [2, 5] traps: one target per row")
    func crossEntropyRows() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = crossEntropy(Variable(Tensor(zeros: [2, 5])), targets: [0, 1, 2])
        }
        #expect(Self.trapMessage(result).contains("crossEntropy: logits [2, 5] need one target per row, got 3"))
    }

    @Test("a target 7 for 5 classes traps instead of reading past the row")
    func crossEntropyClass() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = crossEntropy(Variable(Tensor(zeros: [1, 5])), targets: [7])
        }
        #expect(Self.trapMessage(result).contains("target 7 is not a class of logits [1, 5]"))
    }

    @Test("width 30 does not split into 4 attention heads, and the trap says so")
    func headSplit() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            var rng = SeededGenerator(seed: 0)
            _ = MultiHeadAttention(width: 30, headCount: 4, name: "attention", using: &rng)
        }
        #expect(Self.trapMessage(result).contains("width 30 does not split into 4 heads"))
    }

    @Test("token rows of lengths 2 and 3 given to an embedding trap: pad them")
    func raggedIds() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            var rng = SeededGenerator(seed: 0)
            let table = Embedding(vocabularySize: 4, width: 2, name: "words", using: &rng)
            _ = table([[1, 2], [1, 2, 3]])
        }
        #expect(Self.trapMessage(result).contains("lengths [2, 3]"))
    }
}
