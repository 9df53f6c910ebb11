/// The formats glossaries are read in.
public enum GlossaryFormat: String, CaseIterable, Sendable, Hashable {
    case tsv, csv, tbx, cedict

    /// The name messages use.
    public var name: String {
        switch self {
        case .tsv: "TSV"
        case .csv: "CSV"
        case .tbx: "TBX"
        case .cedict: "CC-CEDICT"
        }
    }

    /// The extension that names the format.
    public var fileExtension: String { self == .cedict ? "u8" : rawValue }
}

/// What a reader is told about a glossary file beyond its bytes.
public struct GlossaryReadOptions: Sendable, Hashable {
    /// The format; nil to go by the file's extension, or its content.
    public var format: GlossaryFormat?
    /// The languages of a table's first two columns, whatever its header says (`en,zh`):
    /// for a file whose header names sides (`source,target`) or nothing at all.
    public var languages: [GlossaryLanguage]?
    /// How the command line spells the option that sets `format`, for hints.
    public var formatOption: String

    public init(format: GlossaryFormat? = nil, languages: [GlossaryLanguage]? = nil, formatOption: String = "--format") {
        self.format = format
        self.languages = languages
        self.formatOption = formatOption
    }

    /// The languages of a `--languages` value: two names or tags separated by a comma, one
    /// English and one Chinese (`en,zh`, `zh_TW,en_US`, `English,中文`).
    /// - Returns: nil when it is not two such languages.
    public static func languages(_ value: String) -> [GlossaryLanguage]? {
        let parts = value.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let languages = parts.compactMap { GlossaryLanguage(name: $0) }
        guard languages.count == 2 else { return nil }
        let columns = Set(languages.map(\.column))
        guard columns.contains(.english), columns.contains(.simplified) || columns.contains(.traditional) else { return nil }
        return languages
    }
}
