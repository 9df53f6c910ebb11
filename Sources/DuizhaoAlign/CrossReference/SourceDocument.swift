import DuizhaoText

/// One sentence of a source document.
public struct SourceSentence: Sendable, Hashable {
    /// The sentence, whitespace trimmed.
    public var text: String
    /// Where it stands in the document's readable text (UTF-8 offsets).
    public var range: Range<Int>
    public var language: LanguageLabel
    /// Whether it is the document's title (its first line, standing alone).
    public var isTitle: Bool

    public init(text: String, range: Range<Int>, language: LanguageLabel, isTitle: Bool = false) {
        self.text = text
        self.range = range
        self.language = language
        self.isTitle = isTitle
    }
}

/// A source an article cites: a file (plain text, Markdown or HTML) or Chinese text taken from
/// the article itself (a reference title, a quotation), split into sentences.
public struct SourceDocument: Sendable, Hashable {
    /// The file as the user named it, or `article#ref-1`, `article#quote-1` for text taken
    /// from the article.
    public var file: String
    /// The readable text (markup removed).
    public var text: String
    public var sentences: [SourceSentence]
    /// The first line, when it stands alone (a blank line after it) and ends without a full stop.
    public var title: String?
    /// For text taken from the article: the reference label it came from.
    public var referenceLabel: String?

    public init(file: String, text: String, sentences: [SourceSentence], title: String?, referenceLabel: String? = nil) {
        self.file = file
        self.text = text
        self.sentences = sentences
        self.title = title
        self.referenceLabel = referenceLabel
    }

    /// Reads a source from its text.
    /// - Parameters:
    ///   - file: its name, as the user gave it.
    ///   - input: its contents.
    ///   - format: how to read it (markup is removed from Markdown and HTML).
    ///   - segmenter: the sentence segmenter to use.
    public init(file: String, input: String, format: ArticleFormat, segmenter: SentenceSegmenter) throws(ICUError) {
        let readable = format == .plain ? input : Article(reading: input, format: format).text
        self.file = file
        self.text = readable
        self.referenceLabel = nil
        // The title: the first non-empty line, when a blank line or the end follows it.
        let lines = readable.split(separator: "\n", omittingEmptySubsequences: false)
        var titleLine: Substring?
        if let first = lines.firstIndex(where: { !$0.trimmedSpaces.isEmpty }) {
            let next = lines.index(after: first)
            if next == lines.endIndex || lines[next].trimmedSpaces.isEmpty {
                let candidate = lines[first].drop { $0 == "#" || $0 == " " }
                // A title ends without a full stop.
                let ending = candidate.trimmedSpaces.last
                if candidate.count <= 120, let ending, !"。．.！!？?".contains(ending) { titleLine = candidate }
            }
        }
        title = titleLine.map { $0.trimmedSpaces }
        var result: [SourceSentence] = []
        let titleEnd = titleLine.map { readable.utf8.distance(from: readable.startIndex, to: $0.endIndex) }
        for sentence in try segmenter.sentences(in: readable) where sentence.kind != .blank {
            var content = readable[sentence.contentRange]
            // A heading without its Markdown marker.
            if sentence.kind == .heading { content = content.drop { $0 == "#" || $0 == " " } }
            let text = Self.oneLine(content)
            guard !text.isEmpty else { continue }
            let start = readable.utf8.distance(from: readable.startIndex, to: content.startIndex)
            let end = readable.utf8.distance(from: readable.startIndex, to: sentence.contentRange.upperBound)
            let isTitle = result.isEmpty && titleEnd != nil && end <= titleEnd!
            result.append(SourceSentence(text: text, range: start..<end, language: sentence.language, isTitle: isTitle))
        }
        sentences = result
    }

    /// A source of one or a few sentences of Chinese taken from an article.
    public init(file: String, fragment: String, referenceLabel: String?, segmenter: SentenceSegmenter) throws(ICUError) {
        try self.init(file: file, input: fragment, format: .plain, segmenter: segmenter)
        self.referenceLabel = referenceLabel
        self.title = nil
        for index in sentences.indices { sentences[index].isTitle = false }
    }

    /// Line breaks inside a sentence become spaces (between Han characters, nothing).
    static func oneLine(_ text: Substring) -> String {
        var output = ""
        var pendingBreak = false
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\r" {
                pendingBreak = true
                continue
            }
            if pendingBreak {
                let previousHan = output.unicodeScalars.last.map { ScriptClass($0) == .han } ?? false
                let nextHan = character.unicodeScalars.first.map { ScriptClass($0) == .han } ?? false
                if !(previousHan && nextHan) && output.last != " " && character != " " { output.append(" ") }
                pendingBreak = false
            }
            output.append(character)
        }
        return output.trimmedSpaces
    }
}

extension StringProtocol {
    /// Without spaces, tabs and line breaks at either end.
    var trimmedSpaces: String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" || first.isNewline { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" || last.isNewline { slice = slice.dropLast() }
        return String(slice)
    }
}
