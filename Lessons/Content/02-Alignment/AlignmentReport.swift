// What lesson 02's measuring steps print and record: the cat-and-dog example in both languages (steps 4
// and 6), retrieval recall and zero-shot accuracy with English and Chinese text and their chance levels
// (step 7), caption → caption retrieval across languages (step 8), and which test pairs the similarity
// heatmaps show. Every number printed here is computed from the model of this run.

import Foundation
import Multimodal
import Walkthrough

/// What lesson 02 prints about its measurements.
public enum AlignmentReport {
    /// Eight test pairs, one per object kind first: which test samples the heatmap shows.
    public static func heatmapIndices(_ data: AlignmentData, count: Int = 8) -> [Int] {
        var chosen: [Int] = []
        for kind in ObjectKind.allCases {
            if let i = data.test.samples.firstIndex(where: { $0.scene.objects[0].kind == kind }) { chosen.append(i) }
        }
        if let i = data.test.samples.firstIndex(where: { data.heldOut.contains($0.scene.objects[0].combination) }),
           !chosen.contains(i) { chosen.append(i) }
        for i in data.test.samples.indices where chosen.count < count && !chosen.contains(i) { chosen.append(i) }
        return Array(chosen.prefix(count))
    }

    /// The article's cat-and-dog example and a block's matched and mismatched means, for captions in
    /// `language`, printed and recorded (`cat_vs_a_cat_after`, `…_zh` for the Chinese texts).
    static func show(cat: Float, dog: Float, _ block: SimilarityBlock, _ language: Multimodal.Language,
                     when: AlignmentFigures.Moment, _ run: Run) {
        typealias Say = Alignment.Say
        let words = AlignmentPrompts.catAndDog(language)
        let (key, moment) = (Say.key(language), when.rawValue)
        run.say(Say.catAndDog, words.cat, cat, words.dog, dog, cat - dog)
        if when == .after { run.say(cat - dog > 0.1 ? Say.catIsCloser : Say.notYet, words.cat, words.dog) }
        run.say(Say.matched, run.text(Say.name(language)), block.matched, block.mismatched)
        run.metric("cat_vs_a_cat_\(moment)\(key)", cat)
        run.metric("cat_vs_a_dog_\(moment)\(key)", dog)
        run.metric("matched_minus_mismatched_\(moment)\(key)", block.matched - block.mismatched)
    }

    /// Recall@1 and @5 in both directions for the captions of each language (English first), with chance
    /// levels, as a table and metrics (`recall_t2i_at1`, and `recall_t2i_at1_zh` for Chinese captions).
    public static func show(_ recalls: [AlignmentMeasures.Retrieval], _ run: Run) {
        typealias Say = Alignment.Say
        let f = { (v: Double) in String(format: "%.3f", v) }
        let languages = Multimodal.Language.allCases
        let pools = recalls.first?.pools ?? 0, pool = pools > 0 ? 100 : 0
        run.say(Say.retrievalPool, pool, pools, pools * pool)
        var rows: [[String]] = []
        for (direction, textFirst) in [(Say.textToPicture, true), (Say.pictureToText, false)] {
            for (language, r) in zip(languages, recalls) {
                let values = textFirst
                    ? [r.textToImageAt1, r.chanceTextToImageAt1, r.textToImageAt5, r.chanceTextToImageAt5]
                    : [r.imageToTextAt1, r.chanceImageToTextAt1, r.imageToTextAt5, r.chanceImageToTextAt5]
                rows.append([run.text(direction), run.text(Say.name(language))] + values.map(f))
            }
        }
        run.table(Say.retrievalColumns, rows)
        for (language, r) in zip(languages, recalls) {
            let key = Say.key(language)
            run.metric("recall_t2i_at1" + key, r.textToImageAt1)
            run.metric("recall_t2i_at5" + key, r.textToImageAt5)
            run.metric("recall_i2t_at1" + key, r.imageToTextAt1)
            run.metric("recall_i2t_at5" + key, r.imageToTextAt5)
            run.metric("chance_t2i_at1" + key, r.chanceTextToImageAt1)
            run.metric("chance_i2t_at1" + key, r.chanceImageToTextAt1)
        }
        run.metric("retrieval_test_pairs", pools * pool)
    }

    /// Zero-shot accuracy of the animal guesses (on the animal pictures) and the colour guesses (on all
    /// pictures) with the prompts of each language (English first), overall and on the held-out
    /// combinations, and what each held-out combination was called. `animals[i]` indexes
    /// `ObjectKind.animals`, `colours[i]` indexes `ToyColor.allCases`.
    public static func show(zeroShot guesses: [(animals: [Int], colours: [Int])], _ data: AlignmentData, _ run: Run) {
        typealias Say = Alignment.Say
        let samples = data.test.samples
        let object = { (i: Int) in samples[i].scene.objects[0] }
        let animalPictures = samples.indices.filter { object($0).kind.isAnimal }
        let isHeld = { (i: Int) in data.heldOut.contains(object(i).combination) }
        let share = { (right: [Bool]) -> (Double, Int) in (Double(right.filter { $0 }.count) / Double(max(1, right.count)), right.count) }
        let cell = { (v: (Double, Int)) in String(format: "%.3f (%d)", v.0, v.1) }
        let counts = { (names: [String]) in
            Dictionary(grouping: names, by: { $0 }).map { "\($0.key) \($0.value.count)" }.sorted().joined(separator: ", ")
        }
        var (rows, heldRows): ([[String]], [[String]]) = ([], [])
        for (language, guess) in zip(Multimodal.Language.allCases, guesses) {
            let animalRight = Dictionary(uniqueKeysWithValues: animalPictures.map {
                ($0, ObjectKind.animals[guess.animals[$0]] == object($0).kind)
            })
            let colourRight = samples.indices.map { ToyColor.allCases[guess.colours[$0]] == object($0).color }
            let animalAll = share(animalPictures.map { animalRight[$0]! })
            let animalHeld = share(animalPictures.filter(isHeld).map { animalRight[$0]! })
            let colourAll = share(colourRight), colourHeld = share(samples.indices.filter(isHeld).map { colourRight[$0] })
            let colourPrompt = language == .english ? "a photo of an orange {kind} ×7" : "一张橘色{kind}的照片 ×7"
            rows.append([run.text(Say.animal), AlignmentPrompts.animal(.cat, in: language), cell(animalAll),
                         cell(animalHeld), "0.250"])
            rows.append([run.text(Say.colour), colourPrompt, cell(colourAll), cell(colourHeld), "0.125"])
            for combination in data.heldOut {
                let members = samples.indices.filter { object($0).combination == combination }
                let animalNames = members.map { ObjectKind.animals[guess.animals[$0]] }.map { run.text(L($0.english, $0.chinese)) }
                let colourNames = members.map { ToyColor.allCases[guess.colours[$0]] }.map { run.text(L($0.english, $0.chinese)) }
                heldRows.append([combination.name(run), run.text(Say.name(language)), "\(members.count)",
                                 "\(members.filter { animalRight[$0] == true }.count)",
                                 "\(members.filter { colourRight[$0] }.count)", counts(animalNames), counts(colourNames)])
            }
            let key = Say.key(language)
            run.metric("zeroshot_animal" + key, animalAll.0)
            run.metric("zeroshot_animal_heldout" + key, animalHeld.0)
            run.metric("zeroshot_colour" + key, colourAll.0)
            run.metric("zeroshot_colour_heldout" + key, colourHeld.0)
        }
        run.table(Say.zeroShotColumns, rows)
        run.table(Say.heldOutColumns, heldRows)
    }

    /// Step 8's table: caption → caption recall@1 across languages before and after training, with chance,
    /// and a sentence on what it means; recorded as `recall_en2zh_at1`, `chance_en2zh_at1`, ….
    static func show(crossLingual after: CrossLingualRecall, before: CrossLingualRecall, _ run: Run) {
        typealias Say = Alignment.Say
        let f = { (v: Double) in String(format: "%.3f", v) }
        run.say(Say.crossLingual, 100)
        run.table(Say.crossColumns, [
            [run.text(Say.englishToChinese), f(before.englishToChinese.recall), f(after.englishToChinese.recall),
             f(after.englishToChinese.chance)],
            [run.text(Say.chineseToEnglish), f(before.chineseToEnglish.recall), f(after.chineseToEnglish.recall),
             f(after.chineseToEnglish.chance)],
        ])
        let (recall, chance) = after.englishToChinese
        let times = recall / max(chance, 1e-9)
        run.say(times > 5 ? Say.translated : Say.notTranslated, 100 * recall, times)
        run.metric("recall_en2zh_at1", recall)
        run.metric("chance_en2zh_at1", chance)
        run.metric("recall_zh2en_at1", after.chineseToEnglish.recall)
        run.metric("chance_zh2en_at1", after.chineseToEnglish.chance)
        run.metric("recall_en2zh_at1_before", before.englishToChinese.recall)
    }

    /// For each English test caption at `rows`, the Chinese test caption nearest to it (`nearest[k]`, an
    /// index into the test set), the cosine from `s` [rows][test], and whether the two say the same thing.
    static func show(nearest: [Int], of rows: [Int], _ s: [[Float]], _ data: AlignmentData, _ run: Run) {
        typealias Say = Alignment.Say
        let (english, chinese) = (data.testCaptions(.english), data.testCaptions(.chinese))
        run.say(Say.nearestAmong, chinese.count)
        run.table(Say.nearestColumns, zip(rows, nearest).enumerated().map { k, pair in
            let (query, found) = pair
            let same = CaptionStatement(english[query]) == CaptionStatement(chinese[found])
            return [english[query], chinese[found], String(format: "%+.3f", s[k][found]), same ? "✓" : "✗"]
        })
    }
}

/// Caption → caption recall@1 and its chance level, English → Chinese and Chinese → English.
typealias CrossLingualRecall = (englishToChinese: (recall: Double, chance: Double),
                                chineseToEnglish: (recall: Double, chance: Double))

extension Alignment {
    /// Rows of the toy beside real CLIPs: the toy's sizes are this run's (pairs, batch, steps, the two
    /// encoders, the shared space, the temperature it learned); the real side is from the papers (CLIP,
    /// Radford et al. 2021: 400 M pairs, batch 32,768, 32 epochs, ViT-L/14 at 336 px its best image
    /// tower; Chinese-CLIP, Yang et al. 2022; M-CLIP, Carlsson et al. 2022).
    ///
    ///     run.table(Say.realColumns, lesson.toyBesideReal())
    ///     // pairs | 3000 generated pictures, one caption each (1489 in Chinese) | CLIP: 400 M …
    func toyBesideReal() -> [[String]] {
        let t = { (en: String, zh: String) in self.run.text(L(en, zh)) }
        let (image, text, model) = (configuration.image, configuration.text, trained)
        let (pairs, chinese) = (data.train.count, data.trainCount(.chinese))
        let (side, p) = (image.imageSize, image.patchSize)
        let imageParameters = model.image.parameterCount + model.imageProjection.parameterCount
        let textParameters = model.text.parameterCount + model.textProjection.parameterCount
        let start = String(format: "%g", configuration.initialTemperature)
        let tau = String(format: "%.4f", model.temperature)
        let cap = String(format: "%g", recipe.maxLogScale)   // the logit scale 1/τ stays at or below it
        return [
            [t("pairs", "配对"),
             t("\(pairs) generated pictures, one caption each (\(chinese) in Chinese)",
               "\(pairs) 张生成的图，每张一句描述（其中 \(chinese) 句中文）"),
             t("CLIP: 400 M image–text pairs from the web, in English; Chinese-CLIP: about 200 M Chinese pairs",
               "CLIP：从网上收集的 4 亿个英文图文配对；Chinese-CLIP：约 2 亿个中文配对")],
            [t("training", "训练"),
             t("batch \(recipe.batchSize), \(recipe.steps) steps", "批量 \(recipe.batchSize)，\(recipe.steps) 步"),
             t("CLIP: batch 32,768, 32 epochs", "CLIP：批量 32,768，32 轮")],
            [t("image tower", "图像塔"),
             t("ViT: \(side)×\(side) → \(image.patchCount) patches of \(p)×\(p); depth \(image.depth), width "
               + "\(image.width), \(imageParameters) parameters",
               "ViT：\(side)×\(side) → \(image.patchCount) 个 \(p)×\(p) 的图块；\(image.depth) 层，宽 \(image.width)，"
               + "\(imageParameters) 个参数"),
             t("CLIP ViT-L/14 at 336 px: (336 / 14)² = 576 patches; depth 24, width 1,024, about 0.3 B parameters",
               "CLIP ViT-L/14，336 像素：(336 / 14)² = 576 个图块；24 层，宽 1,024，约 3 亿参数")],
            [t("text tower", "文本塔"),
             t("\(text.vocabularySize) rows for both languages' words, \(text.length) tokens; depth \(text.depth), "
               + "width \(text.width), \(textParameters) parameters",
               "两种语言的词共用 \(text.vocabularySize) 行词表，\(text.length) 个词元；\(text.depth) 层，宽 \(text.width)，"
               + "\(textParameters) 个参数"),
             t("CLIP: a 12-block transformer over 49,408 byte-level BPE tokens, 77 per caption",
               "CLIP：12 层 transformer，49,408 个字节级 BPE 词元，每句描述 77 个")],
            [t("shared space", "共享空间"),
             t("\(configuration.embeddingWidth) values; τ learned from \(start) to \(tau), at least 1/\(cap)",
               "\(configuration.embeddingWidth) 维；τ 从 \(start) 学到 \(tau)，不小于 1/\(cap)"),
             t("768 values (ViT-L/14); τ learned from 0.07, at least 1/100",
               "768 维（ViT-L/14）；τ 从 0.07 开始学习，不小于 1/100")],
            [t("two languages", "两种语言"),
             t("one text tower for English and Chinese; the languages meet only through pictures",
               "英文和中文共用一个文本塔；两种语言只通过图相遇"),
             t("Chinese-CLIP: a Chinese text tower meets CLIP's image tower, frozen at first; M-CLIP: a "
               + "multilingual text tower taught from translated sentence pairs, no pictures",
               "Chinese-CLIP：中文文本塔先对着冻结的 CLIP 图像塔学习；M-CLIP：多语言文本塔从翻译的句子配对学习，"
               + "不看图")],
        ]
    }
}
