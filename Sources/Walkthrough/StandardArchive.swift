// The checkpoint format every lesson uses: safetensors, through TeachingEngine.

import TeachingEngine

extension TensorArchive {
    /// safetensors (`checkpoints/<name>-<hash>.safetensors`), written and read by `SafeTensors`.
    public static var standard: TensorArchive {
        TensorArchive(fileExtension: "safetensors",
                      encode: { tensors, metadata in SafeTensors.encode(tensors, metadata: metadata) },
                      decode: { bytes in try SafeTensors.decode(bytes) })
    }
}
