// Eight rows' sums side by side (LayerNormAVX2.c, SoftmaxFMA.c): a row's sum is a chain of adds
// from left to right, which one row alone cannot spread over a vector. So a block of 8 rows × 8 columns
// is loaded and transposed (Transpose8.h), and lane r of the running total adds row r's values in
// column order: exactly the chain of the scalar loop, so the bits are the same.
#ifndef ALIGNFUSE_ROW_SUMS8_H
#define ALIGNFUSE_ROW_SUMS8_H

#if defined(__x86_64__)
#include <immintrin.h>
#include <stddef.h>

#include "Transpose8.h"

/// Lane r: row r's sum x[0] + x[1] + … (into *plain), and x[0]·y[0] + x[1]·y[1] + … (into *products,
/// each product rounded before it is added), from 0, left to right. Rows are `width` apart from x (and
/// y). Either total may be NULL; with y == x the products are squares, from one transpose of x.
__attribute__((target("avx2"))) static inline void row_sums8(const float *x, const float *y, ptrdiff_t width, __m256 *plain, __m256 *products) {
    __m256 total = _mm256_setzero_ps(), dots = _mm256_setzero_ps();
    ptrdiff_t j = 0;
    for (; j + 8 <= width; j += 8) {
        __m256 a[8], b[8];
        for (int r = 0; r < 8; r++) a[r] = _mm256_loadu_ps(x + r * width + j);
        transpose8(a);
        if (plain) {
            for (int c = 0; c < 8; c++) total = _mm256_add_ps(total, a[c]);
        }
        if (products) {
            const __m256 *other = a;
            if (y != x) {
                for (int r = 0; r < 8; r++) b[r] = _mm256_loadu_ps(y + r * width + j);
                transpose8(b);
                other = b;
            }
            for (int c = 0; c < 8; c++) dots = _mm256_add_ps(dots, _mm256_mul_ps(a[c], other[c]));
        }
    }
    for (; j < width; j++) {
        float column[8], other[8];
        for (int r = 0; r < 8; r++) column[r] = x[r * width + j];
        const __m256 a = _mm256_loadu_ps(column);
        if (plain) total = _mm256_add_ps(total, a);
        if (products) {
            for (int r = 0; r < 8; r++) other[r] = y[r * width + j];
            dots = _mm256_add_ps(dots, _mm256_mul_ps(a, _mm256_loadu_ps(other)));
        }
    }
    if (plain) *plain = total;
    if (products) *products = dots;
}

#endif

#endif
