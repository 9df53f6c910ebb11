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
    /// A person's roles (`360集团创办人=founder of 360 Group|360集团董事长`), last so that
    /// files written before it keep their columns.
    case roles

    /// The column a header cell names, by language tag or name, any case.
    public init?(header: Substring) {
        switch header.trimmingWhitespace().lowercased() {
        case "pinyin": self = .pinyin
        case "type": self = .type
        case "en-variants": self = .englishVariants
        case "zh-variants": self = .chineseVariants
        case "roles", "role": self = .roles
        case let name where ["note", "comment", "definition", "description", "remark", "备注", "備註", "注释", "註釋", "说明", "說明"].contains(where: name.contains):
            self = .note  // "English definition", "Translator's comment"
        default:
            guard let language = GlossaryLanguage(name: header) else { return nil }
            self = language.column
        }
    }
}

/// A language a glossary column or section holds, as people write it: a locale code with a
/// hyphen or an underscore (`en_US`, `zh-CN`, `zh_Hant`), or a name in English or Chinese
/// (`English`, `Chinese (Simplified)`, `简体中文`, `英文`).
public struct GlossaryLanguage: Sendable, Hashable {
    /// The column it fills: `english`, `simplified`, `traditional` or `pinyin`.
    public var column: GlossaryColumn
    /// Whether the name says which Chinese script (`zh-CN`, `zh-Hant`, `Chinese (Traditional)`)
    /// rather than only Chinese (`zh`, `Chinese`, `中文`), whose script the terms then show.
    public var declaresScript: Bool

    public init(column: GlossaryColumn, declaresScript: Bool = true) {
        self.column = column
        self.declaresScript = declaresScript
    }

    /// The language `name` names, or nil for another language or no language.
    public init?(name: some StringProtocol) {
        let lowered = String(name).trimmingWhitespace().lowercased()
        let subtags = lowered.split { $0 == "-" || $0 == "_" }.map(String.init)
        if let first = subtags.first, subtags.allSatisfy({ $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }) {
            switch first {
            case "en", "eng":
                self.init(column: .english)
                return
            case "zh", "zho", "chi", "cmn":
                let rest = Set(subtags.dropFirst())
                // An explicit script decides; else the region: Taiwan, Hong Kong and Macau
                // write Traditional, the mainland and Singapore Simplified.
                if rest.contains("hans") {
                    self.init(column: .simplified)
                } else if rest.contains("hant") {
                    self.init(column: .traditional)
                } else if rest.contains("latn") || rest.contains("pinyin") {
                    self.init(column: .pinyin)
                } else if !rest.isDisjoint(with: ["tw", "hk", "mo"]) {
                    self.init(column: .traditional)
                } else if !rest.isDisjoint(with: ["cn", "sg", "my"]) {
                    self.init(column: .simplified)
                } else {
                    self.init(column: .simplified, declaresScript: false)
                }
                return
            default:
                break
            }
        }
        func has(_ words: [String]) -> Bool { words.contains { lowered.contains($0) } }
        if has(["english", "英文", "英语", "英語"]) {
            self.init(column: .english)
        } else if has(["chinese", "中文", "汉语", "漢語", "华语", "華語", "汉字", "漢字"]) {
            if has(["traditional", "繁体", "繁體", "taiwan", "hong kong", "macao", "macau", "台湾", "台灣", "臺灣", "香港"]) {
                self.init(column: .traditional)
            } else if has(["simplified", "简体", "簡體", "prc", "china", "mainland", "singapore", "中国", "中國", "大陆", "大陸"]) {
                self.init(column: .simplified)
            } else {
                self.init(column: .simplified, declaresScript: false)
            }
        } else if has(["简体", "簡體"]) {
            self.init(column: .simplified)
        } else if has(["繁体", "繁體"]) {
            self.init(column: .traditional)
        } else {
            return nil
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
