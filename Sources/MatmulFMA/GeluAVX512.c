// GELU's forward and backward sixteen values per instruction, for processors with AVX-512: the kernels
// of GeluAVX2.c with registers twice as wide. Every value goes through the same operations in the same
// order (a multiply and an add, never fused; the clamps as compare-and-blend, so a NaN stays a NaN), so
// all three (Swift, AVX2, AVX-512) give the same bits.

#include "MatmulFMA.h"

#if defined(__x86_64__)
#include <immintrin.h>
#include "Lanes16.h"

#define AVX512 __attribute__((target("avx512f")))

static const float geluC = 0.79788456f;        // √(2/π)

/// e^x as Kernels.exp computes it (Cody & Waite reduction, degree-6 Taylor polynomial, 2ⁿ by bits).
AVX512 static inline __m512 exp16(__m512 x) {
    const __m512 low = _mm512_set1_ps(-87.0f), high = _mm512_set1_ps(88.0f);
    __m512 clamped = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(x, low, _CMP_LT_OQ), x, low);
    clamped = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(x, high, _CMP_GT_OQ), clamped, high);
    const __m512 magic = _mm512_set1_ps(12582912.0f);
    __m512 shifted = _mm512_add_ps(_mm512_mul_ps(clamped, _mm512_set1_ps(1.44269504f)), magic);
    __m512 n = _mm512_sub_ps(shifted, magic);
    __m512i nBits = _mm512_sub_epi32(_mm512_castps_si512(shifted), _mm512_castps_si512(magic));
    __m512 r = _mm512_sub_ps(_mm512_sub_ps(clamped, _mm512_mul_ps(n, _mm512_set1_ps(0.693359375f))),
                             _mm512_mul_ps(n, _mm512_set1_ps(-2.1219444e-4f)));
    __m512 p = _mm512_set1_ps(1.0f / 720);
    p = _mm512_add_ps(_mm512_mul_ps(p, r), _mm512_set1_ps(1.0f / 120));
    p = _mm512_add_ps(_mm512_mul_ps(p, r), _mm512_set1_ps(1.0f / 24));
    p = _mm512_add_ps(_mm512_mul_ps(p, r), _mm512_set1_ps(1.0f / 6));
    p = _mm512_add_ps(_mm512_mul_ps(p, r), _mm512_set1_ps(0.5f));
    p = _mm512_add_ps(_mm512_mul_ps(p, r), _mm512_set1_ps(1.0f));
    p = _mm512_add_ps(_mm512_mul_ps(p, r), _mm512_set1_ps(1.0f));
    __m512 scale = _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_add_epi32(nBits, _mm512_set1_epi32(127)), 23));
    return _mm512_mul_ps(p, scale);
}

/// tanh z = 1 − 2 / (e^{2z} + 1), as Kernels.tanh.
AVX512 static inline __m512 tanh16(__m512 z) {
    const __m512 one = _mm512_set1_ps(1.0f);
    return _mm512_sub_ps(one, _mm512_div_ps(_mm512_set1_ps(2.0f), _mm512_add_ps(exp16(_mm512_add_ps(z, z)), one)));
}


AVX512 void alignfuse_gelu_forward_avx512(const float *x, const float *bias, ptrdiff_t width, ptrdiff_t rows,
                                          float *y, float *tanhs) {
    for (ptrdiff_t r = 0; r < rows; r++) {
        for (ptrdiff_t j = 0; j < width; j += 16) {
            const ptrdiff_t i = r * width + j;
            const __mmask16 mask = firstLanes16(width - j);
            __m512 u = _mm512_maskz_loadu_ps(mask, x + i);
            if (bias) u = _mm512_add_ps(u, _mm512_maskz_loadu_ps(mask, bias + j));
            // u + 0.044715·(u·u·u)
            __m512 cubic = _mm512_add_ps(u, _mm512_mul_ps(_mm512_set1_ps(0.044715f),
                                                          _mm512_mul_ps(_mm512_mul_ps(u, u), u)));
            __m512 t = tanh16(_mm512_mul_ps(_mm512_set1_ps(geluC), cubic));
            __m512 out = _mm512_mul_ps(_mm512_mul_ps(_mm512_set1_ps(0.5f), u), _mm512_add_ps(_mm512_set1_ps(1.0f), t));
            _mm512_mask_storeu_ps(y + i, mask, out);
            _mm512_mask_storeu_ps(tanhs + i, mask, t);
        }
    }
}

AVX512 void alignfuse_gelu_backward_avx512(const float *x, const float *bias, ptrdiff_t width, ptrdiff_t rows,
                                           const float *tanhs, const float *gradOutput, float *gradInput) {
    const __m512 one = _mm512_set1_ps(1.0f), half = _mm512_set1_ps(0.5f);
    for (ptrdiff_t r = 0; r < rows; r++) {
        for (ptrdiff_t j = 0; j < width; j += 16) {
            const ptrdiff_t i = r * width + j;
            const __mmask16 mask = firstLanes16(width - j);
            __m512 u = _mm512_maskz_loadu_ps(mask, x + i);
            if (bias) u = _mm512_add_ps(u, _mm512_maskz_loadu_ps(mask, bias + j));
            __m512 t = _mm512_maskz_loadu_ps(mask, tanhs + i);
            __m512 outer = _mm512_mul_ps(half, _mm512_add_ps(one, t));                       // ½(1 + t)
            // (1 − t²)·(c·(1 + 0.134145·u·u))
            __m512 inner = _mm512_mul_ps(_mm512_sub_ps(one, _mm512_mul_ps(t, t)),
                                         _mm512_mul_ps(_mm512_set1_ps(geluC),
                                                       _mm512_add_ps(one, _mm512_mul_ps(_mm512_mul_ps(_mm512_set1_ps(0.134145f), u), u))));
            __m512 slope = _mm512_add_ps(outer, _mm512_mul_ps(_mm512_mul_ps(half, u), inner));
            _mm512_mask_storeu_ps(gradInput + i, mask, _mm512_mul_ps(_mm512_maskz_loadu_ps(mask, gradOutput + i), slope));
        }
    }
}

#else

void alignfuse_gelu_forward_avx512(const float *x, const float *bias, ptrdiff_t width, ptrdiff_t rows,
                                   float *y, float *tanhs) {
    (void)x; (void)bias; (void)width; (void)rows; (void)y; (void)tanhs;
}

void alignfuse_gelu_backward_avx512(const float *x, const float *bias, ptrdiff_t width, ptrdiff_t rows,
                                    const float *tanhs, const float *gradOutput, float *gradInput) {
    (void)x; (void)bias; (void)width; (void)rows; (void)tanhs; (void)gradOutput; (void)gradInput;
}

#endif
