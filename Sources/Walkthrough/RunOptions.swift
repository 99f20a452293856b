// The options every lesson shares, and the command that joins them with a lesson's own knobs.

import ArgumentParser
import Foundation

/// The common command line of every lesson.
public struct RunOptions: ParsableArguments {
    @Flag(help: "Pause before each step: Enter runs it, q then Enter stops (only when input is a terminal).")
    public var step = false

    @Flag(help: "Print the lesson's steps and exit.")
    public var list = false

    @Option(help: ArgumentHelp("Run only step N (what it needs, such as a trained model, is computed or loaded from its checkpoint). Its metrics are merged into metrics.json; the notebook.ipynb, README.md and index.html of the last run of the whole lesson are kept.",
                               valueName: "N"))
    public var only: Int?

    @Option(help: ArgumentHelp("Run steps 1 to N. Like --only, merges its metrics and keeps the notebook.ipynb, README.md and index.html of the last run of the whole lesson.", valueName: "N"))
    public var through: Int?

    @Option(help: ArgumentHelp("Folder for figures, notebook.ipynb, README.md, index.html (the run as a page), metrics.json and checkpoints (default: out/<lesson>).",
                               valueName: "DIR"))
    public var out: String?

    @Option(help: "Seed of every random choice (a whole number from 0); the same seed gives the same files, byte for byte.",
            transform: { try RunOptions.seed($0) })
    public var seed: UInt64 = 0

    @Flag(help: "Small sizes for a fast run.")
    public var quick = false

    @Option(help: ArgumentHelp("Language of narration and figure labels: en or zh.", valueName: "en|zh"))
    public var lang: String = "en"

    @Flag(help: "No colour on the terminal (also off when NO_COLOR is set or output is not a terminal).")
    public var noColor = false

    public init() {}

    public func validate() throws {
        guard Language(rawValue: lang) != nil else {
            throw ValidationError("--lang must be en or zh, got '\(lang)'")
        }
        if only != nil && through != nil { throw ValidationError("use --only or --through, not both") }
        if let only, only < 1 { throw ValidationError("--only must be a step number from 1, got \(only)") }
        if let through, through < 1 { throw ValidationError("--through must be a step number from 1, got \(through)") }
        if let out { try RunOptions.checkWritable(out) }
    }

    /// Throws a usage error when `path` is an existing file, or a folder (or the nearest existing parent)
    /// that cannot be written.
    static func checkWritable(_ path: String) throws {
        guard !path.isEmpty else { throw ValidationError("--out must not be empty") }
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw ValidationError("--out \(path) is a file, not a folder") }
            guard manager.isWritableFile(atPath: path), canCreateFile(in: path) else {
                throw ValidationError("--out \(path) is not writable")
            }
            return
        }
        var parent = URL(fileURLWithPath: path).deletingLastPathComponent()
        while !manager.fileExists(atPath: parent.path, isDirectory: &isFolder) && parent.path != "/" {
            parent = parent.deletingLastPathComponent()
        }
        guard isFolder.boolValue else {
            throw ValidationError("--out \(path) cannot be created: \(parent.path) is a file")
        }
        guard manager.isWritableFile(atPath: parent.path), canCreateFile(in: parent.path) else {
            throw ValidationError("--out \(path) cannot be created: \(parent.path) is not writable")
        }
    }
}

extension RunOptions {
    /// `--seed`'s value: a whole number from 0 to 2⁶⁴ − 1; anything else says so.
    static func seed(_ text: String) throws -> UInt64 {
        guard let value = UInt64(text) else {
            throw ValidationError("--seed must be a whole number from 0 to \(UInt64.max), got \(text)")
        }
        return value
    }

    /// Whether a file can really be created in `folder` (a probe file is made and removed at once):
    /// permission bits say yes to root everywhere, yet /proc, read-only mounts and full disks refuse.
    /// The probe's name is unique (mkstemp), so checks running at the same time never collide.
    static func canCreateFile(in folder: String) -> Bool {
        var template = Array((folder + "/.alignfuse-probe-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return false }
        close(descriptor)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return true
    }
}

/// A lesson's command line: the common options and the lesson's knobs, checked before any work.
public struct LessonCommand<Content: Lesson>: ParsableCommand {
    public static var configuration: CommandConfiguration {
        // Each expectation is wrapped here, indented under its change: ArgumentParser re-wraps only the
        // lines wider than the screen and would start their continuations at column 0.
        let tries = Content.tryThis.map { item in
            (["  " + item.change.en] + wrap(item.expect.en, width: 66).map { "      " + $0 }).joined(separator: "\n")
        }.joined(separator: "\n")
        return CommandConfiguration(
            commandName: String(format: "lesson%02d", Content.number),
            abstract: Content.title.en,
            discussion: Content.summary.en + (tries.isEmpty ? "" : "\n\nTry this:\n" + tries))
    }

    @OptionGroup(title: "Run options")
    public var options: RunOptions

    @OptionGroup(title: "Lesson options")
    public var knobs: Content.Knobs

    public init() {}

    public func validate() throws {
        let count = Content.steps.count
        if let only = options.only, only > count {
            throw ValidationError("--only \(only): this lesson has \(count) steps")
        }
        if let through = options.through, through > count {
            throw ValidationError("--through \(through): this lesson has \(count) steps")
        }
    }

    public func run() throws {
        let code = Walkthrough.execute(Content.self, command: self, console: .standard(), archive: .standard)
        if code != 0 { throw ExitCode(code) }
    }
}

extension Lesson {
    /// The lesson's executable: `Alignment.main()` is the whole of its main.swift.
    public static func main() {
        AtomicFiles.installInterruptHandler {
            "Interrupted: stopped. Files already in the output folder are complete; the notebook of this run was not written."
        }
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let rest = MineRun.arguments(arguments) {   // --mine: the run with the learner's functions
            exit(MineRun.delegate(lesson: number, arguments: rest))
        }
        exit(Walkthrough.run(Self.self, arguments: arguments))
    }
}
