// Helpers shared by the tests: a fresh temporary folder and the demo run with checkpoints as safetensors.

import Foundation
import Walkthrough

/// A new empty folder path under the system's temporary folder (not created).
func temporaryFolder(_ name: String) -> URL {
    URL(fileURLWithPath: NSTemporaryDirectory())
        .appendingPathComponent("walkthrough-tests-\(getpid())-\(name)-\(UInt32.random(in: 0...UInt32.max))")
}

/// Runs the line-fit demo with `arguments` and a captured console.
func runDemo(_ arguments: [String], input: [String] = [], terminal: Bool = false) -> (RunResult, Console) {
    let console = Console.captured(input: input, terminal: terminal)
    return (Walkthrough.runReporting(LineFit.self, arguments: arguments, console: console), console)
}

func bytes(_ url: URL) -> [UInt8]? {
    FileManager.default.contents(atPath: url.path).map(Array.init)
}
