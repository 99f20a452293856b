// A very small or very large number as a reader writes it on paper, 1.2 × 10⁻⁷, instead of the
// programmer's 1.19e-07.

import Foundation

/// `x` as a mantissa with `digits` significant digits times a power of ten, the exponent in
/// superscript; 0 and numbers from 0.001 to 10,000 are written plainly (`%g`).
///
///     powerOfTen(1.19209e-7)        // "1.2 × 10⁻⁷"
///     powerOfTen(-3.5e12, digits: 3) // "−3.50 × 10¹²"
///     powerOfTen(0.25)              // "0.25"
public func powerOfTen(_ x: Double, digits: Int = 2) -> String {
    precondition(digits >= 1, "powerOfTen: digits \(digits) must be at least 1")
    guard x.isFinite else { return "—" }
    if x == 0 || (abs(x) >= 0.001 && abs(x) < 10_000) { return String(format: "%g", x) }
    var exponent = Int(floor(log10(abs(x))))
    var mantissa = String(format: "%.\(digits - 1)f", abs(x) / pow(10, Double(exponent)))
    if mantissa.hasPrefix("10") {          // 9.96e-8 at two digits rounds up to 10 × 10⁻⁸
        exponent += 1
        mantissa = String(format: "%.\(digits - 1)f", abs(x) / pow(10, Double(exponent)))
    }
    let superscripts: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵",
                                                "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
    let power = String(String(exponent).map { superscripts[$0]! })
    return (x < 0 ? "−" : "") + mantissa + " × 10" + power
}
