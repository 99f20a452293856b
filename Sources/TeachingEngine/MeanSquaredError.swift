// Mean squared error: loss = (1/n) Σ (prediction − target)²,  d loss / d prediction = 2 (prediction − target) / n.

import AlignFuseSupport

/// The mean of the squared differences between `prediction` and `target` (same shape).
///
///     meanSquaredError([1, 2], target: [1, 4])   // ((0)² + (−2)²) / 2 = 2
public func meanSquaredError(_ prediction: Variable, target: Tensor,
                             file: StaticString = #fileID, line: UInt = #line) -> Variable {
    require(prediction.shape == target.shape,
                 "meanSquaredError: prediction \(describe(shape: prediction.shape)) and target \(describe(shape: target.shape)) differ",
                 file: file, line: line)
    return square(prediction - Variable(target)).mean()
}
