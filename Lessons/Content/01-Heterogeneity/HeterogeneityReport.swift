// The sentences lesson 01 prints about its measurements, chosen by the numbers themselves: if a
// comparison comes out the other way for some seed or setting, the printed sentence says so.

import Foundation
import Walkthrough

/// Lesson 01's computed sentences, in the run's language.
enum HeterogeneityReport {
    /// Step 5's reading of the pixel distances from the orange cat, `row` in the order of
    /// `Heterogeneity.comparedObjects`: [cat, gray cat, orange dog, gray dog, orange square, orange circle, moved cat].
    ///
    ///     distanceReading([0, 9.1, 8.2, 9.9, 6.5, 6.8, 12.0], run: run)
    ///     // ["the orange square (6.50) is nearer the orange cat than the orange dog (8.20), …", …]
    static func distanceReading(_ row: [Double], run: Run) -> [String] {
        let (grayCat, dog, square, moved) = (row[1], row[2], row[4], row[6])
        let squareVersusDog = square < dog
            ? L(String(format: "the orange square (%.2f) is nearer the orange cat than the orange dog (%.2f), a fellow animal", square, dog),
                String(format: "橘色方块（%.2f）比同为动物的橘色狗（%.2f）离橘猫更近", square, dog))
            : L(String(format: "the orange dog (%.2f) is nearer the orange cat than the orange square (%.2f)", dog, square),
                String(format: "橘色狗（%.2f）比橘色方块（%.2f）离橘猫更近", dog, square))
        let squareVersusGrayCat = square < grayCat
            ? L(String(format: "the orange square (%.2f) is even nearer than the gray cat (%.2f)", square, grayCat),
                String(format: "橘色方块（%.2f）甚至比灰猫（%.2f）还近", square, grayCat))
            : L(String(format: "but the gray cat (%.2f) is still a little nearer than the orange square (%.2f): in the same place, the cat's outline counts too", grayCat, square),
                String(format: "不过灰猫（%.2f）仍比橘色方块（%.2f）近一点：位置相同时，猫的轮廓也起作用", grayCat, square))
        let farthest = moved >= row.max()!
        let movedCat = farthest
            ? L(String(format: "the same orange cat moved one cell: %.2f, farther than every other picture", moved),
                String(format: "同一只橘猫右移一格：%.2f，比其他所有图都远", moved))
            : L(String(format: "the same orange cat moved one cell: %.2f", moved),
                String(format: "同一只橘猫右移一格：%.2f", moved))
        return [squareVersusDog, squareVersusGrayCat, movedCat].map { run.text($0) }
    }
}
