// Tiles of C with AVX-512 whose rows and columns are whatever is left: masked loads and stores take B's
// and C's rows at any length, and a tile holds exactly the rows it computes. Shared by attention's small
// products (SmallGemmFMA.c) and the edges of gemm's blocks (MatmulAVX512.c). Each element of C is the
// chain c = fma(a_p, b_p, c) over p = 0, 1, … from c = 0, then added to C or stored: the chain of every
// other tile, so all give the same bits.
#ifndef ALIGNFUSE_MASKED_TILES16_H
#define ALIGNFUSE_MASKED_TILES16_H

#if defined(__x86_64__)
#include <immintrin.h>
#include <stddef.h>

/// Writes (or adds) the lanes of `mask` of one row's vector.
__attribute__((target("avx512f")))
static inline void put16(float *c, __m512 v, __mmask16 mask, int add) {
    if (add) v = _mm512_add_ps(_mm512_maskz_loadu_ps(mask, c), v);
    _mm512_mask_storeu_ps(c, mask, v);
}

/// `rows` rows × `wide` (1 or 2) vectors of columns of C, the lanes of m0 and m1, against B's 16-column
/// blocks `left` and `right` (steps `bStride` apart; `right` is read only when wide is 2). With rows and
/// wide constants, the compiler keeps the accumulators in registers.
__attribute__((always_inline, target("avx512f")))
static inline void masked_tile(const int rows, const int wide, ptrdiff_t depth, const float *a, ptrdiff_t rowStride,
                               ptrdiff_t stepStride, const float *left, const float *right, ptrdiff_t bStride,
                               __mmask16 m0, __mmask16 m1, float *c, ptrdiff_t ldc, int add) {
    __m512 acc[12];
    for (int i = 0; i < rows * wide; i++) acc[i] = _mm512_setzero_ps();
    for (ptrdiff_t p = 0; p < depth; p++) {
        const __m512 b0 = _mm512_maskz_loadu_ps(m0, left + p * bStride);
        const __m512 b1 = wide == 2 ? _mm512_maskz_loadu_ps(m1, right + p * bStride) : b0;
        for (int r = 0; r < rows; r++) {
            const __m512 x = _mm512_set1_ps(a[r * rowStride + p * stepStride]);
            acc[r * wide] = _mm512_fmadd_ps(x, b0, acc[r * wide]);
            if (wide == 2) acc[r * wide + 1] = _mm512_fmadd_ps(x, b1, acc[r * wide + 1]);
        }
    }
    for (int r = 0; r < rows; r++) {
        put16(c + r * ldc, acc[r * wide], m0, add);
        if (wide == 2) put16(c + r * ldc + 16, acc[r * wide + 1], m1, add);
    }
}

#define MASKED_TILE_CASE(R, W) \
    case R: masked_tile(R, W, depth, a, rowStride, stepStride, left, right, bStride, m0, m1, c, ldc, add); break;

/// masked_tile for `rows` known only at run time: up to twelve rows one vector wide (twelve accumulators),
/// or up to six rows two vectors wide.
__attribute__((target("avx512f")))
static void masked_tile_rows(ptrdiff_t rows, int wide, ptrdiff_t depth, const float *a, ptrdiff_t rowStride,
                             ptrdiff_t stepStride, const float *left, const float *right, ptrdiff_t bStride,
                             __mmask16 m0, __mmask16 m1, float *c, ptrdiff_t ldc, int add) {
    if (wide == 1) {
        switch (rows) {
            MASKED_TILE_CASE(1, 1) MASKED_TILE_CASE(2, 1) MASKED_TILE_CASE(3, 1) MASKED_TILE_CASE(4, 1)
            MASKED_TILE_CASE(5, 1) MASKED_TILE_CASE(6, 1) MASKED_TILE_CASE(7, 1) MASKED_TILE_CASE(8, 1)
            MASKED_TILE_CASE(9, 1) MASKED_TILE_CASE(10, 1) MASKED_TILE_CASE(11, 1) MASKED_TILE_CASE(12, 1)
            default: break;
        }
    } else {
        switch (rows) {
            MASKED_TILE_CASE(1, 2) MASKED_TILE_CASE(2, 2) MASKED_TILE_CASE(3, 2) MASKED_TILE_CASE(4, 2)
            MASKED_TILE_CASE(5, 2) MASKED_TILE_CASE(6, 2)
            default: break;
        }
    }
}

#undef MASKED_TILE_CASE

#endif

#endif
