// How each object is drawn: a list of coloured primitives in the unit box [0, 1]² of the object
// (x to the right, y down), painted in order. The renderer scales the box into the object's cell.
// Icons are drawn face-on (cat, dog) or side-on (bird, fish) so their outlines differ even at 8×8:
// the cat's pointed ears stick up, the dog's floppy ears hang down its sides, the bird has a beak and
// legs, the fish a forked tail.

import Foundation

/// A primitive in unit coordinates with its colour.
public struct Stroke: Sendable {
    public let primitive: Primitive
    public let color: RGB
}

/// The drawings of ToyWorld's objects and its sun.
public enum ObjectDrawings {
    static let ink = RGB(25, 22, 30)

    /// The strokes of an object of `kind` whose body colour is `color`, in its unit box.
    ///
    ///     ObjectDrawings.strokes(for: .square, color: .orange).count   // 1: one orange polygon
    public static func strokes(for kind: ObjectKind, color: ToyColor) -> [Stroke] {
        let body = RGB(color)
        switch kind {
        case .cat: return cat(body)
        case .dog: return dog(body)
        case .bird: return bird(body)
        case .fish: return fish(body)
        case .circle: return [Stroke(primitive: circle(0.5, 0.5, 0.47), color: body)]
        case .square:
            return [Stroke(primitive: .polygon([(0.07, 0.07), (0.93, 0.07), (0.93, 0.93), (0.07, 0.93)]), color: body)]
        case .triangle:
            return [Stroke(primitive: .polygon([(0.5, 0.04), (0.97, 0.93), (0.03, 0.93)]), color: body)]
        }
    }

    /// The sun: a golden disc with eight rays.
    public static let sunColor = RGB(255, 205, 40)

    /// The strokes of the sun in its unit box.
    public static func sunStrokes() -> [Stroke] {
        var strokes = [Stroke(primitive: circle(0.5, 0.5, 0.27), color: sunColor)]
        for i in 0..<8 {
            let a = Float(i) * Float.pi / 4
            strokes.append(Stroke(primitive: .segment(x0: 0.5 + 0.35 * cosf(a), y0: 0.5 + 0.35 * sinf(a),
                                                      x1: 0.5 + 0.47 * cosf(a), y1: 0.5 + 0.47 * sinf(a),
                                                      radius: 0.035), color: sunColor))
        }
        return strokes
    }

    // MARK: - The animals

    /// A cat's face: pointed ears with pink insides, round head, slit-pupil eyes, pink nose, whiskers.
    static func cat(_ body: RGB) -> [Stroke] {
        let inner = body.mixed(with: RGB(255, 150, 170), 0.55)
        let whisker = body.r + body.g + body.b > 600 ? RGB(90, 90, 100) : RGB(235, 235, 240)
        var s: [Stroke] = [
            Stroke(primitive: .polygon([(0.10, 0.48), (0.17, 0.02), (0.47, 0.30)]), color: body),
            Stroke(primitive: .polygon([(0.90, 0.48), (0.83, 0.02), (0.53, 0.30)]), color: body),
            Stroke(primitive: .polygon([(0.17, 0.38), (0.20, 0.12), (0.38, 0.29)]), color: inner),
            Stroke(primitive: .polygon([(0.83, 0.38), (0.80, 0.12), (0.62, 0.29)]), color: inner),
            Stroke(primitive: .ellipse(cx: 0.5, cy: 0.6, rx: 0.41, ry: 0.36, angle: 0), color: body),
        ]
        for x: Float in [0.34, 0.66] {
            s.append(Stroke(primitive: .ellipse(cx: x, cy: 0.53, rx: 0.07, ry: 0.085, angle: 0), color: RGB(200, 230, 80)))
            s.append(Stroke(primitive: .ellipse(cx: x, cy: 0.53, rx: 0.022, ry: 0.075, angle: 0), color: ink))
        }
        s.append(Stroke(primitive: .polygon([(0.44, 0.66), (0.56, 0.66), (0.5, 0.73)]), color: RGB(240, 120, 150)))
        s.append(Stroke(primitive: .segment(x0: 0.5, y0: 0.72, x1: 0.44, y1: 0.79, radius: 0.012), color: ink))
        s.append(Stroke(primitive: .segment(x0: 0.5, y0: 0.72, x1: 0.56, y1: 0.79, radius: 0.012), color: ink))
        for (dy, tip) in [(Float(-0.03), Float(0.60)), (0, 0.70), (0.03, 0.81)] {
            s.append(Stroke(primitive: .segment(x0: 0.37, y0: 0.70 + dy, x1: 0.01, y1: tip, radius: 0.01), color: whisker))
            s.append(Stroke(primitive: .segment(x0: 0.63, y0: 0.70 + dy, x1: 0.99, y1: tip, radius: 0.01), color: whisker))
        }
        return s
    }

    /// A dog's face: long floppy ears hanging beside an oval head, pale muzzle, black nose, tongue.
    static func dog(_ body: RGB) -> [Stroke] {
        let ear = body.mixed(with: .black, 0.4)
        let muzzle = body.mixed(with: .white, 0.45)
        var s: [Stroke] = [
            Stroke(primitive: .ellipse(cx: 0.5, cy: 0.52, rx: 0.3, ry: 0.38, angle: 0), color: body),
            Stroke(primitive: .ellipse(cx: 0.19, cy: 0.5, rx: 0.12, ry: 0.32, angle: 0.28), color: ear),
            Stroke(primitive: .ellipse(cx: 0.81, cy: 0.5, rx: 0.12, ry: 0.32, angle: -0.28), color: ear),
            Stroke(primitive: .ellipse(cx: 0.5, cy: 0.72, rx: 0.19, ry: 0.15, angle: 0), color: muzzle),
            Stroke(primitive: .ellipse(cx: 0.5, cy: 0.87, rx: 0.06, ry: 0.06, angle: 0), color: RGB(235, 90, 110)),
            Stroke(primitive: .ellipse(cx: 0.5, cy: 0.65, rx: 0.08, ry: 0.055, angle: 0), color: ink),
            Stroke(primitive: .segment(x0: 0.5, y0: 0.68, x1: 0.5, y1: 0.78, radius: 0.012), color: ink),
            Stroke(primitive: .segment(x0: 0.42, y0: 0.8, x1: 0.58, y1: 0.8, radius: 0.012), color: ink),
        ]
        for x: Float in [0.39, 0.61] {
            s.append(Stroke(primitive: circle(x, 0.45, 0.048), color: ink))
            s.append(Stroke(primitive: circle(x + 0.015, 0.435, 0.015), color: .white))
        }
        return s
    }

    /// A bird in profile facing right: tail, round body, folded wing, head, golden beak, thin legs.
    static func bird(_ body: RGB) -> [Stroke] {
        let wing = body.mixed(with: .black, 0.35)
        let beak = RGB(245, 185, 25)
        let legs = RGB(190, 120, 40)
        return [
            Stroke(primitive: .segment(x0: 0.42, y0: 0.75, x1: 0.40, y1: 0.95, radius: 0.02), color: legs),
            Stroke(primitive: .segment(x0: 0.54, y0: 0.75, x1: 0.56, y1: 0.95, radius: 0.02), color: legs),
            Stroke(primitive: .polygon([(0.03, 0.40), (0.32, 0.52), (0.05, 0.70)]), color: wing),
            Stroke(primitive: .ellipse(cx: 0.45, cy: 0.57, rx: 0.31, ry: 0.22, angle: -0.15), color: body),
            Stroke(primitive: circle(0.72, 0.37, 0.17), color: body),
            Stroke(primitive: .ellipse(cx: 0.40, cy: 0.57, rx: 0.21, ry: 0.10, angle: -0.4), color: wing),
            Stroke(primitive: .polygon([(0.86, 0.30), (0.99, 0.39), (0.86, 0.45)]), color: beak),
            Stroke(primitive: circle(0.76, 0.33, 0.04), color: ink),
            Stroke(primitive: circle(0.77, 0.32, 0.013), color: .white),
        ]
    }

    /// A fish in profile facing left: forked tail fin, oval body, dorsal and side fins, gill line, eye.
    static func fish(_ body: RGB) -> [Stroke] {
        let fin = body.mixed(with: .black, 0.35)
        return [
            Stroke(primitive: .polygon([(0.66, 0.5), (0.98, 0.2), (0.88, 0.5), (0.98, 0.8)]), color: fin),
            Stroke(primitive: .polygon([(0.30, 0.34), (0.50, 0.14), (0.62, 0.36)]), color: fin),
            Stroke(primitive: .ellipse(cx: 0.42, cy: 0.5, rx: 0.38, ry: 0.23, angle: 0), color: body),
            Stroke(primitive: .polygon([(0.44, 0.55), (0.60, 0.60), (0.48, 0.70)]), color: fin),
            Stroke(primitive: .segment(x0: 0.30, y0: 0.36, x1: 0.30, y1: 0.64, radius: 0.014), color: fin),
            Stroke(primitive: circle(0.17, 0.45, 0.055), color: .white),
            Stroke(primitive: circle(0.16, 0.45, 0.03), color: ink),
            Stroke(primitive: .segment(x0: 0.05, y0: 0.56, x1: 0.11, y1: 0.55, radius: 0.012), color: ink),
        ]
    }

    static func circle(_ cx: Float, _ cy: Float, _ r: Float) -> Primitive {
        .ellipse(cx: cx, cy: cy, rx: r, ry: r, angle: 0)
    }
}
