// Helpers shared by the Figures tests: a scratch folder, the test corpus, and image comparison.
import Figures
import Foundation

enum TestFiles {
    /// A fresh, empty folder for one test, named after it.
    static func scratchFolder(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.path + "/figures-tests-\(getpid())-\(name)"
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The copied `Reference` resource folder.
    static var reference: String {
        Bundle.module.url(forResource: "Reference", withExtension: nil)!.path
    }

    /// A file of the small image corpus (Tests/FiguresTests/Reference/corpus).
    static func corpus(_ name: String) -> String { reference + "/corpus/" + name }

    static func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}

/// Root-mean-square difference of two same-sized pictures over all bytes, on the 0…255 scale
/// (the measure matplotlib's image comparison uses).
func rmsDifference(_ a: RGBImage, _ b: RGBImage) -> Double {
    precondition(a.width == b.width && a.height == b.height,
                 "rmsDifference: \(a.width)×\(a.height) vs \(b.width)×\(b.height)")
    let sum = zip(a.pixels, b.pixels).reduce(0.0) { s, p in
        let d = Double(p.0) - Double(p.1)
        return s + d * d
    }
    return (sum / Double(a.pixels.count)).squareRoot()
}

extension Color {
    init(_ p: (red: UInt8, green: UInt8, blue: UInt8)) { self.init(red: p.red, green: p.green, blue: p.blue) }
}
