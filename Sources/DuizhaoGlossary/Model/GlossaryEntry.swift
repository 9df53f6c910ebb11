import DuizhaoText

/// What kind of thing a glossary entry names.
public enum TermType: String, Sendable, Hashable, Codable, CaseIterable {
    case person, organization, product, place, term, other
}

/// Which layer of glossaries an entry comes from; earlier layers take precedence.
public enum GlossaryLayer: Int, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Glossaries the user names (`--glossary FILE`).
    case user = 0
    /// Glossaries shipped in `Glossaries/`.
    case shipped = 1
    /// The general dictionary, CC-CEDICT.
    case dictionary = 2
    /// The English → Chinese dictionary, ECDICT's frequent words (`EnglishDictionary`).
    case englishDictionary = 3

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .user: "user"
        case .shipped: "shipped"
        case .dictionary: "dictionary"
        case .englishDictionary: "english-dictionary"
        }
    }
}

/// Where an entry was read: file, line and layer.
public struct EntryOrigin: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var layer: GlossaryLayer

    public init(file: String, line: Int, layer: GlossaryLayer) {
        self.file = file
        self.line = line
        self.layer = layer
    }

    public var description: String { "\(file):\(line)" }
}

/// One concept: its English and Chinese terms in both scripts, pinyin, type and note.
///
/// The fields mirror the columns of Duizhao's TSV format, so that an entry reads and writes
/// without loss.
public struct GlossaryEntry: Sendable, Hashable {
    /// The preferred English rendering ("Zhou Hongyi"); empty for a Chinese-only entry.
    public var english: String
    /// Other English forms ("Hongyi Zhou").
    public var englishVariants: [String]
    /// The Simplified Chinese term ("周鸿祎").
    public var simplified: String
    /// The Traditional Chinese term ("周鴻禕"); nil when the source gave none.
    public var traditional: String?
    /// Other Chinese forms, in either script ("臺積電", "奇虎360").
    public var chineseVariants: [String]
    /// Pinyin with tone marks ("Zhōu Hóngyī"); nil when the source gave none.
    public var pinyin: String?
    public var type: TermType
    public var note: String?
    /// Positions that name the person in Chinese texts, each with its English when known
    /// (360集团创办人 = founder of 360 Group): a source that names the role names the person.
    public var roles: [Role]
    /// Whether the source gave only the Traditional term, so that `simplified` is ICU's
    /// conversion of it (Traditional → Simplified, which is reliable) rather than the source's
    /// word. Writers leave such a Simplified form out, so that it is derived again on reading.
    public var simplifiedIsDerived: Bool
    public var origin: EntryOrigin

    public init(
        english: String, englishVariants: [String] = [], simplified: String, traditional: String? = nil,
        chineseVariants: [String] = [], pinyin: String? = nil, type: TermType = .term, note: String? = nil, roles: [Role] = [],
        simplifiedIsDerived: Bool = false, origin: EntryOrigin
    ) {
        self.english = english
        self.englishVariants = englishVariants
        self.simplified = simplified
        self.traditional = traditional
        self.chineseVariants = chineseVariants
        self.pinyin = pinyin
        self.type = type
        self.note = note
        self.roles = roles
        self.simplifiedIsDerived = simplifiedIsDerived
        self.origin = origin
    }

    /// Whether `text`, given as an English term, is Chinese instead: Chinese characters and no
    /// Latin letter. Every reader refuses such a term, so that what one format reads another
    /// can write and read back.
    static func isChineseNotEnglish(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains { ScriptClass($0) == .han } && !text.unicodeScalars.contains { ScriptClass($0) == .latin }
    }

    /// The Simplified form as the source gave it: empty when ICU derived it from the
    /// Traditional one. What glossary writers write, so that reading derives it again.
    public var sourceSimplified: String {
        simplifiedIsDerived && !(traditional ?? "").isEmpty ? "" : simplified
    }

    /// Every English form, the preferred first, without empties.
    public var englishTerms: [String] { ([english] + englishVariants).filter { !$0.isEmpty } }

    /// Every Chinese form, both scripts, the Simplified first, without repeats or empties.
    public var chineseTerms: [String] {
        var seen = Set<String>()
        return ([simplified] + [traditional ?? ""] + chineseVariants).filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
