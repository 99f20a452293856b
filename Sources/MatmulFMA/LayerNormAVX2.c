// LayerNorm's forward and its input gradient eight values per AVX instruction (the formulas:
// TeachingEngine/LayerNormOp.swift; the Swift twin: Kernels/LayerNormKernel.swift).
// A row's sums (its mean, its variance, the two means of the backward) are chains of adds from left to
// right, which one row alone cannot spread over a vector. So eight rows go side by side: a block of
// 8 rows × 8 columns is loaded and transposed, and lane r of the running total adds row r's values in
// column order, exactly the chain of the scalar formula. Every other value is a multiply or an add
// rounded on its own (never fused), in the Swift kernel's order, so both give the same bits.

#include "MatmulFMA.h"

#if defined(__x86_64__)
#include <immintrin.h>
#include <math.h>

#include "RowSums8.h"

#define AVX2 __attribute__((target("avx2")))

/// y = γ·x̂ + β with x̂ = (x − mean)·(1/√(variance + ε)), for eight whole rows at x (`width` apart).
AVX2 static void forward8(const float *x, const float *gamma, const float *beta, ptrdiff_t width, float epsilon,
                          float *y, float *xhat, float *inverseDeviation) {
    const __m256 size = _mm256_set1_ps((float)width);
    float means[8], variances[8];
    __m256 sums, squares;
    row_sums8(x, NULL, width, &sums, NULL);
    _mm256_storeu_ps(means, _mm256_div_ps(sums, size));
    for (int r = 0; r < 8; r++) {                    // x̂ first holds x − mean
        const float *row = x + r * width;
        float *centred = xhat + r * width;
        const __m256 mean = _mm256_set1_ps(means[r]);
        ptrdiff_t j = 0;
        for (; j + 8 <= width; j += 8) _mm256_storeu_ps(centred + j, _mm256_sub_ps(_mm256_loadu_ps(row + j), mean));
        for (; j < width; j++) centred[j] = row[j] - means[r];
    }
    row_sums8(xhat, xhat, width, NULL, &squares);
    _mm256_storeu_ps(variances, _mm256_div_ps(squares, size));
    for (int r = 0; r < 8; r++) {
        float *n = xhat + r * width, *out = y + r * width;
        const float inverse = 1.0f / sqrtf(variances[r] + epsilon);
        inverseDeviation[r] = inverse;
        const __m256 inverse8 = _mm256_set1_ps(inverse);
        ptrdiff_t j = 0;
        for (; j + 8 <= width; j += 8) {
            __m256 v = _mm256_mul_ps(_mm256_loadu_ps(n + j), inverse8);
            _mm256_storeu_ps(n + j, v);
            _mm256_storeu_ps(out + j, _mm256_add_ps(_mm256_mul_ps(_mm256_loadu_ps(gamma + j), v), _mm256_loadu_ps(beta + j)));
        }
        for (; j < width; j++) {
            const float v = n[j] * inverse;
            n[j] = v;
            out[j] = gamma[j] * v + beta[j];
        }
    }
}

AVX2 void alignfuse_layer_norm_forward_avx2(const float *x, const float *gamma, const float *beta, ptrdiff_t rows,
                                            ptrdiff_t width, float epsilon, float *y, float *xhat,
                                            float *inverseDeviation) {
    ptrdiff_t r = 0;
    for (; r + 8 <= rows; r += 8) {
        forward8(x + r * width, gamma, beta, width, epsilon, y + r * width, xhat + r * width, inverseDeviation + r);
    }
    if (r == rows) return;
    // The last rows, copied into a block of eight (the missing rows repeat the last one) and back.
    const ptrdiff_t left = rows - r;
    float *block = (float *)_mm_malloc((size_t)(3 * 8 * width) * sizeof(float), 32);
    float *blockY = block + 8 * width, *blockN = blockY + 8 * width, inverse[8];
    for (ptrdiff_t i = 0; i < 8; i++) {
        const ptrdiff_t source = i < left ? i : left - 1;
        for (ptrdiff_t j = 0; j < width; j++) block[i * width + j] = x[(r + source) * width + j];
    }
    forward8(block, gamma, beta, width, epsilon, blockY, blockN, inverse);
    for (ptrdiff_t i = 0; i < left; i++) {
        for (ptrdiff_t j = 0; j < width; j++) {
            y[(r + i) * width + j] = blockY[i * width + j];
            xhat[(r + i) * width + j] = blockN[i * width + j];
        }
        inverseDeviation[r + i] = inverse[i];
    }
    _mm_free(block);
}

/// dx (+)= (ĝ − mean(ĝ) − x̂·mean(ĝ·x̂))·inverseDeviation with ĝ = dy·γ, for eight whole rows; `gHats`
/// holds 8 × width floats of scratch.
AVX2 static void backward8(const float *dy, const float *gamma, const float *xhat, const float *inverseDeviation,
                           ptrdiff_t width, float *dx, int overwrite, float *gHats) {
    const __m256 size = _mm256_set1_ps((float)width);
    for (int r = 0; r < 8; r++) {
        const float *g = dy + r * width;
        float *gHat = gHats + r * width;
        ptrdiff_t j = 0;
        for (; j + 8 <= width; j += 8) _mm256_storeu_ps(gHat + j, _mm256_mul_ps(_mm256_loadu_ps(g + j), _mm256_loadu_ps(gamma + j)));
        for (; j < width; j++) gHat[j] = g[j] * gamma[j];
    }
    float meansG[8], meansGX[8];
    __m256 sumsG, sumsGX;
    row_sums8(gHats, xhat, width, &sumsG, &sumsGX);        // both sums from one transpose of ĝ
    _mm256_storeu_ps(meansG, _mm256_div_ps(sumsG, size));
    _mm256_storeu_ps(meansGX, _mm256_div_ps(sumsGX, size));
    for (int r = 0; r < 8; r++) {
        const float *gHat = gHats + r * width, *n = xhat + r * width;
        float *target = dx + r * width;
        const float meanG = meansG[r], meanGX = meansGX[r], inverse = inverseDeviation[r];
        const __m256 meanG8 = _mm256_set1_ps(meanG), meanGX8 = _mm256_set1_ps(meanGX), inverse8 = _mm256_set1_ps(inverse);
        ptrdiff_t j = 0;
        for (; j + 8 <= width; j += 8) {
            __m256 d = _mm256_mul_ps(_mm256_sub_ps(_mm256_sub_ps(_mm256_loadu_ps(gHat + j), meanG8),
                                                   _mm256_mul_ps(_mm256_loadu_ps(n + j), meanGX8)), inverse8);
            _mm256_storeu_ps(target + j, overwrite ? d : _mm256_add_ps(_mm256_loadu_ps(target + j), d));
        }
        for (; j < width; j++) {
            const float d = (gHat[j] - meanG - n[j] * meanGX) * inverse;
            target[j] = overwrite ? d : target[j] + d;
        }
    }
}

AVX2 void alignfuse_layer_norm_backward_avx2(const float *dy, const float *gamma, const float *xhat,
                                             const float *inverseDeviation, ptrdiff_t rows, ptrdiff_t width,
                                             float *dx, int overwrite) {
    float *scratch = (float *)_mm_malloc((size_t)(5 * 8 * width) * sizeof(float), 32);
    ptrdiff_t r = 0;
    for (; r + 8 <= rows; r += 8) {
        backward8(dy + r * width, gamma, xhat + r * width, inverseDeviation + r, width, dx + r * width, overwrite,
                  scratch);
    }
    if (r < rows) {
        // The last rows, copied into a block of eight (the missing rows repeat the last one) and back.
        const ptrdiff_t left = rows - r;
        float *gHats = scratch, *blockDy = scratch + 8 * width, *blockN = blockDy + 8 * width;
        float *blockDx = blockN + 8 * width, inverse[8];
        for (ptrdiff_t i = 0; i < 8; i++) {
            const ptrdiff_t source = i < left ? i : left - 1;
            for (ptrdiff_t j = 0; j < width; j++) {
                blockDy[i * width + j] = dy[(r + source) * width + j];
                blockN[i * width + j] = xhat[(r + source) * width + j];
                blockDx[i * width + j] = overwrite ? 0 : dx[(r + source) * width + j];
            }
            inverse[i] = inverseDeviation[r + source];
        }
        backward8(blockDy, gamma, blockN, inverse, width, blockDx, overwrite, gHats);
        for (ptrdiff_t i = 0; i < left; i++) {
            for (ptrdiff_t j = 0; j < width; j++) dx[(r + i) * width + j] = blockDx[i * width + j];
        }
    }
    _mm_free(scratch);
}

#else

void alignfuse_layer_norm_forward_avx2(const float *x, const float *gamma, const float *beta, ptrdiff_t rows,
                                       ptrdiff_t width, float epsilon, float *y, float *xhat,
                                       float *inverseDeviation) {
    (void)x; (void)gamma; (void)beta; (void)rows; (void)width; (void)epsilon; (void)y; (void)xhat;
    (void)inverseDeviation;
}

void alignfuse_layer_norm_backward_avx2(const float *dy, const float *gamma, const float *xhat,
                                        const float *inverseDeviation, ptrdiff_t rows, ptrdiff_t width,
                                        float *dx, int overwrite) {
    (void)dy; (void)gamma; (void)xhat; (void)inverseDeviation; (void)rows; (void)width; (void)dx; (void)overwrite;
}

#endif
