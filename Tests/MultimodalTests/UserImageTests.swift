import Figures
import Foundation
import Multimodal
import Testing

@Suite("A learner's picture as model input")
struct UserImageTests {
    @Test("a 4×2 picture fitted to 2×2 keeps its centred square: the orange middle, not the black ends")
    func centredSquare() {
        var bytes: [UInt8] = []
        for _ in 0..<2 { for x in 0..<4 { bytes += (x == 0 || x == 3) ? [0, 0, 0] : [255, 128, 64] } }
        let image = ToyImage(fitting: RGBImage(width: 4, height: 2, pixels: bytes), size: 2)
        #expect(image.bytes == [255, 128, 64, 255, 128, 64, 255, 128, 64, 255, 128, 64])
    }

    @Test("a rendered scene saved as PNG and loaded back at its size has the same bytes and tensor")
    func pngRoundTrip() throws {
        let scene = SceneGenerator.orangeCatInTheSun
        let image = SceneRenderer.render(scene, size: 32)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("alignfuse-usertest-\(getpid()).png").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try image.rgbImage.writePNG(to: path)
        let loaded = try ToyImage(contentsOf: path, size: 32)
        #expect(loaded == image)
        #expect(loaded.centredTensor().shape == [32, 32, 3])
        // A 224 render shrunk to 32 by area averaging still shows orange where the cat sits (cell row 2, column 1).
        let big = SceneRenderer.render(scene, size: 224)
        let shrunk = ToyImage(fitting: big.rgbImage, size: 32)
        let centre = shrunk.pixel(x: 12, y: 20)
        #expect(centre.r > 200 && centre.g > 90 && centre.g < 170 && centre.b < 110)
    }

    @Test("a missing file is refused with a typed error, not a crash")
    func missingFile() {
        #expect(throws: ImageLoadError.self) { try ToyImage(contentsOf: "/no/such/picture.png", size: 32) }
    }
}
