// swift-tools-version:6.0
// AlignFuse — multimodal alignment and fusion, taught by running them.
// The map of these targets is Docs/architecture.md.
//
// No build flags: the same manifest builds on every machine, and another package can depend on the
// TeachingEngine and Figures products by version. Speed comes from `-c release` (what `run.sh`, the
// lessons and the benchmark use) and from the engine's C kernels in Sources/MatmulFMA, which it picks
// at run time when the processor has AVX2/FMA or AVX-512 (Docs/architecture.md, "Build"): matmul's
// tiles (MatmulFMA.c, MatmulAVX512.c, SmallGemmFMA.c, GemmPackAVX2.c), GELU (GeluAVX2.c,
// GeluAVX512.c), LayerNorm (LayerNormAVX2.c), sums down columns (ColumnSumsAVX512.c), softmax rows
// and their backward (SoftmaxFMA.c), AdamW (AdamWFMA.c), and the helper threads that share a step
// between the cores (WorkerPool.c).
import Foundation
import PackageDescription

/// Every module compiles in the Swift 6 language mode (complete data-race checking): the package
/// default at the end of the package, stated again for the library modules.
let swift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]
/// The exercises' own targets are written in the Swift 6 language mode.
let exerciseSettings: [SwiftSetting] = [.swiftLanguageMode(.v6)]

/// Each lesson's words, one Markdown file per language beside its code (Walkthrough's `Narration`).
let lessonNarration = [
    "01-Heterogeneity/01-heterogeneity", "02-Alignment/02-alignment", "03-Fusion/03-fusion",
    "04-Tokens/04-tokens", "05-VQA/05-vqa", "06-AlignThenFuse/06-align-then-fuse",
    "07-OneSpace/07-one-space",
].flatMap { ["\($0).en.md", "\($0).zh.md"] }

let package = Package(
    name: "AlignFuse",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "TeachingEngine", targets: ["TeachingEngine"]),
        .library(name: "Figures", targets: ["Figures"]),
        .library(name: "Multimodal", targets: ["Multimodal"]),
        .library(name: "Walkthrough", targets: ["Walkthrough"]),
        .executable(name: "lesson01", targets: ["lesson01"]),
        .executable(name: "lesson02", targets: ["lesson02"]),
        .executable(name: "lesson03", targets: ["lesson03"]),
        .executable(name: "lesson04", targets: ["lesson04"]),
        .executable(name: "lesson05", targets: ["lesson05"]),
        .executable(name: "lesson06", targets: ["lesson06"]),
        .executable(name: "lesson07", targets: ["lesson07"]),
        .executable(name: "tour", targets: ["tour"]),
        .executable(name: "figures-gallery", targets: ["figures-gallery"]),
        .executable(name: "benchmark", targets: ["benchmark"]),
        .executable(name: "exercises", targets: ["exercises"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // libgd behind one door: only Figures imports it.
        .systemLibrary(
            name: "CGD",
            path: "Sources/CGD",
            pkgConfig: "gdlib",
            providers: [.apt(["libgd-dev"])]
        ),
        // Helpers every module shares (FNV-1a, JSON string literals, `require`): `package` API, no product.
        .target(name: "AlignFuseSupport", swiftSettings: swift6),
        // matmul's micro-kernels with fused multiply-adds, chosen at run time on x86-64 with AVX2 and FMA
        // (and a wider tile where AVX-512 runs), packing, GELU, LayerNorm, the bias add and softmax on AVX,
        // and the engine's helper threads.
        .target(name: "MatmulFMA"),

        .target(name: "Figures", dependencies: ["CGD"], swiftSettings: swift6),
        .target(name: "TeachingEngine", dependencies: ["AlignFuseSupport", "MatmulFMA"], swiftSettings: swift6),
        .target(name: "Multimodal", dependencies: ["AlignFuseSupport", "TeachingEngine", "Figures"],
                swiftSettings: swift6),
        .target(name: "Walkthrough", dependencies: [
            "AlignFuseSupport", "Figures", "TeachingEngine",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: swift6),

        // The lessons: their steps live in one library so that each lesson's executable and the tour
        // run the same code; each main.swift is a few lines.
        .target(name: "Lessons", dependencies: [
            "AlignFuseSupport", "Walkthrough", "Multimodal", "Figures", "TeachingEngine",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], path: "Lessons/Content",
           resources: [.copy("07-OneSpace/Data"), .copy("Photos")] + lessonNarration.map { .copy($0) },
           swiftSettings: swift6),
        .executableTarget(name: "lesson01", dependencies: ["Lessons"], path: "Lessons/01-Heterogeneity"),
        .executableTarget(name: "lesson02", dependencies: ["Lessons"], path: "Lessons/02-Alignment"),
        .executableTarget(name: "lesson03", dependencies: ["Lessons"], path: "Lessons/03-Fusion"),
        .executableTarget(name: "lesson04", dependencies: ["Lessons"], path: "Lessons/04-Tokens"),
        .executableTarget(name: "lesson05", dependencies: ["Lessons"], path: "Lessons/05-VQA"),
        .executableTarget(name: "lesson06", dependencies: ["Lessons"], path: "Lessons/06-AlignThenFuse"),
        .executableTarget(name: "lesson07", dependencies: ["Lessons"], path: "Lessons/07-OneSpace"),
        .executableTarget(name: "tour", dependencies: ["Lessons", "Walkthrough"], path: "Lessons/Tour"),

        // The exercises (Docs/exercises.md): the learner writes ten central functions, the kit checks
        // them. Starters and Solutions are compiled here so the suite can check both; the `exercises`
        // command never links a learner's code (see the gated targets at the end of this file).
        .target(name: "ExerciseKit", path: "Lessons/Exercises/Kit", swiftSettings: exerciseSettings),
        .target(name: "ExerciseStarters", dependencies: ["ExerciseKit", "TeachingEngine"],
                path: "Lessons/Exercises/Starters", swiftSettings: exerciseSettings),
        .target(name: "ExerciseSolutions", dependencies: ["ExerciseKit", "TeachingEngine"],
                path: "Lessons/Exercises/Solutions", swiftSettings: exerciseSettings),
        .target(name: "ExerciseChecks", dependencies: ["ExerciseKit", "TeachingEngine", "Multimodal"],
                path: "Lessons/Exercises/Checks", swiftSettings: exerciseSettings),
        .executableTarget(name: "exercises", dependencies: ["ExerciseKit"], path: "Lessons/Exercises/Command",
                          swiftSettings: exerciseSettings),

        .executableTarget(name: "figures-gallery", dependencies: ["Figures"], path: "Tools/Gallery", swiftSettings: swift6),
        .executableTarget(name: "benchmark", dependencies: ["TeachingEngine", "Multimodal", "Figures"],
                          path: "Tools/Benchmark",
                          exclude: ["numpy_matmul.py", "reference_plot.py", "torch_reference.py", "compare.sh",
                                    "summarize.py", "pool_trace.py"],
                          swiftSettings: swift6),

        .testTarget(name: "FiguresTests", dependencies: ["Figures"], resources: [.copy("Reference")]),
        .testTarget(name: "TeachingEngineTests", dependencies: ["AlignFuseSupport", "TeachingEngine"]),
        .testTarget(name: "MultimodalTests", dependencies: ["Multimodal", "TeachingEngine", "Figures"],
                    resources: [.copy("Reference")]),
        .testTarget(name: "WalkthroughTests", dependencies: [
            "Walkthrough", "TeachingEngine", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "LessonTests", dependencies: ["Figures", "Lessons", "Multimodal", "TeachingEngine", "Walkthrough"]),
        .testTarget(name: "ExerciseTests", dependencies: ["ExerciseChecks", "ExerciseKit", "ExerciseStarters",
                                                          "ExerciseSolutions", "TeachingEngine"],
                    swiftSettings: exerciseSettings),
    ],
    swiftLanguageModes: [.v6]
)

// The learner's own exercise files (Lessons/Exercises/Mine, made from the starters by the `exercises`
// command) join the package only when that command builds them, with ALIGNFUSE_EXERCISES=mine: a
// half-written exercise then never stops a lesson, the tour or the test suite from building. The
// command compiles copies of them in .build/exercise-staging (a file that does not compile is
// replaced there by its starter, so the other exercises can still be checked).
if ProcessInfo.processInfo.environment["ALIGNFUSE_EXERCISES"] == "mine" {
    package.targets += [
        .target(name: "ExercisesMine", dependencies: ["ExerciseKit", "TeachingEngine"], path: ".build/exercise-staging",
                swiftSettings: exerciseSettings),
        .executableTarget(name: "exercise-checker", dependencies: ["ExercisesMine", "ExerciseChecks"],
                          path: "Lessons/Exercises/Checker", swiftSettings: exerciseSettings),
        .executableTarget(name: "exercise-lessons", dependencies: ["ExercisesMine", "Lessons", "Walkthrough"],
                          path: "Lessons/Exercises/LessonRunner"),
    ]
    package.products += [.executable(name: "exercise-checker", targets: ["exercise-checker"]),
                         .executable(name: "exercise-lessons", targets: ["exercise-lessons"])]
}
