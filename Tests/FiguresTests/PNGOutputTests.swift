// PNG output: deterministic bytes, atomic writes, and a round trip through libgd's decoder.
import Figures
import Foundation
import Testing

@Suite("PNG output: same input, same bytes; whole files or none")
struct PNGOutputTests {
    func sampleFigure() -> Figure {
        var chart = LineChart(title: "Loss", xLabel: "step", yLabel: "loss")
        chart.add("train", x: [0, 1, 2], y: [1.0, 0.5, 0.25])
        return Figure(chart, width: 320, height: 240)
    }

    @Test("rendering the same figure twice gives byte-identical PNGs")
    func deterministic() throws {
        let first = try sampleFigure().pngData(), second = try sampleFigure().pngData()
        #expect(first == second)
        #expect(first.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test("an encoded picture decodes (by libgd) to exactly the same pixels")
    func roundTrip() throws {
        let pixels: [UInt8] = (0..<(5 * 3 * 3)).map { UInt8(($0 * 37) % 256) }   // 5×3 pixels of varied bytes
        let picture = RGBImage(width: 5, height: 3, pixels: pixels)
        let decoded = try RGBImage(decoding: try picture.pngData())
        #expect(decoded == picture)
    }

    @Test("writing leaves exactly the target file in the folder, no temporary file")
    func atomicWrite() throws {
        let folder = try TestFiles.scratchFolder("atomic")
        try sampleFigure().writePNG(to: folder + "/loss.png")
        try sampleFigure().writePNG(to: folder + "/loss.png")   // replacing an existing file
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["loss.png"])
        #expect(try TestFiles.bytes(folder + "/loss.png") == (try sampleFigure().pngData()))
    }

    @Test("writing into a missing folder throws cannotWrite and creates nothing")
    func missingFolder() throws {
        let folder = try TestFiles.scratchFolder("missing")
        let target = folder + "/no/such/loss.png"
        #expect(throws: FigureError.cannotWrite(path: target, reason: "folder '\(folder)/no/such' does not exist")) {
            try sampleFigure().writePNG(to: target)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("writing over a directory fails with a message and leaves no temporary file")
    func targetIsDirectory() throws {
        let folder = try TestFiles.scratchFolder("overdir")
        try FileManager.default.createDirectory(atPath: folder + "/taken.png", withIntermediateDirectories: false)
        #expect(throws: FigureError.self) { try sampleFigure().writePNG(to: folder + "/taken.png") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["taken.png"])
    }
}

@Suite("PNG output: interrupted writes can be cleaned up")
struct UnfinishedWriteTests {
    // removeUnfinishedFiles deletes the temporary files of every write in the process, so it runs
    // in a child process (an exit test): in this one it would break the writes of tests running beside it.
    @Test("with no write in progress, removing unfinished files leaves finished ones alone")
    func cleanupKeepsFinishedFiles() async throws {
        let folder = try TestFiles.scratchFolder("cleanup")
        await #expect(processExitsWith: .success) { [folder = folder as String] in
            do {
                try RGBImage(width: 2, height: 2, filledWith: .black).writePNG(to: folder + "/done.png")
            } catch {
                exit(2)
            }
            PNGFile.removeUnfinishedFiles()
            exit(0)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["done.png"])
    }
}
