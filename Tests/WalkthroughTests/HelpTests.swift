// How `--help` lays out a lesson's "try this" list: each expectation stays
// indented under the change it belongs to, however long it is. (OptionTests checks that every option
// is listed.)

import Testing
import Walkthrough

@Suite("--help keeps each try-this expectation under its change")
struct HelpTests {
    // The `--lr 0.5` expectation is 151 characters: at 80 columns it takes three lines, each indented six
    // spaces under `  --lr 0.5`. Before the runner wrapped it, ArgumentParser did, and lines 2 and 3
    // started at column 0.
    @Test("a try-this expectation longer than a line keeps its indent on every line of an 80-column help")
    func tryThisIndented() throws {
        let help = LessonCommand<LineFit>.helpMessage(columns: 80)
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "Try this:"), "no try-this list in:\n\(help)")
        let list = lines[(start + 1)...].prefix { !$0.isEmpty }
        #expect(list.first == "  --noise 1")
        #expect(list.count == 6, "2 changes and 4 expectation lines expected:\n\(list.joined(separator: "\n"))")
        for line in list {
            #expect(line.hasPrefix("  --") || line.hasPrefix("      "), "'\(line)' lost its indent")
            #expect(displayWidth(line) <= 80, "'\(line)' is wider than 80 columns")
        }
    }
}
