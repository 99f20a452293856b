// Drawing a scene at any square size: the grid's cells become size/4 pixels wide, each object is
// scaled into its cell (a large one nearly fills it, a small one about 60 %), and the sun sits in a
// cell of its own. The same scene at 224 and at 32 has the same layout, only finer.

import AlignFuseSupport
import TeachingEngine

/// A rendered square RGB image: bytes row-major [size, size, 3].
public struct ToyImage: Sendable, Hashable {
    public let size: Int
    public let bytes: [UInt8]

    public init(size: Int, bytes: [UInt8]) {
        require(bytes.count == size * size * 3,
                     "ToyImage: \(size)×\(size)×3 needs \(size * size * 3) bytes, got \(bytes.count)")
        self.size = size
        self.bytes = bytes
    }

    /// The RGB value at column `x`, row `y`.
    public func pixel(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
        require(x >= 0 && x < size && y >= 0 && y < size, "ToyImage: pixel (\(x), \(y)) is outside \(size)×\(size)")
        let o = 3 * (y * size + x)
        return (bytes[o], bytes[o + 1], bytes[o + 2])
    }

    /// The values in [0, 1]: x / 255, row-major [size, size, 3].
    public var unitScalars: [Float] { bytes.map { Float($0) / 255 } }

    /// The values centred as the models expect, (x/255 − 0.5)·2 in [−1, 1], row-major [size, size, 3].
    public var centredScalars: [Float] { bytes.map { (Float($0) / 255 - 0.5) * 2 } }

    /// The centred values as a tensor of shape [size, size, 3].
    public func centredTensor() -> Tensor { Tensor(shape: [size, size, 3], scalars: centredScalars) }
}

/// Renders ToyWorld scenes.
public enum SceneRenderer {
    /// The plain dark background: colours, gray and white all read well on it.
    public static let background = RGB(22, 26, 44)

    /// Draws `scene` at `size`×`size` pixels.
    ///
    ///     let image = SceneRenderer.render(scene, size: 224)   // 56×56 px per cell
    ///     let small = SceneRenderer.render(scene, size: 32)    // 8×8 px per cell = one patch
    ///
    /// - Precondition: `size` is a positive multiple of the grid size 4.
    public static func render(_ scene: ToyScene, size: Int, samplesPerAxis: Int = 4) -> ToyImage {
        let n = ToyScene.gridSize
        require(size > 0 && size % n == 0,
                     "SceneRenderer: size \(size) is not a positive multiple of the grid size \(n)")
        var raster = Raster(size: size, background: background, samplesPerAxis: samplesPerAxis)
        let cell = Float(size / n)
        for object in scene.objects {
            let extent = cell * object.size.cellFraction
            let x0 = Float(object.cell.column) * cell + (cell - extent) / 2
            let y0 = Float(object.cell.row) * cell + (cell - extent) / 2
            paint(ObjectDrawings.strokes(for: object.kind, color: object.color), x0: x0, y0: y0,
                  extent: extent, on: &raster)
        }
        if let sun = scene.sunCell {
            paint(ObjectDrawings.sunStrokes(), x0: Float(sun.column) * cell, y0: Float(sun.row) * cell,
                  extent: cell, on: &raster)
        }
        return ToyImage(size: size, bytes: raster.bytes())
    }

    /// Paints unit-box strokes into the box with top-left (x0, y0) and side `extent`.
    static func paint(_ strokes: [Stroke], x0: Float, y0: Float, extent: Float, on raster: inout Raster) {
        for stroke in strokes {
            raster.fill(scaled(stroke.primitive, x0: x0, y0: y0, extent: extent), stroke.color)
        }
    }

    static func scaled(_ primitive: Primitive, x0: Float, y0: Float, extent e: Float) -> Primitive {
        switch primitive {
        case let .ellipse(cx, cy, rx, ry, angle):
            return .ellipse(cx: x0 + cx * e, cy: y0 + cy * e, rx: rx * e, ry: ry * e, angle: angle)
        case let .polygon(points):
            return .polygon(points.map { (x: x0 + $0.x * e, y: y0 + $0.y * e) })
        case let .segment(ax, ay, bx, by, radius):
            return .segment(x0: x0 + ax * e, y0: y0 + ay * e, x1: x0 + bx * e, y1: y0 + by * e, radius: radius * e)
        }
    }
}
