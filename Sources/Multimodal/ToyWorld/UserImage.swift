// A learner's own picture as model input: Figures decodes the file (PNG, JPEG, GIF, WebP, BMP) and
// checks it; here the largest centred square is cut out and scaled to the model's size, so the
// picture becomes a ToyImage like any rendered scene (and then a centred [S, S, 3] tensor).

import AlignFuseSupport
import Figures

extension ToyImage {
    /// `picture` at `size`×`size`: the largest centred square, scaled by area averaging (or bilinear
    /// when enlarging).
    ///
    ///     // 4×2 with a black column at each end: the centred 2×2 square is the orange middle
    ///     let picture = RGBImage(width: 4, height: 2, pixels: …)
    ///     ToyImage(fitting: picture, size: 2).pixel(x: 0, y: 0)   // (255, 128, 64)
    public init(fitting picture: RGBImage, size: Int) {
        require(size > 0, "ToyImage(fitting:size:): size must be positive, got \(size)")
        let side = min(picture.width, picture.height)
        let square = picture.cropped(x: (picture.width - side) / 2, y: (picture.height - side) / 2,
                                     width: side, height: side)
        self.init(size: size, bytes: square.resized(width: size, height: size).pixels)
    }

    /// Loads an image file and fits it to `size`×`size`.
    /// - Throws: `ImageLoadError` for a missing, empty, corrupt, unsupported or oversized file.
    ///
    ///     let input = try ToyImage(contentsOf: "my-cat.jpg", size: 32).centredTensor()   // [32, 32, 3]
    public init(contentsOf path: String, size: Int, limits: ImageLimits = .standard) throws {
        self.init(fitting: try RGBImage(contentsOf: path, limits: limits), size: size)
    }

    /// The image as a Figures picture, for drawing and saving.
    public var rgbImage: RGBImage { RGBImage(width: size, height: size, pixels: bytes) }
}
