// The photographs that ship with the lessons (Lessons/Content/Photos, with their attribution in the
// README there): real pictures beside the drawn ToyWorld scenes.

import Figures
import Foundation
import Walkthrough

/// Photographs shipped as resources of the Lessons target.
///
///     let cat = try Photos.chelsea()        // 451×300 RGB, a tabby cat
///     cat.pixel(x: 200, y: 100)             // (red, green, blue), each 0…255
public enum Photos {
    /// Where `chelsea.png` lies in the built resources.
    public static var chelseaURL: URL? {
        Bundle.module.url(forResource: "chelsea", withExtension: "png", subdirectory: "Photos")
    }

    /// "Chelsea", a tabby cat, 451×300 RGB (CC0, photograph by Stefan van der Walt, from scikit-image).
    /// Throws the loader's one-line error when the file is missing or unreadable.
    public static func chelsea() throws -> RGBImage {
        guard let url = chelseaURL else { throw ImageLoadError.notFound(path: "Photos/chelsea.png (a resource of the Lessons target)") }
        return try RGBImage(contentsOf: url.path)
    }

    /// The credit line to print or draw beside the photograph.
    public static let chelseaCredit = L("photo: \"Chelsea\" by Stefan van der Walt, CC0 (scikit-image)",
                                        "照片：“Chelsea”，Stefan van der Walt 摄，CC0（来自 scikit-image）")
}
