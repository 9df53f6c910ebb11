import DuizhaoText

/// Turns rows of cells (from TSV or CSV) into entries: finds the header and what each column
/// holds, then checks each cell.
///
/// Shared by the TSV and CSV readers so that both read headers alike and report the same
/// problems the same way.
struct GlossaryTable {
    /// One cell, with where it starts for messages.
    struct Cell {
        var text: Substring
        var line: Int
        var column: Int
    }

    /// What a header cell names.
    enum HeaderCell: Equatable {
        case column(GlossaryColumn, declaresScript: Bool)
        /// `source` or `target` (0 or 1): a language the content shows.
        case side(Int)
        case unknown
    }

    /// Header words that name a side of a bilingual glossary rather than a language.
    static let sideNames: [String: Int] = [
        "source": 0, "src": 0, "source term": 0, "source text": 0, "source language": 0, "term": 0, "original": 0, "原文": 0,
        "target": 1, "tgt": 1, "target term": 1, "target text": 1, "target language": 1, "translation": 1, "译文": 1, "譯文": 1,
    ]

    let file: String
    let layer: GlossaryLayer
    let columns: [GlossaryColumn?]
    /// Converts a Traditional-only term into the Simplified form entries also carry.
    let toSimplified: ChineseScriptConverter?
    private(set) var entries: [GlossaryEntry] = []
    private(set) var diagnostics: [GlossaryDiagnostic] = []

    init(file: String, layer: GlossaryLayer, columns: [GlossaryColumn?], toSimplified: ChineseScriptConverter? = nil) {
        self.file = file
        self.layer = layer
        self.columns = columns
        self.toSimplified = toSimplified
    }

    /// Reads a table's rows (blank and comment lines already left out): the first row is a
    /// header when it names languages or sides (`source`, `target`); else the rows are an
    /// OmegaT glossary's, source term, target term and comment.
    /// - Parameters:
    ///   - languages: the languages of the first two columns, whatever a header says.
    ///   - toSimplified: ICU's Traditional → Simplified transform, to tell and convert
    ///     Traditional terms in a column whose header does not say the script; without it,
    ///     such a column is taken as Simplified.
    ///   - cellsOf: a row's cells, made when the row is read, so that a large file's cells are
    ///     never all held at once.
    static func read<Rows: Collection>(
        _ rows: Rows, cellsOf: (Rows.Element) -> [Cell], file: String, layer: GlossaryLayer, languages: [GlossaryLanguage]? = nil,
        toSimplified: ChineseScriptConverter? = nil
    ) -> (entries: [GlossaryEntry], diagnostics: [GlossaryDiagnostic]) {
        guard let first = rows.first.map(cellsOf) else {
            return ([], [GlossaryDiagnostic(file: file, line: 1, column: 1, message: "no header and no entries")])
        }
        let headerLine = first.first?.line ?? 1
        func failure(_ message: String) -> (entries: [GlossaryEntry], diagnostics: [GlossaryDiagnostic]) {
            ([], [GlossaryDiagnostic(file: file, line: headerLine, column: 1, message: message)])
        }
        var header = Self.header(first.map(\.text))
        // Told the languages, a first row whose Chinese cell has no Chinese is a header too
        // ("Term", "Translation").
        if header == nil, let languages,
            let chinese = languages.firstIndex(where: { $0.column == .simplified || $0.column == .traditional }),
            chinese >= first.count || !first[chinese].text.containsHan
        {
            header = first.indices.map { $0 < 2 ? .side($0) : (GlossaryColumn(header: first[$0].text).map { .column($0, declaresScript: true) } ?? .unknown) }
        }
        var cells: [HeaderCell] = header ?? [.side(0), .side(1), .column(.note, declaresScript: true)]
        if let languages {
            for (index, language) in languages.enumerated() {
                while cells.count <= index { cells.append(.unknown) }
                cells[index] = .column(language.column, declaresScript: language.declaresScript)
            }
        }
        let data = header == nil ? rows[...] : rows.dropFirst()
        // Sides take the languages the header does not name, the Chinese one where the cells are.
        let sides = cells.indices.filter { if case .side = cells[$0] { true } else { false } }
        if !sides.isEmpty {
            let named = Set(cells.compactMap { if case .column(let column, _) = $0 { column } else { nil } })
            let hasEnglish = named.contains(.english)
            let hasChinese = named.contains(.simplified) || named.contains(.traditional)
            var chineseSide: Int?
            if !hasChinese {
                // The side with Chinese in the most rows, each row's cells made once.
                var hanCounts = [Int](repeating: 0, count: sides.count)
                for element in data {
                    let row = cellsOf(element)
                    for (k, index) in sides.enumerated() where index < row.count && row[index].text.containsHan { hanCounts[k] += 1 }
                }
                if let most = hanCounts.max(), most > 0 { chineseSide = sides[hanCounts.firstIndex(of: most)!] }
            }
            for index in sides {
                if index == chineseSide {
                    cells[index] = .column(.simplified, declaresScript: false)
                } else if !hasEnglish && (index == sides.first { $0 != chineseSide }) {
                    cells[index] = .column(.english, declaresScript: true)
                } else {
                    cells[index] = .unknown
                }
            }
            if !hasChinese && chineseSide == nil {
                return failure(
                    header == nil
                        ? "no Chinese in the file: the first two columns of its \(data.count) rows hold no Chinese characters"
                        : "no Chinese in the file: the columns \(sides.map { "'\(first[$0].text)'" }.joined(separator: " and ")) hold no Chinese characters")
            }
        }
        let columns = cells.map { cell -> GlossaryColumn? in if case .column(let column, _) = cell { column } else { nil } }
        guard columns.contains(.english) else { return failure("the header names no English column (en)") }
        guard columns.contains(.simplified) || columns.contains(.traditional) else {
            let found = first.map { "'\($0.text)'" }.joined(separator: ", ")
            return failure("the header names no Chinese column (zh, zh-CN, zh-Hans, zh-TW, zh-Hant or Chinese …); it names \(found)")
        }
        // A column that says only "Chinese", beside no Traditional one, has the script its terms show.
        let scriptUndeclared = !columns.contains(.traditional) && cells.contains(.column(.simplified, declaresScript: false))
        var table = GlossaryTable(file: file, layer: layer, columns: columns, toSimplified: toSimplified)
        if let header {
            for (cell, kind) in zip(first, header) where kind == .unknown && languages == nil && !cell.text.trimmingWhitespace().isEmpty {
                table.warning("unknown column '\(cell.text)' is ignored", line: cell.line, column: cell.column)
            }
        }
        for element in data {
            let row = cellsOf(element)
            table.addRow(row, line: row.first?.line ?? headerLine)
        }
        if scriptUndeclared { table.takeTraditionalIfTheTermsAre() }
        return (table.entries, table.diagnostics)
    }

    /// What each cell of a first row names, or nil when the row is not a header: it must name a
    /// language or both sides. A language or side named again is an unknown column.
    static func header(_ cells: [Substring]) -> [HeaderCell]? {
        var named = Set<String>()
        let parsed = cells.map { cell -> HeaderCell in
            let kind: HeaderCell
            if let side = sideNames[cell.trimmingWhitespace().lowercased()] {
                kind = .side(side)
            } else if let column = GlossaryColumn(header: cell) {
                kind = .column(column, declaresScript: GlossaryLanguage(name: cell)?.declaresScript ?? true)
            } else {
                return .unknown
            }
            switch kind {
            case .side(let side): return named.insert("side \(side)").inserted ? kind : .unknown
            case .column(let column, _) where [.english, .simplified, .traditional].contains(column):
                return named.insert(column.rawValue).inserted ? kind : .unknown
            default: return kind
            }
        }
        let languages = parsed.filter { if case .column(let column, _) = $0 { [.english, .simplified, .traditional].contains(column) } else { false } }
        let sides = parsed.filter { if case .side = $0 { true } else { false } }
        guard !languages.isEmpty || sides.count == 2 else { return nil }
        return parsed
    }

    mutating func error(_ message: String, line: Int, column: Int) {
        diagnostics.append(GlossaryDiagnostic(file: file, line: line, column: column, extent: .entry, message: message))
    }

    mutating func warning(_ message: String, line: Int, column: Int) {
        diagnostics.append(GlossaryDiagnostic(file: file, line: line, column: column, severity: .warning, message: message))
    }

    /// Moves the terms of a column that did not say its script to `traditional` when they are
    /// Traditional (`[GlossaryEntry].takeTraditionalIfTheTermsAre`).
    mutating func takeTraditionalIfTheTermsAre() {
        guard let toSimplified else { return }
        entries.takeTraditionalIfTheTermsAre(at: entries.indices, toSimplified: toSimplified)
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
            let text = cell.text.trimmingWhitespace()
            // Several note columns (comment, definition) are joined; another column named twice keeps its last cell.
            if column == .note, let earlier = values[.note], !earlier.text.isEmpty {
                if !text.isEmpty { values[.note]?.text = earlier.text + "; " + text }
                continue
            }
            values[column] = Cell(text: text, line: cell.line, column: cell.column)
        }
        func text(_ column: GlossaryColumn) -> String? {
            guard let value = values[column]?.text, !value.isEmpty else { return nil }
            return String(value)
        }
        func variants(_ column: GlossaryColumn) -> [String] {
            (text(column) ?? "").split(separator: "|").map { String($0.trimmingWhitespace()) }.filter { !$0.isEmpty }
        }
        let rowColumn = cells.first?.column ?? 1
        guard let chinese = text(.simplified) ?? text(.traditional) else {
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
            if !cell.text.containsHan {
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
        var roles: [GlossaryEntry.Role] = []
        if let cell = values[.roles], !cell.text.isEmpty {
            do {
                roles = try GlossaryEntry.Role.parse(cell.text)
            } catch {
                self.error(error.message, line: line, column: cell.column + error.offset)
                return
            }
        }
        // Only a Traditional term: the Simplified one is ICU's conversion of it.
        let isDerived = text(.simplified) == nil
        let simplified = isDerived ? ((try? toSimplified?.convert(chinese)) ?? chinese) : chinese
        entries.append(
            GlossaryEntry(
                english: english, englishVariants: variants(.englishVariants),
                simplified: simplified,
                traditional: text(.traditional), chineseVariants: variants(.chineseVariants),
                pinyin: text(.pinyin), type: type, note: text(.note), roles: roles, simplifiedIsDerived: isDerived,
                origin: EntryOrigin(file: file, line: line, layer: layer)))
    }
}

extension StringProtocol {
    /// Whether the text has a Chinese character.
    var containsHan: Bool { unicodeScalars.contains { ScriptClass($0) == .han } }
}
