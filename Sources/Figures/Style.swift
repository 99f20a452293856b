// The look shared by every chart: sizes in pixels and colours. One value, passed down explicitly,
// rather than a global configuration.

/// Font sizes, colours and spacing for a figure.
///
///     var style = Style.standard      // tuned for 800×600
///     style.tickFontSize              // 13
///     let small = Style.scaled(0.6)   // for a 200×150 thumbnail
public struct Style: Sendable {
    public var titleFontSize: Double = 16
    public var figureTitleFontSize: Double = 18
    public var labelFontSize: Double = 14
    public var tickFontSize: Double = 13
    public var legendFontSize: Double = 13
    public var annotationFontSize: Double = 11
    public var tickLength: Double = 5
    /// Space between neighbouring text blocks.
    public var padding: Double = 6
    public var lineWidth: Double = 2
    /// Radius of a scatter marker in pixels.
    public var markerRadius: Double = 4
    public var textColor = Color(hex: 0x222222)
    public var axisColor = Color(hex: 0x444444)
    public var gridColor = Color(hex: 0xE6E6E6)
    public var background = Color.white

    public init() {}

    public static let standard = Style()

    /// Every size multiplied by `factor` (for small or large figures).
    public static func scaled(_ factor: Double) -> Style {
        var s = Style()
        s.titleFontSize *= factor; s.figureTitleFontSize *= factor; s.labelFontSize *= factor
        s.tickFontSize *= factor; s.legendFontSize *= factor; s.annotationFontSize *= factor
        s.tickLength *= factor; s.padding *= factor; s.lineWidth = max(1, s.lineWidth * factor)
        s.markerRadius *= factor
        return s
    }
}
