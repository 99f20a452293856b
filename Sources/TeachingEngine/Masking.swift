// Masking: replace values where a mask says so. y = mask ? value : x, with the mask broadcast to x.
// Backward: the gradient passes through where the value was kept and is 0 where it was replaced.

extension Variable {
    /// `value` wherever `mask` is non-zero, x elsewhere; `mask` broadcasts to x's shape.
    ///
    ///     [1, 2, 3] filled with −∞ where [0, 1, 0]  →  [1, −∞, 3]
    public func filled(with value: Float, where mask: Tensor,
                       file: StaticString = #fileID, line: UInt = #line) -> Variable {
        let plan = BroadcastPlan(shape, mask.shape, operation: "filled(where:)", file: file, line: line)
        require(plan.outShape == shape,
                     "filled(where:): mask \(describe(shape: mask.shape)) would grow \(describe(shape: shape))",
                     file: file, line: line)
        let (x, m) = (self.value.scalars, mask.scalars)
        let out = makeScalars(count: x.count) { o in
            plan.forEach { i, ix, im in o[i] = m[im] != 0 ? value : x[ix] }
        }
        return Variable.result(Tensor(shape: shape, scalars: out), inputs: [self]) { [self] gy in
            accumulateGrad { gx in plan.forEach { i, ix, im in if m[im] == 0 { gx[ix] += gy[i] } } }
        }
    }
}
