// Programming errors trap with a message naming both shapes. Swift Testing's exit tests run each
// closure in a child process and check that it ended in failure.

import Testing
import TeachingEngine

@Suite("Shape mismatches trap")
struct ShapeTrapTests {
    @Test("matmul of [64, 192] and [64, 64] traps: inner sizes 192 and 64 differ")
    func matmulInnerSizes() async {
        await #expect(processExitsWith: .failure) {
            _ = matmul(Variable(Tensor(zeros: [64, 192])), Variable(Tensor(zeros: [64, 64])))
        }
    }

    @Test("adding [2, 3] and [4] traps: the shapes do not broadcast")
    func broadcastMismatch() async {
        await #expect(processExitsWith: .failure) {
            _ = Variable(Tensor(zeros: [2, 3])) + Variable(Tensor(zeros: [4]))
        }
    }

    @Test("stacking items of 2 and 3 values traps: a batch needs items of one size")
    func stackingUnequalItems() async {
        await #expect(processExitsWith: .failure) {
            _ = Tensor(stacking: [[1, 2], [3, 4, 5]], shape: [5])
        }
    }

    @Test("reshaping 6 values to [4] traps")
    func reshapeCount() async {
        await #expect(processExitsWith: .failure) {
            _ = Variable(Tensor(zeros: [2, 3])).reshaped(to: [4])
        }
    }
}
