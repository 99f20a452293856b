// A negative number given to an option. ArgumentParser takes a word that starts with "-" for the next
// option, so `--seed -1` or `--lr -1` used to end with "Missing value for '--seed <seed>'", which hides
// the real mistake. Joined to its option (`--seed=-1`), the value reaches the option's own check,
// which says what is wrong and what is allowed: "--lr must be a positive number, got -1.0".

enum NegativeValues {
    /// `arguments` with every negative number that follows an `--option` joined to it with `=`.
    ///
    ///     NegativeValues.joined(["--seed", "-1", "--quick"])   // ["--seed=-1", "--quick"]
    ///     NegativeValues.joined(["--lr", "-1e-3"])             // ["--lr=-1e-3"]
    ///
    /// Nothing after a `--` is touched.
    static func joined(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                result += arguments[index...]
                break
            }
            if argument.hasPrefix("--"), argument.count > 2, !argument.contains("="),
               index + 1 < arguments.count, isNegativeNumber(arguments[index + 1]) {
                result.append(argument + "=" + arguments[index + 1])
                index += 2
                continue
            }
            result.append(argument)
            index += 1
        }
        return result
    }

    /// "-1", "-0.5", "-.5", "-1e-3", "-inf", "-nan".
    static func isNegativeNumber(_ text: String) -> Bool {
        guard text.hasPrefix("-"), text.count > 1 else { return false }
        let rest = text.dropFirst().lowercased()
        if ["inf", "infinity", "nan"].contains(rest) { return true }
        return Double(text) != nil && (rest.first?.isNumber == true || rest.first == ".")
    }
}
