import DuizhaoText

/// Duizhao's native glossary format: tab-separated, made for people to edit and review in git.
///
/// UTF-8; lines starting with `#` are comments; the first other line is a header naming the
/// columns (`en zh zh-Hant pinyin type en-variants zh-variants note`, any order, any subset
/// with en and a Chinese column). Variants are separated by `|`. A file whose first line is not
/// a header reads as an OmegaT glossary: source term, target term, comment.
public enum DuizhaoTSV {
    /// The columns written, in order.
    public static let header = GlossaryColumn.allCases.map(\.rawValue)

    /// Reads a glossary, collecting every problem rather than stopping at the first.
    /// - Parameters:
    ///   - text: the file's text (already decoded).
    ///   - file: the file name for origins and messages.
    ///   - layer: the layer its entries belong to.
    /// - Returns: the entries of the good rows, and diagnostics for the others.
    public static func read(_ text: String, file: String, layer: GlossaryLayer) -> (entries: [GlossaryEntry], diagnostics: [GlossaryDiagnostic]) {
        var table: GlossaryTable?
        var lineNumber = 0
        for line in text.lineSlices() {
            lineNumber += 1
            if line.trimmingWhitespace().isEmpty || line.first == "#" { continue }
            let cells = cells(of: line, lineNumber: lineNumber)
            if table == nil {
                if let columns = GlossaryTable.columns(ofHeader: cells.map(\.text)) {
                    table = GlossaryTable(file: file, layer: layer, columns: columns)
                    for (cell, column) in zip(cells, columns) where column == nil {
                        table?.warning("unknown column '\(cell.text)' is ignored", line: lineNumber, column: cell.column)
                    }
                    continue
                }
                // No header: an OmegaT glossary, whose source language the first row shows.
                let chineseFirst = cells.first?.text.unicodeScalars.contains { ScriptClass($0) == .han } ?? false
                table = GlossaryTable(
                    file: file, layer: layer,
                    columns: chineseFirst ? [.simplified, .english, .note] : [.english, .simplified, .note])
            }
            table?.addRow(cells, line: lineNumber)
        }
        guard let table else {
            return ([], [GlossaryDiagnostic(file: file, line: 1, column: 1, message: "no header and no entries")])
        }
        return (table.entries, table.diagnostics)
    }

    static func cells(of line: Substring, lineNumber: Int) -> [GlossaryTable.Cell] {
        var cells: [GlossaryTable.Cell] = []
        var column = 1
        for cell in line.split(separator: "\t", omittingEmptySubsequences: false) {
            cells.append(GlossaryTable.Cell(text: cell, line: lineNumber, column: column))
            column += cell.count + 1
        }
        return cells
    }

    /// Writes entries as Duizhao TSV with the full header.
    public static func write(_ entries: [GlossaryEntry]) -> String {
        var output = header.joined(separator: "\t") + "\n"
        for entry in entries {
            let cells = [
                entry.english, entry.simplified, entry.traditional ?? "", entry.pinyin ?? "", entry.type.rawValue,
                entry.englishVariants.joined(separator: "|"), entry.chineseVariants.joined(separator: "|"), entry.note ?? "",
            ]
            // Tabs and line breaks cannot live in a TSV cell; they become spaces.
            output += cells.map { $0.map { $0 == "\t" || $0.isNewline ? " " : $0 }.reduce(into: "") { $0.append($1) } }
                .joined(separator: "\t") + "\n"
        }
        return output
    }
}
