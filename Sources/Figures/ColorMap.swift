// Continuous colour maps. Viridis is by van der Walt and Smith (matplotlib 1.5, 2015); its eleven
// anchors below are viridis at 0, 0.1, …, 1. The diverging map is ColorBrewer's RdBu
// (Cynthia Brewer) reversed, so low is blue, the middle is near-white and high is red.

/// Maps a number in 0…1 to a colour by interpolating evenly spaced anchor colours.
///
///     ColorMap.viridis.color(at: 0)    // rgb(68, 1, 84), dark purple
///     ColorMap.viridis.color(at: 1)    // rgb(253, 231, 37), yellow
///     ColorMap.diverging.color(at: 0.5) // rgb(247, 247, 247), near-white
public struct ColorMap: Sendable {
    public let name: String
    public let anchors: [Color]

    /// A map through `anchors`, evenly spaced over 0…1 (at least two).
    public init(name: String, anchors: [Color]) {
        precondition(anchors.count >= 2, "ColorMap \(name): needs at least 2 anchors, got \(anchors.count)")
        self.name = name
        self.anchors = anchors
    }

    /// The colour at `t`, clamped to 0…1 (NaN gives the colour at 0): the straight mix of the
    /// two anchors around it, so each anchor is hit exactly.
    public func color(at t: Double) -> Color {
        let clamped = t.isNaN ? 0 : max(0, min(1, t))
        let position = clamped * Double(anchors.count - 1)
        let lower = min(Int(position), anchors.count - 2)
        return anchors[lower].mixed(with: anchors[lower + 1], position - Double(lower))
    }

    public static let viridis = ColorMap(name: "viridis", anchors: [
        0x440154, 0x482475, 0x414487, 0x355F8D, 0x2A788E, 0x21918C,
        0x22A884, 0x44BF70, 0x7AD151, 0xBDDF26, 0xFDE725,
    ].map { Color(hex: $0) })

    public static let diverging = ColorMap(name: "blue-white-red", anchors: [
        0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7,
        0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B, 0x67001F,
    ].map { Color(hex: $0) })

    public static let grays = ColorMap(name: "grays", anchors: [.black, .white])
}
