// The compiler's complaints about one learner file, out of a whole build's output. A build prints
// progress lines, the commands it ran and the diagnostics of every file; the learner needs only the
// diagnostics of their own file: each "path:line:column: error: message" line and the source excerpt
// under it (the numbered lines and the ╰─/`- markers Swift draws).

import Foundation

/// One file's diagnostics from a build log.
public enum CompilerDiagnostics {
    /// The diagnostics (with their excerpts) whose path ends with `file`, each once, in order;
    /// paths are shortened to `shownAs`.
    ///
    ///     lines(of: "Mine/04-Patchify.swift", in: log, shownAs: "Lessons/Exercises/Mine/04-Patchify.swift")
    public static func lines(of file: String, in log: String, shownAs shown: String) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        var keeping = false
        var block: [String] = []
        func flush() {
            if !block.isEmpty, seen.insert(block.joined(separator: "\n")).inserted { out += block }
            block = []
        }
        for line in log.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let header = diagnosticHeader(line) {
                flush()
                keeping = header.path.hasSuffix(file)
                if keeping { block.append(shown + line.dropFirst(header.path.count)) }
            } else if keeping && isExcerpt(line) {
                block.append(line)
            } else {
                flush()
                keeping = false
            }
        }
        flush()
        return out
    }

    /// Every file path that has an error in `log`.
    public static func filesWithErrors(in log: String) -> [String] {
        var files: [String] = []
        for line in log.split(separator: "\n").map(String.init) {
            if let header = diagnosticHeader(line), header.kind == "error", !files.contains(header.path) {
                files.append(header.path)
            }
        }
        return files
    }

    /// "path:12:5: error: …" → (path, "error"); nil for any other line.
    static func diagnosticHeader(_ line: String) -> (path: String, kind: String)? {
        guard line.hasPrefix("/"), let swift = line.range(of: ".swift:") else { return nil }
        let path = String(line[..<swift.lowerBound]) + ".swift"
        let rest = line[swift.upperBound...]
        for kind in ["error", "warning", "note"] where rest.contains(": \(kind): ") {
            let position = rest.prefix { $0 != " " }.dropLast()          // "12:5"
            guard position.split(separator: ":").allSatisfy({ Int($0) != nil }) else { return nil }
            return (path, kind)
        }
        return nil
    }

    /// A line of Swift's source excerpt: "  3 | code", "    | `- error: …", "    :", or a blank line inside.
    static func isExcerpt(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " }
        if trimmed.isEmpty { return false }
        let number = trimmed.prefix { $0.isNumber }
        let after = trimmed.dropFirst(number.count).drop { $0 == " " }
        return after.hasPrefix("|") || after.hasPrefix(":") && after.count == 1
    }
}
