// Packing a transposed B for gemm with AVX2 (MatmulPacking.swift's packB, transposed case): B is stored
// [n, k], and a micro-panel wants 16 of its rows laid out step by step, dst[p·16 + j] = b[j·ldb + p].
// Copied one value at a time, every value of a step comes from another row of B. Here 8 rows × 8 steps
// are loaded as eight vectors and transposed in registers (Transpose8.h), so each store writes eight
// values of one step. Values are only moved, so the panel is the same bytes either way.
// Beside it, the bias add that follows most products, eight values per instruction.

#include "MatmulFMA.h"

#if defined(__x86_64__)
#include "Transpose8.h"

__attribute__((target("avx2")))
void alignfuse_pack_b_transposed_avx2(const float *b, ptrdiff_t ldb, ptrdiff_t depth, float *dst) {
    ptrdiff_t p = 0;
    for (; p + 8 <= depth; p += 8) {
        for (ptrdiff_t half = 0; half < 16; half += 8) {
            __m256 v[8];
            for (int r = 0; r < 8; r++) v[r] = _mm256_loadu_ps(b + (half + r) * ldb + p);
            transpose8(v);
            for (int c = 0; c < 8; c++) _mm256_storeu_ps(dst + (p + c) * 16 + half, v[c]);
        }
    }
    for (; p < depth; p++) {
        for (ptrdiff_t j = 0; j < 16; j++) dst[p * 16 + j] = b[j * ldb + p];
    }
}

/// out = x + v on every row (AddKernel.swift's addToEveryRow): one add per value, eight at a time.
__attribute__((target("avx2")))
void alignfuse_add_to_every_row_avx2(const float *x, const float *v, ptrdiff_t rows, ptrdiff_t width, float *out) {
    for (ptrdiff_t r = 0; r < rows; r++) {
        const float *row = x + r * width;
        float *target = out + r * width;
        ptrdiff_t j = 0;
        for (; j + 8 <= width; j += 8) _mm256_storeu_ps(target + j, _mm256_add_ps(_mm256_loadu_ps(row + j), _mm256_loadu_ps(v + j)));
        for (; j < width; j++) target[j] = row[j] + v[j];
    }
}

#else

void alignfuse_add_to_every_row_avx2(const float *x, const float *v, ptrdiff_t rows, ptrdiff_t width, float *out) {
    (void)x; (void)v; (void)rows; (void)width; (void)out;
}

void alignfuse_pack_b_transposed_avx2(const float *b, ptrdiff_t ldb, ptrdiff_t depth, float *dst) {
    (void)b; (void)ldb; (void)depth; (void)dst;
}

#endif
