// What the pages promise, checked: well-formed HTML, every image present with its bytes, nothing that
// needs a network. Small on purpose — it knows the HTML this kit writes, not every page on the web.

import Foundation

/// Checks a page the kit wrote (a run's index.html or the tour's front page).
///
///     let problems = PageCheck.problems(pageAt: out.appendingPathComponent("index.html"))
///     // [] when the page is whole; else one line per problem, e.g.
///     // "line 12: </p> closes <figure>", "<img> fit.png: no such file beside the page"
///
/// It checks that every element is closed in order (void elements such as `<img>` excepted, `/>` only
/// inside `<math>`), attribute values are quoted, `&` starts a character reference and `<` a tag;
/// every `<img>` has alt text and bytes that are a PNG — a `data:image/png;base64,` URI or a file
/// beside the page; every relative link names a file beside the page or an `id` in it; and no
/// `src`, `href` or stylesheet `url(…)` points at the network (`http:`, `https:`, `//`).
public enum PageCheck {
    public static func problems(pageAt url: URL) -> [String] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return ["\(url.path): no such file"] }
        guard let html = String(data: data, encoding: .utf8) else { return ["\(url.lastPathComponent): not UTF-8"] }
        return problems(html, folder: url.deletingLastPathComponent())
    }

    /// The problems of `html`, whose relative links and images are looked up in `folder`.
    public static func problems(_ html: String, folder: URL) -> [String] {
        var scanner = PageScanner(html)
        scanner.scan()
        var found = scanner.problems
        if !scanner.sawDoctype { found.append("no <!doctype html>") }
        for tag in scanner.images { found += imageProblems(tag, folder: folder) }
        for (attribute, value) in scanner.references {
            if needsNetwork(value) { found.append("\(attribute)=\"\(value.prefix(60))\" needs the network") }
        }
        for target in scanner.links where !needsNetwork(target) && !target.hasPrefix("data:") && !target.hasPrefix("mailto:") {
            if target.hasPrefix("#") {
                if !scanner.ids.contains(String(target.dropFirst())) { found.append("link \(target): no such id in the page") }
            } else {
                let path = target.split(separator: "#").first.map(String.init) ?? target
                if !FileManager.default.fileExists(atPath: folder.appendingPathComponent(path.removingPercentEncoding ?? path).path) {
                    found.append("link \(target): no such file beside the page")
                }
            }
        }
        for style in scanner.styles where style.contains("url(") || style.contains("@import") {
            for piece in style.components(separatedBy: "url(").dropFirst() where needsNetwork(piece.trimmingCharacters(in: "'\" ")) {
                found.append("stylesheet url(\(piece.prefix(40))…) needs the network")
            }
            if style.contains("@import") { found.append("stylesheet @import loads another file") }
        }
        return found
    }

    private static func needsNetwork(_ value: String) -> Bool {
        let lower = value.lowercased()
        return lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//") || lower.hasPrefix("ftp:")
    }

    private static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    private static func imageProblems(_ attributes: [String: String], folder: URL) -> [String] {
        guard let source = attributes["src"], !source.isEmpty else { return ["<img> without src"] }
        let name = source.hasPrefix("data:") ? "data URI" : source
        var found: [String] = []
        if (attributes["alt"] ?? "").trimmingCharacters(in: " ").isEmpty { found.append("<img> \(name): no alt text") }
        let bytes: [UInt8]?
        if source.hasPrefix("data:image/png;base64,") {
            bytes = Data(base64Encoded: String(source.dropFirst("data:image/png;base64,".count))).map(Array.init)
            if bytes == nil { found.append("<img> data URI: not base64") }
        } else if source.hasPrefix("data:") {
            found.append("<img> data URI: not image/png")
            bytes = nil
        } else if needsNetwork(source) {
            return found   // reported with the other references
        } else {
            bytes = FileManager.default.contents(atPath: folder.appendingPathComponent(source).path).map(Array.init)
            if bytes == nil { found.append("<img> \(source): no such file beside the page") }
        }
        if let bytes, !bytes.starts(with: pngSignature) { found.append("<img> \(name): not PNG bytes") }
        return found
    }
}

/// Walks the HTML once, keeping the open elements on a stack.
private struct PageScanner {
    let chars: [Character]
    var position = 0
    var line = 1
    var stack: [(name: String, line: Int)] = []
    var problems: [String] = []
    var sawDoctype = false
    var images: [[String: String]] = []
    var references: [(String, String)] = []
    var links: [String] = []
    var ids: Set<String> = []
    var styles: [String] = []

    static let void: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                    "source", "track", "wbr"]
    static let references: Set<String> = ["amp", "lt", "gt", "quot", "apos", "nbsp"]

    init(_ html: String) {
        chars = Array(html)
    }

    mutating func scan() {
        while position < chars.count {
            let c = chars[position]
            if c == "<" {
                tag()
            } else if c == "&" {
                reference()
            } else {
                if c == "\n" { line += 1 }
                position += 1
            }
        }
        for open in stack.reversed() { problems.append("line \(open.line): <\(open.name)> is never closed") }
    }

    private func starts(_ text: String) -> Bool {
        let t = Array(text)
        return position + t.count <= chars.count && Array(chars[position..<(position + t.count)]).map { $0.lowercased() } == t.map { $0.lowercased() }
    }

    private mutating func advance(past text: String) -> String? {
        let start = position
        while position < chars.count && !starts(text) {
            if chars[position] == "\n" { line += 1 }
            position += 1
        }
        guard position < chars.count else { return nil }
        let inside = String(chars[start..<position])
        position += text.count
        return inside
    }

    private mutating func reference() {
        var j = position + 1
        var name = ""
        while j < chars.count, chars[j] != ";", name.count < 10, !chars[j].isWhitespace {
            name.append(chars[j])
            j += 1
        }
        let valid = j < chars.count && chars[j] == ";" && (PageScanner.references.contains(name)
            || (name.hasPrefix("#") && name.count > 1 && (Int(name.dropFirst()) != nil || name.dropFirst().first == "x")))
        if !valid { problems.append("line \(line): '&' does not start a character reference") }
        position += 1
    }

    private mutating func tag() {
        if starts("<!--") {
            position += 4
            if advance(past: "-->") == nil { problems.append("line \(line): a comment is never closed") }
            return
        }
        if starts("<!doctype") {
            sawDoctype = true
            _ = advance(past: ">")
            return
        }
        let open = line
        position += 1
        let closing = position < chars.count && chars[position] == "/"
        if closing { position += 1 }
        var name = ""
        while position < chars.count, chars[position].isLetter || chars[position].isNumber || chars[position] == "-" {
            name.append(Character(chars[position].lowercased()))
            position += 1
        }
        guard !name.isEmpty else {
            problems.append("line \(line): '<' that does not start a tag")
            return
        }
        let (attributes, selfClosing, ok) = attributeList()
        guard ok else {
            problems.append("line \(open): <\(name)> is not closed by '>'")
            return
        }
        if closing {
            guard let top = stack.last else {
                problems.append("line \(open): </\(name)> closes nothing")
                return
            }
            if top.name != name {
                problems.append("line \(open): </\(name)> closes <\(top.name)> of line \(top.line)")
                if let index = stack.lastIndex(where: { $0.name == name }) { stack.removeSubrange(index...) }
                return
            }
            stack.removeLast()
            return
        }
        if let id = attributes["id"] { ids.insert(id) }
        for key in ["src", "href"] { if let value = attributes[key] { references.append((key, value)) } }
        if name == "img" { images.append(attributes) }
        if name == "a", let href = attributes["href"] { links.append(href) }
        if PageScanner.void.contains(name) { return }
        if selfClosing {
            if !stack.contains(where: { $0.name == "math" }) { problems.append("line \(open): <\(name)/> outside <math>") }
            return
        }
        if name == "style" || name == "script" {
            if let content = advance(past: "</\(name)>") { if name == "style" { styles.append(content) } }
            else { problems.append("line \(open): <\(name)> is never closed") }
            return
        }
        stack.append((name, open))
    }

    /// The attributes up to `>`: values in double or single quotes, or a bare name; whether it ended `/>`.
    private mutating func attributeList() -> ([String: String], Bool, Bool) {
        var attributes: [String: String] = [:]
        while position < chars.count {
            let c = chars[position]
            if c == "\n" { line += 1 }
            if c.isWhitespace { position += 1; continue }
            if c == ">" { position += 1; return (attributes, false, true) }
            if c == "/" && position + 1 < chars.count && chars[position + 1] == ">" {
                position += 2
                return (attributes, true, true)
            }
            var name = ""
            while position < chars.count, !chars[position].isWhitespace, !"=>/".contains(chars[position]) {
                name.append(chars[position])
                position += 1
            }
            guard !name.isEmpty else { position += 1; continue }
            var value = ""
            if position < chars.count && chars[position] == "=" {
                position += 1
                guard position < chars.count, chars[position] == "\"" || chars[position] == "'" else {
                    problems.append("line \(line): attribute \(name) has an unquoted value")
                    while position < chars.count, !chars[position].isWhitespace, chars[position] != ">" { position += 1 }
                    continue
                }
                let quote = chars[position]
                position += 1
                while position < chars.count && chars[position] != quote {
                    if chars[position] == "<" { problems.append("line \(line): '<' inside attribute \(name)") }
                    value.append(chars[position])
                    position += 1
                }
                position += 1
            }
            attributes[name.lowercased()] = value
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        }
        return (attributes, false, false)
    }
}
