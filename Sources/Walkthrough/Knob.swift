// Checks for lesson knobs: a bad value is a usage error before any work starts, one line that names
// the option, the value and what is allowed.

import ArgumentParser
import Figures

/// Validation helpers for `LessonKnobs.validate()`. Each throws a `ValidationError` whose message names
/// the option and the value, which the command line prints as one usage line with a non-zero exit.
///
///     try Knob.positive(0, "--steps")       // error: --steps must be a positive number, got 0
///     try Knob.positive(Double.nan, "--lr") // error: --lr must be a positive number, got nan
public enum Knob {
    public static func positive(_ value: Int, _ name: String) throws {
        guard value > 0 else { throw ValidationError("\(name) must be a positive number, got \(value)") }
    }

    public static func positive(_ value: Double, _ name: String) throws {
        guard value.isFinite && value > 0 else {
            throw ValidationError("\(name) must be a positive number, got \(value)")
        }
    }

    public static func nonNegative(_ value: Double, _ name: String) throws {
        guard value.isFinite && value >= 0 else {
            throw ValidationError("\(name) must be zero or more, got \(value)")
        }
    }

    public static func inRange(_ value: Double, _ range: ClosedRange<Double>, _ name: String) throws {
        guard value.isFinite && range.contains(value) else {
            throw ValidationError("\(name) must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
        }
    }

    public static func inRange(_ value: Int, _ range: ClosedRange<Int>, _ name: String) throws {
        guard range.contains(value) else {
            throw ValidationError("\(name) must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
        }
    }

    /// Checks that `path` (when given) is an image the kit can load — decoding it once — so a bad
    /// `--image` is a usage error before any work, and nothing is written to --out.
    ///
    ///     try Knob.image("notes.txt", "--image")
    ///     // error: --image: cannot load image 'notes.txt': not a PNG, JPEG, GIF, WebP or BMP image (…)
    public static func image(_ path: String?, _ name: String) throws {
        guard let path else { return }
        do {
            _ = try RGBImage(contentsOf: path)
        } catch let error as ImageLoadError {
            throw ValidationError("\(name): \(error.description)")
        }
    }
}
