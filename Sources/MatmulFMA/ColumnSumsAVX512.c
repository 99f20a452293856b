// Sums down the columns of a [rows, width] block, sixteen columns per AVX-512 instruction: the bias
// gradients (Kernels.accumulateColumnSums) and LayerNorm's dγ and dβ (Kernels.layerNormBackward).
// Each column's sum adds its rows in order, r = 0, 1, …, with every product rounded before it is added
// (a multiply, then an add, never fused), exactly as the Swift loops add them, so both give the same
// bits. The Swift loops run two SSE halves per eight values, since the package is compiled for every
// x86-64 processor; here a row of 64 columns is four loads and four adds.

#include "MatmulFMA.h"

#if defined(__x86_64__)
#include <immintrin.h>
#include "Lanes16.h"

#define AVX512 __attribute__((target("avx512f")))

AVX512 static inline __m512 term(const float *x, const float *y, ptrdiff_t at, __mmask16 mask) {
    const __m512 value = _mm512_maskz_loadu_ps(mask, x + at);
    return y ? _mm512_mul_ps(value, _mm512_maskz_loadu_ps(mask, y + at)) : value;
}

AVX512 void alignfuse_column_sums_avx512(const float *x, const float *y, ptrdiff_t rows, ptrdiff_t width,
                                         ptrdiff_t columns, float *into, int fromZero) {
    for (ptrdiff_t j = 0; j < columns; j += 64) {
        const __mmask16 m0 = firstLanes16(columns - j), m1 = firstLanes16(columns - j - 16);
        const __mmask16 m2 = firstLanes16(columns - j - 32), m3 = firstLanes16(columns - j - 48);
        __m512 s0, s1, s2, s3;
        if (fromZero) {
            s0 = s1 = s2 = s3 = _mm512_setzero_ps();
        } else {
            s0 = _mm512_maskz_loadu_ps(m0, into + j); s1 = _mm512_maskz_loadu_ps(m1, into + j + 16);
            s2 = _mm512_maskz_loadu_ps(m2, into + j + 32); s3 = _mm512_maskz_loadu_ps(m3, into + j + 48);
        }
        for (ptrdiff_t r = 0; r < rows; r++) {
            const ptrdiff_t at = r * width + j;
            s0 = _mm512_add_ps(s0, term(x, y, at, m0));
            if (m1) s1 = _mm512_add_ps(s1, term(x, y, at + 16, m1));
            if (m2) s2 = _mm512_add_ps(s2, term(x, y, at + 32, m2));
            if (m3) s3 = _mm512_add_ps(s3, term(x, y, at + 48, m3));
        }
        if (fromZero) {
            s0 = _mm512_add_ps(_mm512_maskz_loadu_ps(m0, into + j), s0);
            s1 = _mm512_add_ps(_mm512_maskz_loadu_ps(m1, into + j + 16), s1);
            s2 = _mm512_add_ps(_mm512_maskz_loadu_ps(m2, into + j + 32), s2);
            s3 = _mm512_add_ps(_mm512_maskz_loadu_ps(m3, into + j + 48), s3);
        }
        _mm512_mask_storeu_ps(into + j, m0, s0); _mm512_mask_storeu_ps(into + j + 16, m1, s1);
        _mm512_mask_storeu_ps(into + j + 32, m2, s2); _mm512_mask_storeu_ps(into + j + 48, m3, s3);
    }
}

/// LayerNorm's dγ and dβ in one pass over the rows: each value of x (dy) is read once for both sums.
AVX512 void alignfuse_column_sums_pair_avx512(const float *x, const float *y, ptrdiff_t rows, ptrdiff_t width,
                                              ptrdiff_t columns, float *intoProducts, float *intoPlain) {
    for (ptrdiff_t j = 0; j < columns; j += 32) {
        const __mmask16 m0 = firstLanes16(columns - j), m1 = firstLanes16(columns - j - 16);
        __m512 p0 = _mm512_maskz_loadu_ps(m0, intoProducts + j), p1 = _mm512_maskz_loadu_ps(m1, intoProducts + j + 16);
        __m512 s0 = _mm512_maskz_loadu_ps(m0, intoPlain + j), s1 = _mm512_maskz_loadu_ps(m1, intoPlain + j + 16);
        for (ptrdiff_t r = 0; r < rows; r++) {
            const ptrdiff_t at = r * width + j;
            const __m512 x0 = _mm512_maskz_loadu_ps(m0, x + at), x1 = _mm512_maskz_loadu_ps(m1, x + at + 16);
            p0 = _mm512_add_ps(p0, _mm512_mul_ps(x0, _mm512_maskz_loadu_ps(m0, y + at)));
            s0 = _mm512_add_ps(s0, x0);
            if (m1) {
                p1 = _mm512_add_ps(p1, _mm512_mul_ps(x1, _mm512_maskz_loadu_ps(m1, y + at + 16)));
                s1 = _mm512_add_ps(s1, x1);
            }
        }
        _mm512_mask_storeu_ps(intoProducts + j, m0, p0); _mm512_mask_storeu_ps(intoProducts + j + 16, m1, p1);
        _mm512_mask_storeu_ps(intoPlain + j, m0, s0); _mm512_mask_storeu_ps(intoPlain + j + 16, m1, s1);
    }
}

#else

void alignfuse_column_sums_pair_avx512(const float *x, const float *y, ptrdiff_t rows, ptrdiff_t width,
                                       ptrdiff_t columns, float *intoProducts, float *intoPlain) {
    (void)x; (void)y; (void)rows; (void)width; (void)columns; (void)intoProducts; (void)intoPlain;
}

void alignfuse_column_sums_avx512(const float *x, const float *y, ptrdiff_t rows, ptrdiff_t width,
                                  ptrdiff_t columns, float *into, int fromZero) {
    (void)x; (void)y; (void)rows; (void)width; (void)columns; (void)into; (void)fromZero;
}

#endif
