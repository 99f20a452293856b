// Lesson 07 — One space for speech, handwriting and words: real recordings (FSDD), real handwriting
// (UCI digits) and the digit names in English and Chinese. Pictures are paired with recordings and,
// separately, with words; recordings and words are never paired, yet they align — the pictures bind
// them, as ImageBind (Girdhar et al. 2023) showed at scale. Narration: 07-one-space.en.md / .zh.md.

import ArgumentParser
import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

public final class OneSpace: Lesson {
    public static let number = 7
    public static let slug = "one-space"
    public static let narration = Narration.resource("07-one-space", in: .module)
    public static let tryThis = [
        TryThis(change: L("--wav my.wav", "--wav my.wav"),
                expect: L("say a digit into a microphone (any rate; it is resampled to 8 kHz): step 6 names it in both languages",
                          "对着麦克风说一个数字（任何采样率都行，会重采样到 8 kHz）：第 6 步用两种语言说出它是几")),
        TryThis(change: L("--steps 100", "--steps 100"),
                expect: L("a fifth of the training: the never-trained speech → name falls first (0.98 on seed 0 with "
                          + "the full training), picture → name holds longer (0.99)",
                          "只训练五分之一：从未训练的语音 → 名字先掉下来（完整训练时种子 0 上 0.98），"
                          + "图片 → 名字撑得更久（0.99）"),
                bands: [Band("audio_to_name_en", 0.84...0.92), Band("image_to_name_en", 0.95...0.97)]),
        TryThis(change: L("--only 1 --export-recording 9_nicolas_3", "--only 1 --export-recording 9_nicolas_3"),
                expect: L("that recording as its own WAV file in --out: play it, then pass it back with --wav",
                          "把这段录音写成单独的 WAV 文件放进 --out：听一听，再用 --wav 传回来")),
    ]
    public static let keyMetrics = ["audio_to_name_en", "audio_to_name_zh", "audio_to_image", "image_to_name_en",
                                    "untrained_audio_to_name_en", "heldout_mean_en", "heldout_min_en", "heldout_max_en"]

    public struct Knobs: LessonKnobs {
        @Option(help: "Training steps of each model (two batches of 64 pairs a step).") var steps = 500
        @Option(help: "Peak learning rate.") var lr = 3e-3
        @Option(help: ArgumentHelp("A recording of your own for step 6 (PCM WAV; any rate, resampled to 8 kHz).", valueName: "PATH"))
        var wav: String?
        @Option(help: ArgumentHelp("Write one FSDD recording, e.g. 7_theo_12, as <NAME>.wav in --out (step 1).", valueName: "NAME"))
        var exportRecording: String?
        public init() {}
        public func validate() throws {
            try Knob.inRange(steps, 2...100_000, "--steps")
            try Knob.inRange(lr, 1e-5...1, "--lr")
            if let wav {                                       // a bad file stops the run before any work
                do { _ = try WAVFile.read(contentsOf: wav) } catch let error as WAVError { throw ValidationError("--wav: \(error)") }
            }
            if let name = exportRecording, name.split(separator: "_").count != 3 || !name.first!.isNumber {
                throw ValidationError("--export-recording must name a recording as {digit}_{speaker}_{take}, e.g. 7_theo_12; got '\(name)'")
            }
        }
        public var settings: [String: String] { ["steps": "\(steps)", "lr": "\(lr)"] }
    }

    let run: Run
    let knobs: Knobs
    public init(run: Run, knobs: Knobs) {
        self.run = run
        self.knobs = knobs
    }

    // MARK: - What the steps share

    /// --quick: 250 steps, and only two voices held out in step 5.
    lazy var steps = run.quick ? min(knobs.steps, 250) : knobs.steps
    lazy var heldOutSpeakers = run.quick ? ["theo", "nicolas"] : OneSpaceData.speakers
    lazy var data: OneSpaceData = { do { return try OneSpaceData() } catch { run.stop(error) } }()
    lazy var configuration: BindingConfiguration = {
        var c = BindingConfiguration()
        c.speechInput = data.features.size
        c.vocabularySize = data.tokenizer.count
        return c
    }()
    lazy var options: BindingTrainingOptions = {
        var o = BindingTrainingOptions()
        o.steps = steps
        o.peakLearningRate = Float(knobs.lr)
        return o
    }()
    /// A fresh model drawn from the run's seed, and its trainer on `speaker` held out (nil: FSDD's split).
    func fresh(leavingOut speaker: String? = nil) -> (BindingModel, BindingTrainer) {
        var rng = run.rng(7)
        let model = BindingModel(configuration, using: &rng)
        return (model, BindingTrainer(model: model, data: data.trainingSet(leavingOut: speaker), options: options,
                                      seed: run.seed &+ 11))
    }
    lazy var untrained = fresh().0
    lazy var trainer = fresh().1
    var model: BindingModel { trainer.model }
    lazy var settings = knobs.settings.merging(["data": data.fingerprint]) { $1 }
    lazy var testSpeech = data.speechSplit().test                       // takes 0–4: 300 recordings
    /// The trained model's scores on FSDD's test takes (step 4), and each held-out voice's (step 5).
    lazy var scores = OneSpaceScores(model: model, speech: data.speech(testSpeech), data: data)
    var speakerScores: [(speaker: String, scores: OneSpaceScores)] = []

    // MARK: - The steps

    public static let steps: [Step<OneSpace>] = [
        Step { lesson, run in
            let data = lesson.data, seconds = data.recordings.map { Double($0.samples.count) / 8_000 }.sorted()
            run.say(Say.recordings, data.recordings.count, OneSpaceData.speakers.count,
                    data.recordings.count / 60, seconds.first!, seconds.last!, seconds[seconds.count / 2])
            run.table(Say.lengthColumns, OneSpaceReport.lengthRows(data.recordings))
            let sevens = OneSpaceData.speakers.map { data.recording(named: "7_\($0)_0")! }   // one word
            run.say(Say.nothingLinesUp, sevens[0].samples.count, sevens[1].samples.count)
            run.say(Say.handwriting, data.handwriting.count, data.imageTest.count)
            run.metric("recordings", data.recordings.count)
            run.metric("longest_recording_s", seconds.last!)
            try run.figure("one-word-six-voices", png: OneSpaceFigures.messy(sevens, data: data, run: run))
            let examples = OneSpaceReport.examples(data.handwriting, perDigit: 10)
            try run.figure("handwriting", png: OneSpaceFigures.handwriting(examples, run: run))
            if let name = lesson.knobs.exportRecording {                        // one recording as a WAV
                guard let take = data.recording(named: name) else { throw OneSpaceError.noRecording(name) }
                let url = try OneSpaceVoice.export(take, to: run.outDirectory)
                run.say(Say.exported, url.path, take.name, Double(take.samples.count) / 8_000)
            }
        },
        Step { lesson, run in
            let m = lesson.untrained, grid = lesson.data.features.size
            run.table(Say.shapeColumns, [
                [run.text(Say.handwritingTower), "[B, 64]", "64 → 128 → 64", "\(m.image.parameterCount)"],
                [run.text(Say.speechTower), "[B, \(grid)]", "\(grid) → 256 → 256 → 64",
                 "\(m.speech.parameterCount)"],
                [run.text(Say.wordsTower), "[B, 3] ids", "embed 32×64 → mean → 64",
                 "\(m.words.parameterCount)"],
            ])
            run.say(Say.total, m.parameterCount, m.configuration.embeddingWidth)
            let texts = DigitNames.allTexts.map(\.text), b = lesson.options.batchSize
            run.say(Say.pairs, b, b, texts.count, "\"\(texts[21])\", \"\(texts[51])\"")
            run.say(Say.neverPaired)
            run.metric("parameters", m.parameterCount)
        },
        Step(trains: true) { lesson, run in
            let (model, trainer, steps) = (lesson.model, lesson.trainer, lesson.steps)
            let history = try run.train("one-space", model, settings: lesson.settings, steps: steps) {
                progress in
                for step in 1...steps {
                    let batch = trainer.nextBatch()   // digits; each: picture + recording, picture + text
                    let loss = trainer.loss(batch)    // forward: both contrastive losses
                    loss.total.backward()             // backward through all three towers
                    trainer.update()                  // AdamW at the scheduled rate, gradients cleared
                    try progress.update(step: step, loss: loss.total.item)
                    progress.record("speech", loss.speech.item)
                    progress.record("words", loss.words.item)
                }
            }
            let (speech, words) = (history.curves["speech"] ?? [], history.curves["words"] ?? [])
            let floor = BindingTrainer.duplicateFloor(batchSize: lesson.options.batchSize)
            let (speechEnd, wordsEnd) = (mean(speech.suffix(20)), mean(words.suffix(20)))
            run.say(Say.trained, speech.first ?? 0, speechEnd, words.first ?? 0, wordsEnd, floor)
            run.say(Say.floorNote, lesson.options.batchSize, Double(lesson.options.batchSize) / 10)
            run.metric("loss_speech_last20", speechEnd)
            run.metric("loss_words_last20", wordsEnd)
            run.metric("loss_floor", floor)
            try run.figure("training", png: OneSpaceFigures.training(speech: speech, words: words,
                                                                     floor: floor, run: run))
        },
        Step { lesson, run in
            let (data, test) = (lesson.data, lesson.data.speech(lesson.testSpeech))   // 300 recordings
            let before = OneSpaceScores(model: lesson.untrained, speech: test, data: data)
            let after = lesson.scores                               // nearest name, nearest picture
            run.table(Say.scoreColumns, OneSpaceReport.scoreRows(before: before, after: after, run: run))
            run.say(Say.emergent, test.count, 100 * after.nameEnglish, 100 * after.nameChinese)
            let mistakes = OneSpaceReport.confusions(guesses: after.guesses, actual: test.digits, run: run)
            run.say(Say.confusions, mistakes)
            run.metric("audio_to_name_en", after.nameEnglish)
            run.metric("audio_to_name_zh", after.nameChinese)
            run.metric("audio_to_image", after.image)
            run.metric("image_to_name_en", after.imageToName)
            run.metric("untrained_audio_to_name_en", before.nameEnglish)
            let (model, heard) = (lesson.model, lesson.testSpeech)
            try run.figure("speech-to-pictures",
                           png: OneSpaceReport.retrieval(model: model, data: data, test: heard, run: run))
            try run.figure("one-space", png: OneSpaceReport.space(model: model, data: data, test: heard,
                                                                  seed: run.seed, run: run))
        },
        Step(trains: true) { lesson, run in
            let (data, steps, settings) = (lesson.data, lesson.steps, lesson.settings)
            let (voices, fresh) = (lesson.heldOutSpeakers, lesson.fresh)   // five voices train, one is tested
            // one model per core at a time, shown in this order
            lesson.speakerScores = try run.sideBySide(voices, prepare: { ($0, fresh($0)) }) { job, run in
                let (speaker, (model, trainer)) = job
                _ = try run.train("without-\(speaker)", model, settings: settings, steps: steps) { progress in
                    for step in 1...steps { try progress.update(step: step, loss: trainer.step().loss) }
                }
                let heard = data.speech(data.speechSplit(leavingOut: speaker).test)   // all 500 takes
                return (speaker, OneSpaceScores(model: model, speech: heard, data: data))
            }
            run.table(Say.speakerColumns, OneSpaceReport.speakerRows(lesson.speakerScores))
            try OneSpaceReport.speakers(lesson.speakerScores, split: lesson.scores.nameEnglish,
                                        quick: run.quick, run: run)
        },
        Step { lesson, run in
            let (data, model) = (lesson.data, lesson.model)
            let voice = try OneSpaceReport.voice(lesson, run: run)      // --wav, or a test take standing in
            for note in voice.notes { run.print(note) }
            let grid = data.features.grid(of: voice.samples)                          // [32 · 32]
            let heard = model.embedSpeech(Tensor(shape: [1, grid.count], scalars: grid))[0]
            let english = OneSpaceScores.names(model, .english, data: data)
            let chinese = OneSpaceScores.names(model, .chinese, data: data)
            let cosines = cosineSimilarities([heard], english)[0]
            let en = BindingMeasures.argmax(cosines)
            let zh = BindingMeasures.zeroShot([heard], classes: chinese)[0]
            let pictures = model.embedImages(data.images(data.imageTest).values)
            let found = BindingMeasures.nearest(8, of: [heard], in: pictures)[0]
                .map { data.handwriting[data.imageTest[$0]] }
            run.say(Say.nearestNames, DigitNames.english[en], DigitNames.chinese[zh])
            run.say(Say.nearestDigits, found.map { String($0.digit) }.joined(separator: " "))
            try run.figure("your-recording", png: OneSpaceFigures.yours(
                grid: grid, cosines: cosines, found: found, named: (en, zh), data: data, run: run))
        },
        Step { lesson, run in
            let split = lesson.scores, voices = lesson.speakerScores.map(\.scores.nameEnglish)
            run.table(Say.verdictColumns, OneSpaceReport.toyBesideReal(split, data: lesson.data, run: run))
            let holds = split.nameEnglish >= 0.9 && split.nameChinese >= 0.9      // never paired, yet found
            run.say(holds ? Say.claimHolds : Say.claimFails, split.nameEnglish, split.nameChinese,
                    voices.min() ?? 0, voices.max() ?? 0)
        },
    ]

    static func mean(_ values: some Collection<Double>) -> Double { values.reduce(0, +) / Double(max(1, values.count)) }
}

/// What a learner can get wrong with the lesson's options once the data is read.
enum OneSpaceError: Error, LocalizedError {
    case noRecording(String)
    var errorDescription: String? {
        switch self {
        case .noRecording(let name): return "--export-recording: FSDD has no recording '\(name)' (names look like 7_theo_12: digit, speaker, take 0–49)"
        }
    }
}
