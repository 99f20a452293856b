// A row of softmax eight or sixteen scores per instruction, for processors with AVX2 and FMA (and
// AVX-512): the bits of Kernels.softmaxForward's plain loop, which calls libm's expf one value at a time.
//
// The exponential here is expf's own method, several values at a time, step for step as glibc (2.28
// and later) computes it on a processor with FMA, so every value is the bits expf returns (checked
// against expf for all 2³² floats; the engine's tests hold it to that over a sweep of inputs):
//   k = round(x · 32/ln 2),  r = x · 32/ln 2 − k          (in double precision, one fused step each)
//   2^(k/32) = 2^⌊k/32⌋ · 2^((k mod 32)/32)             (a table of 32 values, the exponent added by bits)
//   e^x ≈ 2^(k/32) · (1 + c₂r + c₁r² + c₀r³)            (then rounded once to float)
// Below −103.97 the answer is 0, above 88.72 it is +∞, and NaN stays NaN, as in expf.
// The rest of the row is the plain loop's: s = scale·x (+ bias) rounded at each step, the largest s,
// the exponentials summed left to right, then each one times 1/sum. The rows are worked on in a buffer
// on the stack. The softmax's backward is here too: eight rows' sums side by side (RowSums8.h).

#include "MatmulFMA.h"

#if defined(__x86_64__)
#include <immintrin.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "Lanes16.h"
#include "RowSums8.h"

#define AVX2 __attribute__((target("avx2,fma")))

/// bits(2^(i/32)) − i·2⁴⁷: adding k·2⁴⁷ to entry k mod 32 puts ⌊k/32⌋ into the exponent as well.
static uint64_t powersOfTwo[32] __attribute__((aligned(64)));

/// The polynomial's coefficients (expf's, in units of r = 32·x/ln 2 − k) and its constants, as bits.
static const uint64_t c0Bits = 0x3ebc6af84b912394, c1Bits = 0x3f2ebfce50fac4f3, c2Bits = 0x3f962e42ff0c52d6;
static const uint64_t thirtyTwoOverLn2Bits = 0x40471547652b82fe;   // 32/ln 2
static const uint64_t roundingShiftBits = 0x4338000000000000;      // 1.5·2⁵²: adding it rounds to an integer

static double fromBits(uint64_t bits) {
    double value;
    memcpy(&value, &bits, sizeof value);
    return value;
}

__attribute__((constructor)) static void makePowersOfTwo(void) {
    for (int i = 0; i < 32; i++) {
        double power = (double)exp2l((long double)i / 32);   // 64 bits, rounded to the nearest double
        uint64_t bits;
        memcpy(&bits, &power, sizeof bits);
        powersOfTwo[i] = bits - ((uint64_t)i << 47);
    }
}

/// e^x for four floats, each the bits of expf(x).
AVX2 static inline __m128 exp4(__m128 x) {
    __m256d xd = _mm256_cvtps_pd(x);
    __m256d perStep = _mm256_set1_pd(fromBits(thirtyTwoOverLn2Bits));
    __m256d shift = _mm256_set1_pd(fromBits(roundingShiftBits));
    __m256d shifted = _mm256_fmadd_pd(perStep, xd, shift);           // k + 1.5·2⁵², k in the low bits
    __m256i k = _mm256_castpd_si256(shifted);
    __m256d r = _mm256_fmsub_pd(perStep, xd, _mm256_sub_pd(shifted, shift));
    // Four table reads one at a time: a gather instruction is slower than this on many processors.
    long long at[4];
    _mm256_storeu_si256((__m256i *)at, _mm256_and_si256(k, _mm256_set1_epi64x(31)));
    __m256i entry = _mm256_setr_epi64x((long long)powersOfTwo[at[0]], (long long)powersOfTwo[at[1]],
                                       (long long)powersOfTwo[at[2]], (long long)powersOfTwo[at[3]]);
    __m256d power = _mm256_castsi256_pd(_mm256_add_epi64(entry, _mm256_slli_epi64(k, 47)));
    __m256d z = _mm256_fmadd_pd(_mm256_set1_pd(fromBits(c0Bits)), r, _mm256_set1_pd(fromBits(c1Bits)));
    __m256d y = _mm256_fmadd_pd(_mm256_set1_pd(fromBits(c2Bits)), r, _mm256_set1_pd(1.0));
    y = _mm256_fmadd_pd(z, _mm256_mul_pd(r, r), y);
    __m128 e = _mm256_cvtpd_ps(_mm256_mul_pd(y, power));
    e = _mm_blendv_ps(e, _mm_set1_ps(INFINITY), _mm_cmp_ps(x, _mm_set1_ps(0x1.62e42ep6f), _CMP_GT_OQ));
    e = _mm_blendv_ps(e, _mm_setzero_ps(), _mm_cmp_ps(x, _mm_set1_ps(-0x1.9fe368p6f), _CMP_LT_OQ));
    return _mm_blendv_ps(e, x, _mm_cmp_ps(x, x, _CMP_UNORD_Q));
}

AVX2 static inline __m256 exp8(__m256 x) {
    return _mm256_set_m128(exp4(_mm256_extractf128_ps(x, 1)), exp4(_mm256_castps256_ps128(x)));
}

/// Lanes 0..<count on, the rest off, for the row's last partial vector.
AVX2 static inline __m256i firstLanes(ptrdiff_t count) {
    return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)count), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

AVX2 void alignfuse_exp_avx2(const float *x, ptrdiff_t count, float *out) {
    for (ptrdiff_t j = 0; j < count; j += 8) {
        __m256i lanes = firstLanes(count - j);
        _mm256_maskstore_ps(out + j, lanes, exp8(_mm256_maskload_ps(x + j, lanes)));
    }
}

/// Step 1 of a row into `row` (padded to whole vectors): e^(s − max) with s = scale·x (+ bias); lanes
/// past the row and hidden keys (−∞) give exactly 0. Returns 0 when every key is hidden.
typedef int (*RowExponentials)(const float *x, ptrdiff_t width, float scale, const float *bias, float *row);
/// Step 3: out = e · (1/sum).
typedef void (*RowNormalise)(const float *row, ptrdiff_t width, float total, float *out);

/// Softmax of rows firstRow ..< firstRow + rows, four at a time: their left-to-right sums (step 2) run
/// side by side, since each is a chain of dependent adds. Row r's bias row is at
/// bias + (r / rowsPerItem)·itemStride + (r mod queries)·queryStride (Kernels.MaskLayout).
static void softmaxRows(const float *x, ptrdiff_t firstRow, ptrdiff_t rows, ptrdiff_t width, float scale,
                        const float *bias, const ptrdiff_t layout[4], float *out, ptrdiff_t lanes,
                        RowExponentials exponentials, RowNormalise normalise) {
    if (width <= 0) return;
    ptrdiff_t padded = (width + lanes - 1) / lanes * lanes;
    float buffer[4 * padded + 16];
    float *row = (float *)(((uintptr_t)buffer + 63) & ~(uintptr_t)63);   // 64-byte aligned
    for (ptrdiff_t first = firstRow; first < firstRow + rows; first += 4) {
        ptrdiff_t count = firstRow + rows - first < 4 ? firstRow + rows - first : 4;
        int visible[4] = {0, 0, 0, 0};
        for (ptrdiff_t i = 0; i < count; i++) {
            ptrdiff_t r = first + i;
            const float *biasRow = bias ? bias + (r / layout[0]) * layout[2] + (r % layout[1]) * layout[3] : NULL;
            visible[i] = exponentials(x + r * width, width, scale, biasRow, row + i * padded);
        }
        for (ptrdiff_t i = count; i < 4; i++) memset(row + i * padded, 0, (size_t)width * sizeof(float));
        float total[4] = {0, 0, 0, 0};
        for (ptrdiff_t j = 0; j < width; j++) {
            total[0] += row[j];
            total[1] += row[padded + j];
            total[2] += row[2 * padded + j];
            total[3] += row[3 * padded + j];
        }
        for (ptrdiff_t i = 0; i < count; i++) {
            float *target = out + (first + i) * width;
            if (visible[i]) normalise(row + i * padded, width, total[i], target);
            else memset(target, 0, (size_t)width * sizeof(float));   // every key hidden: all 0
        }
    }
}

AVX2 static int exponentialsAVX2(const float *x, ptrdiff_t width, float scale, const float *bias, float *row) {
    __m256 largest = _mm256_set1_ps(-INFINITY), scale8 = _mm256_set1_ps(scale);
    for (ptrdiff_t j = 0; j < width; j += 8) {
        __m256i lanes = firstLanes(width - j);
        __m256 s = _mm256_mul_ps(scale8, _mm256_maskload_ps(x + j, lanes));
        if (bias) s = _mm256_add_ps(s, _mm256_maskload_ps(bias + j, lanes));
        s = _mm256_blendv_ps(_mm256_set1_ps(-INFINITY), s, _mm256_castsi256_ps(lanes));
        _mm256_store_ps(row + j, s);
        largest = _mm256_max_ps(s, largest);
    }
    __m128 half = _mm_max_ps(_mm256_castps256_ps128(largest), _mm256_extractf128_ps(largest, 1));
    half = _mm_max_ps(half, _mm_movehl_ps(half, half));
    float rowMax = _mm_cvtss_f32(_mm_max_ss(half, _mm_movehdup_ps(half)));
    if (!(rowMax > -INFINITY)) return 0;
    __m256 max8 = _mm256_set1_ps(rowMax);
    for (ptrdiff_t j = 0; j < width; j += 8) {
        _mm256_store_ps(row + j, exp8(_mm256_sub_ps(_mm256_load_ps(row + j), max8)));
    }
    return 1;
}

AVX2 static void normaliseAVX2(const float *row, ptrdiff_t width, float total, float *out) {
    __m256 factor = _mm256_set1_ps(1 / total);
    for (ptrdiff_t j = 0; j < width; j += 8) {
        _mm256_maskstore_ps(out + j, firstLanes(width - j), _mm256_mul_ps(_mm256_load_ps(row + j), factor));
    }
}

void alignfuse_softmax_rows_avx2(const float *x, ptrdiff_t firstRow, ptrdiff_t rows, ptrdiff_t width,
                                 float scale, const float *bias, const ptrdiff_t maskLayout[4], float *out) {
    softmaxRows(x, firstRow, rows, width, scale, bias, maskLayout, out, 8, exponentialsAVX2, normaliseAVX2);
}

/// dz = scale·p ⊙ (dp − Σ_j p[j]·dp[j]) for one row whose sum is `dot` (written, or added when `accumulate`).
AVX2 static inline void softmaxBackwardRow(const float *p, const float *dp, ptrdiff_t width, float scale, float dot,
                                           float *dz, int accumulate) {
#pragma clang fp contract(off)
    const __m256 scale8 = _mm256_set1_ps(scale), dot8 = _mm256_set1_ps(dot);
    ptrdiff_t j = 0;
    for (; j + 8 <= width; j += 8) {
        __m256 d = _mm256_mul_ps(_mm256_mul_ps(scale8, _mm256_loadu_ps(p + j)), _mm256_sub_ps(_mm256_loadu_ps(dp + j), dot8));
        if (accumulate) d = _mm256_add_ps(_mm256_loadu_ps(dz + j), d);
        _mm256_storeu_ps(dz + j, d);
    }
    for (; j < width; j++) {
        const float d = scale * p[j] * (dp[j] - dot);
        dz[j] = accumulate ? dz[j] + d : d;
    }
}

AVX2 void alignfuse_softmax_backward_avx2(const float *p, const float *dp, ptrdiff_t rows, ptrdiff_t width,
                                          float scale, float *dz, int accumulate) {
#pragma clang fp contract(off)
    ptrdiff_t r = 0;
    for (; r + 8 <= rows; r += 8) {                       // eight rows' sums side by side (RowSums8.h)
        float dots[8];
        __m256 sums;
        row_sums8(p + r * width, dp + r * width, width, NULL, &sums);
        _mm256_storeu_ps(dots, sums);
        for (int i = 0; i < 8; i++) {
            const ptrdiff_t at = (r + i) * width;
            softmaxBackwardRow(p + at, dp + at, width, scale, dots[i], dz + at, accumulate);
        }
    }
    for (; r < rows; r++) {
        const ptrdiff_t at = r * width;
        float dot = 0;
        for (ptrdiff_t j = 0; j < width; j++) dot += p[at + j] * dp[at + j];
        softmaxBackwardRow(p + at, dp + at, width, scale, dot, dz + at, accumulate);
    }
}

// The exponential and the softmax rows with AVX-512: eight doubles per register, the table in four registers.

#define AVX512 __attribute__((target("avx512f,avx512vl,avx2,fma")))

/// e^x for `count` groups of eight floats (at most four), each value the bits of expf(x): exp4's steps,
/// eight at a time, each step done for every group before the next. One group's steps are a chain of
/// dependent operations; several chains side by side keep the processor busy.
AVX512 static inline void exp8Wide(int count, const __m256 *x, __m256 *out) {
    const __m512d perStep = _mm512_set1_pd(fromBits(thirtyTwoOverLn2Bits));
    const __m512d shift = _mm512_set1_pd(fromBits(roundingShiftBits));
    const __m512i *table = (const __m512i *)powersOfTwo;
    __m512d r[4], power[4], y[4];
    for (int g = 0; g < count; g++) {
        __m512d xd = _mm512_cvtps_pd(x[g]);
        __m512d shifted = _mm512_fmadd_pd(perStep, xd, shift);
        __m512i k = _mm512_castpd_si512(shifted);
        r[g] = _mm512_fmsub_pd(perStep, xd, _mm512_sub_pd(shifted, shift));
        // Entry k mod 32: a two-register lookup among entries 0–15 and one among 16–31, chosen by bit 4.
        __m512i low = _mm512_permutex2var_epi64(_mm512_loadu_si512(table), k, _mm512_loadu_si512(table + 1));
        __m512i high = _mm512_permutex2var_epi64(_mm512_loadu_si512(table + 2), k, _mm512_loadu_si512(table + 3));
        __m512i entry = _mm512_mask_mov_epi64(low, _mm512_test_epi64_mask(k, _mm512_set1_epi64(16)), high);
        power[g] = _mm512_castsi512_pd(_mm512_add_epi64(entry, _mm512_slli_epi64(k, 47)));
    }
    for (int g = 0; g < count; g++) {
        __m512d z = _mm512_fmadd_pd(_mm512_set1_pd(fromBits(c0Bits)), r[g], _mm512_set1_pd(fromBits(c1Bits)));
        y[g] = _mm512_fmadd_pd(_mm512_set1_pd(fromBits(c2Bits)), r[g], _mm512_set1_pd(1.0));
        y[g] = _mm512_fmadd_pd(z, _mm512_mul_pd(r[g], r[g]), y[g]);
    }
    for (int g = 0; g < count; g++) {
        __m256 e = _mm512_cvtpd_ps(_mm512_mul_pd(y[g], power[g]));
        __mmask8 over = _mm256_cmp_ps_mask(x[g], _mm256_set1_ps(0x1.62e42ep6f), _CMP_GT_OQ);
        __mmask8 under = _mm256_cmp_ps_mask(x[g], _mm256_set1_ps(-0x1.9fe368p6f), _CMP_LT_OQ);
        e = _mm256_mask_mov_ps(_mm256_mask_mov_ps(e, over, _mm256_set1_ps(INFINITY)), under, _mm256_setzero_ps());
        out[g] = _mm256_mask_mov_ps(e, _mm256_cmp_ps_mask(x[g], x[g], _CMP_UNORD_Q), x[g]);
    }
}

/// e^x for `count` vectors of sixteen floats (at most two), each value the bits of expf(x).
AVX512 static inline void exp16(int count, __m512 *x) {
    __m256 halves[4];
    for (int q = 0; q < count; q++) {
        halves[2 * q] = _mm512_castps512_ps256(x[q]);
        halves[2 * q + 1] = _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(x[q]), 1));
    }
    exp8Wide(2 * count, halves, halves);
    for (int q = 0; q < count; q++) {
        __m512d both = _mm512_insertf64x4(_mm512_castps_pd(_mm512_castps256_ps512(halves[2 * q])),
                                          _mm256_castps_pd(halves[2 * q + 1]), 1);
        x[q] = _mm512_castpd_ps(both);
    }
}

AVX512 void alignfuse_exp_avx512(const float *x, ptrdiff_t count, float *out) {
    for (ptrdiff_t j = 0; j < count; j += 16) {
        __mmask16 lanes = firstLanes16(count - j);
        __m512 v = _mm512_maskz_loadu_ps(lanes, x + j);
        exp16(1, &v);
        _mm512_mask_storeu_ps(out + j, lanes, v);
    }
}

/// softmaxRows' steps with the four rows' values e^(s − max) laid end to end, so that the exponential runs
/// over whole vectors of the run rather than each row's last, partly empty one: rows of 26 keys take 13
/// vectors of eight instead of 16. Every value goes through the same operations as in softmaxRows.
AVX512 static void softmaxRowsEndToEnd(const float *x, ptrdiff_t firstRow, ptrdiff_t rows, ptrdiff_t width,
                                       float scale, const float *bias, const ptrdiff_t layout[4], float *out) {
    if (width <= 0) return;
    const ptrdiff_t padded = (width + 15) / 16 * 16, runPadded = (4 * width + 15) / 16 * 16;
    float buffer[padded + runPadded + 32];
    float *row = (float *)(((uintptr_t)buffer + 63) & ~(uintptr_t)63);   // 64-byte aligned
    float *run = row + padded;
    const __m512 scale16 = _mm512_set1_ps(scale);
    for (ptrdiff_t first = firstRow; first < firstRow + rows; first += 4) {
        const ptrdiff_t count = firstRow + rows - first < 4 ? firstRow + rows - first : 4;
        int visible[4] = {0, 0, 0, 0};
        for (ptrdiff_t i = 0; i < count; i++) {
            const ptrdiff_t r = first + i;
            const float *xr = x + r * width;
            const float *biasRow = bias ? bias + (r / layout[0]) * layout[2] + (r % layout[1]) * layout[3] : NULL;
            __m512 largest = _mm512_set1_ps(-INFINITY);
            for (ptrdiff_t j = 0; j < width; j += 16) {                   // s = scale·x (+ bias) and its max
                const __mmask16 lanes = firstLanes16(width - j);
                __m512 v = _mm512_mul_ps(scale16, _mm512_maskz_loadu_ps(lanes, xr + j));
                if (biasRow) v = _mm512_add_ps(v, _mm512_maskz_loadu_ps(lanes, biasRow + j));
                v = _mm512_mask_mov_ps(_mm512_set1_ps(-INFINITY), lanes, v);
                _mm512_store_ps(row + j, v);
                largest = _mm512_max_ps(v, largest);
            }
            const float rowMax = _mm512_reduce_max_ps(largest);
            visible[i] = rowMax > -INFINITY;
            if (!visible[i]) {                                             // every key hidden: zeros in the run
                memset(run + i * width, 0, (size_t)width * sizeof(float));
                continue;
            }
            const __m512 max16 = _mm512_set1_ps(rowMax);
            for (ptrdiff_t j = 0; j < width; j += 16) {                   // s − max, at the row's place in the run
                _mm512_mask_storeu_ps(run + i * width + j, firstLanes16(width - j),
                                      _mm512_sub_ps(_mm512_load_ps(row + j), max16));
            }
        }
        const ptrdiff_t values = count * width;
        ptrdiff_t q = 0;
        for (; q + 32 <= values; q += 32) {                              // the exponentials, two whole vectors
            __m512 v[2] = {_mm512_loadu_ps(run + q), _mm512_loadu_ps(run + q + 16)};
            exp16(2, v);
            _mm512_storeu_ps(run + q, v[0]);
            _mm512_storeu_ps(run + q + 16, v[1]);
        }
        for (; q < values; q += 16) {                                     // then one, the last partial
            const __mmask16 lanes = firstLanes16(values - q);
            __m512 v = _mm512_maskz_loadu_ps(lanes, run + q);
            exp16(1, &v);
            _mm512_mask_storeu_ps(run + q, lanes, v);
        }
        float total[4] = {0, 0, 0, 0};
        for (ptrdiff_t j = 0; j < width; j++) {                            // each row's sum, left to right
            for (ptrdiff_t i = 0; i < count; i++) total[i] += run[i * width + j];
        }
        for (ptrdiff_t i = 0; i < count; i++) {
            float *target = out + (first + i) * width;
            if (!visible[i]) { memset(target, 0, (size_t)width * sizeof(float)); continue; }   // every key hidden
            const __m512 factor = _mm512_set1_ps(1 / total[i]);
            for (ptrdiff_t j = 0; j < width; j += 16) {
                const __mmask16 lanes = firstLanes16(width - j);
                _mm512_mask_storeu_ps(target + j, lanes, _mm512_mul_ps(_mm512_maskz_loadu_ps(lanes, run + i * width + j), factor));
            }
        }
    }
}

void alignfuse_softmax_rows_avx512(const float *x, ptrdiff_t firstRow, ptrdiff_t rows, ptrdiff_t width,
                                   float scale, const float *bias, const ptrdiff_t maskLayout[4], float *out) {
    softmaxRowsEndToEnd(x, firstRow, rows, width, scale, bias, maskLayout, out);
}

#else

void alignfuse_exp_avx2(const float *x, ptrdiff_t count, float *out) {
    (void)x; (void)count; (void)out;
}

void alignfuse_exp_avx512(const float *x, ptrdiff_t count, float *out) {
    (void)x; (void)count; (void)out;
}

void alignfuse_softmax_rows_avx2(const float *x, ptrdiff_t firstRow, ptrdiff_t rows, ptrdiff_t width,
                                 float scale, const float *bias, const ptrdiff_t maskLayout[4], float *out) {
    (void)x; (void)firstRow; (void)rows; (void)width; (void)scale; (void)bias; (void)maskLayout; (void)out;
}

void alignfuse_softmax_backward_avx2(const float *p, const float *dp, ptrdiff_t rows, ptrdiff_t width,
                                     float scale, float *dz, int accumulate) {
    (void)p; (void)dp; (void)rows; (void)width; (void)scale; (void)dz; (void)accumulate;
}

void alignfuse_softmax_rows_avx512(const float *x, ptrdiff_t firstRow, ptrdiff_t rows, ptrdiff_t width,
                                   float scale, const float *bias, const ptrdiff_t maskLayout[4], float *out) {
    (void)x; (void)firstRow; (void)rows; (void)width; (void)scale; (void)bias; (void)maskLayout; (void)out;
}

#endif
