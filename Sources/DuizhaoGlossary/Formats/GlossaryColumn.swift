/// A column of a tabular glossary (Duizhao TSV, or CSV as CAT tools export it).
public enum GlossaryColumn: String, CaseIterable, Sendable {
    case english = "en"
    case simplified = "zh"
    case traditional = "zh-Hant"
    case pinyin
    case type
    case englishVariants = "en-variants"
    case chineseVariants = "zh-variants"
    case note

    /// The column a header cell names, by language tag or name, any case.
    public init?(header: Substring) {
        switch header.trimmingWhitespace().lowercased() {
        case "en", "en-us", "en-gb", "eng", "english": self = .english
        case "zh", "zh-cn", "zh-hans", "zh-sg", "zh-hans-cn", "chinese", "zho", "cmn": self = .simplified
        case "zh-hant", "zh-tw", "zh-hk", "zh-mo", "zh-hant-tw", "zh-hant-hk": self = .traditional
        case "pinyin": self = .pinyin
        case "type": self = .type
        case "en-variants": self = .englishVariants
        case "zh-variants": self = .chineseVariants
        case "note", "notes", "comment", "comments", "definition": self = .note
        default: return nil
        }
    }
}

extension StringProtocol where SubSequence == Substring {
    /// Without spaces and tabs at either end.
    func trimmingWhitespace() -> Substring {
        let view = self[...]
        let start = view.firstIndex { !$0.isWhitespace } ?? view.endIndex
        let end = view.lastIndex { !$0.isWhitespace }.map { view.index(after: $0) } ?? start
        return view[start..<Swift.max(start, end)]
    }
}
