// Worked examples of linear scales and 1-2-5 ticks.
import Figures
import Testing

@Suite("Scales: linear maps and nice ticks")
struct NiceTicksTests {
    @Test("0…1 gets ticks 0, 0.2, …, 1 labelled with one decimal")
    func unitInterval() {
        let ticks = LinearScale.niceTicks(0, 1)
        #expect(ticks == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        #expect(LinearScale.labels(for: ticks) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test("0…100 gets steps of 20; 0…7 steps of 1; 0…0.05 steps of 0.01")
    func otherRanges() {
        #expect(LinearScale.niceTicks(0, 100) == [0, 20, 40, 60, 80, 100])
        #expect(LinearScale.niceTicks(0, 7) == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(LinearScale.labels(for: LinearScale.niceTicks(0, 0.05)) == ["0.00", "0.01", "0.02", "0.03", "0.04", "0.05"])
    }

    @Test("−3.2…7.9 gets ticks at multiples of 2 inside the range, minus signs as U+2212")
    func negativeRange() {
        let ticks = LinearScale.niceTicks(-3.2, 7.9)
        #expect(ticks == [-2, 0, 2, 4, 6])
        #expect(LinearScale.labels(for: ticks).first == "\u{2212}2")
    }

    @Test("a scale maps 0…10 onto pixels 100…300 and back")
    func mapping() {
        let x = LinearScale(domain: 0...10, range: 100...300)
        #expect(x(5) == 200)
        #expect(x.invert(300) == 10)
        let y = LinearScale(domain: 0...1, from: 500, to: 100)   // a y axis: up is smaller pixels
        #expect(y(0.25) == 400)
    }

    @Test("a range of a single value gets that value as its one tick")
    func degenerate() {
        #expect(LinearScale.niceTicks(3, 3) == [3])
    }
}
