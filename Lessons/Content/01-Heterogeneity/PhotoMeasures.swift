// Measurements on a real photograph, before any model: how many different colours its pixels take,
// and how far apart two photographs are in pixel space when one is the other moved, brightened or
// mirrored. Lesson 01 sets them beside the drawn ToyWorld scene.

import Figures

/// Pixel-space measurements and edits of an `RGBImage` (any width and height).
public enum PhotoMeasures {
    /// The Euclidean distance of two images' pixel values scaled to [0, 1]:
    /// d(a, b) = √(Σᵢ (aᵢ − bᵢ)²) over every red, green and blue value.
    ///
    ///     // 1×1 images, black against white: √3 ≈ 1.73
    public static func distance(_ a: RGBImage, _ b: RGBImage) -> Double {
        precondition(a.width == b.width && a.height == b.height,
                     "PhotoMeasures.distance: sizes \(a.width)×\(a.height) and \(b.width)×\(b.height) differ")
        var sum = 0.0
        for (x, y) in zip(a.pixels, b.pixels) {
            let d = (Double(x) - Double(y)) / 255
            sum += d * d
        }
        return sum.squareRoot()
    }

    /// The distance per value, d/√n with n = width·height·3: comparable across image sizes
    /// (1 would be black against white everywhere).
    public static func rmsDistance(_ a: RGBImage, _ b: RGBImage) -> Double {
        distance(a, b) / Double(a.pixels.count).squareRoot()
    }

    /// The picture moved `dx` pixels to the right; the leftmost column is repeated into the gap.
    ///
    ///     shifted(image, by: 2).pixel(x: 5, y: 0) == image.pixel(x: 3, y: 0)
    public static func shifted(_ image: RGBImage, by dx: Int) -> RGBImage {
        precondition(dx >= 0 && dx < image.width, "PhotoMeasures.shifted: \(dx) pixels in a width of \(image.width)")
        var out = image.pixels
        for y in 0..<image.height {
            for x in 0..<image.width {
                let from = 3 * (y * image.width + max(0, x - dx)), to = 3 * (y * image.width + x)
                for c in 0..<3 { out[to + c] = image.pixels[from + c] }
            }
        }
        return RGBImage(width: image.width, height: image.height, pixels: out)
    }

    /// Every value raised by `amount` (capped at 255): the same picture in brighter light.
    public static func brightened(_ image: RGBImage, by amount: Int) -> RGBImage {
        RGBImage(width: image.width, height: image.height,
                 pixels: image.pixels.map { UInt8(min(255, Int($0) + amount)) })
    }

    /// The picture mirrored left to right: the same cat, looking the other way.
    public static func mirrored(_ image: RGBImage) -> RGBImage {
        var out = image.pixels
        for y in 0..<image.height {
            for x in 0..<image.width {
                let from = 3 * (y * image.width + image.width - 1 - x), to = 3 * (y * image.width + x)
                for c in 0..<3 { out[to + c] = image.pixels[from + c] }
            }
        }
        return RGBImage(width: image.width, height: image.height, pixels: out)
    }

    /// A picture of the same size filled with `image`'s mean colour: no cat at all.
    public static func flat(_ image: RGBImage) -> RGBImage {
        let mean = meanColour(image)
        let rgb = [mean.red, mean.green, mean.blue]
        return RGBImage(width: image.width, height: image.height,
                        pixels: (0..<image.pixels.count).map { rgb[$0 % 3] })
    }

    /// The mean red, green and blue of every pixel, rounded.
    public static func meanColour(_ image: RGBImage) -> (red: UInt8, green: UInt8, blue: UInt8) {
        var sums = [0, 0, 0]
        for (i, value) in image.pixels.enumerated() { sums[i % 3] += Int(value) }
        let n = Double(image.width * image.height)
        let mean = sums.map { UInt8((Double($0) / n).rounded()) }
        return (mean[0], mean[1], mean[2])
    }

    /// How many different RGB triples the pixels take.
    ///
    ///     distinctColours(RGBImage(width: 2, height: 1, pixels: [0, 0, 0, 0, 0, 0]))   // 1
    public static func distinctColours(_ image: RGBImage) -> Int {
        var seen = Set<Int>()
        for i in stride(from: 0, to: image.pixels.count, by: 3) {
            seen.insert(Int(image.pixels[i]) << 16 | Int(image.pixels[i + 1]) << 8 | Int(image.pixels[i + 2]))
        }
        return seen.count
    }

    /// The share of pixels whose colour is exactly `rgb`.
    public static func colourShare(_ image: RGBImage, rgb: (UInt8, UInt8, UInt8)) -> Double {
        var hits = 0
        for i in stride(from: 0, to: image.pixels.count, by: 3)
        where (image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]) == rgb { hits += 1 }
        return Double(hits) / Double(image.width * image.height)
    }
}
