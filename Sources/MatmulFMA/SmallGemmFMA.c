// Small matrix products with AVX2/FMA (and AVX-512 below), for the shapes of attention (one head's
// [26, 16]·[16, 26]):
// there, packing operands into micro-panels and computing whole 6×16 tiles aside for the edges costs
// more than the multiply-adds. This kernel reads A in place, copies B (at most a few kilobytes) into
// rows of a multiple of 8 columns unless B's rows already are, and writes only the valid part of each
// tile.
// Every element of C is the chain c = fma(a_p, b_p, c) over p = 0, 1, … from c = 0, restarted every
// 256 steps and added to C as the blocked gemm does (MatmulGemm.swift, blockDepth): the same
// operations in the same order as the 6×16 micro-kernel, so both give the same bits.

#include "MatmulFMA.h"

#if defined(__x86_64__)
#include <immintrin.h>
#include <stdlib.h>

#include "Transpose8.h"
#include "Lanes16.h"
#include "MaskedTiles16.h"

enum { depthBlock = 256 };

/// B's copy lives on the kernel's stack: up to 4096 values (16 KB), which holds every product the
/// engine sends here (MatmulGemm.swift, isSmallProduct). A heap block for each call cost more than the
/// multiply-adds of one head's product (attention makes six such products per head, thousands a step).
enum { stackScratch = 4096 };

/// The scratch for `count` values: `local` when they fit, else a heap block the caller frees.
static float *scratch_for(ptrdiff_t count, float *local) {
    if (count <= stackScratch) return local;
    float *heap = malloc((size_t)count * sizeof(float));
    if (!heap) abort();
    return heap;
}

/// Lanes 0..<count of a mask (count in 0…8).
__attribute__((target("avx2,fma")))
static inline __m256i lanes(ptrdiff_t count) {
    const __m256i index = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)count), index);
}

/// Writes (or adds) one vector of C's row, only its first `valid` lanes.
__attribute__((target("avx2,fma")))
static inline void put(float *c, __m256 v, ptrdiff_t valid, int add) {
    if (valid >= 8) {
        if (add) v = _mm256_add_ps(_mm256_loadu_ps(c), v);
        _mm256_storeu_ps(c, v);
    } else {
        __m256i mask = lanes(valid);
        if (add) v = _mm256_add_ps(_mm256_maskload_ps(c, mask), v);
        _mm256_maskstore_ps(c, mask, v);
    }
}

/// Rows i..<i+rows (rows ≤ 6) × columns j..<j+16 of C for one depth block; B's block has its steps
/// `width` apart: packed [kc, width] with width a multiple of 8, zero past n, or B itself. Missing rows repeat row i and are not stored.
__attribute__((target("avx2,fma")))
static void tile16(ptrdiff_t rows, ptrdiff_t kc, const float *a, ptrdiff_t rowStride, ptrdiff_t stepStride,
                   const float *packed, ptrdiff_t width, float *c, ptrdiff_t ldc, ptrdiff_t valid, int add) {
    const float *ar[6];
    for (int r = 0; r < 6; r++) ar[r] = a + (r < rows ? r : 0) * rowStride;
    __m256 c00 = _mm256_setzero_ps(), c01 = _mm256_setzero_ps();
    __m256 c10 = _mm256_setzero_ps(), c11 = _mm256_setzero_ps();
    __m256 c20 = _mm256_setzero_ps(), c21 = _mm256_setzero_ps();
    __m256 c30 = _mm256_setzero_ps(), c31 = _mm256_setzero_ps();
    __m256 c40 = _mm256_setzero_ps(), c41 = _mm256_setzero_ps();
    __m256 c50 = _mm256_setzero_ps(), c51 = _mm256_setzero_ps();
    for (ptrdiff_t p = 0, step = 0; p < kc; p++, step += stepStride, packed += width) {
        __m256 b0 = _mm256_loadu_ps(packed), b1 = _mm256_loadu_ps(packed + 8);
        __m256 x = _mm256_broadcast_ss(ar[0] + step);
        c00 = _mm256_fmadd_ps(x, b0, c00); c01 = _mm256_fmadd_ps(x, b1, c01);
        x = _mm256_broadcast_ss(ar[1] + step);
        c10 = _mm256_fmadd_ps(x, b0, c10); c11 = _mm256_fmadd_ps(x, b1, c11);
        x = _mm256_broadcast_ss(ar[2] + step);
        c20 = _mm256_fmadd_ps(x, b0, c20); c21 = _mm256_fmadd_ps(x, b1, c21);
        x = _mm256_broadcast_ss(ar[3] + step);
        c30 = _mm256_fmadd_ps(x, b0, c30); c31 = _mm256_fmadd_ps(x, b1, c31);
        x = _mm256_broadcast_ss(ar[4] + step);
        c40 = _mm256_fmadd_ps(x, b0, c40); c41 = _mm256_fmadd_ps(x, b1, c41);
        x = _mm256_broadcast_ss(ar[5] + step);
        c50 = _mm256_fmadd_ps(x, b0, c50); c51 = _mm256_fmadd_ps(x, b1, c51);
    }
    __m256 left[6] = {c00, c10, c20, c30, c40, c50}, right[6] = {c01, c11, c21, c31, c41, c51};
    for (ptrdiff_t r = 0; r < rows; r++) {
        put(c + r * ldc, left[r], valid, add);
        if (valid > 8) put(c + r * ldc + 8, right[r], valid - 8, add);
    }
}

/// Like tile16 for the last 8 (or fewer) columns.
__attribute__((target("avx2,fma")))
static void tile8(ptrdiff_t rows, ptrdiff_t kc, const float *a, ptrdiff_t rowStride, ptrdiff_t stepStride,
                  const float *packed, ptrdiff_t width, float *c, ptrdiff_t ldc, ptrdiff_t valid, int add) {
    const float *ar[6];
    for (int r = 0; r < 6; r++) ar[r] = a + (r < rows ? r : 0) * rowStride;
    __m256 c0 = _mm256_setzero_ps(), c1 = _mm256_setzero_ps(), c2 = _mm256_setzero_ps();
    __m256 c3 = _mm256_setzero_ps(), c4 = _mm256_setzero_ps(), c5 = _mm256_setzero_ps();
    for (ptrdiff_t p = 0, step = 0; p < kc; p++, step += stepStride, packed += width) {
        __m256 b0 = _mm256_loadu_ps(packed);
        c0 = _mm256_fmadd_ps(_mm256_broadcast_ss(ar[0] + step), b0, c0);
        c1 = _mm256_fmadd_ps(_mm256_broadcast_ss(ar[1] + step), b0, c1);
        c2 = _mm256_fmadd_ps(_mm256_broadcast_ss(ar[2] + step), b0, c2);
        c3 = _mm256_fmadd_ps(_mm256_broadcast_ss(ar[3] + step), b0, c3);
        c4 = _mm256_fmadd_ps(_mm256_broadcast_ss(ar[4] + step), b0, c4);
        c5 = _mm256_fmadd_ps(_mm256_broadcast_ss(ar[5] + step), b0, c5);
    }
    __m256 all[6] = {c0, c1, c2, c3, c4, c5};
    for (ptrdiff_t r = 0; r < rows; r++) put(c + r * ldc, all[r], valid, add);
}

/// B's depth block pc..<pc+kc as rows of `width` (at least n; zeros from column n on) in `scratch`:
/// [kc, width] from B [k, n] (rows ldb apart) or, when transposed, from B [n, k]. Values only move.
__attribute__((target("avx2")))
static void copy_b_block(const float *b, ptrdiff_t ldb, int transposeB, ptrdiff_t n, ptrdiff_t pc, ptrdiff_t kc,
                         ptrdiff_t width, float *scratch) {
    // A transposed B's 8 × 8 blocks go through registers (Transpose8.h).
    ptrdiff_t blocked = 0;
    if (transposeB) {
        for (; blocked + 8 <= kc; blocked += 8) {
            ptrdiff_t j = 0;
            for (; j + 8 <= n; j += 8) {
                __m256 v[8];
                for (int r = 0; r < 8; r++) v[r] = _mm256_loadu_ps(b + (j + r) * ldb + pc + blocked);
                transpose8(v);
                for (int c = 0; c < 8; c++) _mm256_storeu_ps(scratch + (blocked + c) * width + j, v[c]);
            }
            for (ptrdiff_t p = blocked; p < blocked + 8; p++) {
                for (ptrdiff_t jj = j; jj < n; jj++) scratch[p * width + jj] = b[jj * ldb + pc + p];
                for (ptrdiff_t jj = n; jj < width; jj++) scratch[p * width + jj] = 0;
            }
        }
    }
    for (ptrdiff_t p = blocked; p < kc; p++) {
        float *row = scratch + p * width;
        if (transposeB) {
            for (ptrdiff_t j = 0; j < n; j++) row[j] = b[j * ldb + pc + p];
        } else {
            for (ptrdiff_t j = 0; j < n; j++) row[j] = b[(pc + p) * ldb + j];
        }
        for (ptrdiff_t j = n; j < width; j++) row[j] = 0;
    }
}

__attribute__((target("avx2,fma")))
void alignfuse_small_gemm_fma(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                              const float *a, ptrdiff_t lda, int transposeA,
                              const float *b, ptrdiff_t ldb, int transposeB,
                              float *c, ptrdiff_t ldc, int accumulate) {
    // A plain B whose rows are whole vectors (n a multiple of 8: one head's 16 columns of V, K or
    // dO) is read where it is, rows ldb apart; any other B is copied first.
    const int inPlace = !transposeB && n % 8 == 0;
    const ptrdiff_t width = inPlace ? ldb : (n + 7) / 8 * 8;
    float local[stackScratch] __attribute__((aligned(32)));
    float *scratch = inPlace ? local : scratch_for((k < depthBlock ? k : depthBlock) * width, local);
    // Row i, step p of A sits at a[i·rowStride + p·stepStride].
    const ptrdiff_t rowStride = transposeA ? 1 : lda, stepStride = transposeA ? lda : 1;
    for (ptrdiff_t pc = 0; pc < k; pc += depthBlock) {
        const ptrdiff_t kc = k - pc < depthBlock ? k - pc : depthBlock;
        const int add = accumulate || pc > 0;
        const float *block = inPlace ? b + pc * ldb : scratch;
        if (!inPlace) copy_b_block(b, ldb, transposeB, n, pc, kc, width, scratch);
        const float *blockA = a + pc * stepStride;
        for (ptrdiff_t i = 0; i < m; i += 6) {
            const ptrdiff_t rows = m - i < 6 ? m - i : 6;
            const float *rowsA = blockA + i * rowStride;
            ptrdiff_t j = 0;
            for (; j + 8 < n; j += 16) {
                tile16(rows, kc, rowsA, rowStride, stepStride, block + j, width, c + i * ldc + j, ldc,
                       n - j < 16 ? n - j : 16, add);
            }
            if (j < n) tile8(rows, kc, rowsA, rowStride, stepStride, block + j, width, c + i * ldc + j, ldc, n - j, add);
        }
    }
    if (scratch != local) free(scratch);
}

// The same products sixteen lanes per instruction, where AVX-512 runs (MaskedTiles16.h): a plain B is
// always read in place, and a tile holds exactly the rows that are left, up to six rows of 32 columns or
// twelve rows of 16, never a row computed only to be thrown away. Each element is the same chain of
// fused multiply-adds as above, so both kernels give the same bits.

__attribute__((target("avx512f,avx2,fma")))
void alignfuse_small_gemm_avx512(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                                 const float *a, ptrdiff_t lda, int transposeA,
                                 const float *b, ptrdiff_t ldb, int transposeB,
                                 float *c, ptrdiff_t ldc, int accumulate) {
    const ptrdiff_t width = transposeB ? n : ldb;     // masked loads need no zeros past column n
    float local[stackScratch] __attribute__((aligned(64)));
    float *scratch = transposeB ? scratch_for((k < depthBlock ? k : depthBlock) * width, local) : local;
    const ptrdiff_t rowStride = transposeA ? 1 : lda, stepStride = transposeA ? lda : 1;
    for (ptrdiff_t pc = 0; pc < k; pc += depthBlock) {
        const ptrdiff_t kc = k - pc < depthBlock ? k - pc : depthBlock;
        const int add = accumulate || pc > 0;
        const float *block = transposeB ? scratch : b + pc * ldb;
        if (transposeB) copy_b_block(b, ldb, transposeB, n, pc, kc, width, scratch);
        const float *blockA = a + pc * stepStride;
        for (ptrdiff_t j = 0; j < n; j += 32) {
            const ptrdiff_t columns = n - j < 32 ? n - j : 32;
            const __mmask16 m0 = firstLanes16(columns), m1 = firstLanes16(columns - 16);
            // Tiles of at most `tallest` rows, as even as they can be (26 rows of 16 columns: 9, 9 and 8,
            // not 12, 12 and a 2-row tile whose two chains would wait on the multiply-add's latency).
            const ptrdiff_t tallest = columns <= 16 ? 12 : 6, tiles = (m + tallest - 1) / tallest;
            const ptrdiff_t tall = (m + tiles - 1) / tiles;
            for (ptrdiff_t i = 0; i < m; i += tall) {
                const ptrdiff_t rows = m - i < tall ? m - i : tall;
                masked_tile_rows(rows, tallest == 12 ? 1 : 2, kc, blockA + i * rowStride, rowStride, stepStride,
                                 block + j, block + j + 16, width, m0, m1, c + i * ldc + j, ldc, add);
            }
        }
    }
    if (scratch != local) free(scratch);
}

#else

// Off x86-64 the engine never calls these kernels (it checks the processor first); they only link.
void alignfuse_small_gemm_fma(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                              const float *a, ptrdiff_t lda, int transposeA,
                              const float *b, ptrdiff_t ldb, int transposeB,
                              float *c, ptrdiff_t ldc, int accumulate) {
    (void)m; (void)n; (void)k; (void)a; (void)lda; (void)transposeA; (void)b; (void)ldb; (void)transposeB;
    (void)c; (void)ldc; (void)accumulate;
}

void alignfuse_small_gemm_avx512(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                                 const float *a, ptrdiff_t lda, int transposeA,
                                 const float *b, ptrdiff_t ldb, int transposeB,
                                 float *c, ptrdiff_t ldc, int accumulate) {
    alignfuse_small_gemm_fma(m, n, k, a, lda, transposeA, b, ldb, transposeB, c, ldc, accumulate);
}

#endif
