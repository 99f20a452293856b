// The Figures side of Ctrl-C: an interrupt handler calls
// `PNGFile.stopWritingAndRemoveUnfinishedFiles()` just before exiting. After it, a PNG write that
// another thread starts in that moment must fail at once and create nothing — not even a temporary
// file. The call cannot be undone, so the check runs in a child process (an exit test).

import Figures
import Foundation
import Testing

@Suite("PNG writes after an interrupt create nothing")
struct ReliabilityStopWritingTests {
    @Test("once stopped, writeAtomically throws cannotWrite and the folder stays empty")
    func stoppedWritesCreateNothing() async throws {
        let folder = try TestFiles.scratchFolder("stop-writing")
        await #expect(processExitsWith: .success) { [folder = folder as String] in
            PNGFile.stopWritingAndRemoveUnfinishedFiles()
            do {
                try PNGFile.writeAtomically([1, 2, 3], to: folder + "/late.png")
                exit(1)                         // the write went through: wrong
            } catch FigureError.cannotWrite {
                exit(0)
            } catch {
                exit(2)
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
