// Seeded scenes: how many objects, which kinds, colours, sizes and cells, and whether the sun shines.
// Every choice is drawn from the caller's SeededGenerator, so one seed gives one sequence of scenes.

import AlignFuseSupport
import TeachingEngine

/// What kind of scenes to generate.
///
///     var options = SceneOptions()
///     options.objectCount = 2...4
///     options.excluded = [Combination(kind: .dog, color: .orange)]   // no orange dog
public struct SceneOptions: Sendable {
    /// How many objects (not counting the sun); at most 16 minus one for the sun.
    public var objectCount: ClosedRange<Int> = 1...4
    /// The kinds to draw from.
    public var kinds: [ObjectKind] = ObjectKind.allCases
    /// The colours to draw from.
    public var colors: [ToyColor] = ToyColor.allCases
    /// The sizes to draw from.
    public var sizes: [ObjectSize] = ObjectSize.allCases
    /// No two objects of one kind, so "the cat" names one object.
    public var distinctKinds = true
    /// No two objects of one colour, so "the orange object" names one object.
    public var distinctColors = true
    /// The chance that a scene has a sun.
    public var sunProbability: Float = 0.25
    /// Kind–colour pairs that never appear (held out of a training split).
    public var excluded: Set<Combination> = []

    public init() {}
}

/// Generates scenes from options and a seeded generator.
public enum SceneGenerator {
    /// One scene. When `including` is given, one of the objects has that kind and colour (used to
    /// put held-out combinations into a test split).
    ///
    ///     var rng = SeededGenerator(seed: 7)
    ///     let scene = SceneGenerator.scene(SceneOptions(), rng: &rng)
    ///
    /// - Precondition: the options can produce the requested number of objects.
    public static func scene(_ options: SceneOptions, including: Combination? = nil,
                             rng: inout SeededGenerator) -> ToyScene {
        let n = ToyScene.gridSize
        let lower = options.objectCount.lowerBound, upper = options.objectCount.upperBound
        require(lower >= 1 && upper < n * n, "SceneGenerator: objectCount \(lower)...\(upper) must lie in 1...\(n * n - 1)")
        require(!options.distinctKinds || upper <= options.kinds.count,
                     "SceneGenerator: \(upper) objects of distinct kinds need \(upper) kinds, have \(options.kinds.count)")
        require(!options.distinctColors || upper <= options.colors.count,
                     "SceneGenerator: \(upper) objects of distinct colours need \(upper) colours, have \(options.colors.count)")
        let count = lower + rng.nextInt(below: upper - lower + 1)

        // 1. Cells: a shuffled grid, the first `count` for objects, the next for the sun.
        var cells = (0..<(n * n)).map { GridCell(row: $0 / n, column: $0 % n) }
        rng.shuffle(&cells)
        let hasSun = rng.nextFloat() < options.sunProbability

        // 2. Kinds: distinct ones from a shuffled list, or independent draws.
        var kinds: [ObjectKind]
        if options.distinctKinds {
            var pool = options.kinds
            if let forced = including { pool.removeAll { $0 == forced.kind } }
            rng.shuffle(&pool)
            kinds = Array(pool.prefix(including == nil ? count : count - 1))
        } else {
            kinds = (0..<(including == nil ? count : count - 1)).map { _ in rng.pick(options.kinds) }
        }

        // 3. Colours, skipping excluded pairs and (if asked) colours already used.
        var used: Set<ToyColor> = []
        var objects: [ToyObject] = []
        if let forced = including {
            used.insert(forced.color)
            objects.append(ToyObject(kind: forced.kind, color: forced.color, size: rng.pick(options.sizes), cell: cells[0]))
        }
        for kind in kinds {
            let allowed = options.colors.filter { color in
                !options.excluded.contains(Combination(kind: kind, color: color))
                    && !(options.distinctColors && used.contains(color))
            }
            guard !allowed.isEmpty else { continue }
            let color = rng.pick(allowed)
            used.insert(color)
            objects.append(ToyObject(kind: kind, color: color, size: rng.pick(options.sizes), cell: cells[objects.count]))
        }
        return ToyScene(objects: objects, sunCell: hasSun ? cells[count] : nil)
    }

    /// The article's scene, 一只可爱的橘猫在晒太阳: a large orange cat with the sun above right.
    public static let orangeCatInTheSun = ToyScene(
        objects: [ToyObject(kind: .cat, color: .orange, size: .large, cell: GridCell(row: 2, column: 1))],
        sunCell: GridCell(row: 0, column: 3))
}
