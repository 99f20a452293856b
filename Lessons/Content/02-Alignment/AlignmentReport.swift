// The tables of lesson 02's last step: retrieval recall and zero-shot accuracy with their chance
// levels, and which test pairs the similarity heatmaps show. Every number printed here is computed
// from the model of this run.

import Foundation
import Multimodal
import Walkthrough

/// What lesson 02 prints about retrieval and zero-shot labels.
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

    /// Recall@1 and @5 in both directions, with chance levels, as a table and metrics.
    public static func show(_ r: AlignmentMeasures.Retrieval, _ run: Run) {
        let f = { (v: Double) in String(format: "%.3f", v) }
        let pool = r.pools > 0 ? 100 : 0
        run.say(L("retrieval among %d candidates, %d pools (%d test pairs):", "在 %d 个候选中检索，共 %d 组（%d 个测试配对）："),
                pool, r.pools, r.pools * pool)
        run.table([L("direction", "方向"), "R@1", L("chance", "随机"), "R@5", L("chance", "随机")],
                  [[run.text(L("text → picture", "文 → 图")), f(r.textToImageAt1), f(r.chanceTextToImageAt1),
                    f(r.textToImageAt5), f(r.chanceTextToImageAt5)],
                   [run.text(L("picture → text", "图 → 文")), f(r.imageToTextAt1), f(r.chanceImageToTextAt1),
                    f(r.imageToTextAt5), f(r.chanceImageToTextAt5)]])
        run.metric("recall_t2i_at1", r.textToImageAt1)
        run.metric("recall_t2i_at5", r.textToImageAt5)
        run.metric("recall_i2t_at1", r.imageToTextAt1)
        run.metric("recall_i2t_at5", r.imageToTextAt5)
        run.metric("chance_t2i_at1", r.chanceTextToImageAt1)
        run.metric("chance_i2t_at1", r.chanceImageToTextAt1)
        run.metric("retrieval_test_pairs", r.pools * pool)
    }

    /// Zero-shot accuracy of the animal guesses (on the animal pictures) and the colour guesses (on all
    /// pictures), overall and on the held-out combinations, and what each held-out combination was called.
    /// `animals[i]` indexes `ObjectKind.animals`, `colours[i]` indexes `ToyColor.allCases`.
    public static func show(animals: [Int], colours: [Int], _ data: AlignmentData, _ run: Run) {
        let samples = data.test.samples
        let object = { (i: Int) in samples[i].scene.objects[0] }
        let animalPictures = samples.indices.filter { object($0).kind.isAnimal }
        let animalRight = Dictionary(uniqueKeysWithValues: animalPictures.map { ($0, ObjectKind.animals[animals[$0]] == object($0).kind) })
        let colourRight = samples.indices.map { ToyColor.allCases[colours[$0]] == object($0).color }
        let isHeld = { (i: Int) in data.heldOut.contains(object(i).combination) }
        let share = { (right: [Bool]) -> (Double, Int) in (Double(right.filter { $0 }.count) / Double(max(1, right.count)), right.count) }
        let animalAll = share(animalPictures.map { animalRight[$0]! })
        let animalHeld = share(animalPictures.filter(isHeld).map { animalRight[$0]! })
        let colourAll = share(colourRight), colourHeld = share(samples.indices.filter(isHeld).map { colourRight[$0] })
        let cell = { (v: (Double, Int)) in String(format: "%.3f (%d)", v.0, v.1) }
        run.table([L("label", "标签"), L("prompt", "提示语"), L("accuracy (pictures)", "准确率（图数）"),
                   L("held-out combos", "留出组合"), L("chance", "随机")],
                  [[run.text(L("animal", "动物")), AlignmentPrompts.animal(.cat), cell(animalAll), cell(animalHeld), "0.250"],
                   [run.text(L("colour", "颜色")), "a photo of an orange {kind} ×7", cell(colourAll), cell(colourHeld), "0.125"]])
        let counts = { (names: [String]) in
            Dictionary(grouping: names, by: { $0 }).map { "\($0.key) \($0.value.count)" }.sorted().joined(separator: ", ")
        }
        run.table([L("held-out combination", "留出组合"), L("pictures", "图数"), L("animal right", "动物判对"),
                   L("colour right", "颜色判对"), L("animal answers", "动物判成"), L("colour answers", "颜色判成")],
                  data.heldOut.map { combination in
                      let members = samples.indices.filter { object($0).combination == combination }
                      let animalNames = members.map { ObjectKind.animals[animals[$0]] }.map { run.text(L($0.english, $0.chinese)) }
                      let colourNames = members.map { ToyColor.allCases[colours[$0]] }.map { run.text(L($0.english, $0.chinese)) }
                      return [combination.name(run), "\(members.count)",
                              "\(members.filter { animalRight[$0] == true }.count)",
                              "\(members.filter { colourRight[$0] }.count)", counts(animalNames), counts(colourNames)]
                  })
        run.metric("zeroshot_animal", animalAll.0)
        run.metric("zeroshot_animal_heldout", animalHeld.0)
        run.metric("zeroshot_colour", colourAll.0)
        run.metric("zeroshot_colour_heldout", colourHeld.0)
    }
}
