import DuizhaoText

/// Turns rows of cells (from TSV or CSV) into entries, checking each cell.
///
/// Shared by the TSV and CSV readers so that both report the same problems the same way.
struct GlossaryTable {
    /// One cell, with where it starts for messages.
    struct Cell {
        var text: Substring
        var line: Int
        var column: Int
    }

    let file: String
    let layer: GlossaryLayer
    let columns: [GlossaryColumn?]
    private(set) var entries: [GlossaryEntry] = []
    private(set) var diagnostics: [GlossaryDiagnostic] = []

    init(file: String, layer: GlossaryLayer, columns: [GlossaryColumn?]) {
        self.file = file
        self.layer = layer
        self.columns = columns
    }

    /// The columns of a header row, or nil when the row is not a header.
    static func columns(ofHeader cells: [Substring]) -> [GlossaryColumn?]? {
        let columns = cells.map(GlossaryColumn.init(header:))
        guard columns.contains(.english) || columns.contains(.simplified) || columns.contains(.traditional) else { return nil }
        return columns
    }

    mutating func error(_ message: String, line: Int, column: Int) {
        diagnostics.append(GlossaryDiagnostic(file: file, line: line, column: column, message: message))
    }

    mutating func warning(_ message: String, line: Int, column: Int) {
        diagnostics.append(GlossaryDiagnostic(file: file, line: line, column: column, severity: .warning, message: message))
    }

    /// Checks one data row and adds its entry.
    mutating func addRow(_ cells: [Cell], line: Int) {
        if cells.count > columns.count {
            let extra = cells[columns.count]
            error("\(cells.count) cells, but the header names \(columns.count) columns", line: line, column: extra.column)
            return
        }
        var values: [GlossaryColumn: Cell] = [:]
        for (cell, column) in zip(cells, columns) {
            guard let column else { continue }
            if cell.text != cell.text.trimmingWhitespace() {
                warning("spaces around '\(cell.text.trimmingWhitespace())'", line: line, column: cell.column)
            }
            values[column] = Cell(text: cell.text.trimmingWhitespace(), line: cell.line, column: cell.column)
        }
        func text(_ column: GlossaryColumn) -> String? {
            guard let value = values[column]?.text, !value.isEmpty else { return nil }
            return String(value)
        }
        func variants(_ column: GlossaryColumn) -> [String] {
            (text(column) ?? "").split(separator: "|").map { String($0.trimmingWhitespace()) }.filter { !$0.isEmpty }
        }
        let rowColumn = cells.first?.column ?? 1
        guard let simplified = text(.simplified) ?? text(.traditional) else {
            error("no Chinese term (column zh or zh-Hant)", line: line, column: values[.simplified]?.column ?? rowColumn)
            return
        }
        guard let english = text(.english) else {
            error("no English term (column en)", line: line, column: values[.english]?.column ?? rowColumn)
            return
        }
        for column in [GlossaryColumn.simplified, .traditional] {
            // Chinese media write some names as they are (OpenAI, Kimi); anything else is a slip.
            guard let cell = values[column], !cell.text.isEmpty, cell.text != english[...] else { continue }
            if !cell.text.unicodeScalars.contains(where: { ScriptClass($0) == .han }) {
                warning("'\(cell.text)' in column \(column.rawValue) has no Chinese characters", line: line, column: cell.column)
            }
        }
        if let cell = values[.english], GlossaryEntry.isChineseNotEnglish(cell.text) {
            error("'\(cell.text)' in column en is Chinese", line: line, column: cell.column)
            return
        }
        var type = TermType.term
        if let cell = values[.type], !cell.text.isEmpty {
            guard let parsed = TermType(rawValue: cell.text.lowercased()) else {
                let allowed = TermType.allCases.map(\.rawValue).joined(separator: ", ")
                error("unknown type '\(cell.text)' (one of: \(allowed))", line: line, column: cell.column)
                return
            }
            type = parsed
        }
        entries.append(
            GlossaryEntry(
                english: english, englishVariants: variants(.englishVariants),
                simplified: simplified,
                traditional: text(.traditional), chineseVariants: variants(.chineseVariants),
                pinyin: text(.pinyin), type: type, note: text(.note),
                origin: EntryOrigin(file: file, line: line, layer: layer)))
    }
}
