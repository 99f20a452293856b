// AdamW's update of one parameter's values, eight lanes per AVX instruction (sixteen with AVX-512):
// the package is compiled for every x86-64 processor, where Swift's SIMD8 becomes two SSE halves, and
// the update's two divisions and square root are most of its time. Every value goes through exactly
// the operations of Kernels/AdamWKernel.swift, in the same order, each rounded on its own (a multiply
// and an add, never fused), so all three give the same bits:
//   m ← β₁·m + (1 − β₁)·g        v ← β₂·v + ((1 − β₂)·g)·g
//   θ ← θ·shrink − (lr·(m / c₁)) / (√(v / c₂) + ε)

#include "MatmulFMA.h"

#if defined(__x86_64__)
#include <immintrin.h>
#include "Lanes16.h"

#define AVX2 __attribute__((target("avx2")))
#define AVX512 __attribute__((target("avx512f")))

/// The lanes 0..<count of an 8-lane register, as a mask for maskload/maskstore (count in 1…8).
AVX2 static inline __m256i lanes8(ptrdiff_t count) {
    const __m256i index = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)(count < 8 ? count : 8)), index);
}

AVX2 void alignfuse_adamw_update_avx2(float *theta, float *m, float *v, const float *g, ptrdiff_t count,
                                      float beta1, float beta2, float correction1, float correction2,
                                      float learningRate, float epsilon, float shrinkBy) {
    const __m256 b1 = _mm256_set1_ps(beta1), b2 = _mm256_set1_ps(beta2);
    const __m256 oneMinusB1 = _mm256_set1_ps(1 - beta1), oneMinusB2 = _mm256_set1_ps(1 - beta2);
    const __m256 c1 = _mm256_set1_ps(correction1), c2 = _mm256_set1_ps(correction2);
    const __m256 lr = _mm256_set1_ps(learningRate), eps = _mm256_set1_ps(epsilon);
    const __m256 shrink = _mm256_set1_ps(shrinkBy);
    for (ptrdiff_t i = 0; i < count; i += 8) {
        // whole groups of eight with plain loads; the last few values through a mask (the other lanes read 0)
        const int whole = count - i >= 8;
        const __m256i mask = lanes8(count - i);
        const __m256 gi = whole ? _mm256_loadu_ps(g + i) : _mm256_maskload_ps(g + i, mask);
        const __m256 m0 = whole ? _mm256_loadu_ps(m + i) : _mm256_maskload_ps(m + i, mask);
        const __m256 v0 = whole ? _mm256_loadu_ps(v + i) : _mm256_maskload_ps(v + i, mask);
        const __m256 t0 = whole ? _mm256_loadu_ps(theta + i) : _mm256_maskload_ps(theta + i, mask);
        const __m256 mi = _mm256_add_ps(_mm256_mul_ps(b1, m0), _mm256_mul_ps(oneMinusB1, gi));
        const __m256 vi = _mm256_add_ps(_mm256_mul_ps(b2, v0), _mm256_mul_ps(_mm256_mul_ps(oneMinusB2, gi), gi));
        const __m256 step = _mm256_div_ps(_mm256_mul_ps(lr, _mm256_div_ps(mi, c1)),
                                          _mm256_add_ps(_mm256_sqrt_ps(_mm256_div_ps(vi, c2)), eps));
        const __m256 ti = _mm256_sub_ps(_mm256_mul_ps(t0, shrink), step);
        if (whole) {
            _mm256_storeu_ps(theta + i, ti); _mm256_storeu_ps(m + i, mi); _mm256_storeu_ps(v + i, vi);
        } else {
            _mm256_maskstore_ps(theta + i, mask, ti); _mm256_maskstore_ps(m + i, mask, mi); _mm256_maskstore_ps(v + i, mask, vi);
        }
    }
}

AVX512 void alignfuse_adamw_update_avx512(float *theta, float *m, float *v, const float *g, ptrdiff_t count,
                                          float beta1, float beta2, float correction1, float correction2,
                                          float learningRate, float epsilon, float shrinkBy) {
    const __m512 b1 = _mm512_set1_ps(beta1), b2 = _mm512_set1_ps(beta2);
    const __m512 oneMinusB1 = _mm512_set1_ps(1 - beta1), oneMinusB2 = _mm512_set1_ps(1 - beta2);
    const __m512 c1 = _mm512_set1_ps(correction1), c2 = _mm512_set1_ps(correction2);
    const __m512 lr = _mm512_set1_ps(learningRate), eps = _mm512_set1_ps(epsilon);
    const __m512 shrink = _mm512_set1_ps(shrinkBy);
    for (ptrdiff_t i = 0; i < count; i += 16) {
        const __mmask16 mask = firstLanes16(count - i);
        const __m512 gi = _mm512_maskz_loadu_ps(mask, g + i);
        const __m512 mi = _mm512_add_ps(_mm512_mul_ps(b1, _mm512_maskz_loadu_ps(mask, m + i)), _mm512_mul_ps(oneMinusB1, gi));
        const __m512 vi = _mm512_add_ps(_mm512_mul_ps(b2, _mm512_maskz_loadu_ps(mask, v + i)),
                                        _mm512_mul_ps(_mm512_mul_ps(oneMinusB2, gi), gi));
        const __m512 step = _mm512_div_ps(_mm512_mul_ps(lr, _mm512_div_ps(mi, c1)),
                                          _mm512_add_ps(_mm512_sqrt_ps(_mm512_div_ps(vi, c2)), eps));
        _mm512_mask_storeu_ps(theta + i, mask, _mm512_sub_ps(_mm512_mul_ps(_mm512_maskz_loadu_ps(mask, theta + i), shrink), step));
        _mm512_mask_storeu_ps(m + i, mask, mi);
        _mm512_mask_storeu_ps(v + i, mask, vi);
    }
}

#else

void alignfuse_adamw_update_avx2(float *theta, float *m, float *v, const float *g, ptrdiff_t count,
                                 float beta1, float beta2, float correction1, float correction2,
                                 float learningRate, float epsilon, float shrinkBy) {
    (void)theta; (void)m; (void)v; (void)g; (void)count; (void)beta1; (void)beta2; (void)correction1;
    (void)correction2; (void)learningRate; (void)epsilon; (void)shrinkBy;
}

void alignfuse_adamw_update_avx512(float *theta, float *m, float *v, const float *g, ptrdiff_t count,
                                   float beta1, float beta2, float correction1, float correction2,
                                   float learningRate, float epsilon, float shrinkBy) {
    (void)theta; (void)m; (void)v; (void)g; (void)count; (void)beta1; (void)beta2; (void)correction1;
    (void)correction2; (void)learningRate; (void)epsilon; (void)shrinkBy;
}

#endif
