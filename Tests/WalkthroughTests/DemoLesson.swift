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
    static let narration = try! Narration(english: """
        # Fitting a line

        Twenty noisy points on $y = 2x + 1$, and gradient descent finds the line again.

        ## The points

        Each point is $(x, y)$ with $y = 2x + 1$ plus noise $\\varepsilon \\sim \\mathcal{N}(0, \\sigma^2)$.

        ## Fit by gradient descent

        Start from $a = b = 0$ and step against the gradient of the mean squared error:

        $$L = \\frac{1}{n} \\sum_{i=1}^{n} (a x_i + b - y_i)^2$$

        ## Draw the fit

        Each column is an $x$; dark pixels are the points, grey the line.

        ## How far off

        The mean squared error of the fitted line on the points.
        """, chinese: """
        # 拟合一条直线

        二十个带噪声的点落在 $y = 2x + 1$ 附近，梯度下降把这条线找回来。

        ## 数据点

        每个点是 $(x, y)$，其中 $y = 2x + 1$ 再加上噪声。

        ## 梯度下降拟合

        从 $a = b = 0$ 出发，沿均方误差梯度的反方向走：

        $$L = \\frac{1}{n} \\sum_{i=1}^{n} (a x_i + b - y_i)^2$$

        ## 画出拟合

        每一列是一个 $x$；黑点是数据，灰线是拟合的直线。

        ## 误差有多大

        拟合直线在这些点上的均方误差。
        """)
    static let tryThis = [
        TryThis(change: L("--noise 1", "--noise 1"),
                expect: L("the fitted slope drifts further from 2", "拟合出的斜率离 2 更远"),
                bands: [Band("mse", 0.49...1.231)], cheap: true),
        TryThis(change: L("--lr 0.5", "--lr 0.5"),
                expect: L("training diverges: the loss grows with every step until it overflows, and the run stops "
                          + "naming the step, the last finite loss and a smaller rate to try",
                          "训练发散：损失一步比一步大，直到溢出；程序停下，说出是第几步、上一个有限损失，以及该试的更小学习率")),
    ]
    static let keyMetrics = ["slope", "mse"]
    static let highlights = [
        Highlight(L("Gradient descent finds the slope {slope} (the points were drawn with 2).",
                    "梯度下降找到的斜率是 {slope}（数据点按 2 生成）。")),
        Highlight(L("Mean squared error on the points: {mse}.", "在数据点上的均方误差：{mse}。")),
    ]
    static let keyFigure: String? = "fit"

    struct Knobs: LessonKnobs {
        @Option(help: "Standard deviation of the noise added to y.") var noise = 0.1
        @Option(help: "Learning rate of gradient descent.") var lr = 0.01
        @Option(help: "Gradient-descent steps.") var epochs = 200
        @Option(help: "Another run's folder whose checkpoint may be reused.") var reuseFrom: String?
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

    /// The line y = a·x + b, starting at a = b = 0; step 2 trains it.
    lazy var line = Line()

    enum Say {
        static let points = L("%d points", "%d 个点")
        static let y = L("y (measured)", "y（测量值）")
        static let mse = L("mean squared error: %.4f", "均方误差：%.4f")
    }

    static let steps: [Step<LineFit>] = [
        Step { lesson, run in
            run.say(Say.points, lesson.points.count)
            run.table(["x", run.text(Say.y)],
                      lesson.points.prefix(3).map { [String(format: "%.1f", $0.x), String(format: "%.3f", $0.y)] })
        },
        Step(trains: true) { lesson, run in
            let (line, epochs) = (lesson.line, lesson.knobs.epochs)
            var optimizer = SGD(parameters: line.parameters, learningRate: Float(lesson.knobs.lr))
            let x = Tensor(shape: [lesson.points.count], scalars: lesson.points.map(\.x))
            let y = Tensor(shape: [lesson.points.count], scalars: lesson.points.map(\.y))
            let elsewhere = lesson.knobs.reuseFrom.map { [URL(fileURLWithPath: $0)] } ?? []
            _ = try run.train("line", line, settings: lesson.knobs.settings, steps: epochs, lr: lesson.knobs.lr,
                              lookingIn: elsewhere) { progress in
                for step in 1...epochs {
                    let loss = meanSquaredError(line(x), target: y)   // forward
                    optimizer.zeroGrad()
                    loss.backward()                            // backward
                    optimizer.step()                           // a ← a − lr·∂L/∂a, b likewise
                    try progress.update(step: step, loss: loss.item)
                }
            }
            run.print(String(format: "y = %.3f·x + %.3f", line.slope, line.intercept))
            run.metric("slope", line.slope)
            run.metric("intercept", line.intercept)
        },
        Step { lesson, run in
            let (a, b) = (lesson.line.slope, lesson.line.intercept)
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
        Step { lesson, run in
            let (a, b) = (lesson.line.slope, lesson.line.intercept)
            let mse = lesson.points.map { (a * $0.x + b - $0.y) * (a * $0.x + b - $0.y) }.reduce(0, +)
                / Float(lesson.points.count)
            run.say(Say.mse, mse)
            run.metric("mse", mse)
        },
    ]
}

/// y = a·x + b with trainable a and b.
final class Line: Module {
    let a = Variable(name: "a", value: Tensor(scalar: 0))
    let b = Variable(name: "b", value: Tensor(scalar: 0))
    var parameters: [Variable] { [a, b] }
    var slope: Float { a.value.scalars[0] }
    var intercept: Float { b.value.scalars[0] }

    /// a·x + b for every x [n] → [n].
    func callAsFunction(_ x: Tensor) -> Variable { Variable(x) * a + b }
}
