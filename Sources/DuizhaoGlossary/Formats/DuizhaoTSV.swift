import DuizhaoText

/// Duizhao's native glossary format: tab-separated, made for people to edit and review in git.
///
/// UTF-8; lines starting with `#` are comments; the first other line is a header naming the
/// columns (`en zh zh-Hant pinyin type en-variants zh-variants note roles`, any order, any
/// subset with en and a Chinese column; languages may also be named as CAT tools write them, `en_US`,
/// `Chinese (Traditional)`, `中文`). Variants are separated by `|`. A file whose first line is
/// not a header reads as an OmegaT glossary: source term, target term, comment, the Chinese
/// column the one with Chinese characters.
public enum DuizhaoTSV {
    /// Every column, in the order written (`columns(for:)` leaves `roles` out when no entry has any).
    public static let header = GlossaryColumn.allCases.map(\.rawValue)

    /// The columns a glossary of `entries` is written with: all but `roles` when no entry has
    /// any, so that such a glossary is written as before the column existed.
    public static func columns(for entries: [GlossaryEntry]) -> [GlossaryColumn] {
        entries.contains { !$0.roles.isEmpty } ? GlossaryColumn.allCases : GlossaryColumn.allCases.filter { $0 != .roles }
    }

    /// Reads a glossary, collecting every problem rather than stopping at the first.
    /// - Parameters:
    ///   - text: the file's text (already decoded).
    ///   - file: the file name for origins and messages.
    ///   - layer: the layer its entries belong to.
    ///   - languages: the languages of the first two columns, whatever the header says.
    ///   - toSimplified: ICU's Traditional → Simplified transform, to tell Traditional terms
    ///     in a column that does not say its script and to derive Simplified forms; without
    ///     it, such terms are taken as Simplified.
    /// - Returns: the entries of the good rows, and diagnostics for the others.
    public static func read(
        _ text: String, file: String, layer: GlossaryLayer, languages: [GlossaryLanguage]? = nil,
        toSimplified: ChineseScriptConverter? = nil
    ) -> (entries: [GlossaryEntry], diagnostics: [GlossaryDiagnostic]) {
        var rows: [(line: Substring, number: Int)] = []
        var lineNumber = 0
        for line in text.lineSlices() {
            lineNumber += 1
            if line.trimmingWhitespace().isEmpty || line.first == "#" { continue }
            rows.append((line, lineNumber))
        }
        return GlossaryTable.read(
            rows, cellsOf: { cells(of: $0.line, lineNumber: $0.number) }, file: file, layer: layer, languages: languages,
            toSimplified: toSimplified)
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

    /// Writes entries as Duizhao TSV with the full header (`roles` only when an entry has roles,
    /// and then a row without roles ends at its note). A Simplified form ICU derived is
    /// left out (`GlossaryEntry.sourceSimplified`).
    ///
    /// A line starting with `#` is a comment, so when an English term starts with one (#MeToo)
    /// the columns are written with `type`, which never does, first; readers take any order.
    public static func write(_ entries: [GlossaryEntry]) -> String {
        var columns = Self.columns(for: entries)
        if entries.contains(where: { $0.english.hasPrefix("#") }) {
            columns.removeAll { $0 == .type }
            columns.insert(.type, at: 0)
        }
        var output = columns.map(\.rawValue).joined(separator: "\t") + "\n"
        // A row without roles ends at its note, as people write such rows.
        let withoutRoles = columns.last == .roles ? Array(columns.dropLast()) : columns
        for entry in entries {
            output += row(entry, columns: entry.roles.isEmpty ? withoutRoles : columns, withDerivedSimplified: false) + "\n"
        }
        return output
    }

    /// One entry as a TSV row of `columns`, without its line end.
    /// - Parameter withDerivedSimplified: whether a Simplified form ICU derived is written;
    ///   a glossary leaves it out (its `zh` cell empty), so that reading derives it again.
    public static func row(_ entry: GlossaryEntry, columns: [GlossaryColumn] = GlossaryColumn.allCases, withDerivedSimplified: Bool = true) -> String {
        columns.map { column -> String in
            let cell: String
            switch column {
            case .english: cell = entry.english
            case .simplified: cell = withDerivedSimplified ? entry.simplified : entry.sourceSimplified
            case .traditional: cell = entry.traditional ?? ""
            case .pinyin: cell = entry.pinyin ?? ""
            case .type: cell = entry.type.rawValue
            case .englishVariants: cell = entry.englishVariants.joined(separator: "|")
            case .chineseVariants: cell = entry.chineseVariants.joined(separator: "|")
            case .note: cell = entry.note ?? ""
            case .roles: cell = GlossaryEntry.Role.cell(entry.roles)
            }
            // Tabs and line breaks cannot live in a TSV cell; they become spaces.
            return String(cell.map { $0 == "\t" || $0.isNewline ? " " : $0 })
        }.joined(separator: "\t")
    }
}
