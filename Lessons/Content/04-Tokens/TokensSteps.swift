// Lesson 04's steps, in the order the run prints them.

import Figures
import Foundation
import Multimodal
import TeachingEngine
import Walkthrough

extension Tokens {
    public static let steps: [Step<Tokens>] = [
        Step { lesson, run in
            let (pixels, p) = (lesson.pixels, lesson.knobs.patch)      // [224, 224, 3], P × P patches
            let patches = Patches.patchify(pixels, patchSize: p)        // [N, P·P·3], row by row
            let (n, side) = (patches.shape[0], 224 / p)                 // N = (224 / P) · (224 / P)
            run.say(Say.cut, side, side, n, p, p, patches.shape[1], n, patches.shape[1])
            run.metric("patch_tokens", n)
            run.say(lesson.knobs.image == nil ? Photos.chelseaCredit : Say.yourPicture)
            try run.figure("patches", png: TokensFigures.patches(lesson.picture, patchSize: p, run))
        },
        Step { lesson, run in
            let corpus = lesson.captions.train                           // ToyWorld captions, EN and ZH
            let bpe = BytePairEncoding(learningMerges: lesson.knobs.merges, from: corpus)
            let words = Tokenizer(corpus: corpus)                        // the word list: longest match
            run.say(Say.learned, bpe.merges.count, corpus.count, bpe.alphabet.count, bpe.vocabulary.count,
                    words.count - Tokenizer.specialTokens.count)
            run.table(Say.mergeColumns, TokensReport.firstMerges(bpe, count: 12))
            for (language, sentence) in Tokens.sentences {               // 我喜欢这只猫, i like this …
                let cuts = [words.tokens(sentence), BytePairEncoding.characters(sentence),
                            bpe.encode(sentence).map(BytePairEncoding.plain)]
                run.table(Say.cutColumns, TokensReport.cutRows(sentence, cuts, run))
                for (method, cut) in zip(SubwordCounts.methods, cuts) {
                    run.metric("sentence.\(language).\(method)", cut.count)
                }
            }
            let counts = SubwordCounts(lesson.captions.test, words: words, bpe: bpe)   // held-out
            run.table(Say.countColumns, TokensReport.countRows(counts, run))
            for (name, mean) in counts.metrics { run.metric("tokens_per_caption.\(name)", mean) }
            run.say(Say.whyCountsDiffer, counts.mean(.chinese, .characters), counts.mean(.chinese, .bpe))
            try run.figure("tokens-per-caption", png: TokensFigures.tokenCounts(counts, run))
        },
        Step { lesson, run in
            let (patches, d) = (lesson.patches, lesson.knobs.width)         // [N, P·P·3]
            let words = lesson.tokenizer.tokens(Tokens.sentence)            // [我][喜欢][这只][猫]
            let ids = lesson.tokenizer.encode(Tokens.sentence)              // 4 ids
            let imageTokens = noGrad { lesson.layers.patch(Variable(patches)).value }   // [N, d]
            let wordTokens = noGrad { lesson.layers.words([ids]).value }                // [1, 4, d]
            run.say(Say.patchEmbedding, patches.shape[0], patches.shape[1], patches.shape[1], d,
                    describe(shape: imageTokens.shape))
            run.say(Say.wordEmbedding, Tokens.sentence, words.map { "[\($0)]" }.joined(), "\(ids)",
                    lesson.tokenizer.count, d, describe(shape: Array(wordTokens.shape.dropFirst())))
            run.metric("word_tokens", ids.count)
        },
        Step { lesson, run in
            let x = lesson.sequence                              // [1, N + 4, d]: patches ⧺ words + types
            let (n, d) = (lesson.patches.shape[0], x.shape[2])
            run.say(Say.concatenated, n, d, x.shape[1] - n, d, describe(shape: x.shape))
            run.metric("sequence_tokens", x.shape[1])
            let (words, p) = (lesson.tokenizer.tokens(Tokens.sentence), lesson.knobs.patch)
            let figure = try TokensFigures.sequence(lesson.picture, patchSize: p, words: words, run)
            try run.figure("sequence", png: figure)   // the patches themselves, then the words
        },
        Step { lesson, run in
            let (x, n, attention) = (lesson.sequence, lesson.patches.shape[0], lesson.layers.attention)
            var rng = run.rng(4)
            var order = Array(0..<n)
            rng.shuffle(&order)
            let shuffle = order + Array(n..<x.shape[1])             // the patches shuffled, words in place
            let positions = PositionalEncoding.sinusoidal1D(positions: x.shape[1], dimension: x.shape[2])
            func gap(_ p: Tensor) -> Double {                       // max |attn(σx + p) − σ(attn(x + p))|
                noGrad {
                    let a = attention(Variable(x).indexSelect(alongAxis: 1, shuffle) + Variable(p)).output
                    let b = attention(Variable(x) + Variable(p)).output.indexSelect(alongAxis: 1, shuffle)
                    return Double(zip(a.value.scalars, b.value.scalars).map { abs($0 - $1) }.max()!)
                }
            }
            let without = gap(Tensor(zeros: x.shape)), with = gap(positions.reshaped(to: x.shape))
            run.say(Say.withoutPositions, powerOfTen(without))
            run.say(Say.withPositions, with)
            run.metric("equivariance_error_without_positions", without)
            run.metric("equivariance_error_with_positions", with)
        },
        Step { lesson, run in
            let (d, side) = (lesson.knobs.width, 224 / lesson.knobs.patch)
            let pe1 = PositionalEncoding.sinusoidal1D(positions: side * side + 4, dimension: d)  // [T, d]
            let pe2 = PositionalEncoding.sinusoidal2D(rows: side, columns: side, dimension: d)   // [N, d]
            let (near, far) = RawPositions.neighbourAndFarSimilarity(RawPositions.rows(pe2), side: side)
            run.say(Say.twoDimensional, near, side / 2, far)
            run.metric("sinusoidal_2d_neighbour_similarity", near)
            run.metric("sinusoidal_2d_far_similarity", far)
            try run.figure("positions-1d", png: TokensFigures.oneDimensional(RawPositions.rows(pe1), run))
            try run.figure("positions-2d", png: TokensFigures.twoDimensional(RawPositions.rows(pe2), side: side,
                                                                             run))
        },
        Step { lesson, run in
            run.table(Say.settingColumns, [(224, 32), (224, 16), (336, 14)].map { s, p in
                ["\(s)×\(s)", "\(p)×\(p)", "\((s / p) * (s / p))"] })   // N = (S / P)²
            let d = lesson.knobs.width
            let lengths = run.quick ? [49, 100, 196] : [49, 100, 196, 400, 576]
            let cost = { (t: Int) in RawPositions.attentionFLOPs(tokens: t, width: d) }   // 8Td² + 4T²d
            let flops = lengths.map(cost)
            var rng = run.rng(7)
            let attention = MultiHeadAttention(width: d, headCount: 4, name: "cost", using: &rng)
            for (t, flop) in zip(lengths, flops) {
                let x = Tensor(randomNormal: [1, t, d], using: &rng)          // [1, T, d]
                let start = Date()
                _ = noGrad { attention(Variable(x)).output.value }
                run.note(run.text(Say.measured, t, Date().timeIntervalSince(start) * 1000))  // terminal only
                run.say(Say.cost, t, flop / 1e6)
            }
            run.metric("attention_flop_ratio_576_to_196", cost(576) / cost(196))
            try run.figure("attention-cost", png: TokensFigures.cost(lengths, flops, width: d, run))
        },
        Step(trains: true) { lesson, run in
            let (model, plan, schedule) = (lesson.model, lesson.plan, lesson.plan.schedule)   // 2 blocks
            var (batches, optimizer) = (lesson.draw.batches, plan.optimizer(for: model))     // AdamW
            _ = try run.train("single-stream", model, settings: lesson.settings, steps: plan.steps,
                              lr: Double(plan.peakLearningRate)) { progress in
                for step in 1...plan.steps {
                    let batch = batches.next()                  // 64 questions and their scenes
                    let loss = model.loss(images: batch.images, questions: batch.questions,
                                          answers: batch.answers)   // cross-entropy of the answer words
                    optimizer.zeroGrad()
                    loss.backward()
                    optimizer.learningRate = schedule(step - 1)    // warm-up, then cosine
                    optimizer.step()
                    try progress.update(step: step, loss: loss.item)
                }
            }
            let score = lesson.score                              // exact match on the test scenes
            run.say(Say.accuracy, plan.steps, score.overall)
            if let whereAccuracy = score.accuracy(.whereIs) {
                run.say(Say.whereAccuracy, whereAccuracy)
                run.metric("where_accuracy", whereAccuracy)
            }
            run.metric("single_stream_accuracy", score.overall)
            if lesson.knobs.image != nil { run.say(Say.toyWorldHere) }
        },
        Step { lesson, run in
            let (model, untrained) = (lesson.model, lesson.untrained)     // after, and the same draw before
            let before = LearnedGrid.neighbourAndFar(untrained), after = LearnedGrid.neighbourAndFar(model)
            let change = LearnedGrid.neighbourAndFarOfChange(before: untrained.patchPositions,
                                                             after: model.patchPositions)   // after − before
            let d = model.configuration.width
            let sines = PositionalEncoding.sinusoidal2D(rows: 4, columns: 4, dimension: d)  // [16, d]
            let fixed = RawPositions.neighbourAndFarSimilarity(RawPositions.rows(sines), side: 4)
            run.say(Say.startSpread, Double(lesson.recipe.positionStandardDeviation))
            run.table(Say.gridColumns, TokensReport.gridRows(before, after, change, fixed, run))
            TokensReport.sayWhatTaughtTheGrid(after: after, change: change, sines: fixed, lesson, run)
            run.metric("learned_neighbour_similarity", after.near)
            run.metric("learned_far_similarity", after.far)
            run.metric("learned_change_neighbour_similarity", change.near)
            run.metric("learned_change_far_similarity", change.far)
            run.metric("learned_near_minus_far", after.near - after.far)            // the grid, in one number
            run.metric("learned_change_near_minus_far", change.near - change.far)
            run.metric("untrained_neighbour_similarity", before.near)
            try run.figure("positions-learned", png: TokensFigures.learnedPositions(lesson, sines: sines, run))
        },
        Step { lesson, run in
            let probes = LearnedGrid.catProbes(lesson.vqa.test, data: lesson.vqa.data)   // name the cat
            if probes.isEmpty {
                run.say(Say.noCatQuestion)
            } else {
                let attention = LearnedGrid.wordToPatches(lesson.model, data: lesson.vqa.data, probes: probes)
                let shares = attention[0].indices.map { block in      // [probe][block][16] → per block
                    zip(probes, attention).map { $1[block][$0.catPatch] }.reduce(0, +) / Double(probes.count)
                }                                                     // mean share on the cat's patch
                let (best, chance) = (shares.indices.max { shares[$0] < shares[$1] }!, 1.0 / 16)
                run.say(Say.catQuestions, probes.count)
                run.table(Say.catColumns, TokensReport.blockRows(probes, attention, shares, chance: chance))
                run.metric("cat_word_attention_on_cat_patch", shares[best])
                run.metric("cat_word_attention_chance", chance)
                run.say(shares[best] >= 2 * chance ? Say.catLooks : Say.catHardlyLooks, shares[best], chance)
                if lesson.knobs.image != nil { run.say(Say.toyWorldHere) }
                let figure = try TokensFigures.catAttention(probes, attention, block: best, run)
                try run.figure("cat-attention", png: figure)
            }
            run.table(Say.realColumns, lesson.toyBesideReal())   // with or without a cat question
        },
    ]
}
