// A tiny but real lesson on the runner, as the lessons are written: fit a line y = a·x + b to noisy
// points by gradient descent. It shows the pattern every lesson follows — state in a class with lazy
// members, a checkpointed model, a table, a figure and metrics.

import ArgumentParser
import Foundation
import TeachingEngine
import Walkthrough

final class LineFit: Lesson {
    static let number = 0
    static let slug = "line-fit"
    static let title = L("Fitting a line", "拟合一条直线")
    static let summary = L("Twenty noisy points on y = 2x + 1, and gradient descent finds the line again.",
                           "二十个带噪声的点落在 y = 2x + 1 附近，梯度下降把这条线找回来。")
    static let tryThis = [
        TryThis(change: L("--noise 1", "--noise 1"),
                expect: L("the fitted slope drifts further from 2", "拟合出的斜率离 2 更远")),
        TryThis(change: L("--lr 0.5", "--lr 0.5"),
                expect: L("training diverges: the loss grows with every step until it overflows, and the run stops "
                          + "naming the step, the last finite loss and a smaller rate to try",
                          "训练发散：损失一步比一步大，直到溢出；程序停下，说出是第几步、上一个有限损失，以及该试的更小学习率")),
    ]
    static let keyMetrics = ["slope", "mse"]

    struct Knobs: LessonKnobs {
        @Option(help: "Standard deviation of the noise added to y.") var noise = 0.1
        @Option(help: "Learning rate of gradient descent.") var lr = 0.01
        @Option(help: "Gradient-descent steps.") var epochs = 200
        init() {}
        func validate() throws {
            try Knob.nonNegative(noise, "--noise")
            try Knob.positive(lr, "--lr")
            try Knob.positive(epochs, "--epochs")
        }
        var settings: [String: String] { ["noise": "\(noise)", "lr": "\(lr)", "epochs": "\(epochs)"] }
    }

    let run: Run
    let knobs: Knobs
    init(run: Run, knobs: Knobs) {
        self.run = run
        self.knobs = knobs
    }

    /// Twenty points x = 0, 0.5, …, 9.5 with y = 2x + 1 + noise.
    lazy var points: [(x: Float, y: Float)] = {
        var rng = run.rng(1)
        let count = run.quick ? 10 : 20
        return (0..<count).map { i in
            let x = Float(i) / 2
            return (x, 2 * x + 1 + Float(knobs.noise) * rng.nextNormal())
        }
    }()

    /// The fitted slope and intercept, trained once per settings and seed, then loaded from --out.
    lazy var line: (a: Float, b: Float) = {
        let tensors = run.checkpoint("line", settings: knobs.settings) {
            var (a, b): (Float, Float) = (0, 0)
            let progress = run.training(steps: knobs.epochs, lr: knobs.lr)
            for step in 1...knobs.epochs {
                let residuals = points.map { a * $0.x + b - $0.y }
                let loss = residuals.map { $0 * $0 }.reduce(0, +) / Float(points.count)
                try progress.update(step: step, loss: loss)
                let gradA = 2 * zip(residuals, points).map { $0 * $1.x }.reduce(0, +) / Float(points.count)
                let gradB = 2 * residuals.reduce(0, +) / Float(points.count)
                a -= Float(knobs.lr) * gradA
                b -= Float(knobs.lr) * gradB
            }
            progress.finish()
            return ["a": Tensor(shape: [], scalars: [a]), "b": Tensor(shape: [], scalars: [b])]
        }
        return (tensors["a"]!.scalars[0], tensors["b"]!.scalars[0])
    }()

    static let steps: [Step<LineFit>] = [
        Step(L("The points", "数据点"), L("Each point is (x, y) with y = 2x + 1 plus noise.",
                                        "每个点是 (x, y)，其中 y = 2x + 1 再加上噪声。")) { lesson, run in
            run.print("\(lesson.points.count) points")
            run.table(["x", run.text(L("y (measured)", "y（测量值）"))],
                      lesson.points.prefix(3).map { [String(format: "%.1f", $0.x), String(format: "%.3f", $0.y)] })
        },
        Step(L("Fit by gradient descent", "梯度下降拟合"),
             L("Start from a = b = 0 and step against the gradient of the mean squared error.",
               "从 a = b = 0 出发，沿均方误差梯度的反方向走。")) { lesson, run in
            let (a, b) = lesson.line
            run.print(String(format: "y = %.3f·x + %.3f", a, b))
            run.metric("slope", a)
            run.metric("intercept", b)
        },
        Step(L("Draw the fit", "画出拟合"), L("Each column is an x; dark pixels are the points, grey the line.",
                                          "每一列是一个 x；黑点是数据，灰线是拟合的直线。")) { lesson, run in
            let (a, b) = lesson.line
            var pixels = [UInt8](repeating: 255, count: 24 * 24)   // [24, 24] grayscale
            for column in 0..<24 {
                let y = a * Float(column) / 2.4 + b                    // the line at this column's x
                let row = 23 - min(23, max(0, Int(y)))
                pixels[row * 24 + column] = 160
            }
            for p in lesson.points {
                let row = 23 - min(23, max(0, Int(p.y))), column = min(23, Int(p.x * 2.4))
                pixels[row * 24 + column] = 0
            }
            try run.figure("fit", png: tinyPNG(width: 24, height: 24, gray: pixels))
        },
        Step(L("How far off", "误差有多大"), L("The mean squared error of the fitted line on the points.",
                                            "拟合直线在这些点上的均方误差。")) { lesson, run in
            let (a, b) = lesson.line
            let mse = lesson.points.map { (a * $0.x + b - $0.y) * (a * $0.x + b - $0.y) }.reduce(0, +)
                / Float(lesson.points.count)
            run.print(String(format: "mean squared error: %.4f", mse))
            run.metric("mse", mse)
        },
    ]
}
