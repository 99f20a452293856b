import Multimodal
import TeachingEngine
import Testing

@Suite("ToyWorld: drawing scenes")
struct ToyWorldRenderingTests {
    let cat = ToyScene(objects: [ToyObject(kind: .cat, color: .orange, size: .large, cell: GridCell(row: 1, column: 2))])

    @Test("a rendered orange cat contains the article's orange pixel, RGB (255, 128, 64)")
    func orangePixel() {
        for size in [224, 32] {
            let image = SceneRenderer.render(cat, size: size)
            var found = false
            for y in 0..<size { for x in 0..<size where image.pixel(x: x, y: y) == (255, 128, 64) { found = true } }
            #expect(found, "no exact orange pixel at \(size)×\(size)")
        }
    }

    @Test("the 224 and 32 renders share one layout: the object's cell is drawn, an empty cell is plain background")
    func sameLayout() {
        let background = SceneRenderer.background
        for size in [224, 32] {
            let image = SceneRenderer.render(cat, size: size)
            let cell = size / 4
            func changed(row: Int, column: Int) -> Int {
                var count = 0
                for y in (row * cell)..<((row + 1) * cell) {
                    for x in (column * cell)..<((column + 1) * cell) {
                        let p = image.pixel(x: x, y: y)
                        if (Float(p.r), Float(p.g), Float(p.b)) != (background.r, background.g, background.b) { count += 1 }
                    }
                }
                return count
            }
            // The cat fills much of cell (1, 2) — more than a third of its pixels — and nothing else is drawn.
            #expect(changed(row: 1, column: 2) * 3 > cell * cell)
            #expect(changed(row: 0, column: 0) == 0)
            #expect(changed(row: 3, column: 3) == 0)
        }
    }

    @Test("at 32×32 the cat's and the dog's silhouettes differ in at least 8 of the cell's 64 pixels")
    func catAndDogMasksDiffer() {
        func mask(_ kind: ObjectKind) -> [Bool] {
            let scene = ToyScene(objects: [ToyObject(kind: kind, color: .white, size: .large, cell: GridCell(row: 0, column: 0))])
            let image = SceneRenderer.render(scene, size: 32)
            return (0..<64).map { i in
                let p = image.pixel(x: i % 8, y: i / 8)
                return Int(p.r) + Int(p.g) + Int(p.b) > 3 * 120   // clearly lit by the white animal
            }
        }
        let cat = mask(.cat), dog = mask(.dog)
        let differing = zip(cat, dog).filter { $0 != $1 }.count
        #expect(differing >= 8, "cat and dog masks differ in only \(differing) pixels")
        // Row 1 of the cell: the cat's two ears are lit at the sides with a gap between them,
        // while the dog's head is lit in the middle with its ears hanging lower down.
        #expect(cat[8 + 1] && cat[8 + 6] && !cat[8 + 3] && !cat[8 + 4])
        #expect(dog[8 + 3] && dog[8 + 4] && !dog[8 + 1] && !dog[8 + 6])
    }

    @Test("every kind draws a different 32×32 picture in the same colour and cell")
    func kindsAreDistinct() {
        var seen: Set<[UInt8]> = []
        for kind in ObjectKind.allCases {
            let scene = ToyScene(objects: [ToyObject(kind: kind, color: .green, size: .large, cell: GridCell(row: 2, column: 2))])
            seen.insert(SceneRenderer.render(scene, size: 32).bytes)
        }
        #expect(seen.count == ObjectKind.allCases.count)
    }

    @Test("a small object covers fewer pixels than a large one")
    func sizesDiffer() {
        func lit(_ size: ObjectSize) -> Int {
            let scene = ToyScene(objects: [ToyObject(kind: .square, color: .white, size: size, cell: GridCell(row: 0, column: 0))])
            return SceneRenderer.render(scene, size: 32).bytes.filter { $0 > 200 }.count
        }
        #expect(lit(.small) * 2 < lit(.large))
    }

    @Test("the centred tensor maps byte 0 to −1 and byte 255 to +1, shape [S, S, 3]")
    func centredTensor() {
        let image = ToyImage(size: 4, bytes: [UInt8](repeating: 0, count: 45) + [255, 255, 255])
        let t = image.centredTensor()
        #expect(t.shape == [4, 4, 3])
        #expect(t.scalars[0] == -1)
        #expect(t.scalars[47] == 1)
    }
}
