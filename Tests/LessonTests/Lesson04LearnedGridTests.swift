// Lesson 04, steps 6 and 8, as worked examples: the ViT-style mosaic of position similarities, the
// questions that name the cat, and what a short training does (and does not do) to learned positions.

import Lessons
import Multimodal
import TeachingEngine
import Testing

@Suite("Lesson 04: learned positions and where a word looks")
struct Lesson04LearnedGridTests {
    @Test("the mosaic of a 2×2 grid is 5×5: each patch's map sits in its corner, 1 on its own cell, a blank (not-a-number) cross between")
    func mosaicLayout() {
        let codes: [[Float]] = [[1, 0], [0, 1], [-1, 0], [1, 1]]   // patches 0 1 / 2 3
        let m = RawPositions.mosaic(codes, side: 2)
        #expect(m.count == 5 && m.allSatisfy { $0.count == 5 })    // 2² + 2 − 1
        // patch k's map has its top-left at ((k / 2)·3, (k % 2)·3); inside it, patch j sits at (j / 2, j % 2)
        #expect(m[0][0] == 1 && m[0][4] == 1 && m[4][0] == 1 && m[4][4] == 1)   // each patch with itself
        #expect(m[1][0] == -1)                                      // patch 0 against patch 2: opposite
        #expect(m[2].allSatisfy(\.isNaN) && m.allSatisfy { $0[2].isNaN })   // the blank cross, drawn as background
        #expect(abs(m[0][1] - 0) < 1e-12 && abs(m[1][1] - 1 / 2.0.squareRoot()) < 1e-9)   // 0·1, (1,0)·(1,1)/√2
    }

    @Test("each mosaic panel spans its own range: for these four codes, −1 (patch 0 against 2) to 1/√2, not the whole −1…1 by default")
    func mosaicRange() {
        let codes: [[Float]] = [[1, 0], [0, 1], [-1, 0], [1, 1]]
        // pairs: 0·1 → 0, 0·2 → −1, 0·3 → 1/√2, 1·2 → 0, 1·3 → 1/√2, 2·3 → −1/√2
        let range = RawPositions.mosaicRange(codes)
        #expect(abs(range.lowerBound + 1) < 1e-9 && abs(range.upperBound - 1 / 2.0.squareRoot()) < 1e-9)
        // the 2D sines of the 4×4 grid sit in a narrow band, which −1…1 would paint one colour
        let sines = RawPositions.rows(PositionalEncoding.sinusoidal2D(rows: 4, columns: 4, dimension: 64))
        let band = RawPositions.mosaicRange(sines)
        #expect(band.lowerBound > 0.7 && band.upperBound < 0.99, "\(band)")   // measured 0.767…0.979
    }

    @Test("each \"what colour is the cat?\" probe points at the cat's word and the cat's patch")
    func catProbes() {
        var recipe = LearnedGrid.Recipe(steps: 1)
        (recipe.trainScenes, recipe.testScenes) = (300, 300)
        let (data, test) = LearnedGrid.data(recipe, language: .english, seed: 1)
        let probes = LearnedGrid.catProbes(test, data: data)
        #expect(!probes.isEmpty)
        for probe in probes {
            #expect(data.tokenizer.vocabulary[probe.question[probe.wordIndex]] == "cat")
            let cat = probe.sample.scene.objects.first { $0.kind == .cat }!
            #expect(probe.catPatch == cat.cell.row * 4 + cat.cell.column)
        }
    }

    @Test("500 steps of \"where is the X?\": what training added to the patch positions is grid-shaped (neighbours' changes ≥ 0.2 more alike than far patches')",
          arguments: [UInt64(1), 2])
    func whereQuestionsTeachTheGrid(seed: UInt64) {
        var recipe = LearnedGrid.Recipe(steps: 500)
        recipe.testScenes = 300
        let (data, _) = LearnedGrid.data(recipe, language: .english, seed: seed)
        var rng = SeededGenerator(seed: seed)
        let model = LearnedGrid.model(for: data, recipe, using: &rng)
        let before = model.patchPositions
        let (startNear, startFar) = LearnedGrid.neighbourAndFar(model)
        LearnedGrid.train(model, on: data, recipe, rng: &rng) { _, _ in }
        let (near, far) = LearnedGrid.neighbourAndFarOfChange(before: before, after: model.patchPositions)
        #expect(abs(startNear - startFar) < 0.1, "the random start has no grid: near \(startNear), far \(startFar)")
        #expect(near - far >= 0.2, "change: near \(near), far \(far)")
    }
}
