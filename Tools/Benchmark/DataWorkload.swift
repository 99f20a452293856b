// W-DATA: generate and render 10,000 ToyWorld training scenes at 32×32, each with
// a caption in English and Chinese (and a question, as the lessons' datasets carry one).

import Foundation
import Multimodal

/// Seconds to build a 10,000-sample ToyWorld dataset at 32×32 with captions, seed 2026.
func runDataWorkload() -> Double {
    var options = DatasetOptions()
    options.imageSize = 32
    let start = now()
    let data = ToyDataset(count: 10_000, options: options, seed: 2026)
    let seconds = now() - start
    // Touch the result so the work cannot be optimised away, and show it is real.
    let bytes = data.samples.reduce(0) { $0 + $1.image.bytes.count + $1.caption.chinese.utf8.count }
    FileHandle.standardError.write("W-DATA: \(data.count) scenes, \(bytes) bytes of pixels and captions\n".data(using: .utf8)!)
    return seconds
}
