import DuizhaoText

/// An English sentence of an article: something a source should support.
public struct Claim: Sendable, Hashable {
    /// `c1`, `c2`, … in reading order.
    public var id: String
    /// The sentence as it reads, citation markers and line breaks removed.
    public var text: String
    /// Where the sentence stands in `Article.text` (UTF-8 offsets, markers included).
    public var range: Range<Int>
    /// Where it stands in the input the article was read from (UTF-8 offsets).
    public var originalRange: Range<Int>
    /// The labels of the citation markers the sentence carries (`[1]` → "1").
    public var citations: [String]
    /// The labels cited elsewhere in the same paragraph: a weaker preference.
    public var paragraphCitations: [String]

    public init(id: String, text: String, range: Range<Int>, originalRange: Range<Int>, citations: [String], paragraphCitations: [String]) {
        self.id = id
        self.text = text
        self.range = range
        self.originalRange = originalRange
        self.citations = citations
        self.paragraphCitations = paragraphCitations
    }
}

/// Finds an article's claims: the English sentences of its body, not the blocks the article
/// skips (`Article.skippedBlocks`: headings, boilerplate, the reference list).
public enum ClaimExtractor {
    /// The claims of `article`, in reading order.
    /// - Throws: `ICUError` when ICU fails.
    public static func claims(in article: Article, segmenter: SentenceSegmenter) throws(ICUError) -> [Claim] {
        let text = article.text
        let bytes = Array(text.utf8)
        func offset(_ index: String.Index) -> Int { text.utf8.distance(from: text.startIndex, to: index) }
        // Paragraph breaks: offsets where a blank line ends.
        var paragraphStarts: [Int] = [0]
        var lineStart = 0
        var lineBlank = true
        for (i, byte) in bytes.enumerated() {
            if byte == 0x0A {
                if lineBlank && i > 0 { paragraphStarts.append(i + 1) }
                lineStart = i + 1
                lineBlank = true
            } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                lineBlank = false
            }
        }
        _ = lineStart
        func paragraph(_ offset: Int) -> Int {
            var low = 0
            var high = paragraphStarts.count
            while high - low > 1 {
                let mid = (low + high) / 2
                if paragraphStarts[mid] <= offset { low = mid } else { high = mid }
            }
            return low
        }

        struct Candidate {
            var range: Range<Int>
            var paragraph: Int
            var citations: [Citation] = []
        }
        var candidates: [Candidate] = []
        // Told from the page around it, the body's list items are claims too; otherwise, as
        // headings, only running text is.
        let kinds: Set<SegmentKind> = article.findsBody ? [.sentence, .listItem] : [.sentence]
        let skipped = article.skippedBlocks.map(\.range)
        for sentence in try segmenter.sentences(in: text) {
            guard kinds.contains(sentence.kind), sentence.language == .en || sentence.language == .mixed else { continue }
            var range = offset(sentence.contentRange.lowerBound)..<offset(sentence.contentRange.upperBound)
            // Skipped blocks hold the reference list, whether or not the body is told apart.
            guard !range.isEmpty, !skipped.contains(where: { $0.overlaps(range) }) else { continue }
            // Only the item's first sentence starts with its marker; "300 Chinese firms" later
            // in the item keeps its number.
            if sentence.kind == .listItem && startsLine(range.lowerBound, bytes) { range = listItemText(range, bytes) }
            candidates.append(Candidate(range: range, paragraph: paragraph(range.lowerBound)))
        }
        // A marker the sentence break cut ("… years.[^1] TSMC …" split after "[") belongs to the
        // sentence it starts in; the next sentence starts after it.
        for citation in article.citations {
            guard let index = candidates.firstIndex(where: { $0.range.contains(citation.range.lowerBound) }),
                citation.range.upperBound > candidates[index].range.upperBound
            else { continue }
            candidates[index].range = candidates[index].range.lowerBound..<citation.range.upperBound
            if index + 1 < candidates.count, candidates[index + 1].range.lowerBound < citation.range.upperBound {
                var start = citation.range.upperBound
                while start < bytes.count && (bytes[start] == 0x20 || bytes[start] == 0x0A) { start += 1 }
                let end = candidates[index + 1].range.upperBound
                candidates[index + 1].range = min(start, end)..<end
            }
        }
        candidates.removeAll { $0.range.isEmpty }
        // Each marker goes with the sentence it stands in; one that opens a sentence ("… years. [1] Zhou …")
        // goes with the sentence before it in the same paragraph.
        for citation in article.citations {
            guard let index = candidates.firstIndex(where: { $0.range.contains(citation.range.lowerBound) }) else { continue }
            let before = bytes[candidates[index].range.lowerBound..<citation.range.lowerBound]
            let opens = before.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x2E || $0 == 0x2C }
            if opens && index > 0 && candidates[index - 1].paragraph == candidates[index].paragraph {
                candidates[index - 1].citations.append(citation)
            } else {
                candidates[index].citations.append(citation)
            }
        }
        var claims: [Claim] = []
        for candidate in candidates {
            var display = [UInt8]()
            var position = candidate.range.lowerBound
            for citation in candidate.citations.sorted(by: { $0.range.lowerBound < $1.range.lowerBound })
            where citation.range.lowerBound >= position && citation.range.upperBound <= candidate.range.upperBound {
                display += bytes[position..<citation.range.lowerBound]
                while display.last == 0x20 { display.removeLast() }
                position = citation.range.upperBound
            }
            display += bytes[position..<candidate.range.upperBound]
            let cleaned = SourceDocument.oneLine(Substring(String(decoding: display, as: UTF8.self)))
            let letters = cleaned.unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic }.count
            guard letters >= 8 else { continue }
            let own = unique(candidate.citations.flatMap(\.labels))
            let context = unique(candidates.filter { $0.paragraph == candidate.paragraph }.flatMap { $0.citations.flatMap(\.labels) })
                .filter { !own.contains($0) }
            let start = article.originalOffset(candidate.range.lowerBound)
            let end = candidate.range.upperBound > 0 ? article.originalOffset(candidate.range.upperBound - 1) + 1 : start
            claims.append(
                Claim(
                    id: "c\(claims.count + 1)", text: cleaned, range: candidate.range, originalRange: start..<max(start, end),
                    citations: own, paragraphCitations: context))
        }
        return claims
    }

    /// Whether only spaces or tabs stand between the line's start and `offset`.
    private static func startsLine(_ offset: Int, _ bytes: [UInt8]) -> Bool {
        var i = offset
        while i > 0 && (bytes[i - 1] == 0x20 || bytes[i - 1] == 0x09) { i -= 1 }
        return i == 0 || bytes[i - 1] == 0x0A || bytes[i - 1] == 0x0D
    }

    /// A list item's range without its marker: `- `, `• `, `1. `, `1) `, `[1] `, `（1）`.
    private static func listItemText(_ range: Range<Int>, _ bytes: [UInt8]) -> Range<Int> {
        var start = range.lowerBound
        let item = String(decoding: bytes[range], as: UTF8.self)
        var rest = Substring(item)
        if let first = rest.first, "-*+•".contains(first) {
            rest = rest.dropFirst()
        } else {
            if let first = rest.first, "[(（".contains(first) { rest = rest.dropFirst() }
            rest = rest.drop { $0.isASCII && $0.isNumber }
            if let first = rest.first, ".)]）、．".contains(first) { rest = rest.dropFirst() }
        }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        start += item.utf8.count - rest.utf8.count
        return min(start, range.upperBound)..<range.upperBound
    }

    private static func unique(_ labels: [String]) -> [String] {
        var seen = Set<String>()
        return labels.filter { seen.insert($0).inserted }
    }
}
