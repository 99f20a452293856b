// The matrix product and its gradient. For C = A·B the chain rule gives
//   dA = dC·Bᵀ   and   dB = Aᵀ·dC
// (with a transposed input, the same products with the operands' roles swapped). Every product runs
// through one fast kernel (Kernels/MatmulKernel.swift → MatmulGemm.swift), so speeding it up speeds
// every layer; transposes are read in place, never copied.

import AlignFuseSupport

/// The matrix product op(a) · op(b).
///
/// Shapes (`ᵀ` when the flag is set, which swaps the last two sizes of that input):
/// - `[m, k] · [k, n] → [m, n]`
/// - `[..., m, k] · [k, n] → [..., m, n]`: a weight applied to every row (e.g. `[B, T, d] · [d, e]`)
/// - `[..., m, k] · [..., k, n] → [..., m, n]`: batched, the leading sizes equal (e.g. attention's `[B, h, T, T]`)
///
///     matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]])  // [[19, 22], [43, 50]]
///
/// With `bias` ([n], for a shared [k, n] weight): op(a)·b + bias, Linear's `x·W + b` in one pass; the
/// values are those of `matmul(a, b) + bias`.
///
/// - Precondition: the inner sizes agree: `matmul: [64, 192] × [64, 64]: inner sizes 192 and 64 differ`.
public func matmul(_ a: Variable, _ b: Variable, transposeA: Bool = false, transposeB: Bool = false,
                   bias: Variable? = nil, file: StaticString = #fileID, line: UInt = #line) -> Variable {
    let shape = MatmulShape(a.shape, b.shape, transposeA: transposeA, transposeB: transposeB,
                            bias: bias?.shape, file: file, line: line)
    // C = op(A)·op(B) (+ bias on every row)
    let c = Kernels.matmul(a.value.scalars, b.value.scalars, bias: bias?.value.scalars, shape)
    return Variable.result(Tensor(shape: shape.output, scalars: c), inputs: [a, b] + (bias.map { [$0] } ?? [])) { dC in
        // dA = dC·op(B)ᵀ and dB = op(A)ᵀ·dC (side by side on two cores when both are wanted and large)
        Kernels.matmulGradients(dC, a: a, b: b, shape)
        // d(bias) = the column sums of dC
        bias?.accumulateGrad { Kernels.accumulateColumnSums(dC, rows: shape.rows, width: shape.n, into: $0) }
    }
}

/// The sizes of one `matmul`, checked: op(A) is [..., m, k], op(B) [..., k, n] or one shared [k, n].
struct MatmulShape {
    let m: Int, k: Int, n: Int
    let transposeA: Bool, transposeB: Bool
    /// The product of the leading sizes of A (1 for a matrix).
    let batch: Int
    /// B is one [k, n] matrix for every row of A (a layer's weight): the batch folds into the rows.
    let sharedWeight: Bool
    /// C's shape: A's leading sizes, then [m, n].
    let output: [Int]

    /// Products for gemm: one [batch·m, k]·[k, n] for a shared weight, else `batch` of [m, k]·[k, n].
    var products: Int { sharedWeight ? 1 : batch }
    /// Rows of each gemm product.
    var productRows: Int { sharedWeight ? batch * m : m }
    /// Rows of C, all products together.
    var rows: Int { batch * m }

    init(_ sa: [Int], _ sb: [Int], transposeA: Bool, transposeB: Bool, bias: [Int]?,
         file: StaticString, line: UInt) {
        // the product as written, for the messages (formatted only when one is shown)
        func written() -> String {
            "\(describe(shape: sa))\(transposeA ? "ᵀ" : "") × \(describe(shape: sb))\(transposeB ? "ᵀ" : "")"
        }
        require(sa.count >= 2 && sb.count >= 2, "matmul: \(written()): both inputs need at least 2 dimensions",
                file: file, line: line)
        let (rowsA, colsA, rowsB, colsB) = (sa[sa.count - 2], sa[sa.count - 1], sb[sb.count - 2], sb[sb.count - 1])
        (m, k) = transposeA ? (colsA, rowsA) : (rowsA, colsA)
        let (kB, n) = transposeB ? (colsB, rowsB) : (rowsB, colsB)
        self.n = n
        require(k == kB, "matmul: \(written()): inner sizes \(k) and \(kB) differ", file: file, line: line)
        let leading = Array(sa.dropLast(2))
        sharedWeight = sb.count == 2
        require(sharedWeight || Array(sb.dropLast(2)) == leading,
                "matmul: \(written()): batch sizes \(describe(shape: leading)) and \(describe(shape: Array(sb.dropLast(2)))) differ",
                file: file, line: line)
        require(!(sharedWeight && transposeA && !leading.isEmpty),
                "matmul: \(written()): transposeA with a shared [k, n] weight needs a rank-2 a", file: file, line: line)
        require(bias == nil || (sharedWeight && bias! == [n]),
                "matmul: \(written()): a bias \(describe(shape: bias ?? [])) needs a shared [k, n] weight and shape [\(n)]",
                file: file, line: line)
        (self.transposeA, self.transposeB) = (transposeA, transposeB)
        batch = leading.reduce(1, *)
        output = leading + [m, n]
    }
}
