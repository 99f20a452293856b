// Step 2 and step 3 of lesson 06: classifying lesson 02's test pictures by kind (7 classes) and colour
// (8) with no labels (the nearest prompt) and with a few labelled pictures per class: linear probes on
// the frozen embeddings of the aligned and the random encoder, a probe that starts from the prompts'
// classifier (Silva-Rodriguez et al. 2024, "A Closer Look at the Few-Shot Adaptation of Large
// Vision-Language Models", ZS-LP), and a small model trained from scratch on the same pictures.

import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

/// What a picture is labelled with.
public enum ProbeTask: String, CaseIterable, Sendable {
    case kind, colour

    public var classes: Int { self == .kind ? ObjectKind.allCases.count : ToyColor.allCases.count }

    /// The class of a one-object scene.
    public func label(_ sample: ToySample) -> Int {
        let object = sample.scene.objects[0]
        return self == .kind ? object.kind.rawValue : object.color.rawValue
    }

    /// The zero-shot prompts of each class: "a photo of a cat", or the colour's ensemble over the kinds.
    public var prompts: [[String]] {
        self == .kind ? ObjectKind.allCases.map { [AlignmentPrompts.animal($0)] } : ToyColor.allCases.map(AlignmentPrompts.colour)
    }
}

/// Accuracy against labelled pictures per class, one series per method.
public struct LabelCurve: Sendable {
    public let task: ProbeTask
    public let counts: [Int]
    public var plain: [Double] = []
    public var prompted: [Double] = []
    public var random: [Double] = []
    public var scratch: [Double] = []

    public init(task: ProbeTask, counts: [Int]) {
        self.task = task
        self.counts = counts
    }

    /// The four accuracies at `count` labels per class.
    public func at(_ count: Int) -> (plain: Double, prompted: Double, random: Double, scratch: Double)? {
        counts.firstIndex(of: count).map { (plain[$0], prompted[$0], random[$0], scratch[$0]) }
    }
}

extension AlignThenFuse {
    /// The small image model trained from scratch in step 3: width 32, one block (lesson 02's --quick tower).
    static let scratchConfiguration = ImageEncoderConfiguration(width: 32, depth: 1, headCount: 2, hiddenWidth: 64)

    /// The true class of each of lesson 02's test pictures.
    func testLabels(_ task: ProbeTask) -> [Int] { alignment.data.test.samples.map(task.label) }

    /// `k` training pictures of each class (indices into lesson 02's training pairs), drawn from the task's stream.
    func pick(_ k: Int, per task: ProbeTask) -> [Int] {
        var rng = run.rng(70 + UInt64(ProbeTask.allCases.firstIndex(of: task)!) * 100 + UInt64(k))
        let samples = alignment.data.train.samples
        return (0..<task.classes).flatMap { c -> [Int] in
            var members = samples.indices.filter { task.label(samples[$0]) == c }
            rng.shuffle(&members)
            return Array(members.prefix(k))
        }
    }

    /// The unit-length embeddings [n][32] of some training pictures under `model`.
    func embed(_ model: ContrastiveModel, _ indices: [Int]) -> [[Float]] {
        model.embedImages(Batches.pixels(indices.map { alignment.data.train.samples[$0].image }))
    }

    /// The zero-shot classifier as probe weights [32][C]: each class's prompt embedding divided by τ, so
    /// its logits are the cosines the zero-shot step compares, sharpened as in training.
    func promptWeights(_ task: ProbeTask) -> [[Float]] {
        let classes = AlignmentMeasures.classEmbeddings(task.prompts.map { alignedSpace.embed($0, data: alignment.data) })
        let scale = 1 / alignment.trained.temperature
        return (0..<classes[0].count).map { j in classes.map { $0[j] * scale } }
    }

    /// A small image model trained on the picked pictures alone, and its accuracy on the test pictures.
    func scratchAccuracy(_ task: ProbeTask, _ picked: [Int], _ labels: [Int], k: Int) -> Double {
        var rng = run.rng(80 + UInt64(k))
        let model = ImageClassifier(AlignThenFuse.scratchConfiguration, classes: task.classes, using: &rng)
        model.train(images: Batches.pixels(picked.map { alignment.data.train.samples[$0].image }), labels: labels,
                    steps: 100)
        let predicted = model.predict(testPixels)
        return Metrics.accuracy(predicted: predicted, actual: testLabels(task))
    }
}
