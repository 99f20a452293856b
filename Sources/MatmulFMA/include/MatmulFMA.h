// matmul's micro-kernel with fused multiply-adds, for x86-64 processors that have AVX2 and FMA.
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

#endif
