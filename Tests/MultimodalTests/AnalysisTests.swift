import Foundation
import Multimodal
import TeachingEngine
import Testing

@Suite("Spectrogram, PCA, t-SNE and metrics")
struct AnalysisTests {
    @Test("the spectrogram of a pure 1 kHz tone at 8 kHz peaks in bin 32 = 1000 · 256 / 8000")
    func toneSpectrogram() {
        let wave = (0..<8000).map { Float(sin(2 * Double.pi * 1000 * Double($0) / 8000)) }
        let s = Spectrogram.magnitudes(wave, frameLength: 256, hop: 128)
        #expect(s.shape == [61, 129])
        for frame in [0, 30, 60] {
            let row = Array(s.scalars[(frame * 129)..<((frame + 1) * 129)])
            #expect(row.indices.max { row[$0] < row[$1] } == 32)
        }
        #expect(Spectrogram.frequency(ofBin: 32) == 1000)
    }

    @Test("a bird's chirps put more energy above 2 kHz than a dog's barks")
    func soundsDifferBySpectrum() {
        func highShare(_ kind: ObjectKind) -> Float {
            let wave = SceneSound.waveform(for: ToyScene(objects: [ToyObject(kind: kind, color: .red, size: .large, cell: GridCell(row: 0, column: 0))]))
            let s = Spectrogram.magnitudes(wave)
            var high: Float = 0, total: Float = 0
            for (i, v) in s.scalars.enumerated() { total += v; if i % 129 >= 64 { high += v } }
            return high / total
        }
        #expect(highShare(.bird) > 0.8)
        #expect(highShare(.dog) < 0.2)
    }

    @Test("PCA of points on the line y = 2x finds the direction (1, 2)/√5 with all the variance")
    func pcaLine() {
        let points: [[Float]] = (0..<10).map { [Float($0), 2 * Float($0) + 1] }
        let pca = PCA(points: points, components: 2)
        #expect(abs(pca.components[0][0] - 1 / Float(5).squareRoot()) < 1e-5)
        #expect(abs(pca.components[0][1] - 2 / Float(5).squareRoot()) < 1e-5)
        #expect(pca.explainedVarianceRatio[0] > 0.9999)
        // The projection of (0, 1) and (9, 19) are 9·√5 apart along the line.
        let p = pca.project([[0, 1], [9, 19]])
        #expect(abs((p[1][0] - p[0][0]) - 9 * Float(5).squareRoot()) < 1e-3)
    }

    @Test("PCA orders 3D components by variance and fixes each sign (largest entry positive)")
    func pcaAxes() {
        var rng = SeededGenerator(seed: 1)
        let points: [[Float]] = (0..<300).map { _ in [rng.nextNormal(), -5 * rng.nextNormal(), 2 * rng.nextNormal()] }
        let pca = PCA(points: points, components: 2)
        #expect(abs(pca.components[0][1]) > 0.99 && pca.components[0][1] > 0)   // the y axis, variance 25
        #expect(abs(pca.components[1][2]) > 0.99 && pca.components[1][2] > 0)   // then z, variance 4
        #expect(abs(pca.explainedVariance[0] - 25) < 5)
    }

    @Test("t-SNE keeps two far-apart clusters of 60 points apart, the same way for the same seed")
    func tsneClusters() {
        var rng = SeededGenerator(seed: 2)
        let points: [[Float]] = (0..<60).map { i in
            (0..<10).map { _ in rng.nextNormal() + (i < 30 ? 0 : 10) }
        }
        var options = TSNEOptions()
        options.seed = 5
        let map = TSNE.embed(points, options: options)
        #expect(map == TSNE.embed(points, options: options))
        func centroid(_ r: Range<Int>) -> [Float] {
            [r.map { map[$0][0] }.reduce(0, +) / Float(r.count), r.map { map[$0][1] }.reduce(0, +) / Float(r.count)]
        }
        let a = centroid(0..<30), b = centroid(30..<60)
        // Every point is nearer its own cluster's centre than the other's.
        for i in 0..<60 {
            let (own, other) = i < 30 ? (a, b) : (b, a)
            let d1 = hypot(map[i][0] - own[0], map[i][1] - own[1]), d2 = hypot(map[i][0] - other[0], map[i][1] - other[1])
            #expect(d1 < d2)
        }
    }

    @Test("accuracy of [0, 1, 1, 2] against [0, 1, 2, 2] is 0.75; the confusion matrix counts each pair")
    func accuracyAndConfusion() {
        #expect(Metrics.accuracy(predicted: [0, 1, 1, 2], actual: [0, 1, 2, 2]) == 0.75)
        #expect(Metrics.confusionMatrix(predicted: [0, 1, 1, 2], actual: [0, 1, 2, 2], classes: 3)
                == [[1, 0, 0], [0, 1, 0], [0, 1, 1]])
    }

    @Test("recall@k: with the diagonal as hits, recall@1 is 1/3 and recall@2 is 2/3 for this 3×3 matrix")
    func recall() {
        let similarities: [[Float]] = [[0.9, 0.1, 0.0],    // query 0: ranks 0 first → hit at 1
                                       [0.8, 0.1, 0.7],    // query 1: ranks 0, 2, 1 → hit only at 3
                                       [0.2, 0.0, 0.1]]    // query 2: ranks 0, 2 → hit at 2
        #expect(Metrics.recall(at: 1, similarities: similarities) { $0 == $1 } == 1.0 / 3)
        #expect(Metrics.recall(at: 2, similarities: similarities) { $0 == $1 } == 2.0 / 3)
        #expect(Metrics.recall(at: 3, similarities: similarities) { $0 == $1 } == 1)
        // A looser hit: any candidate with the same parity as the query counts.
        #expect(Metrics.recall(at: 1, similarities: similarities) { $0 % 2 == $1 % 2 } == 2.0 / 3)
    }
}
