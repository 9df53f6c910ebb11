import DuizhaoGlossary
import DuizhaoText

/// A glossary term found in a text, as the HTML report marks it: its UTF-8 range, its type,
/// its other-language form (the hover title) and, for a Chinese name, its pinyin (`<ruby>`).
public struct TermMark: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int
    /// The entry's type (`person`, `organization`, `place`, `term` …), a CSS class.
    public var type: String
    /// The entry's Simplified Chinese form.
    public var term: String
    /// The rendering shown on hover: the English for Chinese text, the Chinese for English.
    public var title: String
    /// The pinyin shown above a Chinese name.
    public var ruby: String?

    public init(start: Int, end: Int, type: String, term: String, title: String, ruby: String? = nil) {
        self.start = start
        self.end = end
        self.type = type
        self.term = term
        self.title = title
        self.ruby = ruby
    }
}

/// Finds glossary terms, names with their pinyin and word glosses in a text, and writes the
/// text as escaped HTML with them marked: what the HTML report and the review pages share.
public final class TermMarker {
    private let glossaries: GlossarySet
    /// The source's words, for its gloss.
    private let words: WordTerms
    private let pinyin: PinyinConverter

    /// - Throws: `ICUError` when ICU fails.
    public init(glossaries: GlossarySet) throws(ICUError) {
        self.glossaries = glossaries
        pinyin = try PinyinConverter(lexicon: glossaries.termBase.pinyinLexicon())
        words = try WordTerms(glossaries: glossaries)
    }

    /// The glossary terms (the dictionary's words left out) of one language's side of `text`.
    public func marks(in text: String, chinese: Bool) throws(ICUError) -> [TermMark] {
        var marks: [TermMark] = []
        for match in try glossaries.matcher.matches(in: text) where match.isChinese == chinese {
            guard let entry = match.entries.map({ glossaries.termBase.entries[Int($0)] }).first(where: { $0.origin.layer != .dictionary })
            else { continue }
            var mark = TermMark(
                start: match.utf8Range.lowerBound, end: match.utf8Range.upperBound, type: entry.type.rawValue, term: entry.simplified,
                title: chinese ? entry.english : entry.simplified)
            if chinese && (entry.type == .person || entry.type == .organization || entry.type == .place) {
                let surface = String(text[match.range])
                var reading = entry.pinyin.flatMap { entry.chineseTerms.first == surface ? $0 : nil } ?? ""
                if reading.isEmpty { reading = try pinyin.pinyin(surface) }
                mark.ruby = reading
            }
            marks.append(mark)
        }
        return marks
    }

    /// `text` as escaped HTML, each mark a `<span class="term TYPE">` (with `<ruby>` pinyin when
    /// it has one) and each flagged range, where no mark overlaps it, a `<mark class="flagged">`.
    public static func html(_ text: String, marks: [TermMark], flagged: [Range<Int>] = []) -> String {
        var spans: [(Range<Int>, String, String)] = []  // range, opening, closing
        for mark in marks {
            let open = "<span class=\"term \(HTML.escape(mark.type))\" data-term=\"\(HTML.escape(mark.term))\" title=\"\(HTML.escape(mark.title))\">"
            if let ruby = mark.ruby {
                spans.append((mark.start..<mark.end, open + "<ruby>", "<rt>\(HTML.escape(ruby))</rt></ruby></span>"))
            } else {
                spans.append((mark.start..<mark.end, open, "</span>"))
            }
        }
        for range in flagged where !spans.contains(where: { $0.0.overlaps(range) }) {
            spans.append((range, "<mark class=\"flagged\">", "</mark>"))
        }
        spans.sort { $0.0.lowerBound < $1.0.lowerBound }
        let bytes = Array(text.utf8)
        var output = ""
        var position = 0
        for (range, open, close) in spans where range.lowerBound >= position && range.upperBound <= bytes.count {
            output += HTML.escape(String(decoding: bytes[position..<range.lowerBound], as: UTF8.self))
            output += open + HTML.escape(String(decoding: bytes[range], as: UTF8.self)) + close
            position = range.upperBound
        }
        output += HTML.escape(String(decoding: bytes[position...], as: UTF8.self))
        return output
    }

    /// `text` safe inside an HTML element or a double-quoted attribute.
    public static func escape(_ text: some StringProtocol) -> String { HTML.escape(text) }

    /// The span glossed: each glossary term and dictionary word, where the segmenter reads one
    /// (`WordTerms`), followed by its English in brackets, `周鸿祎[Zhou Hongyi]`. Glossary
    /// entries first; for dictionary words the first gloss that is no surname, variant,
    /// abbreviation or cross-reference. A number's unit character (月 in 2月) is left unglossed.
    public func gloss(_ text: String) throws(ICUError) -> String {
        var output = ""
        var position = text.startIndex
        for match in try words.matches(in: text) where match.isChinese {
            let entries = match.entries.map { glossaries.termBase.entries[Int($0)] }
            guard let rendering = GlossaryEntry.englishRendering(of: entries), match.range.lowerBound >= position else { continue }
            // The number is compared as a quantity; its unit needs no gloss.
            if match.isUnitOfNumber(in: text) { continue }
            output += text[position..<match.range.upperBound]
            output += "[\(rendering)]"
            position = match.range.upperBound
        }
        output += text[position...]
        return output
    }

    /// Names (people, organizations, places) in the span with their pinyin: "周鸿祎 Zhōu Hóngyī".
    public func names(in text: String) throws(ICUError) -> [(chinese: String, pinyin: String, english: String)] {
        var output: [(String, String, String)] = []
        var seen = Set<String>()
        for match in try glossaries.matcher.matches(in: text) where match.isChinese {
            guard let entry = match.entries.map({ glossaries.termBase.entries[Int($0)] }).first(where: { $0.origin.layer != .dictionary }),
                entry.type == .person || entry.type == .organization || entry.type == .place
            else { continue }
            let surface = String(text[match.range])
            guard seen.insert(surface).inserted else { continue }
            var reading = entry.pinyin.flatMap { entry.chineseTerms.first == surface ? $0 : nil } ?? ""
            if reading.isEmpty { reading = try pinyin.pinyin(surface) }
            output.append((surface, reading, entry.english))
        }
        return output
    }
}
