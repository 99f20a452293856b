// A tour runs two lessons at a time, each on its own core. Two threads make one lesson's training only
// about one and a half times as fast as one thread does (the threads meet at every hand-off, and part of
// each step runs on one thread anyway), so two lessons side by side, one thread each, get through the
// tour sooner than one lesson after another on both (Docs/performance.md measures it). No result
// depends on how many threads computed it, so every lesson leaves the same bytes either way, and the
// tour reads the same too: the text of a lesson whose turn has not come is kept and shown when the
// lessons before it are done. When no lesson is left to start, a lane that is done gives its core to
// the lesson still running.

import Foundation
import TeachingEngine

/// Which lesson each lane of a tour takes next. Lane 0 takes the first lesson not yet started, in the
/// tour's order, so the lesson on the screen is always running; every other lane takes the last one,
/// so the lanes meet in the middle. A lesson that reads another's run waits until that one is done.
///
///     var schedule = TourSchedule(folders: ["01-a", "02-b", "03-c"], reads: [[], [], ["02-b"]])
///     schedule.next(lane: 0)                       // 0: 01-a
///     schedule.next(lane: 1)                       // 1: 02-b, because 03-c waits for 02-b
///     schedule.next(lane: 0)                       // nil: 03-c still waits
///     schedule.finish(1); schedule.next(lane: 0)   // 2: 03-c
public struct TourSchedule {
    /// The lessons each lesson waits for, by index.
    private let waitsFor: [[Int]]
    public private(set) var started: [Bool]
    public private(set) var finished: [Bool]

    /// `reads[i]`: the folders of the lessons whose runs lesson `i` reads (`Lesson.readsRunsOf`); a
    /// folder that is not on the tour is not waited for.
    public init(folders: [String], reads: [[String]]) {
        precondition(folders.count == reads.count, "TourSchedule: \(folders.count) folders but \(reads.count) lists of reads")
        waitsFor = reads.map { names in names.compactMap { folders.firstIndex(of: $0) } }
        started = Array(repeating: false, count: folders.count)
        finished = started
    }

    /// Every lesson has been taken by a lane.
    public var allStarted: Bool { !started.contains(false) }

    /// The lesson `lane` starts now (marked started), or nil when every lesson left waits for one still
    /// running. Lessons that wait for each other in a circle are started in order rather than never.
    public mutating func next(lane: Int) -> Int? {
        let waiting = started.indices.filter { !started[$0] }
        var ready = waiting.filter { i in waitsFor[i].allSatisfy { finished[$0] } }
        let running = started.indices.contains { started[$0] && !finished[$0] }
        if ready.isEmpty && !running { ready = waiting }
        guard let i = lane == 0 ? ready.first : ready.last else { return nil }
        started[i] = true
        return i
    }

    /// Lesson `i` is done: the lessons that read its run may start.
    public mutating func finish(_ i: Int) {
        precondition(started[i], "TourSchedule: lesson \(i) finished without being started")
        finished[i] = true
    }
}

extension Tour {
    /// Runs `runOne` for every lesson, `lanes` lessons at a time (1: one after another, on the calling
    /// thread), the engine's threads shared between the lanes, and returns the entries in the lessons'
    /// order, each with the seconds it took. After a lesson fails no other starts; the ones running
    /// finish, and the lessons never started have no entry.
    static func runLessons(_ lessons: [any Lesson.Type], lanes: Int, console: Console,
                           _ runOne: @escaping (any Lesson.Type, Console) -> TourEntry) -> [TourEntry?] {
        let body = { (lesson: any Lesson.Type, console: Console) -> TourEntry in
            let started = Date()
            var entry = runOne(lesson, console)
            entry.seconds = Date().timeIntervalSince(started)
            return entry
        }
        guard lanes > 1, lessons.count > 1 else {
            var entries = [TourEntry?](repeating: nil, count: lessons.count)
            for (i, lesson) in lessons.enumerated() {
                entries[i] = body(lesson, console)
                if entries[i]!.result.exitCode != 0 { break }
            }
            return entries
        }
        return TourLanes(lessons, lanes: min(lanes, lessons.count), console: console, body).run()
    }
}

/// The lanes of one tour: each lane is a thread that takes the next lesson from the schedule and runs
/// it with its share of the engine's threads, its text going through the relay. A lane that finds no
/// lesson left to start gives its threads to the front lesson still running.
private final class TourLanes: @unchecked Sendable {
    private let lessons: [any Lesson.Type]
    private let lanes: Int
    private let relay: TourRelay
    private let body: (any Lesson.Type, Console) -> TourEntry
    /// Each lane's engine threads (the cores divided between the lanes, at first).
    private let shares: [ThreadShare]
    /// Guards everything below; lanes wait on it for a lesson to be done.
    private let condition = NSCondition()
    private var schedule: TourSchedule
    private var entries: [TourEntry?]
    /// The lesson each lane is running, if any.
    private var running: [Int?]
    private var failed = false

    init(_ lessons: [any Lesson.Type], lanes: Int, console: Console,
         _ body: @escaping (any Lesson.Type, Console) -> TourEntry) {
        self.lessons = lessons
        self.lanes = lanes
        self.body = body
        relay = TourRelay(console, count: lessons.count)
        shares = (0..<lanes).map { _ in ThreadShare(EngineThreads.count / lanes) }
        running = Array(repeating: nil, count: lanes)
        schedule = TourSchedule(folders: lessons.map { $0.folderName }, reads: lessons.map { $0.readsRunsOf })
        entries = Array(repeating: nil, count: lessons.count)
    }

    func run() -> [TourEntry?] {
        let done = DispatchGroup()
        for lane in 0..<lanes {
            done.enter()
            let thread = Thread { [self] in
                work(lane: lane)
                done.leave()
            }
            thread.stackSize = 64 << 20   // a lesson gets the stack of a main thread and more
            thread.start()
        }
        done.wait()
        relay.showEverythingKept()
        return entries
    }

    /// Takes lessons until none is left (or one failed), waiting while the next ones wait for a run;
    /// then lends its threads to the lesson in front.
    private func work(lane: Int) {
        while let i = take(lane: lane) {
            let entry = EngineThreads.with(shares[lane]) { body(lessons[i], relay.console(for: i)) }
            condition.lock()
            entries[i] = entry
            running[lane] = nil
            schedule.finish(i)
            if entry.result.exitCode != 0 { failed = true }
            condition.broadcast()
            condition.unlock()
            relay.finish(i)
        }
        condition.lock()
        defer { condition.unlock() }
        let busy = running.enumerated().compactMap { other, lesson in lesson.map { (lane: other, lesson: $0) } }
        if let front = busy.min(by: { $0.lesson < $1.lesson }) { shares[front.lane].add(shares[lane].count) }
    }

    private func take(lane: Int) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !failed && !schedule.allStarted {
            if let i = schedule.next(lane: lane) {
                running[lane] = i
                return i
            }
            condition.wait()
        }
        return nil
    }
}

/// The tour's text in the lessons' order while several run at once: the first lesson not yet shown
/// whole writes straight to the console; the text of those after it is kept (errors too, in their
/// place) and shown when their turn comes, after which they write straight through as well. A line
/// drawn in place (a progress bar) that a kept lesson redraws replaces its last drawing, so only the
/// final one is kept.
private final class TourRelay: @unchecked Sendable {
    private let lock = NSLock()
    private let console: Console
    /// The lesson on the console now; every lesson before it has been shown whole.
    private var shown = 0
    private var kept: [[(isError: Bool, text: String)]]
    private var done: [Bool]

    init(_ console: Console, count: Int) {
        self.console = console
        kept = Array(repeating: [], count: count)
        done = Array(repeating: false, count: count)
    }

    /// The console lesson `i` writes to.
    func console(for i: Int) -> Console {
        console.relayed(out: { [self] in write($0, from: i, isError: false) },
                        err: { [self] in write($0, from: i, isError: true) })
    }

    /// Lesson `i` has ended: the lessons after it whose turn this brings are shown.
    func finish(_ i: Int) {
        lock.lock()
        defer { lock.unlock() }
        done[i] = true
        while shown < kept.count && done[shown] {
            shown += 1
            if shown < kept.count { showKept(shown) }
        }
    }

    /// After the lanes stop: what lessons kept and never got to show (a lesson before them failed).
    func showEverythingKept() {
        lock.lock()
        defer { lock.unlock() }
        for i in shown..<kept.count { showKept(i) }
        shown = kept.count
    }

    private func write(_ text: String, from i: Int, isError: Bool) {
        lock.lock()
        defer { lock.unlock() }
        guard i != shown else { return emit(text, isError: isError) }
        guard let last = kept[i].indices.last, kept[i][last].isError == isError else {
            return kept[i].append((isError, text))
        }
        if text.hasPrefix("\r") {   // redrawn in place: what was drawn since the last line break goes
            let piece = kept[i][last].text
            kept[i][last].text.removeSubrange((piece.lastIndex(of: "\n").map(piece.index(after:)) ?? piece.startIndex)...)
        }
        kept[i][last].text += text
    }

    private func showKept(_ i: Int) {
        for piece in kept[i] { emit(piece.text, isError: piece.isError) }
        kept[i] = []
    }

    private func emit(_ text: String, isError: Bool) {
        if isError { console.writeError(text) } else { console.write(text) }
    }
}
