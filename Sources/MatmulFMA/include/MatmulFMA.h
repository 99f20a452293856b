// The engine's C: matmul's micro-kernel with fused multiply-adds, for x86-64 processors that have AVX2
// and FMA, its wider twin for those with AVX-512, the row kernels (GELU, LayerNorm, the bias add,
// softmax) and packing on AVX, each the bits of its Swift twin, and (at the end) the helper threads
// that share the kernels' work.
// TeachingEngine calls it only after `alignfuse_cpu_has_avx2_fma()` said yes; on any other processor
// it runs its own Swift micro-kernel (MatmulMicroKernel.swift), so a binary never executes an
// instruction its processor lacks.
#ifndef ALIGNFUSE_MATMUL_FMA_H
#define ALIGNFUSE_MATMUL_FMA_H

#include <stddef.h>

/// 1 when this processor runs AVX2 and FMA instructions, else 0 (always 0 off x86-64).
int alignfuse_cpu_has_avx2_fma(void);

/// C tile [6, 16] (+)= A rows · B panel over `depth` steps, each step one fused multiply-add per
/// value, in the order p = 0, 1, … (the contract of MatmulMicroKernel.swift's microKernel6x16):
/// row r, step p of A is a[r·rowStride + p·stepStride]; b holds 16 values per step; C's rows are
/// `ldc` apart; addToC adds into C instead of overwriting it.
void alignfuse_matmul_micro_kernel_fma(ptrdiff_t depth, const float *a, ptrdiff_t rowStride,
                                       ptrdiff_t stepStride, const float *b, float *c, ptrdiff_t ldc,
                                       int addToC);

/// The same tile with B read in place: step p's sixteen values of B at b + p·ldb (a row-major B whose
/// rows are ldb apart) instead of a packed panel. The same operations in the same order.
void alignfuse_matmul_micro_kernel_fma_ldb(ptrdiff_t depth, const float *a, ptrdiff_t rowStride,
                                           ptrdiff_t stepStride, const float *b, ptrdiff_t ldb, float *c,
                                           ptrdiff_t ldc, int addToC);

/// 1 when this processor runs AVX-512 (16-lane) and FMA instructions, else 0 (always 0 off x86-64).
int alignfuse_cpu_has_avx512(void);

/// C tiles [6, 32] (+)= A rows · two B panels side by side (MatmulAVX512.c): columns 0..<16 from
/// `left`, 16..<32 from `right`, each holding step p's sixteen values at p·bStride (16 for a packed
/// panel, B's row length when read in place). A and C as in the 6×16 kernel; the same operations in the
/// same order as two 6×16 tiles, so the same bits. `tiles` tiles one below the other, against the same
/// two panels: tile t reads A's rows from a + 6t·rowStride and writes C's from c + 6t·ldc. A non-null
/// `bias` (32 values) is then added to every row as it is stored: (C +) A·B, then + bias.
void alignfuse_matmul_tiles_6x32_avx512(ptrdiff_t tiles, ptrdiff_t depth, const float *a, ptrdiff_t rowStride,
                                        ptrdiff_t stepStride, const float *left, const float *right,
                                        ptrdiff_t bStride, float *c, ptrdiff_t ldc, int addToC,
                                        const float *bias);
/// The edge of a block with AVX-512 (MatmulAVX512.c): `rows` (1…6) rows × `columns` (1…32) columns of C,
/// against one panel (`columns` ≤ 16; `right` is not read) or two; B and C are read and C is written at
/// its valid columns only (MaskedTiles16.h). The bits of the 6×16 tile's valid part, added to C or stored.
void alignfuse_matmul_edge_avx512(ptrdiff_t rows, ptrdiff_t columns, ptrdiff_t depth, const float *a,
                                  ptrdiff_t rowStride, ptrdiff_t stepStride, const float *left, const float *right,
                                  ptrdiff_t bStride, float *c, ptrdiff_t ldc, int addToC);

/// C[m, n] (+)= op(A)·op(B) for small products (SmallGemmFMA.c), the same bits as the blocked gemm
/// with the micro-kernel above: row i, step p of A is a[i·lda + p] (a[p·lda + i] when transposeA);
/// B is [k, n] with rows ldb apart ([n, k] when transposeB); C's rows are ldc apart; accumulate adds
/// into C. B's copy, min(k, 256) · (n rounded up to 8) floats, is on the kernel's stack up to 16 KB.
void alignfuse_small_gemm_fma(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                              const float *a, ptrdiff_t lda, int transposeA,
                              const float *b, ptrdiff_t ldb, int transposeB,
                              float *c, ptrdiff_t ldc, int accumulate);

/// The same product with sixteen lanes per instruction where AVX-512 runs (SmallGemmFMA.c), the same
/// bits; B is copied only when transposeB.
void alignfuse_small_gemm_avx512(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                                 const float *a, ptrdiff_t lda, int transposeA,
                                 const float *b, ptrdiff_t ldb, int transposeB,
                                 float *c, ptrdiff_t ldc, int accumulate);

/// Column sums of `columns` columns of a block of `rows` rows, `width` apart, from x (ColumnSumsAVX512.c;
/// AVX-512): column j's terms are x[r·width + j], or x·y there when y is not NULL, added in row order.
/// With fromZero the sum starts at 0 and is then added to into[j] (bias gradients); otherwise it starts
/// at into[j] (LayerNorm's dγ and dβ). The bits of the Swift loops.
void alignfuse_column_sums_avx512(const float *x, const float *y, ptrdiff_t rows, ptrdiff_t width,
                                  ptrdiff_t columns, float *into, int fromZero);
/// Both of LayerNorm's sums in one pass (ColumnSumsAVX512.c): intoProducts[j] += Σ x·y and intoPlain[j]
/// += Σ x down column j, each from the value there, row by row; the bits of two calls of the above.
void alignfuse_column_sums_pair_avx512(const float *x, const float *y, ptrdiff_t rows, ptrdiff_t width,
                                       ptrdiff_t columns, float *intoProducts, float *intoPlain);

/// GELU's forward over `rows` rows of `width` (GeluAVX2.c; AVX2): y = gelu(x + bias) and the tanh of
/// each value, the bits of Kernels.geluForward. `bias` ([width]) may be NULL.
void alignfuse_gelu_forward_avx2(const float *x, const float *bias, ptrdiff_t width, ptrdiff_t rows,
                                 float *y, float *tanhs);

/// GELU's backward: gradInput = gradOutput · gelu'(x + bias) from the saved tanhs, the bits of
/// Kernels.geluBackward.
void alignfuse_gelu_backward_avx2(const float *x, const float *bias, ptrdiff_t width, ptrdiff_t rows,
                                  const float *tanhs, const float *gradOutput, float *gradInput);

/// The same two kernels sixteen lanes wide, for processors with AVX-512 (GeluAVX512.c); the same bits.
void alignfuse_gelu_forward_avx512(const float *x, const float *bias, ptrdiff_t width, ptrdiff_t rows,
                                   float *y, float *tanhs);
void alignfuse_gelu_backward_avx512(const float *x, const float *bias, ptrdiff_t width, ptrdiff_t rows,
                                    const float *tanhs, const float *gradOutput, float *gradInput);

/// LayerNorm's forward over `rows` rows of `width` (LayerNormAVX2.c; AVX2): y, x̂ and 1/√(σ² + ε) per row,
/// the bits of Kernels.layerNormForward.
void alignfuse_layer_norm_forward_avx2(const float *x, const float *gamma, const float *beta, ptrdiff_t rows,
                                       ptrdiff_t width, float epsilon, float *y, float *xhat,
                                       float *inverseDeviation);

/// LayerNorm's input gradient, added into dx (written when `overwrite`): the bits of the dx part of
/// Kernels.layerNormBackward.
void alignfuse_layer_norm_backward_avx2(const float *dy, const float *gamma, const float *xhat,
                                        const float *inverseDeviation, ptrdiff_t rows, ptrdiff_t width,
                                        float *dx, int overwrite);

/// One whole 16-column micro-panel of a transposed B (GemmPackAVX2.c; AVX2): dst[p·16 + j] = b[j·ldb + p]
/// for p < depth, j < 16 (b at the panel's first row and first step).
void alignfuse_pack_b_transposed_avx2(const float *b, ptrdiff_t ldb, ptrdiff_t depth, float *dst);

/// out[r·width + j] = x[r·width + j] + v[j] for every row (GemmPackAVX2.c; AVX2): Kernels.addToEveryRow's
/// bits (out may be x).
void alignfuse_add_to_every_row_avx2(const float *x, const float *v, ptrdiff_t rows, ptrdiff_t width, float *out);

/// One AdamW update of `count` values (AdamWFMA.c; AVX2): m, v and θ as Kernels.adamWUpdate computes
/// them, the same bits. The corrections are 1 − β₁ᵗ and 1 − β₂ᵗ; θ is multiplied by `shrinkBy`
/// (1 − lr·λ) before the step.
void alignfuse_adamw_update_avx2(float *theta, float *m, float *v, const float *g, ptrdiff_t count,
                                 float beta1, float beta2, float correction1, float correction2,
                                 float learningRate, float epsilon, float shrinkBy);
/// The same sixteen lanes wide, for processors with AVX-512; the same bits.
void alignfuse_adamw_update_avx512(float *theta, float *m, float *v, const float *g, ptrdiff_t count,
                                   float beta1, float beta2, float correction1, float correction2,
                                   float learningRate, float epsilon, float shrinkBy);

/// e^x for `count` floats (SoftmaxFMA.c; AVX2 and FMA): libm's expf computed eight at a time, the bits
/// expf returns for every float.
void alignfuse_exp_avx2(const float *x, ptrdiff_t count, float *out);

/// softmax(scale·x + bias) of rows firstRow ..< firstRow + rows of `width` (SoftmaxFMA.c; AVX2 and FMA):
/// the bits of Kernels.softmaxForward's plain loop; x and out point at row 0, and out may be x.
/// `bias` may be NULL; else row r adds the bias row at (r / maskLayout[0])·maskLayout[2] +
/// (r mod maskLayout[1])·maskLayout[3] (rows per item, queries, item stride, query stride:
/// Kernels.MaskLayout). Works on four rows at a time in about 16·width bytes of stack.
void alignfuse_softmax_rows_avx2(const float *x, ptrdiff_t firstRow, ptrdiff_t rows, ptrdiff_t width,
                                 float scale, const float *bias, const ptrdiff_t maskLayout[4], float *out);

/// The same two kernels sixteen lanes wide, for processors with AVX-512; the same bits.
void alignfuse_exp_avx512(const float *x, ptrdiff_t count, float *out);
void alignfuse_softmax_rows_avx512(const float *x, ptrdiff_t firstRow, ptrdiff_t rows, ptrdiff_t width,
                                   float scale, const float *bias, const ptrdiff_t maskLayout[4], float *out);
/// The softmax's backward over `rows` rows of `width` (SoftmaxFMA.c; AVX2): dz = scale·p ⊙ (dp − Σ p·dp)
/// per row, written or (when `accumulate`) added; the bits of Kernels.softmaxBackward's Swift loop.
void alignfuse_softmax_backward_avx2(const float *p, const float *dp, ptrdiff_t rows, ptrdiff_t width,
                                     float scale, float *dz, int accumulate);

/// One item of a job handed to the engine's helper threads (WorkerPool.c).
typedef void (*alignfuse_pool_body)(void *context, long item);

/// Calls body(context, 0) … body(context, count − 1), each once, on the calling thread and the
/// helper threads (the cores, or ALIGNFUSE_THREADS, minus one), and returns 1 when all are done.
/// Returns 0 without calling anything when there are no helpers, when count < 2, or when the pool is
/// busy (a job inside a job, or another thread's job): the caller then runs the items itself.
int alignfuse_pool_run(long count, alignfuse_pool_body body, void *context);

/// With ALIGNFUSE_POOL_TRACE set, marks in the trace where a step of the calling thread begins (a
/// record of count −1 between its jobs); without it, does nothing.
void alignfuse_pool_mark(void);

#endif
