// Where things are: the package root, the starters, the solutions and the learner's own copies.
// The learner's copies (Lessons/Exercises/Mine) are made from the starters the first time the
// command runs, one file at a time, and never overwritten except by `reset`.

import ExerciseKit
import Foundation

struct Workspace {
    let root: URL

    var starters: URL { root.appendingPathComponent("Lessons/Exercises/Starters") }
    var solutions: URL { root.appendingPathComponent("Lessons/Exercises/Solutions") }
    var mine: URL { root.appendingPathComponent("Lessons/Exercises/Mine") }

    /// The package root: the first folder above this program (or above the current folder) that
    /// holds Package.swift and Lessons/Exercises/Starters.
    static func find() throws -> Workspace {
        let manager = FileManager.default
        let places = [Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent(),
                      URL(fileURLWithPath: manager.currentDirectoryPath)].compactMap { $0 }
        for start in places {
            var folder = start.standardized
            while folder.path != "/" {
                if manager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
                   manager.fileExists(atPath: folder.appendingPathComponent("Lessons/Exercises/Starters").path) {
                    return Workspace(root: folder)
                }
                folder.deleteLastPathComponent()
            }
        }
        throw CommandError("cannot find the AlignFuse package (Package.swift with Lessons/Exercises/Starters) "
                           + "above \(manager.currentDirectoryPath): run the command inside the project")
    }

    /// "Lessons/Exercises/Mine/04-Patchify.swift"
    func shown(_ url: URL) -> String {
        url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : url.path
    }

    func mineFile(_ exercise: Exercise) -> URL { mine.appendingPathComponent(exercise.file) }
    func starterFile(_ exercise: Exercise) -> URL { starters.appendingPathComponent(exercise.file) }
    func solutionFile(_ exercise: Exercise) -> URL { solutions.appendingPathComponent(exercise.file) }

    /// Copies every starter that has no copy in Mine yet; returns the exercises copied.
    @discardableResult
    func makeMissingCopies() throws -> [Exercise] {
        let manager = FileManager.default
        try manager.createDirectory(at: mine, withIntermediateDirectories: true)
        var made: [Exercise] = []
        for exercise in Catalog.all where !manager.fileExists(atPath: mineFile(exercise).path) {
            try manager.copyItem(at: starterFile(exercise), to: mineFile(exercise))
            made.append(exercise)
        }
        return made
    }

    /// Puts the starter back in place of the learner's copy (written whole, then moved into place).
    func reset(_ exercise: Exercise) throws {
        let text = try Data(contentsOf: starterFile(exercise))
        try text.write(to: mineFile(exercise), options: .atomic)
    }

    /// Whether the learner's copy is still the starter, byte for byte.
    func isUntouched(_ exercise: Exercise) -> Bool {
        (try? Data(contentsOf: mineFile(exercise))) == (try? Data(contentsOf: starterFile(exercise)))
    }
}

/// A mistake in how the command was used or where it runs: one line, a non-zero exit.
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
