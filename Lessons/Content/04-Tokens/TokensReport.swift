// Lesson 04's tables and the sentences that depend on what the run measured: presentation, kept out
// of the steps so each step shows its computation.

import Foundation
import Multimodal
import Walkthrough

enum TokensReport {
    typealias Say = Tokens.Say

    // MARK: - Step 2

    /// The first `count` merges: number, the two pieces, the new piece and how often the pair occurred.
    static func firstMerges(_ bpe: BytePairEncoding, count: Int) -> [[String]] {
        bpe.merges.prefix(count).enumerated().map { i, merge in
            ["\(i + 1)", shown(merge.left), shown(merge.right), shown(merge.symbol), "\(merge.count)"]
        }
    }

    /// A piece as printed: the end-of-word mark as "_" ("cat</w>" → "cat_").
    static func shown(_ piece: String) -> String {
        piece.hasSuffix(BytePairEncoding.endOfWord) ? BytePairEncoding.plain(piece) + "_" : piece
    }

    /// One sentence cut three ways: one row per way, the tokens in brackets, and their count.
    static func cutRows(_ sentence: String, _ cuts: [[String]], _ run: Run) -> [[String]] {
        zip(Say.methodNames, cuts).map { name, tokens in
            [run.text(name), tokens.map { "[\($0)]" }.joined(), "\(tokens.count)"]
        }
    }

    /// Mean tokens per held-out caption, one row per language.
    static func countRows(_ counts: SubwordCounts, _ run: Run) -> [[String]] {
        [(Multimodal.Language.english, Say.english), (.chinese, Say.chinese)].map { language, name in
            [run.text(name)] + SubwordCounts.Method.allCases.map { String(format: "%.2f", counts.mean(language, $0)) }
        }
    }

    // MARK: - Step 9

    /// Near, far and their difference for the four kinds of position vectors.
    static func gridRows(_ before: (near: Double, far: Double), _ after: (near: Double, far: Double),
                         _ change: (near: Double, far: Double), _ sines: (near: Double, far: Double),
                         _ run: Run) -> [[String]] {
        zip(Say.gridRows, [before, after, change, sines]).map { name, pair in
            [run.text(name), String(format: "%.3f", pair.near), String(format: "%.3f", pair.far),
             String(format: "%+.3f", pair.near - pair.far)]
        }
    }

    /// Whether a grid formed (in the raw vectors, or in what training added), and exactly what taught it.
    static func sayWhatTaughtTheGrid(after: (near: Double, far: Double), change: (near: Double, far: Double),
                                     sines: (near: Double, far: Double), _ lesson: Tokens, _ run: Run) {
        let (learned, added, fixed) = (after.near - after.far, change.near - change.far, sines.near - sines.far)
        if learned > 0.5 * fixed {
            run.say(Say.foundGrid, learned, fixed)
        } else if added > 0.1 {
            run.say(Say.startingGrid, learned, added)
        } else {
            run.say(Say.noGrid, learned, added)
        }
        let formed = learned > 0.5 * fixed || added > 0.1
        if !lesson.recipe.questionKinds.contains(.whereIs) {
            run.say(Say.noPlaceInAnswers)
        } else {
            formed ? run.say(Say.supervisedByAnswers) : run.say(Say.notYetSupervised, lesson.recipe.steps)
        }
    }

    // MARK: - Step 10

    /// Per block: the mean share on the cat's patch, against chance, and how often it is the top patch.
    static func blockRows(_ probes: [LearnedGrid.Probe], _ attention: [[[Double]]], _ shares: [Double],
                          chance: Double) -> [[String]] {
        shares.enumerated().map { block, share in
            let hits = zip(probes, attention).filter { probe, a in
                a[block].indices.max { a[block][$0] < a[block][$1] } == probe.catPatch
            }.count
            return ["\(block + 1)", String(format: "%.3f", share), String(format: "%.1f×", share / chance),
                    "\(hits)/\(probes.count)"]
        }
    }
}
