// exercises: write the central functions of the lessons yourself, and the kit checks them.
//   swift run -c release exercises            progress: which exercises pass, which is next
//   swift run -c release exercises check N    check exercise N and say what is wrong
//   swift run -c release exercises hint N     a hint for exercise N
//   swift run -c release exercises reset N    put the starter of exercise N back
//   swift run -c release exercises lesson N   run lesson N with your functions (lesson 02: your loss and gap)
// Your files are Lessons/Exercises/Mine/NN-Name.swift (made from the starters on the first run).
// This program never links your code: it builds a separate checker with it and runs that, so it
// starts, and says what the compiler said about your file, even when your code does not compile.

import ExerciseKit
import Foundation

let usage = """
    usage: swift run -c release exercises [list | check N | hint N | reset N]
      (nothing) or list   which exercises pass, and which is next
      check N             check exercise N (1…\(Catalog.all.count)) and say what is wrong
      hint N              a hint for exercise N
      reset N             put the starter of exercise N back in Lessons/Exercises/Mine
      lesson N [options]  run lesson N with your functions (\(Catalog.lessonRuns.keys.sorted().map { "lesson " + Catalog.label($0) }.joined(separator: ", ")));
                          the lesson's options follow, e.g. lesson 2 --quick
    """

func exercise(_ argument: String?) throws -> Exercise {
    guard let argument, let number = Int(argument), (1...Catalog.all.count).contains(number) else {
        throw CommandError("name an exercise by its number, 1…\(Catalog.all.count)" + (argument.map { " (got '\($0)')" } ?? ""))
    }
    return Catalog.exercise(number)
}

func title(_ exercise: Exercise) -> String {
    "\(Catalog.label(exercise.number))  \(exercise.title)"
}

do {
    var arguments = Array(CommandLine.arguments.dropFirst())
    let command = arguments.isEmpty ? "list" : arguments.removeFirst()
    if ["-h", "--help", "help"].contains(command) {
        print(usage)
        exit(0)
    }
    let workspace = try Workspace.find()
    let made = try workspace.makeMissingCopies()
    if !made.isEmpty {
        print("Your exercise files: \(workspace.shown(workspace.mine))/ (\(made.count) starter\(made.count == 1 ? "" : "s") copied there)")
    }
    switch command {
    case "list":
        guard arguments.isEmpty else { throw CommandError("list takes no arguments\n" + usage) }
        exit(try Progress.list(workspace))
    case "check":
        guard arguments.count == 1 else { throw CommandError("check takes one exercise number\n" + usage) }
        exit(try Progress.check(try exercise(arguments.first), in: workspace))
    case "hint":
        guard arguments.count == 1 else { throw CommandError("hint takes one exercise number\n" + usage) }
        let chosen = try exercise(arguments.first)
        print("Hint for \(title(chosen)):")
        for line in chosen.hint { print("  " + line) }
        print("Your file: \(workspace.shown(workspace.mineFile(chosen)))")
    case "reset":
        guard arguments.count == 1 else { throw CommandError("reset takes one exercise number\n" + usage) }
        let chosen = try exercise(arguments.first)
        try workspace.reset(chosen)
        print("\(title(chosen)): \(workspace.shown(workspace.mineFile(chosen))) is the starter again")
    case "lesson":
        guard let argument = arguments.first, let number = Int(argument) else {
            throw CommandError("lesson takes a lesson number, then the lesson's options\n" + usage)
        }
        exit(try LessonWithMine.run(number, options: Array(arguments.dropFirst()), in: workspace))
    default:
        throw CommandError("unknown command '\(command)'\n" + usage)
    }
} catch {
    FileHandle.standardError.write(Data("exercises: \(error)\n".utf8))
    exit(2)
}
