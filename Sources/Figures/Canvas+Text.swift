// Text on the canvas: placing a string by an anchor point, at any angle, and measuring it.
// Vertical placement uses the font's own metrics (not the ink of each string), so "a" and "Ag"
// sit on the same baseline.
import CGD
import Foundation

/// Which point of a string's box is placed at the given position, horizontally.
public enum TextAlign: Sendable { case left, center, right }
/// …and vertically: the top of tall letters, the middle of capitals, the baseline, or the
/// bottom of descenders.
public enum TextBaseline: Sendable { case top, middle, baseline, bottom }

/// Heights of a font at one size, measured from the baseline (positive numbers).
struct FontMetrics {
    var ascent: Double, capHeight: Double, descent: Double
}

/// The size of a string's box in pixels.
public struct TextSize: Equatable, Sendable {
    public var width: Double
    public var height: Double
}

extension Canvas {
    /// Draws `string` with its anchor (`align`, `baseline`) at `point`, rotated `angle` radians
    /// counter-clockwise about that point (π/2 reads bottom to top, as a y-axis label).
    ///
    ///     canvas.text("loss", at: Point(20, 300), size: 14, color: .black,
    ///                 align: .center, baseline: .top, angle: .pi / 2)
    public func text(_ string: String, at point: Point, size: Double, color: Color,
                     align: TextAlign = .left, baseline: TextBaseline = .baseline, angle: Double = 0) {
        guard !string.isEmpty, let extents = extents(of: string, size: size) else { return }
        let m = metrics(for: string, size: size)
        let ax: Double
        switch align {
        case .left: ax = extents.left
        case .center: ax = extents.left + extents.width / 2
        case .right: ax = extents.right
        }
        let ay: Double
        switch baseline {
        case .top: ay = -m.ascent
        case .middle: ay = -m.capHeight / 2
        case .baseline: ay = 0
        case .bottom: ay = m.descent
        }
        // The origin is the point minus the anchor offset, rotated with the text.
        let (c, s) = (cos(angle), sin(angle))
        let ox = point.x - (ax * c + ay * s), oy = point.y - (-ax * s + ay * c)
        FreeType.render(string, image: image.pointer, x: Int(ox.rounded()), y: Int(oy.rounded()),
                        pixelSize: size, angle: angle, color: color.gdValue)
    }

    /// The width of the ink of `string` and the height of its font (ascent + descent), unrotated.
    public func measure(_ string: String, size: Double) -> TextSize {
        let m = metrics(for: string, size: size)
        guard !string.isEmpty, let e = extents(of: string, size: size) else {
            return TextSize(width: 0, height: m.ascent + m.descent)
        }
        return TextSize(width: e.width, height: m.ascent + m.descent)
    }

    /// `string` unchanged if it fits in `maxWidth` pixels, else cut and ended with "…".
    public func truncate(_ string: String, toWidth maxWidth: Double, size: Double) -> String {
        if measure(string, size: size).width <= maxWidth { return string }
        var characters = Array(string)
        while !characters.isEmpty {
            characters.removeLast()
            let candidate = String(characters) + "…"
            if measure(candidate, size: size).width <= maxWidth { return candidate }
        }
        return "…"
    }

    /// The ink extents of `string` at angle 0, measured once per canvas (layout asks often).
    func extents(of string: String, size: Double) -> TextExtents? {
        let key = "\(size)|" + string
        if let cached = extentsCache[key] { return cached }
        let measured = FreeType.render(string, image: nil, x: 0, y: 0, pixelSize: size, angle: 0, color: 0)
        extentsCache[key] = measured
        return measured
    }

    /// Ascent, cap height and descent for the font `string` will use, cached per canvas.
    func metrics(for string: String, size: Double) -> FontMetrics {
        let font = FontChoice.forText(string)
        let key = "\(font.name)|\(size)"
        if let cached = metricsCache[key] { return cached }
        let probe = font.isPattern ? "H" : "国"
        let cap = FreeType.render(probe, image: nil, x: 0, y: 0, pixelSize: size, angle: 0, color: 0)
        let tall = FreeType.render(probe + "dg", image: nil, x: 0, y: 0, pixelSize: size, angle: 0, color: 0)
        let m = FontMetrics(ascent: -(tall?.top ?? -size * 0.76), capHeight: -(cap?.top ?? -size * 0.73),
                            descent: tall?.bottom ?? size * 0.24)
        metricsCache[key] = m
        return m
    }
}
