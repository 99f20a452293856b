// What lesson 07 trains on, as tensors: handwriting, speech and texts, each with the digit it shows,
// says or names. Pairs are made by digit: any picture of a 7 goes with any recording of "seven" and
// with any text naming seven. Nothing pairs a recording with a text.

import AlignFuseSupport
import TeachingEngine

/// Examples of one modality as rows of a matrix, and the digit of each row.
public struct DigitRows: Sendable {
    /// [N, width]
    public let values: Tensor
    public let digits: [Int]

    public init(values: Tensor, digits: [Int], file: StaticString = #fileID, line: UInt = #line) {
        require(values.rank == 2 && values.shape[0] == digits.count,
                "DigitRows: values \(describe(shape: values.shape)) for \(digits.count) digits", file: file, line: line)
        self.values = values
        self.digits = digits
    }

    public var count: Int { digits.count }
    public var width: Int { values.shape[1] }

    /// The rows at `indices`: [b, width].
    public func rows(_ indices: [Int]) -> Tensor {
        var scalars: [Float] = []
        scalars.reserveCapacity(indices.count * width)
        for i in indices { scalars += values.scalars[(i * width)..<((i + 1) * width)] }
        return Tensor(shape: [indices.count, width], scalars: scalars)
    }

    /// The indices of the rows of each digit 0–9.
    public var byDigit: [[Int]] { (0..<10).map { d in digits.indices.filter { digits[$0] == d } } }
}

/// The training material of a `BindingModel`: pictures and recordings as rows, texts as padded ids.
public struct BindingSet: Sendable {
    public let images: DigitRows
    public let speech: DigitRows
    public let texts: [[Int]]
    public let textDigits: [Int]

    public init(images: DigitRows, speech: DigitRows, texts: [[Int]], textDigits: [Int],
                file: StaticString = #fileID, line: UInt = #line) {
        require(texts.count == textDigits.count, "BindingSet: \(texts.count) texts, \(textDigits.count) digits",
                file: file, line: line)
        for (name, digits) in [("images", images.digits), ("speech", speech.digits), ("texts", textDigits)] {
            require(Set(digits) == Set(0..<10), "BindingSet: \(name) must hold every digit 0–9, found \(Set(digits).sorted())",
                    file: file, line: line)
        }
        self.images = images
        self.speech = speech
        self.texts = texts
        self.textDigits = textDigits
    }
}
