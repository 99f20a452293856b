// What a ToyWorld scene is made of: objects (animals and shapes) of a colour and a size, each in one
// cell of a 4×4 grid, and an optional sun. The grid cells match the 8×8 patches of a 32×32 render,
// so at the training size every object is exactly one patch.

import AlignFuseSupport

/// The kind of an object: four animals and three shapes.
public enum ObjectKind: Int, CaseIterable, Sendable, Hashable, Comparable {
    case cat, dog, bird, fish, circle, square, triangle

    /// The animals, in order.
    public static let animals: [ObjectKind] = [.cat, .dog, .bird, .fish]
    /// The shapes, in order.
    public static let shapes: [ObjectKind] = [.circle, .square, .triangle]

    /// True for cat, dog, bird and fish.
    public var isAnimal: Bool { rawValue <= ObjectKind.fish.rawValue }

    /// The English noun: "cat".
    public var english: String {
        switch self {
        case .cat: return "cat"
        case .dog: return "dog"
        case .bird: return "bird"
        case .fish: return "fish"
        case .circle: return "circle"
        case .square: return "square"
        case .triangle: return "triangle"
        }
    }

    /// The Chinese noun: "猫".
    public var chinese: String {
        switch self {
        case .cat: return "猫"
        case .dog: return "狗"
        case .bird: return "鸟"
        case .fish: return "鱼"
        case .circle: return "圆形"
        case .square: return "方块"
        case .triangle: return "三角形"
        }
    }

    /// The Chinese "one" with its measure word: 一只猫, 一条鱼, 一个方块.
    public var chineseOne: String {
        switch self {
        case .cat, .dog, .bird: return "一只"
        case .fish: return "一条"
        case .circle, .square, .triangle: return "一个"
        }
    }

    public static func < (a: ObjectKind, b: ObjectKind) -> Bool { a.rawValue < b.rawValue }
}

/// The two sizes an object can be drawn at.
public enum ObjectSize: Int, CaseIterable, Sendable, Hashable {
    case small, large

    /// "small" or "large".
    public var english: String { self == .small ? "small" : "large" }
    /// "小" or "大".
    public var chinese: String { self == .small ? "小" : "大" }
    /// The object's extent as a fraction of its cell: a large object nearly fills it.
    public var cellFraction: Float { self == .small ? 0.62 : 0.94 }
}

/// A cell of the scene grid: `row` 0 is the top, `column` 0 is the left.
public struct GridCell: Sendable, Hashable, Comparable {
    public let row: Int
    public let column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Reading order: row by row, left to right.
    public static func < (a: GridCell, b: GridCell) -> Bool {
        (a.row, a.column) < (b.row, b.column)
    }
}

/// One object of a scene.
///
///     ToyObject(kind: .cat, color: .orange, size: .large, cell: GridCell(row: 2, column: 1))
public struct ToyObject: Sendable, Hashable {
    public var kind: ObjectKind
    public var color: ToyColor
    public var size: ObjectSize
    public var cell: GridCell

    public init(kind: ObjectKind, color: ToyColor, size: ObjectSize, cell: GridCell) {
        self.kind = kind
        self.color = color
        self.size = size
        self.cell = cell
    }

    /// The kind–colour pair, the unit a dataset can hold out ("no orange dog in training").
    public var combination: Combination { Combination(kind: kind, color: color) }
}

/// A kind–colour pair such as "orange dog".
public struct Combination: Sendable, Hashable, CustomStringConvertible {
    public let kind: ObjectKind
    public let color: ToyColor

    public init(kind: ObjectKind, color: ToyColor) {
        self.kind = kind
        self.color = color
    }

    public var description: String { "\(color.english) \(kind.english)" }
}

/// A scene: objects in distinct cells of a `gridSize`×`gridSize` grid, and maybe a sun in a cell of its own.
///
///     let scene = ToyScene(objects: [ToyObject(kind: .cat, color: .orange, size: .large,
///                                               cell: GridCell(row: 2, column: 1))],
///                          sunCell: GridCell(row: 0, column: 3))
public struct ToyScene: Sendable, Hashable {
    /// The number of cells along each side (4: at 32×32 each cell is one 8×8 patch).
    public static let gridSize = 4

    /// The objects, in reading order of their cells.
    public let objects: [ToyObject]
    /// The cell of the sun, or nil when the scene has none.
    public let sunCell: GridCell?

    /// - Precondition: every object and the sun sit in distinct cells inside the grid.
    public init(objects: [ToyObject], sunCell: GridCell? = nil) {
        let cells = objects.map(\.cell) + (sunCell.map { [$0] } ?? [])
        let n = ToyScene.gridSize
        for cell in cells {
            require((0..<n).contains(cell.row) && (0..<n).contains(cell.column),
                         "ToyScene: cell (\(cell.row), \(cell.column)) is outside the \(n)×\(n) grid")
        }
        require(Set(cells).count == cells.count, "ToyScene: two things share a cell in \(cells)")
        self.objects = objects.sorted { $0.cell < $1.cell }
        self.sunCell = sunCell
    }

    /// True when the scene has a sun.
    public var hasSun: Bool { sunCell != nil }

    /// The objects of a kind.
    public func objects(ofKind kind: ObjectKind) -> [ToyObject] { objects.filter { $0.kind == kind } }

    /// True when an object of this kind and colour is in the scene.
    public func contains(_ combination: Combination) -> Bool {
        objects.contains { $0.combination == combination }
    }
}
