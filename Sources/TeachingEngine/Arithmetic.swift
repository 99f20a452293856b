// Elementwise arithmetic with broadcasting: +, −, ×, ÷ between variables, and with a plain number.
// Each operation computes `out`, then its backward adds one local derivative per input:
//   d(a+b) = (1, 1)   d(a−b) = (1, −1)   d(a·b) = (b, a)   d(a/b) = (1/b, −a/b²)
// Where an input was repeated by broadcasting, its gradient sums over the repetitions.

extension Variable {
    /// a + b, elementwise with broadcasting. `[[1, 2], [3, 4]] + [10, 20] = [[11, 22], [13, 24]]`.
    public static func + (a: Variable, b: Variable) -> Variable {
        binary(a, b, .add)
    }

    /// a − b, elementwise with broadcasting. `[5, 7] − [1, 2] = [4, 5]`.
    public static func - (a: Variable, b: Variable) -> Variable {
        binary(a, b, .subtract)
    }

    /// a · b, elementwise with broadcasting (not the matrix product: see `matmul`). `[2, 3] · [4, 5] = [8, 15]`.
    public static func * (a: Variable, b: Variable) -> Variable {
        binary(a, b, .multiply)
    }

    /// a ÷ b, elementwise with broadcasting. `[8, 9] ÷ [2, 3] = [4, 3]`.
    public static func / (a: Variable, b: Variable) -> Variable {
        binary(a, b, .divide)
    }

    /// −a.
    public static prefix func - (a: Variable) -> Variable { a * -1 }

    /// a · c for a number c. `[1, 2] · 3 = [3, 6]`.
    public static func * (a: Variable, c: Float) -> Variable {
        unary(a, { $0 * c }, derivative: { _, _ in c })
    }
    /// c · a for a number c.
    public static func * (c: Float, a: Variable) -> Variable { a * c }
    /// a ÷ c for a number c.
    public static func / (a: Variable, c: Float) -> Variable { a * (1 / c) }
    /// a + c for a number c. `[1, 2] + 3 = [4, 5]`.
    public static func + (a: Variable, c: Float) -> Variable {
        unary(a, { $0 + c }, derivative: { _, _ in 1 })
    }
    /// c + a for a number c.
    public static func + (c: Float, a: Variable) -> Variable { a + c }
    /// a − c for a number c.
    public static func - (a: Variable, c: Float) -> Variable { a + (-c) }
    /// c − a for a number c. `1 − [0.25, 1] = [0.75, 0]`.
    public static func - (c: Float, a: Variable) -> Variable { (-a) + c }

    /// The four binary operations, named so that forward and backward can each be one loop per case.
    enum BinaryOperation: String { case add, subtract, multiply, divide }

    /// The shared shape of every binary elementwise operation: broadcast, compute `out`, and record a
    /// backward that adds each input's local derivative times the output gradient, summing over
    /// the positions where broadcasting repeated that input's value.
    static func binary(_ a: Variable, _ b: Variable, _ operation: BinaryOperation,
                       file: StaticString = #fileID, line: UInt = #line) -> Variable {
        let plan = BroadcastPlan(a.shape, b.shape, operation: operation.rawValue, file: file, line: line)
        if operation == .add, a !== b, let sum = addByRows(a, b, plan: plan) { return sum }   // BroadcastAdd.swift
        let (x, y) = (a.value.scalars, b.value.scalars)
        let count = plan.outShape.reduce(1, *)
        let out = makeScalars(count: count) { o in
            switch operation {
            case .add: plan.forEach { i, ia, ib in o[i] = x[ia] + y[ib] }
            case .subtract: plan.forEach { i, ia, ib in o[i] = x[ia] - y[ib] }
            case .multiply: plan.forEach { i, ia, ib in o[i] = x[ia] * y[ib] }
            case .divide: plan.forEach { i, ia, ib in o[i] = x[ia] / y[ib] }
            }
        }
        return result(Tensor(shape: plan.outShape, scalars: out), inputs: [a, b]) { g in
            switch operation {
            case .add:       // d(a + b) = (1, 1)
                a.accumulateGrad { ga in plan.forEach { i, ia, _ in ga[ia] += g[i] } }
                b.accumulateGrad { gb in plan.forEach { i, _, ib in gb[ib] += g[i] } }
            case .subtract:  // d(a − b) = (1, −1)
                a.accumulateGrad { ga in plan.forEach { i, ia, _ in ga[ia] += g[i] } }
                b.accumulateGrad { gb in plan.forEach { i, _, ib in gb[ib] -= g[i] } }
            case .multiply:  // d(a · b) = (b, a)
                a.accumulateGrad { ga in plan.forEach { i, ia, ib in ga[ia] += g[i] * y[ib] } }
                b.accumulateGrad { gb in plan.forEach { i, ia, ib in gb[ib] += g[i] * x[ia] } }
            case .divide:    // d(a / b) = (1/b, −a/b²)
                a.accumulateGrad { ga in plan.forEach { i, ia, ib in ga[ia] += g[i] / y[ib] } }
                b.accumulateGrad { gb in plan.forEach { i, ia, ib in gb[ib] -= g[i] * x[ia] / (y[ib] * y[ib]) } }
            }
        }
    }

    /// The shared shape of every unary elementwise operation: y = f(x), and dy/dx = derivative(x, y).
    @inline(__always)
    static func unary(_ a: Variable, _ f: (Float) -> Float,
                      derivative: @escaping (Float, Float) -> Float) -> Variable {
        let x = a.value.scalars
        let out = x.withUnsafeBufferPointer { xp in
            makeScalars(count: xp.count) { o in for i in 0..<xp.count { o[i] = f(xp[i]) } }
        }
        return result(Tensor(shape: a.shape, scalars: out), inputs: [a]) { gy in
            gy.withUnsafeBufferPointer { g in
                x.withUnsafeBufferPointer { xp in
                    out.withUnsafeBufferPointer { yp in
                        a.accumulateGrad { ga in for i in 0..<xp.count { ga[i] += g[i] * derivative(xp[i], yp[i]) } }
                    }
                }
            }
        }
    }
}
