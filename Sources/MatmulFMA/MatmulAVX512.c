// matmul's wide tile for processors with AVX-512: 6 rows × 32 columns of C, two 16-column panels of B
// at once, in twelve of the 32 vector registers of 16 Floats.
// With AVX2 a register holds 8 Floats and the 6×16 tile (MatmulFMA.c) keeps two fused multiply-add
// units busy. A processor whose AVX-512 units are really 16 lanes wide (many Intel Xeons) does twice
// the work per instruction, but a 6×16 tile in 16-lane registers would be six accumulators only, too
// few to hide the multiply-add's latency, and one load of B per six multiply-adds. Two panels side by
// side give twelve accumulators and two loads of B per twelve multiply-adds.
// Each element of C is still the chain c = fma(a_p, b_p, c) over p = 0, 1, … from c = 0, then added
// to C or stored: the operations of the 6×16 tile in the same order, so both give the same bits.

#include "MatmulFMA.h"

#if defined(__x86_64__)
#include <immintrin.h>
#include "Lanes16.h"
#include "MaskedTiles16.h"

int alignfuse_cpu_has_avx512(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma");
}

__attribute__((target("avx512f")))
static inline void write_row(float *c, __m512 v0, __m512 v1, int addToC, const float *bias) {
    if (addToC) {
        v0 = _mm512_add_ps(_mm512_loadu_ps(c), v0);
        v1 = _mm512_add_ps(_mm512_loadu_ps(c + 16), v1);
    }
    if (bias) {
        v0 = _mm512_add_ps(v0, _mm512_loadu_ps(bias));
        v1 = _mm512_add_ps(v1, _mm512_loadu_ps(bias + 16));
    }
    _mm512_storeu_ps(c, v0);
    _mm512_storeu_ps(c + 16, v1);
}

__attribute__((target("avx512f")))
static inline void tile_6x32(ptrdiff_t depth, const float *a, ptrdiff_t rowStride, ptrdiff_t stepStride,
                             const float *left, const float *right, ptrdiff_t bStride, float *c, ptrdiff_t ldc,
                             int addToC, const float *bias, ptrdiff_t ahead) {
    __m512 c00 = _mm512_setzero_ps(), c01 = _mm512_setzero_ps();
    __m512 c10 = _mm512_setzero_ps(), c11 = _mm512_setzero_ps();
    __m512 c20 = _mm512_setzero_ps(), c21 = _mm512_setzero_ps();
    __m512 c30 = _mm512_setzero_ps(), c31 = _mm512_setzero_ps();
    __m512 c40 = _mm512_setzero_ps(), c41 = _mm512_setzero_ps();
    __m512 c50 = _mm512_setzero_ps(), c51 = _mm512_setzero_ps();
    const float *a0 = a, *a1 = a0 + rowStride, *a2 = a1 + rowStride;
    const float *a3 = a2 + rowStride, *a4 = a3 + rowStride, *a5 = a4 + rowStride;
    for (ptrdiff_t p = 0, step = 0, at = 0; p < depth; p++, step += stepStride, at += bStride) {
        if (ahead) {
            __builtin_prefetch(a0 + step + ahead * stepStride, 0, 3);
            __builtin_prefetch(a5 + step + ahead * stepStride, 0, 3);
        }
        __m512 b0 = _mm512_loadu_ps(left + at), b1 = _mm512_loadu_ps(right + at);
        __m512 ar = _mm512_set1_ps(a0[step]);
        c00 = _mm512_fmadd_ps(ar, b0, c00); c01 = _mm512_fmadd_ps(ar, b1, c01);
        ar = _mm512_set1_ps(a1[step]);
        c10 = _mm512_fmadd_ps(ar, b0, c10); c11 = _mm512_fmadd_ps(ar, b1, c11);
        ar = _mm512_set1_ps(a2[step]);
        c20 = _mm512_fmadd_ps(ar, b0, c20); c21 = _mm512_fmadd_ps(ar, b1, c21);
        ar = _mm512_set1_ps(a3[step]);
        c30 = _mm512_fmadd_ps(ar, b0, c30); c31 = _mm512_fmadd_ps(ar, b1, c31);
        ar = _mm512_set1_ps(a4[step]);
        c40 = _mm512_fmadd_ps(ar, b0, c40); c41 = _mm512_fmadd_ps(ar, b1, c41);
        ar = _mm512_set1_ps(a5[step]);
        c50 = _mm512_fmadd_ps(ar, b0, c50); c51 = _mm512_fmadd_ps(ar, b1, c51);
    }
    write_row(c, c00, c01, addToC, bias);
    write_row(c + ldc, c10, c11, addToC, bias);
    write_row(c + 2 * ldc, c20, c21, addToC, bias);
    write_row(c + 3 * ldc, c30, c31, addToC, bias);
    write_row(c + 4 * ldc, c40, c41, addToC, bias);
    write_row(c + 5 * ldc, c50, c51, addToC, bias);
}

// A block of C's rows against the same two panels: one call from Swift for all its tiles rather than
// one per tile, whose arguments pass partly on the stack (a tile of depth 64 is about 400 cycles of
// multiply-adds, so a call's few dozen cycles showed in the profile).
// A bias (a Linear layer's b) is added to each row as the tile is stored, after the product: the adds
// of a separate pass over C, without reading C back from memory.
// A read transposed with long rows (a weight's gradient Xᵀ·dY, X [T, 256]: the six values of a step lie
// a row of X, 1 KB, apart from the previous step's) is fetched 32 steps ahead: the processor's
// prefetchers do not keep up with such a stride. In W-VQA's step on one thread, fc2's weight
// gradient ([1664, 256]ᵀ·[1664, 64]) took 660–690 µs without this and 530–565 µs with it, the patch
// embedding's ([1024, 192]ᵀ·[1024, 64]) 303–318 and 258–261. With rows of 64 values the prefetchers keep
// up, and the extra loads only cost.
// While a tile computes, the twelve cache lines of C that the next tile writes are fetched for writing:
// a layer's output is usually fresh memory that is not in the cache, and its rows lie a row of C apart,
// which the processor's own prefetchers do not follow. Alone on W-VQA's fc1 ([1664, 64]·[64, 256]),
// writing C into memory out of the cache took 306–342 µs without this and 264–278 µs with it.
__attribute__((target("avx512f")))
void alignfuse_matmul_tiles_6x32_avx512(ptrdiff_t tiles, ptrdiff_t depth, const float *a, ptrdiff_t rowStride,
                                        ptrdiff_t stepStride, const float *left, const float *right,
                                        ptrdiff_t bStride, float *c, ptrdiff_t ldc, int addToC,
                                        const float *bias) {
    const ptrdiff_t ahead = rowStride == 1 && stepStride >= 128 ? 32 : 0;
    for (ptrdiff_t t = 0; t < tiles; t++) {
        if (t + 1 < tiles) {
            const float *next = c + 6 * (t + 1) * ldc;
            for (int r = 0; r < 6; r++) {
                __builtin_prefetch(next + r * ldc, 1, 3);
                __builtin_prefetch(next + r * ldc + 16, 1, 3);
            }
        }
        if (ahead)
            tile_6x32(depth, a + 6 * t * rowStride, rowStride, stepStride, left, right, bStride, c + 6 * t * ldc,
                      ldc, addToC, bias, ahead);
        else
            tile_6x32(depth, a + 6 * t * rowStride, rowStride, stepStride, left, right, bStride, c + 6 * t * ldc,
                      ldc, addToC, bias, 0);
    }
}

// The edge of a block: fewer than six rows, or fewer than 32 columns of C (then fewer than 16 may be valid
// in the last panel). Masked stores write only C's valid part, straight into C (MaskedTiles16.h): no
// tile computed aside, no rows of A padded with zeros. Each valid element is the same chain as in the
// whole tile.
__attribute__((target("avx512f")))
void alignfuse_matmul_edge_avx512(ptrdiff_t rows, ptrdiff_t columns, ptrdiff_t depth, const float *a,
                                  ptrdiff_t rowStride, ptrdiff_t stepStride, const float *left, const float *right,
                                  ptrdiff_t bStride, float *c, ptrdiff_t ldc, int addToC) {
    masked_tile_rows(rows, columns > 16 ? 2 : 1, depth, a, rowStride, stepStride, left, right, bStride,
                     firstLanes16(columns), firstLanes16(columns - 16), c, ldc, addToC);
}

#else

int alignfuse_cpu_has_avx512(void) { return 0; }

void alignfuse_matmul_edge_avx512(ptrdiff_t rows, ptrdiff_t columns, ptrdiff_t depth, const float *a,
                                  ptrdiff_t rowStride, ptrdiff_t stepStride, const float *left, const float *right,
                                  ptrdiff_t bStride, float *c, ptrdiff_t ldc, int addToC) {
    (void)rows; (void)columns; (void)depth; (void)a; (void)rowStride; (void)stepStride; (void)left; (void)right;
    (void)bStride; (void)c; (void)ldc; (void)addToC;
}

void alignfuse_matmul_tiles_6x32_avx512(ptrdiff_t tiles, ptrdiff_t depth, const float *a, ptrdiff_t rowStride,
                                        ptrdiff_t stepStride, const float *left, const float *right,
                                        ptrdiff_t bStride, float *c, ptrdiff_t ldc, int addToC,
                                        const float *bias) {
    (void)tiles; (void)depth; (void)a; (void)rowStride; (void)stepStride; (void)left; (void)right; (void)bStride;
    (void)c; (void)ldc; (void)addToC; (void)bias;
}

#endif
