// The terminal a run talks to: where text goes, whether it is a terminal, its width, and colour.

import Foundation

/// Where a run writes and reads. `Console.standard()` is the real terminal; `Console.captured(…)`
/// collects the text (and feeds typed lines) for tests.
///
///     let console = Console.captured(input: ["", "q"], terminal: true)
///     // … run a lesson with --step …
///     console.output   // everything the run printed
public final class Console {
    /// Standard output is a terminal: draw progress in place, allow colour.
    public let isTerminal: Bool
    /// Standard input is a terminal: `--step` may pause and wait for Enter.
    public let isInteractive: Bool
    /// Columns to wrap narration to.
    public let width: Int
    /// Colour is used only on a terminal, never when NO_COLOR is set, never with --no-color.
    public internal(set) var color: Bool

    private let out: (String) -> Void
    private let err: (String) -> Void
    private let input: () -> String?
    private var collected = ""

    init(isTerminal: Bool, isInteractive: Bool, width: Int, color: Bool,
         out: @escaping (String) -> Void, err: @escaping (String) -> Void, input: @escaping () -> String?) {
        self.isTerminal = isTerminal
        self.isInteractive = isInteractive
        self.width = width
        self.color = color
        self.out = out
        self.err = err
        self.input = input
    }

    /// The process's own standard output, error and input.
    public static func standard() -> Console {
        let terminal = isatty(STDOUT_FILENO) == 1
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        return Console(isTerminal: terminal, isInteractive: isatty(STDIN_FILENO) == 1,
                       width: terminalWidth(), color: terminal && !noColor,
                       out: { FileHandle.standardOutput.write(Data($0.utf8)) },
                       err: { FileHandle.standardError.write(Data($0.utf8)) },
                       input: { Swift.readLine(strippingNewline: true) })
    }

    /// A console that records what is written (in `output` and `errors`) and answers reads with
    /// `input`, line by line; `terminal` makes it behave like an interactive terminal (without colour).
    public static func captured(input: [String] = [], terminal: Bool = false, width: Int = 80) -> Console {
        var lines = input[...]
        let box = CapturedText()
        let console = Console(isTerminal: terminal, isInteractive: terminal, width: width, color: false,
                              out: { box.out += $0 }, err: { box.err += $0 },
                              input: { lines.popFirst() })
        console.capturedText = box
        return console
    }

    /// A console for work done beside this one's (`Run.sideBySide`): what is written to it is kept (in
    /// `output`) to be shown later, errors go straight to this console's, and it looks the same (terminal
    /// or not, width, colour) but never reads.
    func aside() -> Console {
        let box = CapturedText()
        let console = Console(isTerminal: isTerminal, isInteractive: false, width: width, color: color,
                              out: { box.out += $0 }, err: err, input: { nil })
        console.capturedText = box
        return console
    }

    /// A console for a lesson of a tour that runs several at once (`Tour`): it looks the same (terminal
    /// or not, width, colour), never reads, and hands what is written to `out` and `err`.
    func relayed(out: @escaping (String) -> Void, err: @escaping (String) -> Void) -> Console {
        Console(isTerminal: isTerminal, isInteractive: false, width: width, color: color, out: out, err: err,
                input: { nil })
    }

    private var capturedText: CapturedText?
    /// What a captured console received on standard output.
    public var output: String { capturedText?.out ?? "" }
    /// What a captured console received on standard error.
    public var errors: String { capturedText?.err ?? "" }

    func write(_ text: String) { out(text) }
    func line(_ text: String = "") { out(text + "\n") }
    func error(_ text: String) { err(text + "\n") }
    func writeError(_ text: String) { err(text) }
    func readLine() -> String? { input() }

    /// `text` wrapped in an ANSI style when colour is on.
    func styled(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    enum Style: String {
        case bold = "1", dim = "2", cyan = "1;36", red = "1;31", yellow = "33", green = "32"
    }
}

private final class CapturedText {
    var out = ""
    var err = ""
}

/// The terminal's width from the kernel, else $COLUMNS, else 80; kept between 40 and 100 for reading.
private func terminalWidth() -> Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 {
        return min(100, max(40, Int(size.ws_col)))
    }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) {
        return min(100, max(40, columns))
    }
    return 80
}
