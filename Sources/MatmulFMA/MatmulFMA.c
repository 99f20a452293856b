// The 6×16 micro-kernel of matmul (Goto & van de Geijn 2008, §4) written with AVX2/FMA intrinsics.
// Swift cannot compile one function for a newer processor than the rest of a module; C can
// (`target("avx2,fma")`), so the package builds for every x86-64 processor and this one function
// is used only where `alignfuse_cpu_has_avx2_fma()` finds the instructions at run time.
// Twelve registers hold the tile, two a row of B, one a broadcast value of A: per step,
// c[r][j] = fma(a[r], b[j], c[r][j]), the same operation and order as the Swift micro-kernel with
// fused multiply-adds, so both give the same bits.

#include "MatmulFMA.h"

#if defined(__x86_64__)
#include <immintrin.h>

int alignfuse_cpu_has_avx2_fma(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

__attribute__((target("avx2,fma")))
static inline void write_row(float *c, __m256 v0, __m256 v1, int addToC) {
    if (addToC) {
        v0 = _mm256_add_ps(_mm256_loadu_ps(c), v0);
        v1 = _mm256_add_ps(_mm256_loadu_ps(c + 8), v1);
    }
    _mm256_storeu_ps(c, v0);
    _mm256_storeu_ps(c + 8, v1);
}

// B's sixteen values of step p are at b + p·bStride: 16 for a packed panel, B's row length when the
// panel is read in place.
__attribute__((target("avx2,fma"), always_inline))
static inline void micro_kernel(ptrdiff_t depth, const float *a, ptrdiff_t rowStride, ptrdiff_t stepStride,
                                const float *b, ptrdiff_t bStride, float *c, ptrdiff_t ldc, int addToC) {
    __m256 c00 = _mm256_setzero_ps(), c01 = _mm256_setzero_ps();
    __m256 c10 = _mm256_setzero_ps(), c11 = _mm256_setzero_ps();
    __m256 c20 = _mm256_setzero_ps(), c21 = _mm256_setzero_ps();
    __m256 c30 = _mm256_setzero_ps(), c31 = _mm256_setzero_ps();
    __m256 c40 = _mm256_setzero_ps(), c41 = _mm256_setzero_ps();
    __m256 c50 = _mm256_setzero_ps(), c51 = _mm256_setzero_ps();
    const float *a0 = a, *a1 = a0 + rowStride, *a2 = a1 + rowStride;
    const float *a3 = a2 + rowStride, *a4 = a3 + rowStride, *a5 = a4 + rowStride;
    for (ptrdiff_t p = 0, step = 0; p < depth; p++, step += stepStride, b += bStride) {
        __m256 b0 = _mm256_loadu_ps(b), b1 = _mm256_loadu_ps(b + 8);
        __m256 ar = _mm256_broadcast_ss(a0 + step);
        c00 = _mm256_fmadd_ps(ar, b0, c00); c01 = _mm256_fmadd_ps(ar, b1, c01);
        ar = _mm256_broadcast_ss(a1 + step);
        c10 = _mm256_fmadd_ps(ar, b0, c10); c11 = _mm256_fmadd_ps(ar, b1, c11);
        ar = _mm256_broadcast_ss(a2 + step);
        c20 = _mm256_fmadd_ps(ar, b0, c20); c21 = _mm256_fmadd_ps(ar, b1, c21);
        ar = _mm256_broadcast_ss(a3 + step);
        c30 = _mm256_fmadd_ps(ar, b0, c30); c31 = _mm256_fmadd_ps(ar, b1, c31);
        ar = _mm256_broadcast_ss(a4 + step);
        c40 = _mm256_fmadd_ps(ar, b0, c40); c41 = _mm256_fmadd_ps(ar, b1, c41);
        ar = _mm256_broadcast_ss(a5 + step);
        c50 = _mm256_fmadd_ps(ar, b0, c50); c51 = _mm256_fmadd_ps(ar, b1, c51);
    }
    write_row(c, c00, c01, addToC);
    write_row(c + ldc, c10, c11, addToC);
    write_row(c + 2 * ldc, c20, c21, addToC);
    write_row(c + 3 * ldc, c30, c31, addToC);
    write_row(c + 4 * ldc, c40, c41, addToC);
    write_row(c + 5 * ldc, c50, c51, addToC);
}

__attribute__((target("avx2,fma")))
void alignfuse_matmul_micro_kernel_fma(ptrdiff_t depth, const float *a, ptrdiff_t rowStride,
                                       ptrdiff_t stepStride, const float *b, float *c, ptrdiff_t ldc,
                                       int addToC) {
    micro_kernel(depth, a, rowStride, stepStride, b, 16, c, ldc, addToC);
}

__attribute__((target("avx2,fma")))
void alignfuse_matmul_micro_kernel_fma_ldb(ptrdiff_t depth, const float *a, ptrdiff_t rowStride,
                                           ptrdiff_t stepStride, const float *b, ptrdiff_t ldb, float *c,
                                           ptrdiff_t ldc, int addToC) {
    micro_kernel(depth, a, rowStride, stepStride, b, ldb, c, ldc, addToC);
}

#else

int alignfuse_cpu_has_avx2_fma(void) { return 0; }

void alignfuse_matmul_micro_kernel_fma(ptrdiff_t depth, const float *a, ptrdiff_t rowStride,
                                       ptrdiff_t stepStride, const float *b, float *c, ptrdiff_t ldc,
                                       int addToC) {
    (void)depth; (void)a; (void)rowStride; (void)stepStride; (void)b; (void)c; (void)ldc; (void)addToC;
}

void alignfuse_matmul_micro_kernel_fma_ldb(ptrdiff_t depth, const float *a, ptrdiff_t rowStride,
                                           ptrdiff_t stepStride, const float *b, ptrdiff_t ldb, float *c,
                                           ptrdiff_t ldc, int addToC) {
    (void)depth; (void)a; (void)rowStride; (void)stepStride; (void)b; (void)ldb; (void)c; (void)ldc;
    (void)addToC;
}

#endif
