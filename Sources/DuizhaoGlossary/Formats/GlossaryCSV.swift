import DuizhaoText

/// Glossaries as CSV (RFC 4180), the form CAT tools (memoQ, Phrase, Trados MultiTerm) and
/// spreadsheets export.
///
/// The first non-blank record is a header naming the columns by language tag (`en`, `en_US`,
/// `zh`, `zh-CN`, `zh_Hans`, `zh-TW`, `zh-Hant` …), by language name (`English`,
/// `Chinese (Simplified)`, `繁體中文`), as sides (`source`, `target`: the Chinese one is the
/// column with Chinese characters) or by Duizhao's names (`pinyin`, `type`, `en-variants`,
/// `zh-variants`, `note`, `roles`), in any order. Without a header, the records are source term, target
/// term and comment, as an OmegaT glossary's. Rows are checked cell by cell exactly as Duizhao
/// TSV rows are (`GlossaryTable`).
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
    ///   - languages: the languages of the first two columns, whatever the header says.
    ///   - toSimplified: as for `DuizhaoTSV.read`.
    /// - Returns: the entries of the good rows, and diagnostics for the others. Text that is
    ///   not valid CSV gives one diagnostic, at the problem, and no entries.
    public static func read(
        _ text: String, file: String, layer: GlossaryLayer, languages: [GlossaryLanguage]? = nil,
        toSimplified: ChineseScriptConverter? = nil
    ) -> (entries: [GlossaryEntry], diagnostics: [GlossaryDiagnostic]) {
        let records: [[CSVField]]
        do {
            records = try CSV.parse(text)
        } catch {
            return ([], [GlossaryDiagnostic(file: file, line: error.line, column: error.column, message: error.message)])
        }
        return GlossaryTable.read(
            records.filter { !isBlank($0) },
            cellsOf: { record in record.map { GlossaryTable.Cell(text: Substring($0.text), line: $0.line, column: $0.column) } },
            file: file, layer: layer, languages: languages, toSimplified: toSimplified)
    }

    /// Whether a record has no text at all: an empty line, or a spreadsheet's row of empty
    /// cells (",,,,").
    private static func isBlank(_ record: [CSVField]) -> Bool {
        record.allSatisfy { $0.text.trimmingWhitespace().isEmpty }
    }

    /// Writes entries as CSV with Duizhao TSV's columns (`DuizhaoTSV.columns(for:)`), variants
    /// joined by `|`, so that `read` gives back the same entries (origins aside).
    /// - Parameter options: `writerOptions` unless the CSV is meant only for a spreadsheet.
    public static func write(_ entries: [GlossaryEntry], options: CSV.WriterOptions = writerOptions) -> String {
        let columns = DuizhaoTSV.columns(for: entries)
        var records: [[String]] = [columns.map(\.rawValue)]
        records.reserveCapacity(entries.count + 1)
        for entry in entries {
            var record = [
                entry.english, entry.sourceSimplified, entry.traditional ?? "", entry.pinyin ?? "", entry.type.rawValue,
                entry.englishVariants.joined(separator: "|"), entry.chineseVariants.joined(separator: "|"), entry.note ?? "",
            ]
            if columns.contains(.roles) { record.append(GlossaryEntry.Role.cell(entry.roles)) }
            records.append(record)
        }
        return CSV.write(records, options: options)
    }
}
