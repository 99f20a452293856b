// Every kind of file a learner might pass as --image, kept as files in
// Tests/FiguresTests/Reference/corpus, and what the loader does with each: converts it to RGB, or
// throws one ImageLoadError whose line names the file and the reason.
import Figures
import Foundation
import Testing

@Suite("The bad-image corpus: each file loads as RGB or is refused with its reason")
struct ReliabilityCorpusTests {
    /// Files that must load, with their size: the formats gd decodes, and gray, palette and alpha PNGs.
    static let good: [(file: String, width: Int, height: Int)] = [
        ("rgb.png", 4, 3), ("gray.png", 4, 3), ("palette.png", 4, 3), ("alpha.png", 2, 2),
        ("rgb.jpg", 4, 3), ("jpeg_named.png", 4, 3), ("rgb.gif", 4, 3), ("rgb.webp", 4, 3), ("rgb.bmp", 4, 3),
    ]

    @Test("PNG (RGB, gray, palette, alpha), JPEG (also named .png), GIF, WebP and BMP load as 3-byte RGB",
          arguments: good.map(\.file))
    func goodFiles(_ file: String) throws {
        let expected = Self.good.first { $0.file == file }!
        let image = try RGBImage(contentsOf: TestFiles.corpus(file))
        #expect(image.width == expected.width && image.height == expected.height)
        #expect(image.pixels.count == expected.width * expected.height * 3)
    }

    @Test("empty.png, truncated.png, noise.png and huge-header.png (100,000 × 100,000) are refused, each with its reason")
    func badFiles() {
        let cases: [(file: String, reason: String)] = [
            ("empty.png", "the file is empty"),
            ("truncated.png", "the PNG data is truncated or corrupt"),
            ("noise.png", "not a PNG, JPEG, GIF, WebP or BMP image (checked by its first bytes)"),
            ("huge-header.png", "its header declares 100000×100000 pixels, above the limit (8192 pixels per side, 40 megapixels in all)"),
        ]
        for (file, reason) in cases {
            let path = TestFiles.corpus(file)
            let error = #expect(throws: ImageLoadError.self) { try RGBImage(contentsOf: path) }
            #expect(error?.description == "cannot load image '\(path)': \(reason)")
        }
    }

    @Test("a missing path and a directory are refused by name, before any bytes are read")
    func notFiles() {
        let missing = TestFiles.corpus("no-such-picture.png")
        #expect(throws: ImageLoadError.notFound(path: missing)) { try RGBImage(contentsOf: missing) }
        let folder = TestFiles.reference + "/corpus"
        let error = #expect(throws: ImageLoadError.self) { try RGBImage(contentsOf: folder) }
        #expect(error?.description == "cannot load image '\(folder)': it is a directory, not an image file")
    }

    @Test("the 100,000 × 100,000 header is refused in well under a second: nothing is decoded or allocated")
    func hugeHeaderIsFast() throws {
        let start = Date()
        #expect(throws: ImageLoadError.self) { try RGBImage(contentsOf: TestFiles.corpus("huge-header.png")) }
        #expect(Date().timeIntervalSince(start) < 1.0)
    }
}
