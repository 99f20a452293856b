// Errors a user can cause while drawing or saving a figure. Programming errors (an empty data
// array, a negative size passed by code) trap with a precondition instead.

/// What went wrong while making or saving a figure; each case prints one clear line.
///
///     do { try figure.writePNG(to: "/no/such/dir/a.png") }
///     catch { print(error) }   // cannot write '/no/such/dir/a.png': No such file or directory
public enum FigureError: Error, Equatable, CustomStringConvertible {
    /// gd refused to allocate an image of this size (or the size is outside 1…16,384).
    case cannotCreateImage(width: Int, height: Int)
    /// The encoder returned no bytes.
    case cannotEncode(format: String)
    /// Writing or renaming the file failed; `reason` is the system's message.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotCreateImage(width, height):
            return "cannot create a \(width)×\(height) image (each side must be 1…16384 pixels)"
        case let .cannotEncode(format):
            return "cannot encode the image as \(format)"
        case let .cannotWrite(path, reason):
            return "cannot write '\(path)': \(reason)"
        }
    }
}
