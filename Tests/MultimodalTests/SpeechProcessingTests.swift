// From a recording to what the speech encoder reads: resampling, trimming silence, log mel grids.
import Foundation
import Multimodal
import TeachingEngine
import Testing

/// A sine of `hz` at `rate` for `count` samples, amplitude ½.
func sine(_ hz: Double, rate: Int, count: Int) -> [Float] {
    (0..<count).map { Float(0.5 * sin(2 * Double.pi * hz * Double($0) / Double(rate))) }
}

/// The bin (of a 256-point spectrum at 8 kHz) where the middle frame of `wave` is loudest.
func peakBin(_ wave: [Float]) -> Int {
    let frames = Spectrogram.magnitudes(wave, frameLength: 256, hop: 128)      // [F, 129]
    let f = frames.shape[0] / 2
    let row = Array(frames.scalars[(f * 129)..<((f + 1) * 129)])
    return row.indices.max { row[$0] < row[$1] }!
}

@Suite("Resampling keeps what the new rate can hold and removes what it cannot")
struct ResamplerTests {
    @Test("one second of a 1 kHz tone at 44.1 kHz becomes 8000 samples peaking in bin 1000·256/8000 = 32")
    func keepsTone() {
        let out = Resampler.resample(sine(1_000, rate: 44_100, count: 44_100), from: 44_100, to: 8_000)
        #expect(out.count == 8_000)
        #expect(peakBin(out) == 32)
        let middle = out[2_000..<6_000].map(abs).max()!
        #expect(abs(middle - 0.5) < 0.02)                       // the amplitude survives
    }

    @Test("a 6 kHz tone, above the 4 kHz an 8 kHz rate can hold, is removed instead of folding back to 2 kHz")
    func removesAliases() {
        let out = Resampler.resample(sine(6_000, rate: 44_100, count: 44_100), from: 44_100, to: 8_000)
        #expect(out[2_000..<6_000].map(abs).max()! < 0.01)
    }

    @Test("the same rate returns the wave unchanged")
    func identity() { #expect(Resampler.resample([1, 2, 3], from: 8_000, to: 8_000) == [1, 2, 3]) }
}

@Suite("Trimming silence around a spoken word")
struct SpeechTrimTests {
    @Test("8000 silent samples, 1920 of tone (frames 50–61 of 160), 8000 silent: 8000–9920 widened by the 400-sample margin")
    func findsTheTone() {
        let wave = [Float](repeating: 0, count: 8_000) + sine(440, rate: 8_000, count: 1_920) + [Float](repeating: 0, count: 8_000)
        #expect(SpeechTrim.speechRange(wave, frame: 160, decibels: 30, margin: 400) == 7_600..<10_320)
    }

    @Test("a silent recording is kept whole")
    func silence() { #expect(SpeechTrim.speechRange([Float](repeating: 0, count: 1_000)) == 0..<1_000) }
}

@Suite("Log mel grids: every recording the same shape")
struct SpeechFeaturesTests {
    @Test("a short and a long recording both give 32 frames × 32 bands, centred to mean 0 and spread 1")
    func fixedShape() {
        let features = SpeechFeatures()
        for count in [100, 3_000, 18_000] {
            let grid = features.grid(of: sine(500, rate: 8_000, count: count))
            #expect(grid.count == 32 * 32)
            let mean = grid.reduce(0, +) / Float(grid.count)
            let spread = (grid.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Float(grid.count)).squareRoot()
            #expect(abs(mean) < 1e-4 && abs(spread - 1) < 1e-3)
        }
    }

    @Test("a 500 Hz tone is loudest in the band whose centre is nearest 500 Hz, a 2 kHz tone in a higher band")
    func bandOfTone() {
        let features = SpeechFeatures()
        func loudestBand(_ hz: Double) -> Int {
            let grid = features.grid(of: sine(hz, rate: 8_000, count: 4_000))
            let row = Array(grid[(16 * 32)..<(17 * 32)])                              // the middle frame
            return row.indices.max { row[$0] < row[$1] }!
        }
        let centres = (0..<32).map { b -> Double in                                   // the mel scale's band centres
            let top = 2595 * log10(1 + 4_000.0 / 700)
            return 700 * (pow(10, top * Double(b + 1) / 33 / 2595) - 1)
        }
        let nearest500 = centres.indices.min { abs(centres[$0] - 500) < abs(centres[$1] - 500) }!
        #expect(abs(loudestBand(500) - nearest500) <= 1)
        #expect(loudestBand(2_000) > loudestBand(500) + 5)
    }

    @Test("every mel filter covers at least one spectrum bin, so no band is always empty")
    func filtersCoverBins() {
        #expect(SpeechFeatures().melFilters(bins: 129).allSatisfy { !$0.isEmpty })
    }
}
