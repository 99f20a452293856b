// GELU's forward and backward (tanh form) eight values per AVX instruction, for processors with AVX2:
// the package is compiled for every x86-64 processor, where Swift's SIMD8 becomes two SSE halves.
// Every value goes through exactly the operations of Kernels/GeluKernel.swift and Kernels/FastMath.swift,
// in the same order, each rounded on its own (a multiply and an add, never fused), so both give the
// same bits.
//   u = x + b,  t = tanh(c·(u + 0.044715·u³)),  y = ½·u·(1 + t)
//   dy/du = ½(1 + t) + ½·u·(1 − t²)·c·(1 + 3·0.044715·u²),  c = √(2/π)

#include "MatmulFMA.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define AVX2 __attribute__((target("avx2")))

static const float geluC = 0.79788456f;        // √(2/π)

/// e^x as Kernels.exp computes it (Cody & Waite reduction, degree-6 Taylor polynomial, 2ⁿ by bits).
AVX2 static inline __m256 exp8(__m256 x) {
    __m256 clamped = _mm256_blendv_ps(x, _mm256_set1_ps(-87.0f), _mm256_cmp_ps(x, _mm256_set1_ps(-87.0f), _CMP_LT_OQ));
    clamped = _mm256_blendv_ps(clamped, _mm256_set1_ps(88.0f), _mm256_cmp_ps(x, _mm256_set1_ps(88.0f), _CMP_GT_OQ));
    const __m256 magic = _mm256_set1_ps(12582912.0f);
    __m256 shifted = _mm256_add_ps(_mm256_mul_ps(clamped, _mm256_set1_ps(1.44269504f)), magic);
    __m256 n = _mm256_sub_ps(shifted, magic);
    __m256i nBits = _mm256_sub_epi32(_mm256_castps_si256(shifted), _mm256_castps_si256(magic));
    __m256 r = _mm256_sub_ps(_mm256_sub_ps(clamped, _mm256_mul_ps(n, _mm256_set1_ps(0.693359375f))),
                             _mm256_mul_ps(n, _mm256_set1_ps(-2.1219444e-4f)));
    __m256 p = _mm256_set1_ps(1.0f / 720);
    p = _mm256_add_ps(_mm256_mul_ps(p, r), _mm256_set1_ps(1.0f / 120));
    p = _mm256_add_ps(_mm256_mul_ps(p, r), _mm256_set1_ps(1.0f / 24));
    p = _mm256_add_ps(_mm256_mul_ps(p, r), _mm256_set1_ps(1.0f / 6));
    p = _mm256_add_ps(_mm256_mul_ps(p, r), _mm256_set1_ps(0.5f));
    p = _mm256_add_ps(_mm256_mul_ps(p, r), _mm256_set1_ps(1.0f));
    p = _mm256_add_ps(_mm256_mul_ps(p, r), _mm256_set1_ps(1.0f));
    __m256 scale = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(nBits, _mm256_set1_epi32(127)), 23));
    return _mm256_mul_ps(p, scale);
}

/// tanh z = 1 − 2 / (e^{2z} + 1), as Kernels.tanh.
AVX2 static inline __m256 tanh8(__m256 z) {
    const __m256 one = _mm256_set1_ps(1.0f);
    return _mm256_sub_ps(one, _mm256_div_ps(_mm256_set1_ps(2.0f), _mm256_add_ps(exp8(_mm256_add_ps(z, z)), one)));
}

/// The first `lanes` values at p (the rest 0), and back.
AVX2 static inline __m256 load(const float *p, ptrdiff_t lanes) {
    if (lanes == 8) return _mm256_loadu_ps(p);
    __m256i mask = _mm256_cmpgt_epi32(_mm256_set1_epi32((int)lanes), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
    return _mm256_maskload_ps(p, mask);
}

AVX2 static inline void store(float *p, __m256 v, ptrdiff_t lanes) {
    if (lanes == 8) { _mm256_storeu_ps(p, v); return; }
    __m256i mask = _mm256_cmpgt_epi32(_mm256_set1_epi32((int)lanes), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
    _mm256_maskstore_ps(p, mask, v);
}

AVX2 void alignfuse_gelu_forward_avx2(const float *x, const float *bias, ptrdiff_t width, ptrdiff_t rows,
                                      float *y, float *tanhs) {
    for (ptrdiff_t r = 0; r < rows; r++) {
        for (ptrdiff_t j = 0; j < width; j += 8) {
            const ptrdiff_t i = r * width + j, lanes = width - j < 8 ? width - j : 8;
            __m256 u = load(x + i, lanes);
            if (bias) u = _mm256_add_ps(u, load(bias + j, lanes));
            // u + 0.044715·(u·u·u)
            __m256 cubic = _mm256_add_ps(u, _mm256_mul_ps(_mm256_set1_ps(0.044715f),
                                                          _mm256_mul_ps(_mm256_mul_ps(u, u), u)));
            __m256 t = tanh8(_mm256_mul_ps(_mm256_set1_ps(geluC), cubic));
            __m256 out = _mm256_mul_ps(_mm256_mul_ps(_mm256_set1_ps(0.5f), u), _mm256_add_ps(_mm256_set1_ps(1.0f), t));
            store(y + i, out, lanes);
            store(tanhs + i, t, lanes);
        }
    }
}

AVX2 void alignfuse_gelu_backward_avx2(const float *x, const float *bias, ptrdiff_t width, ptrdiff_t rows,
                                       const float *tanhs, const float *gradOutput, float *gradInput) {
    const __m256 one = _mm256_set1_ps(1.0f), half = _mm256_set1_ps(0.5f);
    for (ptrdiff_t r = 0; r < rows; r++) {
        for (ptrdiff_t j = 0; j < width; j += 8) {
            const ptrdiff_t i = r * width + j, lanes = width - j < 8 ? width - j : 8;
            __m256 u = load(x + i, lanes);
            if (bias) u = _mm256_add_ps(u, load(bias + j, lanes));
            __m256 t = load(tanhs + i, lanes);
            __m256 outer = _mm256_mul_ps(half, _mm256_add_ps(one, t));                       // ½(1 + t)
            // (1 − t²)·(c·(1 + 0.134145·u·u))
            __m256 inner = _mm256_mul_ps(_mm256_sub_ps(one, _mm256_mul_ps(t, t)),
                                         _mm256_mul_ps(_mm256_set1_ps(geluC),
                                                       _mm256_add_ps(one, _mm256_mul_ps(_mm256_mul_ps(_mm256_set1_ps(0.134145f), u), u))));
            __m256 slope = _mm256_add_ps(outer, _mm256_mul_ps(_mm256_mul_ps(half, u), inner));
            store(gradInput + i, _mm256_mul_ps(load(gradOutput + i, lanes), slope), lanes);
        }
    }
}

#else

void alignfuse_gelu_forward_avx2(const float *x, const float *bias, ptrdiff_t width, ptrdiff_t rows,
                                 float *y, float *tanhs) {
    (void)x; (void)bias; (void)width; (void)rows; (void)y; (void)tanhs;
}

void alignfuse_gelu_backward_avx2(const float *x, const float *bias, ptrdiff_t width, ptrdiff_t rows,
                                  const float *tanhs, const float *gradOutput, float *gradInput) {
    (void)x; (void)bias; (void)width; (void)rows; (void)tanhs; (void)gradOutput; (void)gradInput;
}

#endif
