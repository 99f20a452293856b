// The printed numbers and figures of lesson 02's steps 4, 6 and 7: the article's cat-and-dog example,
// the similarity heatmap, the shared space in 2D, retrieval, zero-shot labels and the modality gap.
// Every number printed here is computed from the model of this run.

import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

/// What lesson 02 prints and draws about a space.
public enum AlignmentReport {
    /// The orange cat in the sun (the article's scene) against "a cat" and "a dog": (cat, dog) similarities.
    @discardableResult
    public static func catAndDog(_ space: AlignmentSpace, data: AlignmentData, when: String, run: Run) throws -> (Float, Float) {
        let picture = SceneRenderer.render(SceneGenerator.orangeCatInTheSun, size: 32)
        let image = space.model.embedImages(Batches.pixels([picture]))[0]
        let texts = space.embed(["a cat", "a dog"], data: data)
        let (cat, dog) = (cosineSimilarities([image], texts)[0][0], cosineSimilarities([image], texts)[0][1])
        run.print(String(format: run.text(L("orange cat picture ↔ \"a cat\": %+.3f   ↔ \"a dog\": %+.3f   (difference %+.3f)",
                                             "橘猫图 ↔ \"a cat\"：%+.3f   ↔ \"a dog\"：%+.3f   （差 %+.3f）")), cat, dog, cat - dog))
        if when == "after" {
            run.print(run.text(cat - dog > 0.1
                ? L("→ the picture is clearly closer to \"a cat\" than to \"a dog\".", "→ 这张图明显更靠近 \"a cat\" 而不是 \"a dog\"。")
                : L("→ not yet: the two texts score about the same (train longer, e.g. without --quick).",
                    "→ 还没有：两句话的得分差不多（多训练一会儿，例如去掉 --quick）。")))
        }
        run.metric("cat_vs_a_cat_\(when)", cat)
        run.metric("cat_vs_a_dog_\(when)", dog)
        return (cat, dog)
    }

    /// The line a --quick run prints under the model: which smaller setting it trains, so its numbers are
    /// not mistaken for the default run's.
    public static func quickSettingNote(parameters: Int, run: Run) -> String {
        let (width, depth) = (Alignment.quickConfiguration.image.width, Alignment.quickConfiguration.image.depth)
        return String(format: run.text(L("--quick setting: a smaller model (width \(width), \(depth) block, %1$d parameters) trained %2$d steps on %3$d pairs at learning rate %4$g, so alignment forms in seconds; the default run trains the full W-CLIP model for longer.",
                                  "--quick 设置：更小的模型（宽 \(width)，\(depth) 层，%1$d 个参数），在 %3$d 对样本上以学习率 %4$g 训练 %2$d 步，几秒内就能看到对齐；默认运行训练完整的 W-CLIP，训练也更久。")),
               parameters, Alignment.quickSteps, Alignment.quickPairs, Double(Alignment.quickLearningRate))
    }

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

    /// The similarity of 8 test images to their 8 captions, drawn and summarised as diagonal − off-diagonal.
    public static func heatmap(_ space: AlignmentSpace, data: AlignmentData, when: String, run: Run) throws {
        let picked = heatmapIndices(data)
        let values = cosineSimilarities(picked.map { space.images[$0] }, picked.map { space.texts[$0] })   // [8, 8]
        let n = picked.count
        let diagonal = (0..<n).map { values[$0][$0] }.reduce(0, +) / Float(n)
        let off = (values.joined().reduce(0, +) - diagonal * Float(n)) / Float(n * n - n)
        run.print(String(format: run.text(L("8 test pairs: mean similarity of matching pairs %+.3f, of mismatched pairs %+.3f",
                                             "8 对测试样本：配对的平均相似度 %+.3f，错配的 %+.3f")), diagonal, off))
        run.metric("matched_minus_mismatched_\(when)", diagonal - off)
        let labels = picked.map { i -> String in
            let o = data.test.samples[i].scene.objects[0]
            let sun = data.test.samples[i].scene.hasSun
            return run.text(L("\(o.size.english) \(o.color.english) \(o.kind.english)" + (sun ? " + sun" : ""),
                              o.size.chinese + o.color.chinese + o.kind.chinese + (sun ? " + 太阳" : "")))
        }
        let title = when == "before" ? L("Similarity before training", "训练前的相似度") : L("Similarity after training", "训练后的相似度")
        try run.figure("similarity-\(when)", png: AlignmentFigures.similarity(
            values, imageLabels: labels, textLabels: picked.map { data.test.samples[$0].caption.english },
            title: run.text(title), xLabel: run.text(L("caption", "描述")), yLabel: run.text(L("picture", "图"))))
    }

    /// PCA before | after, and t-SNE after, of 200 test pairs coloured by object kind.
    public static func spaces(before: AlignmentSpace, after: AlignmentSpace, data: AlignmentData, run: Run) throws {
        let n = min(run.quick ? 100 : 200, data.test.count)
        let classes = data.test.samples.prefix(n).map { $0.scene.objects[0].kind.rawValue }
        let names = ObjectKind.allCases.map { run.text(L($0.english, $0.chinese)) }
        let groups = [run.text(L("picture", "图")), run.text(L("caption", "描述"))]
        let points = { (space: AlignmentSpace) in Array(space.images.prefix(n)) + Array(space.texts.prefix(n)) }   // [2n][32]
        let pca = [before, after].map { space -> [[Float]] in PCA(points: points(space), components: 2).project(points(space)) }
        try run.figure("space-pca", png: AlignmentFigures.space(
            pca, panelTitles: [run.text(L("before training (PCA)", "训练前（PCA）")), run.text(L("after training (PCA)", "训练后（PCA）"))],
            classes: classes, classNames: names, groupNames: groups,
            title: run.text(L("The shared space: each line joins a picture to its caption", "共享空间：每条线连着一张图和它的描述"))))
        var options = TSNEOptions()
        options.seed = run.seed
        options.iterations = run.quick ? 250 : 750
        let tsne = TSNE.embed(points(after), options: options)
        try run.figure("space-tsne", png: AlignmentFigures.space(
            [tsne], panelTitles: [run.text(L("after training (t-SNE)", "训练后（t-SNE）"))], classes: classes, classNames: names,
            groupNames: groups, title: run.text(L("Pictures and captions gather by content", "图和描述按内容聚在一起"))))
    }

    /// Recall@1 and @5 in both directions among pools of 100 test pairs, with chance levels.
    public static func retrieval(_ space: AlignmentSpace, data: AlignmentData, run: Run) {
        let pool = min(100, data.test.count)
        let r = AlignmentMeasures.retrieval(images: space.images, texts: space.texts,
                                            captions: data.test.samples.map(\.caption.english),
                                            scenes: data.test.samples.map(\.scene), pool: pool)
        let f = { (v: Double) in String(format: "%.3f", v) }
        run.print(String(format: run.text(L("retrieval among %d candidates, %d pools (%d test pairs):", "在 %d 个候选中检索，共 %d 组（%d 对测试样本）：")),
                         pool, r.pools, r.pools * pool))
        run.table([run.text(L("direction", "方向")), "R@1", run.text(L("chance", "随机")), "R@5", run.text(L("chance", "随机"))],
                  [[run.text(L("text → picture", "文 → 图")), f(r.textToImageAt1), f(r.chanceTextToImageAt1), f(r.textToImageAt5), f(r.chanceTextToImageAt5)],
                   [run.text(L("picture → text", "图 → 文")), f(r.imageToTextAt1), f(r.chanceImageToTextAt1), f(r.imageToTextAt5), f(r.chanceImageToTextAt5)]])
        run.metric("recall_t2i_at1", r.textToImageAt1)
        run.metric("recall_t2i_at5", r.textToImageAt5)
        run.metric("recall_i2t_at1", r.imageToTextAt1)
        run.metric("recall_i2t_at5", r.imageToTextAt5)
        run.metric("chance_t2i_at1", r.chanceTextToImageAt1)
        run.metric("chance_i2t_at1", r.chanceImageToTextAt1)
        run.metric("retrieval_test_pairs", r.pools * pool)
    }

    /// Zero-shot animal (4 prompts) and colour (8 prompt ensembles) labels of the test pictures,
    /// overall and on the held-out combinations.
    public static func zeroShot(_ model: ContrastiveModel, space: AlignmentSpace, data: AlignmentData, run: Run) {
        let samples = data.test.samples
        let animalClasses = AlignmentMeasures.classEmbeddings(ObjectKind.animals.map { [space.embed([AlignmentPrompts.animal($0)], data: data)[0]] })
        let colourClasses = AlignmentMeasures.classEmbeddings(ToyColor.allCases.map { space.embed(AlignmentPrompts.colour($0), data: data) })
        let animals = samples.indices.filter { samples[$0].scene.objects[0].kind.isAnimal }
        let animalGuess = AlignmentMeasures.zeroShot(images: animals.map { space.images[$0] }, classes: animalClasses)
        let colourGuess = AlignmentMeasures.zeroShot(images: space.images, classes: colourClasses)
        let isHeld = { (i: Int) in data.heldOut.contains(samples[i].scene.objects[0].combination) }
        let animalRight = animals.indices.map { ObjectKind.animals[animalGuess[$0]] == samples[animals[$0]].scene.objects[0].kind }
        let colourRight = samples.indices.map { ToyColor.allCases[colourGuess[$0]] == samples[$0].scene.objects[0].color }
        let share = { (right: [Bool]) -> (Double, Int) in (Double(right.filter { $0 }.count) / Double(max(1, right.count)), right.count) }
        let animalAll = share(animalRight), animalHeld = share(animals.indices.filter { isHeld(animals[$0]) }.map { animalRight[$0] })
        let colourAll = share(colourRight), colourHeld = share(samples.indices.filter(isHeld).map { colourRight[$0] })
        let row = { (name: L, prompt: String, all: (Double, Int), held: (Double, Int), chance: Double) -> [String] in
            [run.text(name), prompt, String(format: "%.3f (%d)", all.0, all.1), String(format: "%.3f (%d)", held.0, held.1),
             String(format: "%.3f", chance)]
        }
        run.table([run.text(L("label", "标签")), run.text(L("prompt", "提示语")), run.text(L("accuracy (pictures)", "准确率（图数）")),
                   run.text(L("held-out combos", "留出组合")), run.text(L("chance", "随机"))],
                  [row(L("animal", "动物"), AlignmentPrompts.animal(.cat), animalAll, animalHeld, 1.0 / 4),
                   row(L("colour", "颜色"), "a photo of an orange {kind} ×7", colourAll, colourHeld, 1.0 / 8)])
        let animalOf = Dictionary(uniqueKeysWithValues: animals.enumerated().map { ($0.element, ObjectKind.animals[animalGuess[$0.offset]]) })
        run.table([run.text(L("held-out combination", "留出组合")), run.text(L("pictures", "图数")),
                   run.text(L("animal right", "动物判对")), run.text(L("colour right", "颜色判对")), run.text(L("animal answers", "动物判成")), run.text(L("colour answers", "颜色判成"))],
                  data.heldOut.map { combination in
                      let members = samples.indices.filter { samples[$0].scene.objects[0].combination == combination }
                      let answers = Dictionary(grouping: members.compactMap { animalOf[$0].map { run.text(L($0.english, $0.chinese)) } }, by: { $0 })
                          .map { "\($0.key) \($0.value.count)" }.sorted().joined(separator: ", ")
                      return [run.text(L(combination.description, combination.color.chinese + combination.kind.chinese)), "\(members.count)",
                              "\(members.filter { animalOf[$0] == combination.kind }.count)",
                              "\(members.filter { colourRight[$0] }.count)", answers,
                              Dictionary(grouping: members.map { ToyColor.allCases[colourGuess[$0]] }.map { run.text(L($0.english, $0.chinese)) }, by: { $0 })
                                  .map { "\($0.key) \($0.value.count)" }.sorted().joined(separator: ", ")]
                  })
        run.metric("zeroshot_animal", animalAll.0)
        run.metric("zeroshot_animal_heldout", animalHeld.0)
        run.metric("zeroshot_colour", colourAll.0)
        run.metric("zeroshot_colour_heldout", colourHeld.0)
    }

    /// The distance between the image and text centroids, before and after training.
    public static func gap(before: AlignmentSpace, after: AlignmentSpace, run: Run) {
        let b = AlignmentMeasures.modalityGap(images: before.images, texts: before.texts)
        let a = AlignmentMeasures.modalityGap(images: after.images, texts: after.texts)
        run.print(String(format: run.text(L("modality gap (distance between the centre of the pictures and the centre of the captions, unit vectors): %.3f before → %.3f after.",
                                             "模态间隙（单位向量下，图像中心与文本中心的距离）：训练前 %.3f → 训练后 %.3f。")), b, a))
        run.print(run.text(a < b
            ? L("Training pulled the two clouds towards each other, but a gap remains: pictures and captions are matched by direction, not placed on top of one another.",
                "训练把两团点拉近了，但间隙仍在：图和文靠方向对上，并没有叠在同一处。")
            : L("The two clouds did not move closer: matching works by direction alone, and each modality keeps its own region of the sphere.",
                "两团点并没有靠近：配对只靠方向，两种模态各自占着球面上的一块区域。")))
        run.metric("modality_gap_before", b)
        run.metric("modality_gap_after", a)
    }
}
