import DuizhaoText

/// Glossaries as CSV (RFC 4180), the form CAT tools (memoQ, Phrase, Trados MultiTerm) and
/// spreadsheets export.
///
/// The first non-blank record is a header naming the columns by language tag (`en`, `zh`,
/// `zh-CN`, `zh-Hans`, `zh-TW`, `zh-Hant` …) or by Duizhao's names (`pinyin`, `type`,
/// `en-variants`, `zh-variants`, `note`), in any order; it must name an English and a Chinese
/// column. Rows are checked cell by cell exactly as Duizhao TSV rows are (`GlossaryTable`).
/// Unlike TSV, a cell may hold tabs and line breaks.
public enum GlossaryCSV {
    /// The options glossaries are written with: a byte order mark, so that Excel reads the
    /// UTF-8 right, but no formula neutralization. A glossary is data for tools, to be read
    /// back: a `'` before a term starting with `-` or `+` ("-ism", "+86") would change the
    /// term. CSV meant only for people to open in a spreadsheet should neutralize instead.
    public static let writerOptions = CSV.WriterOptions(byteOrderMark: true, neutralizeFormulas: false)

    /// Reads a CSV glossary, collecting every problem rather than stopping at the first.
    /// - Parameters:
    ///   - text: the file's text (already decoded; a byte order mark is skipped).
    ///   - file: the file name for origins and messages.
    ///   - layer: the layer its entries belong to.
    /// - Returns: the entries of the good rows, and diagnostics for the others. Text that is
    ///   not valid CSV gives one diagnostic, at the problem, and no entries.
    public static func read(_ text: String, file: String, layer: GlossaryLayer) -> (entries: [GlossaryEntry], diagnostics: [GlossaryDiagnostic]) {
        let records: [[CSVField]]
        do {
            records = try CSV.parse(text)
        } catch {
            return ([], [GlossaryDiagnostic(file: file, line: error.line, column: error.column, message: error.message)])
        }
        var rows = records.filter { !isBlank($0) }.makeIterator()
        guard let header = rows.next() else {
            return ([], [GlossaryDiagnostic(file: file, line: 1, column: 1, message: "no header and no entries")])
        }
        let headerLine = header.first?.line ?? 1
        guard let columns = GlossaryTable.columns(ofHeader: header.map { Substring($0.text) }) else {
            return ([], [GlossaryDiagnostic(
                file: file, line: headerLine, column: 1,
                message: "the first row is not a header: name the columns by language (en, zh, zh-Hant …) and note")])
        }
        guard columns.contains(.english) else {
            return ([], [GlossaryDiagnostic(file: file, line: headerLine, column: 1, message: "the header names no English column (en)")])
        }
        guard columns.contains(.simplified) || columns.contains(.traditional) else {
            return ([], [GlossaryDiagnostic(
                file: file, line: headerLine, column: 1,
                message: "the header names no Chinese column (zh, zh-CN, zh-Hans, zh-TW or zh-Hant)")])
        }
        var table = GlossaryTable(file: file, layer: layer, columns: columns)
        for (field, column) in zip(header, columns) where column == nil {
            table.warning("unknown column '\(field.text)' is ignored", line: field.line, column: field.column)
        }
        while let row = rows.next() {
            let cells = row.map { GlossaryTable.Cell(text: Substring($0.text), line: $0.line, column: $0.column) }
            table.addRow(cells, line: row.first?.line ?? headerLine)
        }
        return (table.entries, table.diagnostics)
    }

    /// Whether a record has no text at all: an empty line, or a spreadsheet's row of empty
    /// cells (",,,,").
    private static func isBlank(_ record: [CSVField]) -> Bool {
        record.allSatisfy { $0.text.trimmingWhitespace().isEmpty }
    }

    /// Writes entries as CSV with Duizhao TSV's eight columns (`DuizhaoTSV.header`), variants
    /// joined by `|`, so that `read` gives back the same entries (origins aside).
    /// - Parameter options: `writerOptions` unless the CSV is meant only for a spreadsheet.
    public static func write(_ entries: [GlossaryEntry], options: CSV.WriterOptions = writerOptions) -> String {
        var records: [[String]] = [DuizhaoTSV.header]
        records.reserveCapacity(entries.count + 1)
        for entry in entries {
            records.append([
                entry.english, entry.simplified, entry.traditional ?? "", entry.pinyin ?? "", entry.type.rawValue,
                entry.englishVariants.joined(separator: "|"), entry.chineseVariants.joined(separator: "|"), entry.note ?? "",
            ])
        }
        return CSV.write(records, options: options)
    }
}
