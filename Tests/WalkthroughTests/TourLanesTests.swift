// A tour runs two lessons at a time, one per core: which lesson each lane takes, and that the tour
// reads and writes the same as when the lessons run one after another.

import Foundation
import Testing
import Walkthrough

@Suite("The tour, two lessons at a time")
struct TourLanesTests {
    @Test("the front lane takes lessons in order, the back lane from the end, and 06 waits for 02's run")
    func schedule() {
        let folders = ["01-a", "02-b", "03-c", "04-d", "05-e", "06-f", "07-g"]
        var reads = [[String]](repeating: [], count: 7)
        reads[5] = ["02-b"]                                   // 06 reads 02's run
        var schedule = TourSchedule(folders: folders, reads: reads)
        #expect(schedule.next(lane: 0) == 0)                  // 01 in front
        #expect(schedule.next(lane: 1) == 6)                  // 07 at the back
        schedule.finish(6)
        #expect(schedule.next(lane: 1) == 4)                  // 06 waits for 02, so 05
        schedule.finish(0)
        #expect(schedule.next(lane: 0) == 1)                  // 02
        schedule.finish(1)
        #expect(schedule.next(lane: 0) == 2)                  // 03
        schedule.finish(2)
        #expect(schedule.next(lane: 0) == 3)                  // 04
        schedule.finish(3)
        #expect(schedule.next(lane: 0) == 5)                  // 06, now that 02 is done
        #expect(schedule.allStarted)
        #expect(schedule.next(lane: 1) == nil)
    }

    @Test("a lane waits while the only lesson left reads the run of one still running")
    func waitsForARun() {
        var schedule = TourSchedule(folders: ["01-a", "02-b"], reads: [[], ["01-a"]])
        #expect(schedule.next(lane: 0) == 0)
        #expect(schedule.next(lane: 1) == nil)                // 02 must wait for 01
        schedule.finish(0)
        #expect(schedule.next(lane: 1) == 1)
    }

    @Test("two lessons at a time print the same text in the same order and write the same files as one at a time")
    func sameTourEitherWay() throws {
        let lessons: [any Lesson.Type] = [LineFit.self, ThreeLines.self, TwoSlowLines.self]
        var outputs: [String] = []
        var folders: [URL] = []
        for jobs in [1, 2] {
            let out = temporaryFolder("tour-jobs-\(jobs)")
            let console = Console.captured()
            #expect(Tour.run(lessons: lessons, arguments: ["--out", out.path, "--quick", "--jobs", "\(jobs)"],
                             console: console) == 0, "\(console.errors)")
            // The speed of training (steps/s) and the times are what may differ; the folder is named in the text.
            let lines = console.output.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("steps/s") && !$0.hasPrefix("Time: ") }
            outputs.append(lines.joined(separator: "\n").replacingOccurrences(of: out.path, with: "<out>"))
            // The last line says how the lessons ran and how long each took, one entry per lesson.
            let time = console.output.split(separator: "\n").last.map(String.init) ?? ""
            #expect(time.hasPrefix("Time: ") && time.contains(jobs == 1 ? "one lesson after another" : "2 lessons at a time"), "\(time)")
            #expect(time.split(separator: "·").count == lessons.count, "\(time)")
            folders.append(out)
        }
        #expect(outputs[0] == outputs[1])
        let titles = ["Fitting a line", "Three lines at once", "Two slow lines"].map { outputs[1].range(of: $0)?.lowerBound }
        #expect(titles.allSatisfy { $0 != nil } && titles == titles.sorted { $0! < $1! }, "lessons shown in the tour's order")
        let files = try FileManager.default.subpathsOfDirectory(atPath: folders[0].path).sorted()
        #expect(try FileManager.default.subpathsOfDirectory(atPath: folders[1].path).sorted() == files)
        for file in files {
            let contents = folders.map { FileManager.default.contents(atPath: $0.appendingPathComponent(file).path) }
            guard let one = contents[0], let two = contents[1] else { continue }   // a folder
            let same = one == two || String(decoding: one, as: UTF8.self).replacingOccurrences(of: folders[0].path, with: "<out>")
                == String(decoding: two, as: UTF8.self).replacingOccurrences(of: folders[1].path, with: "<out>")
            #expect(same, "\(file) differs")
        }
    }

    @Test("when a lesson fails, no other lesson starts: the ones running finish, the tour names it and exits with its code")
    func failureStopsTheTour() {
        let out = temporaryFolder("tour-fails")
        let console = Console.captured()
        // The front lane takes the lesson that diverges; the back lane takes the line fit, because the
        // last lesson reads the diverging lesson's run and must wait for it. It never starts.
        let code = Tour.run(lessons: [TwoLinesOneDiverges.self, LineFit.self, ReadsTwoLines.self],
                            arguments: ["--out", out.path, "--quick", "--jobs", "2"], console: console)
        #expect(code != 0)
        #expect(console.errors.contains("tour: 00-two-lines failed with exit code \(code); stopping"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("00-line-fit/metrics.json").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("00-reads-two-lines").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path))
    }
}

/// A lesson of one step that would read the run of `TwoLinesOneDiverges` (a tour starts it after that one).
final class ReadsTwoLines: Lesson {
    static let number = 0
    static let slug = "reads-two-lines"
    static let readsRunsOf = [TwoLinesOneDiverges.folderName]
    static let narration = try! Narration(english: """
        # After two lines

        Starts when the two lines are done.

        ## Look back

        Says where the two lines were fitted.
        """, chinese: """
        # 两条直线之后

        两条直线完成后开始。

        ## 回头看

        说出两条直线在哪里拟合。
        """)
    static let tryThis: [TryThis] = []

    let run: Run
    init(run: Run, knobs: NoKnobs) { self.run = run }

    static let steps: [Step<ReadsTwoLines>] = [
        Step { lesson, run in
            run.print("the two lines were fitted beside \(run.outDirectory.lastPathComponent)")
        },
    ]
}
