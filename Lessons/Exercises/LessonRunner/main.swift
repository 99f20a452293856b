// exercise-lessons: a lesson run with the learner's own functions (Lessons/Exercises/Mine).
// Built and run by `swift run -c release exercises lesson N [lesson options]`:
//   exercise-lessons N [lesson options]     environment ALIGNFUSE_MINE_FINGERPRINT: the learner's files' fingerprint

import ExercisesMine
import Foundation
import Lessons
import Walkthrough

let arguments = Array(CommandLine.arguments.dropFirst())
let lessons: [Int: any Lesson.Type] = [2: Alignment.self]
guard let number = arguments.first.flatMap(Int.init), let lesson = lessons[number] else {
    FileHandle.standardError.write(Data("usage: exercise-lessons N [options], N one of \(lessons.keys.sorted())\n".utf8))
    exit(2)
}
let mine = LearnerCode(
    infoNCE: { image, text, temperature in try infoNCE(image: image, text: text, temperature: temperature) },
    modalityGap: { images, texts in try modalityGap(images: images, texts: texts) },
    fingerprint: ProcessInfo.processInfo.environment["ALIGNFUSE_MINE_FINGERPRINT"] ?? "unknown")

func run<Content: Lesson>(_ lesson: Content.Type) -> Int32 {
    LearnerCode.$current.withValue(mine) {
        Walkthrough.run(lesson, arguments: Array(arguments.dropFirst()))
    }
}
exit(run(lesson))
