// Linear scales and "nice" tick positions: steps of 1, 2 or 5 times a power of ten, the
// choice of Heckbert ("Nice numbers for graph labels", Graphics Gems, 1990) and matplotlib.
import Foundation

/// Maps data values in `domain` linearly onto pixel positions in `range`.
///
///     let x = LinearScale(domain: 0...10, range: 100...300)
///     x(5)                  // 200
///     x.invert(300)         // 10
///     LinearScale.niceTicks(0, 1)   // [0, 0.2, 0.4, 0.6, 0.8, 1]
public struct LinearScale: Sendable {
    public var domain: ClosedRange<Double>
    /// Pixel positions of the domain's ends; may be reversed (a y axis maps up to down).
    public var start: Double
    public var end: Double

    public init(domain: ClosedRange<Double>, range: ClosedRange<Double>) {
        self.domain = domain; start = range.lowerBound; end = range.upperBound
    }

    public init(domain: ClosedRange<Double>, from start: Double, to end: Double) {
        self.domain = domain; self.start = start; self.end = end
    }

    public func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        return span == 0 ? (start + end) / 2 : start + (value - domain.lowerBound) / span * (end - start)
    }

    public func invert(_ pixel: Double) -> Double {
        domain.lowerBound + (pixel - start) / (end - start) * (domain.upperBound - domain.lowerBound)
    }

    /// The smallest 1-2-5 step whose ticks inside `lo…hi` number at most `maxCount + 1`
    /// (matplotlib's MaxNLocator idea): 0…1 with 7 → 0.2; 0…100 with 7 → 20.
    public static func niceStep(_ lo: Double, _ hi: Double, maxCount: Int = 7) -> Double {
        let span = hi - lo
        guard span > 0, span.isFinite else { return 1 }
        var power = pow(10, floor(log10(span / Double(max(1, maxCount)))) - 1)
        while true {
            for multiple in [1.0, 2, 5] {
                let step = multiple * power
                let count = floor(hi / step + 1e-9) - ceil(lo / step - 1e-9) + 1
                if count <= Double(maxCount + 1) { return step }
            }
            power *= 10
        }
    }

    /// Tick values at multiples of a 1-2-5 step that lie inside `lo…hi`.
    public static func niceTicks(_ lo: Double, _ hi: Double, maxCount: Int = 7) -> [Double] {
        guard lo.isFinite, hi.isFinite else { return [] }
        if lo == hi { return [lo] }
        let step = niceStep(lo, hi, maxCount: maxCount)
        let first = (lo / step - 1e-9).rounded(.up), last = (hi / step + 1e-9).rounded(.down)
        guard first <= last else { return [] }
        // step = mantissa · 10^exponent with mantissa 1, 2 or 5. Tick n is n·mantissa scaled by
        // a power of ten in one rounding (dividing for small steps), so 3 · 0.2 is 0.6, not
        // 0.6000000000000001.
        let exponent = Int(floor(log10(step) + 1e-9))
        let mantissa = (step / pow(10, Double(exponent))).rounded()
        return stride(from: first, through: last, by: 1).map { n in
            let v = exponent < 0 ? n * mantissa / pow(10, Double(-exponent)) : n * mantissa * pow(10, Double(exponent))
            return v == 0 ? 0 : v
        }
    }

    /// `lo…hi` widened outwards to the nearest multiples of its nice step.
    public static func niceDomain(_ lo: Double, _ hi: Double, maxCount: Int = 7) -> ClosedRange<Double> {
        let step = niceStep(lo, hi, maxCount: maxCount)
        return (floor(lo / step + 1e-9) * step)...(ceil(hi / step - 1e-9) * step)
    }

    /// Labels for `ticks`, all with the decimals the step needs: 0, 0.2, 0.4 → "0.0", "0.2",
    /// "0.4"; 0, 500, 1000 → "0", "500", "1000"; large or tiny values in scientific notation.
    public static func labels(for ticks: [Double]) -> [String] {
        guard ticks.count > 1 else { return ticks.map { format($0, decimals: 2) } }
        let step = abs(ticks[1] - ticks[0])
        let largest = ticks.map(abs).max() ?? 0
        if largest >= 1e6 || (largest > 0 && largest < 1e-4) {
            return ticks.map { $0 == 0 ? "0" : String(format: "%.1e", $0) }
        }
        let decimals = max(0, Int(-floor(log10(step) + 1e-9)))
        return ticks.map { format($0, decimals: decimals) }
    }

    static func format(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        // "-0.0" reads as a mistake; print it as "0.0". The minus sign is U+2212, as matplotlib.
        if Double(text) == 0 { return text.replacingOccurrences(of: "-", with: "") }
        return text.replacingOccurrences(of: "-", with: "\u{2212}")
    }
}
