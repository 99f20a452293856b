// A line for the person at the terminal only: measured wall-clock times and other things that differ
// from run to run, which must not enter the notebook, README.md or metrics.json (those stay the same
// for the same seed and settings).

extension Run {
    /// Prints `text` on the terminal, dimmed; it is not recorded in notebook.ipynb, README.md or
    /// metrics.json, so the run's written files stay byte-for-byte the same across runs.
    ///
    ///     run.note(String(format: "(measured: %.2f ms on this machine)", ms))   // terminal only
    public func note(_ text: String) {
        guard !isQuiet else { return }
        console.line(console.styled(text, .dim))
    }
}
