// The prefix-LM attention mask of the single-stream VQA model (Raffel et al. 2020, T5 §3.2.1,
// "prefix LM"; the layout of PaLI and of GPT-4V-style decoders that see the image as a prefix).
// The sequence is [image patches | question | answer]. The prefix (patches and question) attends to
// the whole prefix in both directions; an answer token attends to the prefix and to the answer tokens
// up to itself, never to later ones. Padding keys are hidden from everybody.
//
//   query \ key    prefix   answer (earlier or same)   answer (later)   padding
//   prefix          see        hidden                     hidden          hidden
//   answer          see        see                        hidden          hidden

import TeachingEngine

/// Which keys each query may NOT see, as the 0/1 tensor `Variable.filled(with:where:)` takes.
public enum SingleStreamMask {
    /// The blocked-key mask `[B, 1, T, T]` (1 = hidden, 0 = visible), T = `keyIsPadding[b].count`.
    /// The first `prefixLength` tokens are the prefix; `keyIsPadding[b][j]` hides key j of sample b.
    /// The middle axis of size 1 broadcasts over the attention heads.
    ///
    ///     one sample, prefix 2, T = 4, no padding → rows (queries) of blocked keys:
    ///       [0 0 1 1]   prefix query 0 sees the prefix only
    ///       [0 0 1 1]   prefix query 1 likewise
    ///       [0 0 0 1]   answer query 2 sees the prefix and itself
    ///       [0 0 0 0]   answer query 3 sees everything before it and itself
    public static func blocked(prefixLength: Int, keyIsPadding: [[Bool]],
                               file: StaticString = #fileID, line: UInt = #line) -> Tensor {
        let batch = keyIsPadding.count
        let length = keyIsPadding.first?.count ?? 0
        require(prefixLength >= 0 && prefixLength <= length,
                "SingleStreamMask: prefix \(prefixLength) does not fit a sequence of \(length) tokens",
                file: file, line: line)
        var scalars = [Float](repeating: 0, count: batch * length * length)
        for b in 0..<batch {
            require(keyIsPadding[b].count == length,
                    "SingleStreamMask: sample \(b) has \(keyIsPadding[b].count) tokens, sample 0 has \(length)",
                    file: file, line: line)
            for i in 0..<length {
                // A prefix query sees keys 0..<prefix; an answer query i sees keys 0...i.
                let lastVisible = i < prefixLength ? prefixLength - 1 : i
                for j in 0..<length where j > lastVisible || keyIsPadding[b][j] {
                    scalars[(b * length + i) * length + j] = 1
                }
            }
        }
        return Tensor(shape: [batch, 1, length, length], scalars: scalars)   // [B, 1, T, T]
    }
}
