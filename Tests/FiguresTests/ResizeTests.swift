// Resizing by area averaging (shrink) and bilinear interpolation (enlarge), by hand.
import Figures
import Testing

@Suite("Resizing: area average down, bilinear up, same bytes every time")
struct ResizeTests {
    @Test("black|white shrunk to one pixel averages to gray 128 (127.5 rounded)")
    func shrinkAverages() {
        let image = RGBImage(width: 2, height: 1, pixels: [0, 0, 0, 255, 255, 255])
        #expect(image.resized(width: 1, height: 1).pixels == [128, 128, 128])
    }

    @Test("0|255 enlarged to 4 pixels interpolates between pixel centres: 0, 64, 191, 255")
    func enlargeInterpolates() {
        // output centres map to source positions −0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1)
        let image = RGBImage(width: 2, height: 1, pixels: [0, 0, 0, 255, 255, 255])
        let wide = image.resized(width: 4, height: 1)
        #expect(stride(from: 0, to: 12, by: 3).map { wide.pixels[$0] } == [0, 64, 191, 255])
    }

    @Test("a 6×4 picture shrunk by 3×2 averages each 3×2 block")
    func blockAverage() {
        // left half value 30, right half 90 (in every channel): blocks are uniform, so the result is exact
        let pixels: [UInt8] = (0..<4).flatMap { _ in (0..<6).flatMap { x in [UInt8](repeating: x < 3 ? 30 : 90, count: 3) } }
        let small = RGBImage(width: 6, height: 4, pixels: pixels).resized(width: 2, height: 2)
        #expect(small.pixels == [30, 30, 30, 90, 90, 90, 30, 30, 30, 90, 90, 90])
    }

    @Test("a uniform colour stays exactly that colour at any size")
    func uniform() {
        let orange = RGBImage(width: 7, height: 5, filledWith: Color(red: 255, green: 128, blue: 64))
        #expect(orange.resized(width: 3, height: 11) == RGBImage(width: 3, height: 11, filledWith: Color(red: 255, green: 128, blue: 64)))
    }
}
