// An 8 × 8 block of Floats transposed in eight AVX registers (unpack, shuffle, swap halves), shared by
// the kernels that need a row's values side by side with seven other rows' (LayerNormAVX2.c) or a
// column of B laid out as a row (GemmPackAVX2.c). Only moves values: no arithmetic.
#ifndef ALIGNFUSE_TRANSPOSE8_H
#define ALIGNFUSE_TRANSPOSE8_H

#if defined(__x86_64__)
#include <immintrin.h>

/// Transposes eight registers in place: afterwards v[j] holds column j of the 8 × 8 block.
__attribute__((target("avx2"))) static inline void transpose8(__m256 v[8]) {
    __m256 a0 = _mm256_unpacklo_ps(v[0], v[1]), a1 = _mm256_unpackhi_ps(v[0], v[1]);
    __m256 a2 = _mm256_unpacklo_ps(v[2], v[3]), a3 = _mm256_unpackhi_ps(v[2], v[3]);
    __m256 a4 = _mm256_unpacklo_ps(v[4], v[5]), a5 = _mm256_unpackhi_ps(v[4], v[5]);
    __m256 a6 = _mm256_unpacklo_ps(v[6], v[7]), a7 = _mm256_unpackhi_ps(v[6], v[7]);
    __m256 b0 = _mm256_shuffle_ps(a0, a2, 0x44), b1 = _mm256_shuffle_ps(a0, a2, 0xEE);
    __m256 b2 = _mm256_shuffle_ps(a1, a3, 0x44), b3 = _mm256_shuffle_ps(a1, a3, 0xEE);
    __m256 b4 = _mm256_shuffle_ps(a4, a6, 0x44), b5 = _mm256_shuffle_ps(a4, a6, 0xEE);
    __m256 b6 = _mm256_shuffle_ps(a5, a7, 0x44), b7 = _mm256_shuffle_ps(a5, a7, 0xEE);
    v[0] = _mm256_permute2f128_ps(b0, b4, 0x20); v[1] = _mm256_permute2f128_ps(b1, b5, 0x20);
    v[2] = _mm256_permute2f128_ps(b2, b6, 0x20); v[3] = _mm256_permute2f128_ps(b3, b7, 0x20);
    v[4] = _mm256_permute2f128_ps(b0, b4, 0x31); v[5] = _mm256_permute2f128_ps(b1, b5, 0x31);
    v[6] = _mm256_permute2f128_ps(b2, b6, 0x31); v[7] = _mm256_permute2f128_ps(b3, b7, 0x31);
}

#endif

#endif
