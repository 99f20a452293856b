// The tour's docs mode: figures into Docs/figures/<lesson>/, numbers and replication cards into Docs/*.md.

import Foundation

enum TourDocs {
    /// Copies each lesson's figures, then rewrites marked numbers and cards in every `docsDir/*.md`.
    static func update(entries: [TourEntry], docsDir: URL, console: Console) throws {
        let manager = FileManager.default
        var metrics: [String: Double] = [:]
        for entry in entries {
            guard let out = entry.result.outDirectory else { continue }
            let target = docsDir.appendingPathComponent("figures/\(entry.folder)")
            try manager.createDirectory(at: target, withIntermediateDirectories: true)
            for stale in try manager.contentsOfDirectory(atPath: target.path)
            where stale.hasSuffix(".png") && !entry.result.figures.contains(stale) {
                try manager.removeItem(at: target.appendingPathComponent(stale))
            }
            for figure in entry.result.figures {
                let bytes = try Data(contentsOf: out.appendingPathComponent(figure))
                try AtomicFiles.write(Array(bytes), to: target.appendingPathComponent(figure))
            }
            for (key, value) in entry.result.metrics {
                metrics[String(format: "%02d.", entry.number) + key] = value
            }
        }
        let guides = try manager.contentsOfDirectory(atPath: docsDir.path).filter { $0.hasSuffix(".md") }.sorted()
        for guide in guides {
            let url = docsDir.appendingPathComponent(guide)
            let original = try String(contentsOf: url, encoding: .utf8)
            var (text, unknown) = DocsMarkers.rewriteNumbers(in: original, metrics: metrics)
            for key in unknown { console.error("docs: \(guide): no metric \(key) in this tour") }
            for entry in entries {
                if let card = entry.card, let updated = DocsMarkers.replaceCard(in: text, lessonNumber: entry.number,
                                                                                card: card.markdown) {
                    text = updated
                }
            }
            if text != original {
                try AtomicFiles.write(Array(text.utf8), to: url)
                console.line("docs: updated \(guide)")
            }
        }
    }
}
