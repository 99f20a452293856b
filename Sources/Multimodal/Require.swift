// A precondition that keeps its message in optimised builds.
// This module is compiled with -O even in debug builds (Package.swift), and there Swift's
// `precondition` traps without printing its message. `require` always prints it, so a caller who
// passes a wrong shape reads "patchify: patch size 8 does not divide the image size 30×30".

/// Stops the program with `message` (naming the caller's file and line) when `condition` is false.
///
///     require(p > 0, "patchify: patch size must be positive, got \(p)")
@inline(__always)
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
             file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
