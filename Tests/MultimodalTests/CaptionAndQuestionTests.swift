import Multimodal
import TeachingEngine
import Testing

@Suite("ToyWorld: captions and questions in two languages")
struct CaptionAndQuestionTests {
    let catAndSquare = ToyScene(objects: [
        ToyObject(kind: .cat, color: .orange, size: .small, cell: GridCell(row: 2, column: 0)),
        ToyObject(kind: .square, color: .blue, size: .large, cell: GridCell(row: 2, column: 3)),
    ])

    @Test("the article's sentence 一只可爱的橘猫在晒太阳 captions the orange cat in the sun")
    func articleSentence() {
        var rng = SeededGenerator(seed: 1)
        let caption = Captioner.caption(for: SceneGenerator.orangeCatInTheSun, template: .basking, rng: &rng)
        #expect(caption.chinese == "一只可爱的橘猫在晒太阳")
        #expect(caption.english == "a cute orange cat basking in the sun")
    }

    @Test("a relation caption says the small orange cat is left of the blue square, in both languages")
    func relationCaption() {
        var options = CaptionOptions()
        options.sizeProbability = 0
        var seen: Set<String> = []
        for seed in 0..<20 {
            var rng = SeededGenerator(seed: UInt64(seed))
            let c = Captioner.caption(for: catAndSquare, options: options, template: .relation, rng: &rng)
            seen.insert(c.english + " | " + c.chinese)
        }
        #expect(seen == ["an orange cat left of a blue square | 一只橘色猫在蓝色方块左边",
                         "a blue square right of an orange cat | 一个蓝色方块在橘色猫右边"])
    }

    @Test("the list template names every object and puts the sun last: '… under the sun' / 太阳下有…")
    func listWithSun() {
        let scene = ToyScene(objects: catAndSquare.objects, sunCell: GridCell(row: 0, column: 0))
        var options = CaptionOptions()
        options.sizeProbability = 0
        var rng = SeededGenerator(seed: 6)
        let c = Captioner.caption(for: scene, options: options, template: .list, rng: &rng)
        #expect(c.english == "an orange cat and a blue square under the sun")
        #expect(c.chinese == "太阳下有一只橘色猫和一个蓝色方块")
    }

    @Test("with attributes dropped a one-object caption can read 'a photo of a cat'")
    func attributeDrop() {
        var options = CaptionOptions()
        options.attributeDropProbability = 1
        let scene = ToyScene(objects: [ToyObject(kind: .cat, color: .gray, size: .large, cell: GridCell(row: 0, column: 0))])
        var rng = SeededGenerator(seed: 2)
        let c = Captioner.caption(for: scene, options: options, template: .photo, rng: &rng)
        #expect(c.english == "a photo of a cat")
        #expect(c.chinese == "一张猫的照片")
    }

    @Test("'what is in this picture?' about a lone cat is answered 图片中有一只猫 / 'a cat'")
    func whatIsInPicture() {
        var rng = SeededGenerator(seed: 3)
        let q = Questioner.question(.whatIsInPicture, about: SceneGenerator.orangeCatInTheSun, rng: &rng)
        #expect(q?.chinese == "这张图片里有什么？")
        #expect(q?.answerChinese == "图片中有一只猫")
        #expect(q?.english == "what is in this picture?")
        #expect(q?.answerEnglish == "a cat")
        #expect(Questioner.question(.whatIsInPicture, about: catAndSquare, rng: &rng) == nil)
    }

    @Test("'what colour is the cat?' is answered orange / 橘色; 'how many objects' two / 两个")
    func colourAndCount() {
        var rng = SeededGenerator(seed: 4)
        var colour: Question?
        while colour?.english != "what colour is the cat?" {
            colour = Questioner.question(.whatColor, about: catAndSquare, rng: &rng)
        }
        #expect(colour?.answerEnglish == "orange")
        #expect(colour?.chinese == "猫是什么颜色？")
        #expect(colour?.answerChinese == "橘色")
        let count = Questioner.question(.howMany, about: catAndSquare, rng: &rng)
        #expect(count?.answerEnglish == "two")
        #expect(count?.answerChinese == "两个")
    }

    @Test("yes/no questions are balanced: over 2,000 scenes each answer has a share between 0.45 and 0.55, and is right")
    func balancedYesNo() {
        var rng = SeededGenerator(seed: 5)
        var options = SceneOptions()
        options.objectCount = 2...4
        for kind in [QuestionKind.isThere, .isLeftOf] {
            var yes = 0, asked = 0
            while asked < 2000 {
                let scene = SceneGenerator.scene(options, rng: &rng)
                // "left of" needs two objects in different columns; skip scenes that have none.
                guard let q = Questioner.question(kind, about: scene, rng: &rng) else { continue }
                asked += 1
                if q.answerEnglish == "yes" { yes += 1 }
                // Check the answer against the scene.
                if kind == .isLeftOf {
                    let words = q.english.split(separator: " ")   // is the A left of the B?
                    let a = scene.objects.first { $0.kind.english == words[2] }!
                    let b = scene.objects.first { $0.kind.english + "?" == words[6] }!
                    #expect((a.cell.column < b.cell.column) == (q.answerEnglish == "yes"))
                    #expect(q.answerChinese == (q.answerEnglish == "yes" ? "是" : "不是"))
                }
            }
            let share = Double(yes) / 2000
            #expect(share > 0.45 && share < 0.55, "\(kind): yes share \(share)")
        }
    }

    @Test("with its working shown, 'is the cat left of the square?' reads 'cat column 1 square column 4 yes' / 猫 第1列 方块 第4列 是; the swapped question ends in no")
    func leftOfWithWorking() {
        // The cat sits in column 0 and the square in column 3 (counted from 0; the answer counts from 1).
        var seen: Set<String> = []
        var rng = SeededGenerator(seed: 2)
        while seen.count < 2 {
            let q = Questioner.question(.isLeftOf, about: catAndSquare, showWork: true, rng: &rng)!
            seen.insert(q.english)
            if q.english == "is the cat left of the square?" {
                #expect(q.answerEnglish == "cat column 1 square column 4 yes")
                #expect(q.answerChinese == "猫 第1列 方块 第4列 是")
            } else {
                #expect(q.english == "is the square left of the cat?")
                #expect(q.answerEnglish == "square column 4 cat column 1 no")
                #expect(q.answerChinese == "方块 第4列 猫 第1列 不是")
            }
        }
        // Without it (the default) the same question is answered with the verdict alone.
        var plain = SeededGenerator(seed: 2), shown = SeededGenerator(seed: 2)
        let short = Questioner.question(.isLeftOf, about: catAndSquare, rng: &plain)!
        let long = Questioner.question(.isLeftOf, about: catAndSquare, showWork: true, rng: &shown)!
        #expect(short.english == long.english)
        #expect(long.answerEnglish.hasSuffix(" " + short.answerEnglish))
    }

    @Test("a scene's sound is 0.75 s at 8 kHz, the same scene sounds the same, and a cat sounds different from a dog")
    func sounds() {
        func wave(_ kind: ObjectKind) -> [Float] {
            SceneSound.waveform(for: ToyScene(objects: [ToyObject(kind: kind, color: .red, size: .large, cell: GridCell(row: 0, column: 0))]))
        }
        let cat = wave(.cat), dog = wave(.dog)
        #expect(cat.count == 6000 && SceneSound.sampleRate == 8000)
        #expect(cat != dog)
        #expect(SceneSound.waveform(for: SceneGenerator.orangeCatInTheSun) == SceneSound.waveform(for: SceneGenerator.orangeCatInTheSun))
    }
}
