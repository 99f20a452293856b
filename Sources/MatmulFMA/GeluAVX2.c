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

// As in GeluAVX512.c, the values are worked on four vectors at a time where a row has 32 left, each
// step done for all four before the next, so that four independent chains of operations interleave.
// The operations on each value are the same, so the bits are too.

enum { together = 4 };

/// e^x as Kernels.exp computes it (Cody & Waite reduction, degree-6 Taylor polynomial, 2ⁿ by bits), in place.
AVX2 static inline void exp8(int count, __m256 *x) {
    const __m256 low = _mm256_set1_ps(-87.0f), high = _mm256_set1_ps(88.0f), magic = _mm256_set1_ps(12582912.0f);
    __m256 n[together], r[together], p[together];
    __m256i nBits[together];
    for (int q = 0; q < count; q++) {
        __m256 clamped = _mm256_blendv_ps(x[q], low, _mm256_cmp_ps(x[q], low, _CMP_LT_OQ));
        x[q] = _mm256_blendv_ps(clamped, high, _mm256_cmp_ps(x[q], high, _CMP_GT_OQ));
    }
    for (int q = 0; q < count; q++) {
        __m256 shifted = _mm256_add_ps(_mm256_mul_ps(x[q], _mm256_set1_ps(1.44269504f)), magic);
        n[q] = _mm256_sub_ps(shifted, magic);
        nBits[q] = _mm256_sub_epi32(_mm256_castps_si256(shifted), _mm256_castps_si256(magic));
    }
    for (int q = 0; q < count; q++) {
        r[q] = _mm256_sub_ps(_mm256_sub_ps(x[q], _mm256_mul_ps(n[q], _mm256_set1_ps(0.693359375f))),
                             _mm256_mul_ps(n[q], _mm256_set1_ps(-2.1219444e-4f)));
    }
    static const float taylor[6] = {1.0f / 120, 1.0f / 24, 1.0f / 6, 0.5f, 1.0f, 1.0f};
    for (int q = 0; q < count; q++) p[q] = _mm256_set1_ps(1.0f / 720);
    for (int d = 0; d < 6; d++) {
        for (int q = 0; q < count; q++) p[q] = _mm256_add_ps(_mm256_mul_ps(p[q], r[q]), _mm256_set1_ps(taylor[d]));
    }
    for (int q = 0; q < count; q++) {
        __m256 scale = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(nBits[q], _mm256_set1_epi32(127)), 23));
        x[q] = _mm256_mul_ps(p[q], scale);
    }
}

/// y = gelu(u) = ½·u·(1 + t), t = tanh(c·(u + 0.044715·(u·u·u))) with tanh z = 1 − 2 / (e^{2z} + 1).
AVX2 static inline void gelu8(int count, const __m256 *u, __m256 *y, __m256 *t) {
    const __m256 one = _mm256_set1_ps(1.0f);
    for (int q = 0; q < count; q++) {
        __m256 cubic = _mm256_add_ps(u[q], _mm256_mul_ps(_mm256_set1_ps(0.044715f),
                                                         _mm256_mul_ps(_mm256_mul_ps(u[q], u[q]), u[q])));
        __m256 z = _mm256_mul_ps(_mm256_set1_ps(geluC), cubic);
        t[q] = _mm256_add_ps(z, z);
    }
    exp8(count, t);
    for (int q = 0; q < count; q++) t[q] = _mm256_sub_ps(one, _mm256_div_ps(_mm256_set1_ps(2.0f), _mm256_add_ps(t[q], one)));
    for (int q = 0; q < count; q++) y[q] = _mm256_mul_ps(_mm256_mul_ps(_mm256_set1_ps(0.5f), u[q]), _mm256_add_ps(one, t[q]));
}

/// gelu'(u) = ½(1 + t) + ½·u·((1 − t²)·(c·(1 + 0.134145·u·u))), from u and its t.
AVX2 static inline void slope8(int count, const __m256 *u, const __m256 *t, __m256 *slope) {
    const __m256 one = _mm256_set1_ps(1.0f), half = _mm256_set1_ps(0.5f);
    for (int q = 0; q < count; q++) {
        __m256 outer = _mm256_mul_ps(half, _mm256_add_ps(one, t[q]));
        __m256 inner = _mm256_mul_ps(_mm256_sub_ps(one, _mm256_mul_ps(t[q], t[q])),
                                     _mm256_mul_ps(_mm256_set1_ps(geluC),
                                                   _mm256_add_ps(one, _mm256_mul_ps(_mm256_mul_ps(_mm256_set1_ps(0.134145f), u[q]), u[q]))));
        slope[q] = _mm256_add_ps(outer, _mm256_mul_ps(_mm256_mul_ps(half, u[q]), inner));
    }
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

/// u = x (+ bias) for `count` vectors from x, the last `lastLanes` wide.
AVX2 static inline void load_u(int count, ptrdiff_t lastLanes, const float *x, const float *bias, __m256 *u) {
    for (int q = 0; q < count; q++) {
        const ptrdiff_t lanes = q == count - 1 ? lastLanes : 8;
        u[q] = load(x + 8 * q, lanes);
        if (bias) u[q] = _mm256_add_ps(u[q], load(bias + 8 * q, lanes));
    }
}

/// The forward of `count` vectors from x (bias at their columns), the last `lastLanes` wide.
AVX2 static inline void forward_group(int count, ptrdiff_t lastLanes, const float *x, const float *bias, float *y,
                                      float *tanhs) {
    __m256 u[together], out[together], t[together];
    load_u(count, lastLanes, x, bias, u);
    gelu8(count, u, out, t);
    for (int q = 0; q < count; q++) {
        const ptrdiff_t lanes = q == count - 1 ? lastLanes : 8;
        store(y + 8 * q, out[q], lanes);
        store(tanhs + 8 * q, t[q], lanes);
    }
}

/// The backward of `count` vectors: gradInput = gradOutput · gelu'(x + bias).
AVX2 static inline void backward_group(int count, ptrdiff_t lastLanes, const float *x, const float *bias,
                                       const float *tanhs, const float *gradOutput, float *gradInput) {
    __m256 u[together], t[together], slope[together];
    load_u(count, lastLanes, x, bias, u);
    for (int q = 0; q < count; q++) t[q] = load(tanhs + 8 * q, q == count - 1 ? lastLanes : 8);
    slope8(count, u, t, slope);
    for (int q = 0; q < count; q++) {
        const ptrdiff_t lanes = q == count - 1 ? lastLanes : 8;
        store(gradInput + 8 * q, _mm256_mul_ps(load(gradOutput + 8 * q, lanes), slope[q]), lanes);
    }
}

AVX2 void alignfuse_gelu_forward_avx2(const float *x, const float *bias, ptrdiff_t width, ptrdiff_t rows,
                                      float *y, float *tanhs) {
    for (ptrdiff_t r = 0; r < rows; r++) {
        ptrdiff_t j = 0;
        for (; j + 8 * together <= width; j += 8 * together) {
            const ptrdiff_t i = r * width + j;
            forward_group(together, 8, x + i, bias ? bias + j : NULL, y + i, tanhs + i);
        }
        for (; j < width; j += 8) {                       // the rest one vector at a time, the last partial
            const ptrdiff_t i = r * width + j;
            forward_group(1, width - j < 8 ? width - j : 8, x + i, bias ? bias + j : NULL, y + i, tanhs + i);
        }
    }
}

AVX2 void alignfuse_gelu_backward_avx2(const float *x, const float *bias, ptrdiff_t width, ptrdiff_t rows,
                                       const float *tanhs, const float *gradOutput, float *gradInput) {
    for (ptrdiff_t r = 0; r < rows; r++) {
        ptrdiff_t j = 0;
        for (; j + 8 * together <= width; j += 8 * together) {
            const ptrdiff_t i = r * width + j;
            backward_group(together, 8, x + i, bias ? bias + j : NULL, tanhs + i, gradOutput + i, gradInput + i);
        }
        for (; j < width; j += 8) {
            const ptrdiff_t i = r * width + j;
            backward_group(1, width - j < 8 ? width - j : 8, x + i, bias ? bias + j : NULL, tanhs + i,
                           gradOutput + i, gradInput + i);
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
