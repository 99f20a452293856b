// Elementwise functions of one input. Each names its local derivative next to it:
//   exp' = exp   log' = 1/x   sqrt' = 1/(2·sqrt)   tanh' = 1 − tanh²   relu' = [x > 0]

import Foundation

/// eˣ, elementwise. `exp([0, 1]) = [1, 2.718]`.
public func exp(_ x: Variable) -> Variable {
    Variable.unary(x, { Foundation.exp($0) }, derivative: { _, y in y })
}

/// The natural logarithm, elementwise. `log([1, e]) = [0, 1]`.
public func log(_ x: Variable) -> Variable {
    Variable.unary(x, { Foundation.log($0) }, derivative: { x, _ in 1 / x })
}

/// The square root, elementwise. `sqrt([4, 9]) = [2, 3]`.
public func sqrt(_ x: Variable) -> Variable {
    Variable.unary(x, { $0.squareRoot() }, derivative: { _, y in 0.5 / y })
}

/// The hyperbolic tangent, elementwise. `tanh([0]) = [0]`.
public func tanh(_ x: Variable) -> Variable {
    Variable.unary(x, { Foundation.tanh($0) }, derivative: { _, y in 1 - y * y })
}

/// max(0, x), elementwise. `relu([−1, 2]) = [0, 2]`.
public func relu(_ x: Variable) -> Variable {
    Variable.unary(x, { Swift.max($0, 0) }, derivative: { x, _ in x > 0 ? 1 : 0 })
}

/// x², elementwise. `square([3, −2]) = [9, 4]`.
public func square(_ x: Variable) -> Variable {
    Variable.unary(x, { $0 * $0 }, derivative: { x, _ in 2 * x })
}
