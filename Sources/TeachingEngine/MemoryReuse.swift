// Keeping freed tensor memory for the next step, in large pages.
// A training step allocates and frees the same few hundred arrays every time, many larger than
// glibc's default 128 KB mmap threshold. Such blocks go straight back to the kernel when freed and
// come back as fresh zeroed pages on the next step — about 7% of a W-CLIP step went to page faults.
// Raising the thresholds keeps them in the heap, so step n + 1 reuses step n's memory.
// The heap is then also given 2 MB pages where the system allows it (transparent huge pages): a
// layer's output of 1.7 MB spans 425 pages of 4 KB, and a weight's gradient reads its input a column
// at a time, a row (1 KB) per step, so it turns to another page, and another address translation,
// every four steps. In 2 MB pages the whole output is one or two.

#if canImport(Glibc)
import Glibc

/// Set once, the first time the engine records an operation (a global `let` runs its initialiser once).
/// `mallopt` is declared in <malloc.h>, which Swift's Glibc module does not export, so it is looked
/// up by name; M_TRIM_THRESHOLD (−1), M_MMAP_THRESHOLD (−3) and M_ARENA_MAX (−8) are that header's
/// constants.
///
/// Every thread allocates from this one heap (M_ARENA_MAX 1). Another thread would get a heap of its
/// own, made of pieces of at most 64 MB that glibc maps as they fill and unmaps as they empty: a training
/// step that needs more than that on such a thread (half of W-VQA's batch at 104 tokens, on the engine's
/// helper thread, `DataParallel`) faulted in about 58 MB of fresh pages every step, and took 100–136 ms
/// instead of 77–81.
let heapKeepsFreedBlocks: Bool = {
    typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
    let mallopt = unsafeBitCast(symbol, to: MallocOption.self)
    _ = mallopt(-8, 1)                             // one heap for every thread
    let limit: Int32 = 256 << 20                   // blocks up to 256 MB come from the heap
    let kept = mallopt(-3, limit) == 1 && mallopt(-1, 2 * limit) == 1
    if kept { heapInLargePages() }
    return kept
}()

/// Grows the heap by two blocks of 200 MB (address space only: a page costs memory once it is written),
/// frees them at once, and asks for 2 MB pages in that stretch. The freed blocks stay in the heap (below
/// the trim threshold above), and the arrays of the steps that follow are carved from them: W-VQA at 104
/// tokens peaks at about 270 MB. This is glibc's main heap, which every thread shares (above), so the
/// tour's lessons, on threads of their own, and the engine's helper thread allocate from it too.
/// Where transparent huge pages are off, `madvise` fails and the heap keeps its 4 KB pages.
private func heapInLargePages() {
    let size = 200 << 20
    let blocks = [malloc(size), malloc(size)].compactMap { $0 }.map { Int(bitPattern: $0) }
    guard let low = blocks.min(), let high = blocks.max().map({ $0 + size }) else { return }
    for block in blocks { free(UnsafeMutableRawPointer(bitPattern: block)) }
    // One stretch when the second block follows the first (a chunk header apart), else each on its own.
    let stretches = high - low < blocks.count * size + 4096 ? [(low, high)] : blocks.map { ($0, $0 + size) }
    let largePage = 2 << 20
    for (start, end) in stretches {
        let first = (start + largePage - 1) / largePage * largePage, last = end / largePage * largePage
        if last > first { _ = madvise(UnsafeMutableRawPointer(bitPattern: first), last - first, MADV_HUGEPAGE) }
    }
}
#else
let heapKeepsFreedBlocks = true                    // other allocators already reuse freed blocks
#endif
