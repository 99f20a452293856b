// Packing: copying a block of A or B into the order the micro-kernel reads it.
// Goto & van de Geijn (2008), §5. After packing, the micro-kernel reads both operands with unit
// stride whatever the caller's layout (plain or transposed), and the block stays in cache.

import MatmulFMA

/// Packs rows `rows` × depth `depths` of op(A) into micro-panels of 6 rows (the driver packs only
/// the last, partial panel; whole panels are read in place).
///
/// Panel q holds rows rows.lowerBound + 6q …, laid out step by step: dst[q·6·kc + p·6 + r].
/// Rows past the end of the block are filled with zeros, so the micro-kernel always runs 6 rows.
///
/// - `a`: A stored [m, k] (or [k, m] when `transposed`), row-major, stored rows `leading` apart.
///
///     op(A) = [[1, 2], [3, 4]], all rows and depths  →  [1, 3, 0, 0, 0, 0,  2, 4, 0, 0, 0, 0]
func packA(
    _ a: UnsafePointer<Float>, leading: Int, transposed: Bool,
    rows: Range<Int>, depths: Range<Int>, into dst: UnsafeMutablePointer<Float>
) {
    var out = dst
    for panelStart in stride(from: rows.lowerBound, to: rows.upperBound, by: microRows) {
        let valid = min(microRows, rows.upperBound - panelStart)
        if transposed {
            // A stored [k, m]: the six values of one step are adjacent.
            for p in depths {
                let src = a + p * leading + panelStart
                for r in 0..<valid { out[r] = src[r] }
                for r in valid..<microRows { out[r] = 0 }
                out += microRows
            }
        } else {
            // A stored [m, k]: walk six rows side by side.
            for p in depths {
                for r in 0..<valid { out[r] = a[(panelStart + r) * leading + p] }
                for r in valid..<microRows { out[r] = 0 }
                out += microRows
            }
        }
    }
}

/// Packs depth `depths` × columns `columns` of op(B) into micro-panels of 16 columns.
///
/// Panel q holds columns columns.lowerBound + 16q …, step by step: dst[q·16·kc + p·16 + j].
/// Columns past the end are zero.
///
/// - `b`: B stored [k, n] (or [n, k] when `transposed`), row-major, stored rows `leading` apart.
func packB(
    _ b: UnsafePointer<Float>, leading: Int, transposed: Bool,
    depths: Range<Int>, columns: Range<Int>, into dst: UnsafeMutablePointer<Float>
) {
    var out = dst
    for panelStart in stride(from: columns.lowerBound, to: columns.upperBound, by: microColumns) {
        let valid = min(microColumns, columns.upperBound - panelStart)
        if transposed && valid == microColumns && matmulUsesFMA {
            // B stored [n, k]: sixteen of its rows become the panel, eight by eight through AVX registers.
            alignfuse_pack_b_transposed_avx2(b + panelStart * leading + depths.lowerBound, leading, depths.count, out)
            out += microColumns * depths.count
        } else if transposed {
            // B stored [n, k]: column j of op(B) is row j of storage.
            for p in depths {
                for j in 0..<valid { out[j] = b[(panelStart + j) * leading + p] }
                for j in valid..<microColumns { out[j] = 0 }
                out += microColumns
            }
        } else if valid == microColumns {
            for p in depths {
                let src = b + p * leading + panelStart
                store8(load8(src), out)
                store8(load8(src + 8), out + 8)
                out += microColumns
            }
        } else {
            for p in depths {
                let src = b + p * leading + panelStart
                for j in 0..<valid { out[j] = src[j] }
                for j in valid..<microColumns { out[j] = 0 }
                out += microColumns
            }
        }
    }
}
