// The kit's precondition. Swift's `precondition` drops its message in optimised (-O) builds, and the
// engine always runs optimised; a shape error that does not say which shapes is no help. `require`
// traps like `precondition` but always prints its message, pointing at the caller's line.

/// Traps with `message` (naming the values involved) when `condition` is false, in every build mode.
///
///     require(k == kB, "matmul: [64, 192] × [64, 64]: inner sizes 192 and 64 differ")
@inlinable @inline(__always)
package func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                     file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
