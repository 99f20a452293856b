// A tiny anti-aliased rasteriser in pure Swift: filled ellipses, polygons and thick line segments,
// painted one over another, each pixel's coverage estimated by sampling a k×k grid inside it.
// It needs no C library, so the same scene renders to the same bytes everywhere.

import AlignFuseSupport
import Foundation

/// An RGB colour with channels in 0…255.
public struct RGB: Sendable, Hashable {
    public var r: Float, g: Float, b: Float

    public init(_ r: Float, _ g: Float, _ b: Float) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// The colour of a palette entry.
    public init(_ color: ToyColor) {
        let c = color.rgb
        self.init(Float(c.r), Float(c.g), Float(c.b))
    }

    /// `self` moved a fraction `t` of the way towards `other`: `t = 0` is self, `t = 1` is other.
    public func mixed(with other: RGB, _ t: Float) -> RGB {
        RGB(r + (other.r - r) * t, g + (other.g - g) * t, b + (other.b - b) * t)
    }

    public static let black = RGB(0, 0, 0)
    public static let white = RGB(255, 255, 255)
}

/// A filled primitive in pixel coordinates (x to the right, y down; pixel (i, j) covers [i, i+1)×[j, j+1)).
public enum Primitive: Sendable {
    /// An ellipse with centre, radii and a rotation in radians.
    case ellipse(cx: Float, cy: Float, rx: Float, ry: Float, angle: Float)
    /// A polygon given by its corners, filled by the even–odd rule.
    case polygon([(x: Float, y: Float)])
    /// A thick segment with round ends (a capsule) of half-width `radius`.
    case segment(x0: Float, y0: Float, x1: Float, y1: Float, radius: Float)

    /// The smallest box holding the primitive: (minX, minY, maxX, maxY).
    var bounds: (Float, Float, Float, Float) {
        switch self {
        case let .ellipse(cx, cy, rx, ry, _):
            let r = max(rx, ry)
            return (cx - r, cy - r, cx + r, cy + r)
        case let .polygon(points):
            let xs = points.map(\.x), ys = points.map(\.y)
            return (xs.min()!, ys.min()!, xs.max()!, ys.max()!)
        case let .segment(x0, y0, x1, y1, radius):
            return (min(x0, x1) - radius, min(y0, y1) - radius, max(x0, x1) + radius, max(y0, y1) + radius)
        }
    }

    /// A test that says whether a point lies inside, prepared once per primitive.
    func insideTest() -> (Float, Float) -> Bool {
        switch self {
        case let .ellipse(cx, cy, rx, ry, angle):
            let c = cosf(angle), s = sinf(angle)
            let irx2 = 1 / (rx * rx), iry2 = 1 / (ry * ry)
            return { x, y in
                let dx = x - cx, dy = y - cy
                let u = c * dx + s * dy, v = -s * dx + c * dy
                return u * u * irx2 + v * v * iry2 <= 1
            }
        case let .polygon(points):
            return { x, y in
                var inside = false
                var j = points.count - 1
                for i in 0..<points.count {
                    let (xi, yi) = points[i], (xj, yj) = points[j]
                    if (yi > y) != (yj > y), x < (xj - xi) * (y - yi) / (yj - yi) + xi { inside.toggle() }
                    j = i
                }
                return inside
            }
        case let .segment(x0, y0, x1, y1, radius):
            let dx = x1 - x0, dy = y1 - y0
            let length2 = max(dx * dx + dy * dy, 1e-12), r2 = radius * radius
            return { x, y in
                let t = min(max(((x - x0) * dx + (y - y0) * dy) / length2, 0), 1)
                let ex = x0 + t * dx - x, ey = y0 + t * dy - y
                return ex * ex + ey * ey <= r2
            }
        }
    }
}

/// A square RGB canvas of Float channels in 0…255 that paints primitives with anti-aliasing.
///
///     var raster = Raster(size: 4, background: RGB(0, 0, 0))
///     raster.fill(.polygon([(0, 0), (2, 0), (2, 4), (0, 4)]), RGB(255, 0, 0))
///     raster.bytes()[0]   // 255: the left half is red
///     raster.bytes()[6]   // 0: the right half is still black
public struct Raster {
    /// Pixels along each side.
    public let size: Int
    /// The channels, row-major [size, size, 3], in 0…255.
    public private(set) var pixels: [Float]
    /// Samples per pixel along each axis (4 gives 16 coverage levels).
    public let samplesPerAxis: Int

    public init(size: Int, background: RGB, samplesPerAxis: Int = 4) {
        require(size > 0, "Raster: size must be positive, got \(size)")
        require(samplesPerAxis > 0, "Raster: samplesPerAxis must be positive, got \(samplesPerAxis)")
        self.size = size
        self.samplesPerAxis = samplesPerAxis
        var pixels = [Float](repeating: 0, count: size * size * 3)
        for p in 0..<(size * size) {
            pixels[3 * p] = background.r
            pixels[3 * p + 1] = background.g
            pixels[3 * p + 2] = background.b
        }
        self.pixels = pixels
    }

    /// Paints `primitive` in `color`: each pixel moves towards the colour by the fraction of it covered.
    /// A fully covered pixel takes the colour exactly.
    public mutating func fill(_ primitive: Primitive, _ color: RGB) {
        let (minX, minY, maxX, maxY) = primitive.bounds
        let x0 = max(0, Int(minX.rounded(.down))), x1 = min(size - 1, Int(maxX.rounded(.up)))
        let y0 = max(0, Int(minY.rounded(.down))), y1 = min(size - 1, Int(maxY.rounded(.up)))
        guard x0 <= x1, y0 <= y1 else { return }
        let inside = primitive.insideTest()
        let k = samplesPerAxis, step = 1 / Float(k), total = Float(k * k)
        for py in y0...y1 {
            for px in x0...x1 {
                var hits = 0
                for sy in 0..<k {
                    let y = Float(py) + (Float(sy) + 0.5) * step
                    for sx in 0..<k where inside(Float(px) + (Float(sx) + 0.5) * step, y) { hits += 1 }
                }
                guard hits > 0 else { continue }
                let o = 3 * (py * size + px)
                if hits == k * k {
                    pixels[o] = color.r
                    pixels[o + 1] = color.g
                    pixels[o + 2] = color.b
                } else {
                    let t = Float(hits) / total
                    pixels[o] += (color.r - pixels[o]) * t
                    pixels[o + 1] += (color.g - pixels[o + 1]) * t
                    pixels[o + 2] += (color.b - pixels[o + 2]) * t
                }
            }
        }
    }

    /// The pixels rounded to bytes, row-major [size, size, 3].
    public func bytes() -> [UInt8] {
        pixels.map { UInt8(min(max($0.rounded(), 0), 255)) }
    }
}
