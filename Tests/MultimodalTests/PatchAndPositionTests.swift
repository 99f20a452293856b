import Multimodal
import TeachingEngine
import Testing

@Suite("Patches and positions")
struct PatchAndPositionTests {
    @Test("a 224×224×3 image in 16×16 patches is 196 tokens of 768 values")
    func vitNumbers() {
        let image = Tensor(zeros: [224, 224, 3])
        #expect(Patches.patchify(image, patchSize: 16).shape == [196, 768])
        #expect(Patches.patchify(Tensor(zeros: [2, 32, 32, 3]), patchSize: 8).shape == [2, 16, 192])
    }

    @Test("a 4×4 one-channel image in 2×2 patches: patch 1 is the top-right block [2, 3, 6, 7]")
    func workedExample() {
        let image = (0..<16).map(Float.init)   // row y holds 4y … 4y+3
        let patches = Patches.patchify(image, height: 4, width: 4, channels: 1, patchSize: 2)
        #expect(Array(patches[0..<4]) == [0, 1, 4, 5])
        #expect(Array(patches[4..<8]) == [2, 3, 6, 7])
        #expect(Array(patches[12..<16]) == [10, 11, 14, 15])
    }

    @Test("unpatchify(patchify(x)) is x for a rendered scene at 224 with P = 16 and at 32 with P = 8")
    func roundTrip() {
        for (size, p) in [(224, 16), (32, 8)] {
            let image = SceneRenderer.render(SceneGenerator.orangeCatInTheSun, size: size).centredTensor()
            let patches = Patches.patchify(image, patchSize: p)
            #expect(Patches.unpatchify(patches, height: size, width: size, patchSize: p).scalars == image.scalars)
        }
    }

    @Test("a patch size that does not divide the image is refused with a message")
    func notDividing() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Patches.patchify(Tensor(zeros: [30, 30, 3]), patchSize: 8)
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("patch size 8 does not divide the image size 30×30"))
    }

    @Test("1D sinusoidal encoding: position 0 is [0, 1, 0, 1], position 1 starts with sin 1, cos 1")
    func oneD() {
        let pe = PositionalEncoding.sinusoidal1D(positions: 3, dimension: 4)
        #expect(pe.shape == [3, 4])
        #expect(Array(pe.scalars[0..<4]) == [0, 1, 0, 1])
        #expect(abs(pe[1, 0] - 0.8415) < 1e-4 && abs(pe[1, 1] - 0.5403) < 1e-4)
        #expect(abs(pe[1, 2] - 0.01) < 1e-4)   // sin(1 / 10000^(2/4)) = sin(0.01)
    }

    @Test("2D encodings: a patch is more similar to its neighbour than to a far patch on the 14×14 grid")
    func twoD() {
        let pe = PositionalEncoding.sinusoidal2D(rows: 14, columns: 14, dimension: 64)
        #expect(pe.shape == [196, 64])
        func cosine(_ a: Int, _ b: Int) -> Float {
            let x = Array(pe.scalars[(a * 64)..<(a * 64 + 64)]), y = Array(pe.scalars[(b * 64)..<(b * 64 + 64)])
            let dot = zip(x, y).map(*).reduce(0, +)
            return dot / (x.map { $0 * $0 }.reduce(0, +).squareRoot() * y.map { $0 * $0 }.reduce(0, +).squareRoot())
        }
        let centre = 7 * 14 + 7
        #expect(cosine(centre, centre + 1) > cosine(centre, centre + 5))   // right neighbour vs 5 to the right
        #expect(cosine(centre, centre + 14) > cosine(centre, centre - 5 * 14))   // below vs 5 rows up
        #expect(cosine(centre, centre + 1) > cosine(centre, 0))   // neighbour vs the far corner
        // Same row → the row half of the code is identical.
        #expect(Array(pe.scalars[(centre * 64)..<(centre * 64 + 32)]) == Array(pe.scalars[((centre + 3) * 64)..<((centre + 3) * 64 + 32)]))
    }
}
