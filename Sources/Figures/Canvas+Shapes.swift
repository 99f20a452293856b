// Anti-aliased shapes by signed distance: a pixel whose centre lies d pixels inside a shape's
// edge gets coverage clamp(d + 0.5, 0, 1). Exact for straight edges, close for round ones.
import Foundation

/// The shape of a scatter marker.
public enum Marker: Sendable, Equatable, CaseIterable {
    case circle, triangle, square, diamond
}

extension Canvas {
    /// A line segment `width` pixels wide with round ends.
    ///
    ///     canvas.line(from: Point(10, 10), to: Point(90, 10), color: .black, width: 2)
    public func line(from a: Point, to b: Point, color: Color, width: Double = 1) {
        let half = width / 2
        let box = Rect(x: min(a.x, b.x) - half - 1, y: min(a.y, b.y) - half - 1,
                       width: abs(a.x - b.x) + width + 2, height: abs(a.y - b.y) + width + 2)
        let dx = b.x - a.x, dy = b.y - a.y
        let lengthSquared = dx * dx + dy * dy
        let bounds = pixelBounds(box)
        for y in bounds.y0..<bounds.y1 {
            let row = image.row(y)
            let py = Double(y) + 0.5
            for x in bounds.x0..<bounds.x1 {
                let px = Double(x) + 0.5
                // distance from the pixel centre to the nearest point of the segment
                let t = lengthSquared == 0 ? 0 : max(0, min(1, ((px - a.x) * dx + (py - a.y) * dy) / lengthSquared))
                let ex = px - (a.x + t * dx), ey = py - (a.y + t * dy)
                let coverage = half + 0.5 - (ex * ex + ey * ey).squareRoot()
                if coverage > 0 { blend(row, x, color, min(1, coverage)) }
            }
        }
    }

    /// Joined segments through `points`. With a translucent colour the joints blend twice;
    /// use opaque colours for lines.
    public func polyline(_ points: [Point], color: Color, width: Double = 1) {
        guard points.count >= 2 else { return }
        for i in 1..<points.count where points[i - 1].x.isFinite && points[i].x.isFinite
            && points[i - 1].y.isFinite && points[i].y.isFinite {
            line(from: points[i - 1], to: points[i], color: color, width: width)
        }
    }

    /// A filled, anti-aliased disc.
    public func fillCircle(center c: Point, radius r: Double, color: Color) {
        let bounds = pixelBounds(Rect(x: c.x - r - 1, y: c.y - r - 1, width: 2 * r + 2, height: 2 * r + 2))
        for y in bounds.y0..<bounds.y1 {
            let row = image.row(y)
            let dy = Double(y) + 0.5 - c.y
            for x in bounds.x0..<bounds.x1 {
                let dx = Double(x) + 0.5 - c.x
                let coverage = r + 0.5 - (dx * dx + dy * dy).squareRoot()
                if coverage > 0 { blend(row, x, color, min(1, coverage)) }
            }
        }
    }

    /// A filled, anti-aliased convex polygon (vertices in either winding order).
    public func fillConvexPolygon(_ points: [Point], color: Color) {
        guard points.count >= 3 else { return }
        // Each edge as a unit normal pointing inwards and an offset: inside when n·p + c ≥ 0.
        let area = zip(points, points.dropFirst() + [points[0]]).reduce(0) { $0 + $1.0.x * $1.1.y - $1.1.x * $1.0.y }
        let sign: Double = area >= 0 ? 1 : -1
        let edges: [(nx: Double, ny: Double, c: Double)] = points.indices.map { i in
            let p = points[i], q = points[(i + 1) % points.count]
            let length = max(1e-12, ((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)).squareRoot())
            let nx = -(q.y - p.y) / length * sign, ny = (q.x - p.x) / length * sign
            return (nx, ny, -(nx * p.x + ny * p.y))
        }
        let xs = points.map(\.x), ys = points.map(\.y)
        let box = Rect(x: xs.min()! - 1, y: ys.min()! - 1, width: xs.max()! - xs.min()! + 2, height: ys.max()! - ys.min()! + 2)
        let bounds = pixelBounds(box)
        for y in bounds.y0..<bounds.y1 {
            let row = image.row(y)
            let py = Double(y) + 0.5
            for x in bounds.x0..<bounds.x1 {
                let px = Double(x) + 0.5
                var inside = Double.infinity
                for e in edges { inside = min(inside, e.nx * px + e.ny * py + e.c) }
                if inside > -0.5 { blend(row, x, color, min(1, inside + 0.5)) }
            }
        }
    }

    /// A scatter marker of `radius` pixels centred on `center`; the non-round shapes are sized
    /// to cover about the same area as the circle.
    public func marker(_ shape: Marker, at center: Point, radius r: Double, color: Color) {
        let (x, y) = (center.x, center.y)
        switch shape {
        case .circle:
            fillCircle(center: center, radius: r, color: color)
        case .triangle:
            let s = r * 1.35
            fillConvexPolygon([Point(x, y - s), Point(x + s * 0.866, y + s * 0.5), Point(x - s * 0.866, y + s * 0.5)],
                              color: color)
        case .square:
            let s = r * 0.886
            fillConvexPolygon([Point(x - s, y - s), Point(x + s, y - s), Point(x + s, y + s), Point(x - s, y + s)],
                              color: color)
        case .diamond:
            let s = r * 1.25
            fillConvexPolygon([Point(x, y - s), Point(x + s, y), Point(x, y + s), Point(x - s, y)], color: color)
        }
    }
}
