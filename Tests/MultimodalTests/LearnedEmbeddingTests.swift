import Multimodal
import TeachingEngine
import Testing

@Suite("Learned positions and modality types")
struct LearnedEmbeddingTests {
    @Test("learned positions add row t of the table to token t; only the used rows get a gradient")
    func positions() {
        var rng = SeededGenerator(seed: 1)
        let positions = LearnedPositions(positions: 5, width: 2, name: "pos", using: &rng)
        let zeros = Variable(Tensor(zeros: [1, 3, 2]))   // [B = 1, T = 3, d = 2]
        let out = positions(zeros)
        #expect(out.shape == [1, 3, 2])
        #expect(out.value.scalars == Array(positions.table.value.scalars[0..<6]))
        out.sum().backward()
        // d(sum)/d(table) is 1 on the 3 used rows and 0 on the 2 unused ones.
        #expect(positions.table.grad?.scalars == [1, 1, 1, 1, 1, 1, 0, 0, 0, 0])
        #expect(positions.parameterCount == 10)
    }

    @Test("modality types add the image row to patch tokens and the text row to words")
    func modalityTypes() {
        var rng = SeededGenerator(seed: 2)
        let types = ModalityTypeEmbedding(width: 2, name: "type", using: &rng)
        #expect(types.table.shape == [3, 2])
        let x = Variable(Tensor(zeros: [2, 3, 2]))   // [B = 2, T = 3 (2 patches + 1 word), d = 2]
        let out = types(x, modalities: [.image, .image, .text])
        let image = Array(types.table.value.scalars[0..<2]), text = Array(types.table.value.scalars[2..<4])
        #expect(Array(out.value.scalars[0..<6]) == image + image + text)
        #expect(Array(out.value.scalars[6..<12]) == image + image + text)   // the same for every example
    }
}
