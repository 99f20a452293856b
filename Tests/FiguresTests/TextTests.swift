// Text through FreeType: measuring, the '&' quirk of gd, and Chinese in a CJK font.
import Figures
import Testing

@Suite("Text: measured, escaped, and drawn in a font that has the glyphs")
struct TextTests {
    @Test("a longer string measures wider; rotating a label by π/2 makes it tall")
    func measureAndRotate() throws {
        let canvas = try Canvas(width: 200, height: 200)
        let short = canvas.measure("loss", size: 14), long = canvas.measure("validation loss", size: 14)
        #expect(long.width > short.width * 2)
        canvas.text("validation loss", at: Point(100, 100), size: 14, color: .black,
                    align: .center, baseline: .middle, angle: .pi / 2)
        let inked = (0..<200).flatMap { y in (0..<200).map { (x: $0, y: y) } }
            .filter { canvas.pixel(x: $0.x, y: $0.y) != .white }
        let (xs, ys) = (inked.map(\.x), inked.map(\.y))
        #expect(ys.max()! - ys.min()! > xs.max()! - xs.min()!)   // taller than wide
        #expect(abs(Double(ys.max()! + ys.min()!) / 2 - 100) < 3)  // centred on the anchor
    }

    @Test("'&amp;' prints as five characters, not as '&' (gd decodes entities unless escaped)")
    func ampersand() throws {
        let canvas = try Canvas(width: 10, height: 10)
        #expect(canvas.measure("&amp;", size: 14).width > canvas.measure("&", size: 14).width * 3)
        #expect(canvas.measure("cats & dogs", size: 14).width > canvas.measure("cats  dogs", size: 14).width)
    }

    @Test("Chinese characters are drawn with glyphs, not boxes: 猫 and 狗 differ in ink")
    func chinese() throws {
        func ink(_ s: String) throws -> [Bool] {
            let canvas = try Canvas(width: 40, height: 40)
            canvas.text(s, at: Point(20, 20), size: 24, color: .black, align: .center, baseline: .middle)
            return canvas.rgbImage().pixels.enumerated().filter { $0.offset % 3 == 0 }.map { $0.element < 128 }
        }
        let cat = try ink("猫"), dog = try ink("狗")
        #expect(cat.filter { $0 }.count > 40)
        // tofu boxes for two missing glyphs would be identical
        #expect(zip(cat, dog).filter { $0 != $1 }.count > 20)
    }

    @Test("a long label is cut to the width and ends with an ellipsis")
    func truncation() throws {
        let canvas = try Canvas(width: 10, height: 10)
        let cut = canvas.truncate("a black cat sleeping on a very long sofa", toWidth: 80, size: 13)
        #expect(cut.hasSuffix("…"))
        #expect(canvas.measure(cut, size: 13).width <= 80)
        #expect(canvas.truncate("cat", toWidth: 80, size: 13) == "cat")
    }
}
