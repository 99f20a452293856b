// Every lesson's last step ends with the toy beside the real systems: a table whose toy side is the
// run's own sizes. The quick-run tests of lessons 01–05 read it back from the notebook with this helper.

import Foundation

/// The last table the notebook's last code cell printed, as its plain-text (Markdown) rendering, or nil.
///
///     let table = try ToyBesideRealTable.last(in: out)   // "|  | this lesson | real systems |\n|--…"
///     table?.contains("ViT-B/16")                        // true for lesson 01
enum ToyBesideRealTable {
    static func last(in out: URL) throws -> String? {
        let data = try Data(contentsOf: out.appendingPathComponent("notebook.ipynb"))
        let notebook = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let cells = notebook?["cells"] as? [[String: Any]] ?? []
        guard let last = cells.last(where: { $0["cell_type"] as? String == "code" }),
              let outputs = last["outputs"] as? [[String: Any]] else { return nil }
        let tables = outputs.compactMap { output -> String? in
            guard let data = output["data"] as? [String: Any], data["text/html"] != nil,
                  let plain = data["text/plain"] else { return nil }
            return (plain as? [String])?.joined() ?? plain as? String
        }
        return tables.last
    }

    /// The table's row whose first cell is `label` ("| pairs | 1200 generated … | CLIP: 400 M … |"), or nil.
    static func row(_ label: String, in table: String) -> String? {
        table.split(separator: "\n").map(String.init).first {
            $0.hasPrefix("| \(label) ") || $0.hasPrefix("| \(label)|")
        }
    }
}
