// The fast path of a + b for the two sums every transformer does many times a step: two tensors of
// one shape (the residual connections) and a vector or table added to every row (biases, position
// embeddings). `Variable.binary` takes it for `.add` whenever the broadcast plan is one of these;
// the values are the same as the general loop's, and a repeated input's gradient is its column sums
// (Kernels.accumulateColumnSums: each column summed over the rows, then added to the gradient).

extension Variable {
    /// a + b through the row kernels, or nil when the plan is the general case (the caller then
    /// runs the general broadcasting loop).
    static func addByRows(_ a: Variable, _ b: Variable, plan: BroadcastPlan) -> Variable? {
        let count = plan.outShape.reduce(1, *)
        // `full` has every value of the output; `repeated` (width values) is added to each of its rows.
        let (full, repeated, width): (Variable, Variable, Int)
        switch plan.kind {
        case .sameShape: (full, repeated, width) = (a, b, count)
        case .bRepeatsEvery(let n): (full, repeated, width) = (a, b, n)
        case .aRepeatsEvery(let n): (full, repeated, width) = (b, a, n)
        case .general: return nil
        }
        guard width > 0, count > 0 else { return nil }
        let rows = count / width
        let (x, v) = (full.value.scalars, repeated.value.scalars)
        let out = makeScalars(count: count) { o in
            x.withUnsafeBufferPointer { xp in
                v.withUnsafeBufferPointer { vp in
                    if rows == 1 {   // same shapes (a residual sum): split by values, not by rows
                        Kernels.add(xp.baseAddress!, vp.baseAddress!, count: count, output: o)
                    } else {
                        Kernels.addToEveryRow(xp.baseAddress!, vp.baseAddress!, rows: rows, width: width, output: o)
                    }
                }
            }
        }
        return result(Tensor(shape: plan.outShape, scalars: out), inputs: [a, b]) { g in
            full.accumulateGrad(adopting: g)                       // d(a + b)/d full = 1: g itself
            if rows == 1 {                                         // same shape: the other input too
                repeated.accumulateGrad(adopting: g)
                return
            }
            g.withUnsafeBufferPointer { gp in
                let g = gp.baseAddress!
                repeated.accumulateGrad { gRepeated in
                    Kernels.accumulateColumnSums(g, rows: rows, width: width, into: gRepeated)
                }
            }
        }
    }
}
