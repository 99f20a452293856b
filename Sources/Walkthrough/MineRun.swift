// `lesson02 --mine`: the lesson run with the learner's own functions from the exercises
// (Docs/exercises.md). A lesson's executable never links the learner's code — it must build when
// that code is broken or unwritten — so `--mine` hands the run to the exercises command, which checks
// the learner's functions, builds the lesson with them and runs it:
//   lesson02 --mine --quick   ≡   swift run -c release exercises lesson 2 --quick

import Foundation

enum MineRun {
    /// The arguments without `--mine`, or nil when `--mine` is not among them.
    static func arguments(_ arguments: [String]) -> [String]? {
        arguments.contains("--mine") ? arguments.filter { $0 != "--mine" } : nil
    }

    /// Runs `swift run -c <this build's configuration> exercises lesson <number> <arguments>` in the
    /// package root (found above this program), with this terminal; returns its exit status.
    static func delegate(lesson number: Int, arguments: [String]) -> Int32 {
        #if DEBUG
        let configuration = "debug"
        #else
        let configuration = "release"
        #endif
        var folder = (Bundle.main.executableURL ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/",
              !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Lessons/Exercises").path) {
            folder.deleteLastPathComponent()
        }
        guard folder.path != "/" else {
            FileHandle.standardError.write(Data("--mine: the exercises are not found above this program\n".utf8))
            return 2
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "run", "-c", configuration, "exercises", "lesson", "\(number)"] + arguments
        process.currentDirectoryURL = folder
        do {
            try process.run()
        } catch {
            FileHandle.standardError.write(Data("--mine: could not start the exercises command: \(error)\n".utf8))
            return 2
        }
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : 1
    }
}
