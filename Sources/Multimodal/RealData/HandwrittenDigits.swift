// The UCI "Optical Recognition of Handwritten Digits" (Alpaydin & Kaynak 1998): 32×32 bitmaps of
// handwritten digits counted in 4×4 blocks, so each digit is an 8×8 grid of counts 0–16. One row of a
// comma-separated file per digit: 64 counts, row by row, then the digit.

import Foundation

/// One handwritten digit: 64 counts 0–16 (8×8, row by row) and the digit it shows.
public struct HandwrittenDigit: Sendable, Equatable {
    public let counts: [UInt8]
    public let digit: Int

    public init(counts: [UInt8], digit: Int) {
        self.counts = counts
        self.digit = digit
    }

    /// The counts scaled to [−1, 1] (0 → −1, 16 → 1): centred inputs for an encoder.
    public var centred: [Float] { counts.map { Float($0) / 8 - 1 } }
}

/// Why a digits file could not be read: the file, the line and the one thing wrong.
///
///     cannot read digits 'digits.csv': line 3: 64 counts and a digit expected (65 values), found 12
public struct DigitsError: Error, Equatable, CustomStringConvertible {
    public let path: String
    /// The 1-based line, or nil for the file as a whole.
    public let line: Int?
    public let reason: String

    public var description: String {
        "cannot read digits '\(path)': " + (line.map { "line \($0): " } ?? "") + reason
    }
}

/// Reads the UCI handwritten digits file.
public enum HandwrittenDigits {
    public static let side = 8
    public static let maxCount = 16

    /// Reads a file of the UCI format. Throws `DigitsError` naming the file, line and reason.
    public static func read(contentsOf path: String) throws -> [HandwrittenDigit] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw DigitsError(path: path, line: nil, reason: isDirectory.boolValue ? "it is a directory" : "no such file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DigitsError(path: path, line: nil, reason: "cannot read it")
        }
        return try parse(Array(data), name: path)
    }

    /// Parses the file's bytes; `name` is used in error messages. Blank lines are skipped.
    ///
    ///     try HandwrittenDigits.parse(Array((String(repeating: "0,", count: 64) + "7\n").utf8))
    ///     // one digit 7 with 64 zero counts
    public static func parse(_ bytes: [UInt8], name: String = "<memory>") throws -> [HandwrittenDigit] {
        guard !bytes.isEmpty else { throw DigitsError(path: name, line: nil, reason: "the file is empty") }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DigitsError(path: name, line: nil, reason: "not text (invalid UTF-8)")
        }
        var digits: [HandwrittenDigit] = []
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let number = index + 1
            guard fields.count == side * side + 1 else {
                throw DigitsError(path: name, line: number,
                                  reason: "\(side * side) counts and a digit expected (\(side * side + 1) values), found \(fields.count)")
            }
            var values: [Int] = []
            for (column, field) in fields.enumerated() {
                let trimmed = field.trimmingCharacters(in: .whitespaces)
                guard let value = Int(trimmed) else {
                    throw DigitsError(path: name, line: number, reason: "value \(column + 1), '\(trimmed.prefix(20))', is not a whole number")
                }
                values.append(value)
            }
            for (column, value) in values.prefix(side * side).enumerated() where !(0...maxCount).contains(value) {
                throw DigitsError(path: name, line: number, reason: "count \(column + 1) is \(value), outside 0–\(maxCount)")
            }
            guard (0...9).contains(values[side * side]) else {
                throw DigitsError(path: name, line: number, reason: "the digit is \(values[side * side]), not 0–9")
            }
            digits.append(HandwrittenDigit(counts: values.prefix(side * side).map { UInt8($0) }, digit: values[side * side]))
        }
        guard !digits.isEmpty else { throw DigitsError(path: name, line: nil, reason: "no digits in it") }
        return digits
    }
}
