// Keeping freed tensor memory for the next step.
// A training step allocates and frees the same few hundred arrays every time, many larger than
// glibc's default 128 KB mmap threshold. Such blocks go straight back to the kernel when freed and
// come back as fresh zeroed pages on the next step — about 7% of a W-CLIP step went to page faults.
// Raising the thresholds keeps them in the heap, so step n + 1 reuses step n's memory.

#if canImport(Glibc)
import Glibc

/// Set once, the first time the engine records an operation (a global `let` runs its initialiser once).
/// `mallopt` is declared in <malloc.h>, which Swift's Glibc module does not export, so it is looked
/// up by name; M_TRIM_THRESHOLD (−1) and M_MMAP_THRESHOLD (−3) are that header's constants.
let heapKeepsFreedBlocks: Bool = {
    typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
    let mallopt = unsafeBitCast(symbol, to: MallocOption.self)
    let limit: Int32 = 256 << 20                   // blocks up to 256 MB come from the heap
    return mallopt(-3, limit) == 1 && mallopt(-1, 2 * limit) == 1
}()
#else
let heapKeepsFreedBlocks = true                    // other allocators already reuse freed blocks
#endif
