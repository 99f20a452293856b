// Row-wise helpers for the most common broadcast in a transformer: a vector [width] added to every
// row of a matrix [rows, width] (a bias, a position table), and its gradient, the column sums.
// A general broadcasting loop computes an index pair per element through a closure; these walk
// contiguous rows eight values at a time, split across the cores (ParallelRows.swift); where AVX2 runs,
// the add goes eight values per instruction in C (GemmPackAVX2.c), the same adds.

import MatmulFMA

extension Kernels {
    /// into[j] += Σ_r x[r·width + j] — the gradient of a row-broadcast vector.
    /// Rows are added in order r = 0, 1, …, and each column is summed whole by one thread (the
    /// columns are split across `threads`, see `splitWork`), so the result does not depend on the
    /// thread count. Where AVX-512 runs, ColumnSumsAVX512.c adds the same values in the same order
    /// sixteen columns per instruction; `portable` keeps the loop below (the tests compare the two).
    ///
    ///     x = [[1, 2], [3, 4], [5, 6]], into = [0, 10]  →  into = [9, 22]
    package static func accumulateColumnSums(
        _ x: UnsafePointer<Float>, rows: Int, width: Int, into: UnsafeMutablePointer<Float>, threads: Int? = nil,
        portable: Bool = false
    ) {
        splitColumns(rows: rows, width: width, threads: threads) { columns in
            if matmulUsesAVX512 && !portable {
                alignfuse_column_sums_avx512(x + columns.lowerBound, nil, rows, width, columns.count,
                                             into + columns.lowerBound, 1)
                return
            }
            var j = columns.lowerBound
            // 32 columns per pass over the rows: four sums in flight, not one add waiting for the last.
            while j + 32 <= columns.upperBound {
                var (s0, s1, s2, s3) = (SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>())
                for r in 0..<rows {
                    let row = x + r * width + j
                    s0 += load8(row); s1 += load8(row + 8); s2 += load8(row + 16); s3 += load8(row + 24)
                }
                store8(load8(into + j) + s0, into + j); store8(load8(into + j + 8) + s1, into + j + 8)
                store8(load8(into + j + 16) + s2, into + j + 16); store8(load8(into + j + 24) + s3, into + j + 24)
                j += 32
            }
            while j + 8 <= columns.upperBound {
                var sum = SIMD8<Float>()
                for r in 0..<rows { sum += load8(x + r * width + j) }
                store8(load8(into + j) + sum, into + j)
                j += 8
            }
            while j < columns.upperBound {
                var sum: Float = 0
                for r in 0..<rows { sum += x[r * width + j] }
                into[j] += sum
                j += 1
            }
        }
    }

    /// out[i] = x[i] + y[i] for i in 0..<count: a residual sum, split across the cores in runs of whole
    /// groups of eight values (each value is one add, so any split gives the same bytes).
    ///
    ///     x = [1, 2, 3], y = [10, 20, 30]  →  [11, 22, 33]
    package static func add(
        _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count: Int, output out: UnsafeMutablePointer<Float>,
        threads: Int? = nil
    ) {
        splitWork(count: (count + 7) / 8, valuesPerItem: 8, threads: threads) { groups in
            let start = groups.lowerBound * 8, end = Swift.min(count, groups.upperBound * 8)
            addToEveryRow(x + start, y + start, rows: 1, width: end - start, output: out + start, threads: 1)
        }
    }

    /// out[r·width + j] = x[r·width + j] + v[j] for every row r (out may be x itself).
    ///
    ///     x = [[1, 2], [3, 4]], v = [10, 20]  →  [[11, 22], [13, 24]]
    package static func addToEveryRow(
        _ x: UnsafePointer<Float>, _ v: UnsafePointer<Float>, rows: Int, width: Int,
        output out: UnsafeMutablePointer<Float>, threads: Int? = nil
    ) {
        splitWork(count: rows, valuesPerItem: width, threads: threads) { range in
            if matmulUsesFMA {   // the same adds, eight per AVX instruction (GemmPackAVX2.c)
                let at = range.lowerBound * width
                alignfuse_add_to_every_row_avx2(x + at, v, range.count, width, out + at)
                return
            }
            for r in range {
                let row = x + r * width, target = out + r * width
                var j = 0
                while j + 8 <= width {
                    store8(load8(row + j) + load8(v + j), target + j)
                    j += 8
                }
                while j < width {
                    target[j] = row[j] + v[j]
                    j += 1
                }
            }
        }
    }
}
