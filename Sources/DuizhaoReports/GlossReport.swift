import DuizhaoGlossary
import DuizhaoText

/// How `duizhao gloss` marks terms.
public enum GlossFormat: String, CaseIterable, Sendable {
    /// Inline: 周鸿祎[Zhou Hongyi], Zhou Hongyi[周鸿祎].
    case text
    /// A page: pinyin as `<ruby>`, the other-language form on hover.
    case html
    /// The text with its term spans, offsets and entry ids.
    case json
}

/// Marks every glossary term in a text with its other-language form.
public final class GlossReport {
    private let termBase: TermBase
    private let terms: WordTerms
    private let pinyin: PinyinConverter

    /// Creates a report over loaded glossaries.
    /// - Throws: `ICUError` when ICU fails.
    public init(glossaries: GlossarySet) throws(ICUError) {
        termBase = glossaries.termBase
        terms = try WordTerms(glossaries: glossaries)
        pinyin = try PinyinConverter(lexicon: termBase.pinyinLexicon())
    }

    /// `text` glossed in `format`.
    /// - Throws: `ICUError` when ICU fails.
    public func render(_ text: String, format: GlossFormat) throws(ICUError) -> String {
        let matches = try terms.matches(in: text).filter { !$0.isUnitOfNumber(in: text) }
        switch format {
        case .text: return renderText(text, matches)
        case .html: return try renderHTML(text, matches)
        case .json: return try renderJSON(text, matches)
        }
    }

    private func entry(_ match: TermMatch) -> GlossaryEntry { termBase.entries[Int(match.entries[0])] }

    /// The form in the other language: English for a Chinese term (a dictionary word's first
    /// plain sense, as annotate shows it), Chinese for an English one.
    private func rendering(_ match: TermMatch) -> String {
        let entry = entry(match)
        guard match.isChinese else { return entry.simplified }
        return GlossaryEntry.englishRendering(of: match.entries.map { termBase.entries[Int($0)] }) ?? entry.english
    }

    private func reading(_ match: TermMatch, _ text: String) throws(ICUError) -> String? {
        guard match.isChinese else { return nil }
        let term = text[match.range]
        // The entry's own pinyin fits only the form it was written for (not a variant or 360集团's digits).
        if let pinyin = entry(match).pinyin, entry(match).chineseTerms.first == String(term) { return pinyin }
        return try pinyin.pinyin(term)
    }

    private func renderText(_ text: String, _ matches: [TermMatch]) -> String {
        var output = ""
        var position = text.startIndex
        for match in matches {
            output += text[position..<match.range.upperBound]
            output += "[\(rendering(match))]"
            position = match.range.upperBound
        }
        output += text[position...]
        return output
    }

    private func renderHTML(_ text: String, _ matches: [TermMatch]) throws(ICUError) -> String {
        var body = ""
        var position = text.startIndex
        for match in matches {
            body += Self.paragraphs(text[position..<match.range.lowerBound])
            let entry = entry(match)
            var title = rendering(match)
            if let note = entry.note { title += " — " + note }
            let term = HTML.escape(text[match.range])
            let kind = match.isChinese ? "zh" : "en"
            if let reading = try reading(match, text) {
                body += "<span class=\"term \(kind) \(entry.type.rawValue)\" title=\"\(HTML.escape(title))\"><ruby>\(term)<rt>\(HTML.escape(reading))</rt></ruby></span>"
            } else {
                body += "<span class=\"term \(kind) \(entry.type.rawValue)\" title=\"\(HTML.escape(title))\">\(term)</span>"
            }
            position = match.range.upperBound
        }
        body += Self.paragraphs(text[position...])
        return """
            <!DOCTYPE html>
            <html lang="zh">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Duizhao gloss</title>
            <style>
            body { font: 18px/1.9 system-ui, "Noto Sans CJK SC", sans-serif; max-width: 46rem; margin: 1rem auto; padding: 0 1rem; }
            .term { border-bottom: 2px solid #3b82f6; cursor: help; }
            .term.person { border-color: #d97706; } .term.place { border-color: #059669; } .term.organization { border-color: #7c3aed; }
            rt { font-size: 0.6em; color: #555; }
            </style>
            </head>
            <body>
            <p>\(body)</p>
            </body>
            </html>

            """
    }

    /// Escaped text with blank lines made paragraph breaks and single line breaks `<br>`.
    private static func paragraphs(_ text: Substring) -> String {
        HTML.escape(text)
            .replacingLineBreaks()
    }

    private func renderJSON(_ text: String, _ matches: [TermMatch]) throws(ICUError) -> String {
        var spans: [String] = []
        for match in matches {
            let entry = entry(match)
            var object = JSONLine()
            object.add("text", String(text[match.range]))
            object.add("start", match.utf8Range.lowerBound)
            object.add("end", match.utf8Range.upperBound)
            object.add("language", match.isChinese ? "zh" : "en")
            object.add("id", entry.origin.description)
            object.add("layer", entry.origin.layer.description)
            object.add("en", entry.english)
            object.add("zh", entry.simplified)
            if let traditional = entry.traditional { object.add("zh_hant", traditional) }
            if let reading = try reading(match, text) { object.add("pinyin", reading) }
            object.add("type", entry.type.rawValue)
            if let note = entry.note { object.add("note", note) }
            spans.append(object.finished)
        }
        var document = JSONLine()
        document.add("text", text)
        document.add("spans", json: "[" + spans.joined(separator: ",\n") + "]")
        return document.finished + "\n"
    }
}

extension String {
    /// Blank lines become paragraph breaks, other line breaks `<br>` (for escaped text).
    fileprivate func replacingLineBreaks() -> String {
        let normalized = self.lineSlices()
        guard normalized.count > 1 || hasSuffix("\n") else { return self }
        var output = ""
        var blank = false
        for (index, line) in normalized.enumerated() {
            if line.isEmpty {
                blank = true
                continue
            }
            if index > 0 { output += blank ? "</p>\n<p>" : "<br>\n" }
            blank = false
            output += line
        }
        if hasSuffix("\n") { output += blank ? "</p>\n<p>" : "<br>\n" }
        return output
    }
}

extension TermMatch {
    /// Whether the match is one character right after a decimal digit (Arabic or full-width),
    /// most often the unit of a number or date (2月, 18日, 150人, 560万), which a dictionary gloss would only
    /// mislead about (月 "moon"). Chinese numerals (一两年) are glossed as words.
    func isUnitOfNumber(in text: String) -> Bool {
        guard text[range].count == 1, range.lowerBound > text.startIndex else { return false }
        let before = text[text.index(before: range.lowerBound)].unicodeScalars
        return before.count == 1 && before.first!.properties.numericType == .decimal
    }
}
