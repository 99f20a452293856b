import Multimodal
import TeachingEngine
import Testing

@Suite("ToyWorld datasets: seeds, splits, batches")
struct DatasetTests {
    @Test("the same seed gives the same dataset byte for byte; another seed gives another")
    func sameSeedSameBytes() {
        let a = ToyDataset(count: 50, options: DatasetOptions(), seed: 42).serialized()
        let b = ToyDataset(count: 50, options: DatasetOptions(), seed: 42).serialized()
        let c = ToyDataset(count: 50, options: DatasetOptions(), seed: 43).serialized()
        #expect(a == b)
        #expect(a != c)
    }

    @Test("sample i does not depend on the dataset's size: the first 20 of 50 are the dataset of 20")
    func prefixStable() {
        let small = ToyDataset(count: 20, options: DatasetOptions(), seed: 9)
        let large = ToyDataset(count: 50, options: DatasetOptions(), seed: 9)
        #expect(small.samples.map(\.scene) == Array(large.samples.prefix(20)).map(\.scene))
    }

    @Test("a held-out orange dog never appears in training, and appears in about 30 % of test scenes")
    func heldOut() {
        let orangeDog = Combination(kind: .dog, color: .orange)
        let (train, test) = ToyDataset.split(train: 1000, test: 300, options: DatasetOptions(), seed: 3,
                                             heldOut: [orangeDog], heldOutShareInTest: 0.3)
        #expect(train.count == 1000 && test.count == 300)
        #expect(!train.samples.contains { $0.scene.contains(orangeDog) })
        let share = Double(test.samples.filter { $0.scene.contains(orangeDog) }.count) / 300
        #expect(share > 0.2 && share < 0.45, "orange dogs in \(share) of test scenes")
        // Orange things and dogs still appear in training, only not together.
        #expect(train.samples.contains { $0.scene.objects.contains { $0.color == .orange } })
        #expect(train.samples.contains { $0.scene.objects.contains { $0.kind == .dog } })
    }

    @Test("generated scenes obey their options: 2…3 objects, distinct kinds and colours, one per cell")
    func options() {
        var options = SceneOptions()
        options.objectCount = 2...3
        options.sunProbability = 1
        var rng = SeededGenerator(seed: 8)
        for _ in 0..<200 {
            let s = SceneGenerator.scene(options, rng: &rng)
            #expect((2...3).contains(s.objects.count) && s.hasSun)
            #expect(Set(s.objects.map(\.kind)).count == s.objects.count)
            #expect(Set(s.objects.map(\.color)).count == s.objects.count)
            #expect(Set(s.objects.map(\.cell) + [s.sunCell!]).count == s.objects.count + 1)
        }
    }

    @Test("a pixel batch of 3 images at 32 has shape [3, 32, 32, 3] with the images in order; bytes 0, 51, 255 become −1, −0.6, 1")
    func pixelBatch() {
        let data = ToyDataset(count: 3, options: DatasetOptions(), seed: 1)
        let batch = Batches.pixels(data.samples.map(\.image))
        #expect(batch.shape == [3, 32, 32, 3])
        for item in 0..<3 {
            #expect(Array(batch.scalars[(item * 3072)..<((item + 1) * 3072)]) == data.samples[item].image.centredScalars)
        }
        // (byte / 255 − 0.5) · 2: 0 ↦ −1, 51 ↦ (0.2 − 0.5) · 2 = −0.6, 255 ↦ 1
        let bytes = [UInt8](repeating: 0, count: 3) + [51, 51, 51, 255, 255, 255] + [UInt8](repeating: 0, count: 3)
        let tiny = Batches.pixels([ToyImage(size: 2, bytes: bytes)])
        #expect(tiny.shape == [1, 2, 2, 3])
        let byHand: [Float] = [-1, -1, -1, -0.6, -0.6, -0.6, 1, 1, 1, -1, -1, -1]
        #expect(zip(tiny.scalars, byHand).allSatisfy { abs($0 - $1) < 1e-6 })
    }

    @Test("a token batch pads to one length, counts real tokens and flags cut texts")
    func tokenBatch() {
        let t = Tokenizer(corpus: ["a cat", "a photo of a dog"])
        let batch = Batches.tokens(["a cat", "a photo of a dog"], tokenizer: t, length: 4)
        #expect(batch.lengths == [2, 4])
        #expect(batch.truncated == [false, true])
        #expect(batch.tensor.shape == [2, 4])
        #expect(batch.mask.scalars == [1, 1, 0, 0, 1, 1, 1, 1])
    }
}
