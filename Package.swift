// swift-tools-version:6.0
// AlignFuse — multimodal alignment and fusion, taught by running them.
// The map of these targets is Docs/architecture.md.
import Foundation
import PackageDescription

/// The numeric modules are compiled optimised (`-O`) even in debug builds and tests: the
/// worked-example tests train real (tiny) models, and a debug-built engine is many times slower.
/// On an x86-64 processor with AVX2 and FMA (this project's machines), the engine's gemm kernel uses
/// fused multiply-adds: about 3× the matmul speed and half the time per training step
/// (Docs/performance.md). Elsewhere it falls back to a separate multiply and add, with the same code.
let hostHasFMA: Bool = {
    #if arch(x86_64) && os(Linux)
    guard let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return false }
    let flags = Set(cpu.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init))
    return flags.contains("avx2") && flags.contains("fma")
    #else
    return false
    #endif
}()
let numericSettings: [SwiftSetting] = hostHasFMA
    ? [.unsafeFlags(["-O", "-target-cpu", "haswell"]), .define("FUSED_MULTIPLY_ADD")]
    : [.unsafeFlags(["-O"])]

/// The exercises' own targets are written in the Swift 6 language mode.
let exerciseSettings: [SwiftSetting] = [.swiftLanguageMode(.v6)]

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
        .executable(name: "tour", targets: ["tour"]),
        .executable(name: "exercises", targets: ["exercises"]),
        .executable(name: "figures-gallery", targets: ["figures-gallery"]),
        .executable(name: "benchmark", targets: ["benchmark"]),
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
        .target(name: "Figures", dependencies: ["CGD"]),
        .target(name: "TeachingEngine", swiftSettings: numericSettings),
        .target(name: "Multimodal", dependencies: ["TeachingEngine", "Figures"],
                swiftSettings: numericSettings),
        .target(name: "Walkthrough", dependencies: [
            "Figures", "TeachingEngine",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // The lessons: their steps live in one library so that each lesson's executable and the tour
        // run the same code; each main.swift is a few lines.
        .target(name: "Lessons", dependencies: ["Walkthrough", "Multimodal", "Figures", "TeachingEngine"],
                path: "Lessons/Content", resources: [.copy("07-OneSpace/Data")]),
        .executableTarget(name: "lesson01", dependencies: ["Lessons"], path: "Lessons/01-Heterogeneity"),
        .executableTarget(name: "lesson02", dependencies: ["Lessons"], path: "Lessons/02-Alignment"),
        .executableTarget(name: "lesson03", dependencies: ["Lessons"], path: "Lessons/03-Fusion"),
        .executableTarget(name: "lesson04", dependencies: ["Lessons"], path: "Lessons/04-Tokens"),
        .executableTarget(name: "lesson05", dependencies: ["Lessons"], path: "Lessons/05-VQA"),
        .executableTarget(name: "tour", dependencies: ["Lessons"], path: "Lessons/Tour"),

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

        .executableTarget(name: "figures-gallery", dependencies: ["Figures"], path: "Tools/Gallery"),
        .executableTarget(name: "benchmark", dependencies: ["TeachingEngine", "Multimodal", "Figures"],
                          path: "Tools/Benchmark",
                          exclude: ["numpy_matmul.py", "reference_plot.py", "torch_reference.py", "compare.sh"],
                          swiftSettings: numericSettings),

        .testTarget(name: "FiguresTests", dependencies: ["Figures"], resources: [.copy("Reference")]),
        .testTarget(name: "TeachingEngineTests", dependencies: ["TeachingEngine"]),
        .testTarget(name: "MultimodalTests", dependencies: ["Multimodal", "TeachingEngine", "Figures"],
                    resources: [.copy("Reference")]),
        .testTarget(name: "WalkthroughTests", dependencies: ["Walkthrough"]),
        .testTarget(name: "LessonTests", dependencies: ["Lessons", "Multimodal", "TeachingEngine", "Walkthrough"]),
        .testTarget(name: "ExerciseTests", dependencies: ["ExerciseChecks", "ExerciseKit", "ExerciseStarters",
                                                          "ExerciseSolutions", "TeachingEngine"],
                    swiftSettings: exerciseSettings),
    ],
    swiftLanguageModes: [.v5]
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
