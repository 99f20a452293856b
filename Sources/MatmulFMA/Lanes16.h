// The first lanes of a 16-lane AVX-512 register as a mask, shared by the kernels that end a row with a
// partial vector (masked loads read 0 there and masked stores leave memory as it was).
#ifndef ALIGNFUSE_LANES16_H
#define ALIGNFUSE_LANES16_H

#if defined(__x86_64__)
#include <immintrin.h>
#include <stddef.h>

/// Lanes 0..<count on: all sixteen when count ≥ 16, none when count ≤ 0.
static inline __mmask16 firstLanes16(ptrdiff_t count) {
    return count >= 16 ? (__mmask16)0xffff : count <= 0 ? (__mmask16)0 : (__mmask16)((1u << count) - 1);
}

#endif

#endif
