import Foundation
import DuizhaoAlign
import DuizhaoGlossary
import DuizhaoText

/// How `duizhao annotate` shows an article's claims and their sources.
public enum AnnotationFormat: String, CaseIterable, Sendable {
    /// The article with a footnote after each claim.
    case md
    /// One self-contained page: claims highlighted, each with its source side by side.
    case html
    /// Everything, with offsets.
    case json
    /// One claim per line, with its links and flags, for streaming to other programs.
    case jsonl
}

/// Renders a `CrossReference` of an article.
public final class AnnotationReport {
    private let result: CrossReference
    private let article: Article
    private let input: String
    private let articleFile: String
    /// Glossary terms, names' pinyin and glosses.
    private let marker: TermMarker

    /// - Parameters:
    ///   - crossReference: the claims and their links.
    ///   - article: the article as read.
    ///   - input: the article's text as it was given (for Markdown and plain text, the footnotes go into it).
    ///   - articleFile: the article's name, for titles.
    ///   - glossaries: for glosses, pinyin and term marks.
    /// - Throws: `ICUError` when ICU fails.
    public convenience init(crossReference: CrossReference, article: Article, input: String, articleFile: String, glossaries: GlossarySet) throws(ICUError) {
        try self.init(
            crossReference: crossReference, article: article, input: input, articleFile: articleFile, glossaries: glossaries,
            tools: Tools(glossaries: glossaries))
    }

    /// A report with tools made beforehand from the same glossaries (by a thread that writes many).
    public init(crossReference: CrossReference, article: Article, input: String, articleFile: String, glossaries: GlossarySet, tools: Tools) {
        result = crossReference
        self.article = article
        self.input = input
        self.articleFile = articleFile
        marker = tools.marker
    }

    /// What a report makes from the glossaries: its term marker (pinyin from every entry's
    /// readings, and a segmenter for the sources' words). Building it costs about as much as a
    /// small article's report, so a thread that writes many reports (`duizhao batch`) makes it once.
    ///
    /// Not thread-safe (ICU transforms and a segmenter): one per thread.
    public final class Tools {
        let marker: TermMarker

        /// - Throws: `ICUError` when ICU's transforms or word break cannot be opened.
        public init(glossaries: GlossarySet) throws(ICUError) {
            marker = try TermMarker(glossaries: glossaries)
        }
    }

    public func render(_ format: AnnotationFormat) throws(ICUError) -> String {
        switch format {
        case .md: return try renderMarkdown()
        case .html: return try renderHTML()
        case .json: return try renderJSON()
        case .jsonl: return try result.claims.map { claim throws(ICUError) in try claimJSON(claim) + "\n" }.joined()
        }
    }

    // MARK: Shared

    /// The text of a link's source span.
    func spanText(_ link: ClaimLink) -> String {
        result.sources[link.source].sentences[link.sentences].map(\.text).joined()
    }

    /// 1-based sentence numbers: "2", "2-3".
    static func sentenceID(_ link: ClaimLink) -> String { PairsCSV.sentenceID(link.sentences) }

    /// The model's similarity as evidence, "meaning 0.87", when it was used.
    static func meaning(_ link: ClaimLink) -> [String] {
        link.similarity.map { ["meaning " + score($0)] } ?? []
    }

    static func score(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// The span glossed (`TermMarker.gloss`).
    func gloss(_ text: String) throws(ICUError) -> String { try marker.gloss(text) }

    /// Names in the span with their pinyin (`TermMarker.names`).
    func names(in text: String) throws(ICUError) -> [(chinese: String, pinyin: String, english: String)] { try marker.names(in: text) }

    /// The flags of a claim's result: `unsupported`, or each discrepancy of its best link.
    static func flags(_ claim: ClaimResult, _ link: ClaimLink?) -> [String] {
        guard claim.isSupported, let link else { return ["unsupported"] }
        return link.discrepancies.map(\.summary)
    }

    // MARK: Markdown

    private func renderMarkdown() throws(ICUError) -> String {
        if result.claims.isEmpty { return article.format == .html ? Self.escapingAngles(article.text) : input }
        // Markdown and plain text keep their own text; an HTML article gives its readable text.
        let base = article.format == .html ? Self.escapingAngles(article.text) : input
        let bytes = Array(base.utf8)
        var insertions: [(Int, String)] = []
        for claim in result.claims {
            let end = article.format == .html ? Self.escapedOffset(article.text, claim.claim.range.upperBound) : claim.claim.originalRange.upperBound
            insertions.append((min(end, bytes.count), "[^\(claim.claim.id)]"))
        }
        insertions.sort { $0.0 < $1.0 }
        var output: [UInt8] = []
        var position = 0
        for (offset, mark) in insertions {
            output += bytes[position..<offset]
            output += Array(mark.utf8)
            position = offset
        }
        output += bytes[position...]
        var text = String(decoding: output, as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        text += "\n\n"
        for claim in result.claims {
            text += try footnote(claim) + "\n"
        }
        return text
    }

    private func footnote(_ claim: ClaimResult) throws(ICUError) -> String {
        guard let link = claim.links.first else {
            var line = "[^\(claim.claim.id)]: **unsupported**"
            if let best = claim.bestCandidate {
                let source = result.sources[best.source]
                line += " (best candidate \(Self.score(best.score)), below the threshold \(Self.score(result.threshold)): "
                    + "`\(source.file)` sentence \(Self.sentenceID(best)): \(Self.markdownEscape(spanText(best))))"
            } else {
                line += ": no source sentence shares its words, numbers or names."
            }
            return line + "\n"
        }
        let source = result.sources[link.source]
        let span = spanText(link)
        var lines = [
            "[^\(claim.claim.id)]: **\(Self.score(link.score))** \(link.cited ? "cited source" : "source") `\(source.file)` sentence \(Self.sentenceID(link)): "
                + Self.markdownEscape(span)
        ]
        lines.append("    - gloss: " + Self.markdownEscape(try gloss(span)))
        let names = try names(in: span)
        if !names.isEmpty {
            lines.append("    - pinyin: " + names.map { "\($0.chinese) \($0.pinyin) (\(Self.markdownEscape($0.english)))" }.joined(separator: "; "))
        }
        let evidence = link.terms + link.names + link.numbers + Self.meaning(link)
        if !evidence.isEmpty { lines.append("    - evidence: " + Self.markdownEscape(evidence.joined(separator: "; "))) }
        if !link.discrepancies.isEmpty {
            lines.append("    - flags: " + link.discrepancies.map { "**\($0.kind.rawValue)** " + Self.markdownEscape($0.message) }.joined(separator: "; "))
        }
        for other in claim.links.dropFirst() {
            lines.append(
                "    - also \(Self.score(other.score)) `\(result.sources[other.source].file)` sentence \(Self.sentenceID(other)): "
                    + Self.markdownEscape(spanText(other)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `<` and `>` escaped, so that text read from HTML cannot become markup in Markdown.
    static func escapingAngles(_ text: String) -> String {
        text.replacingOccurrences(of: "<", with: "\\<").replacingOccurrences(of: ">", with: "\\>")
    }

    /// Where a UTF-8 offset of `text` lands once `escapingAngles` has run.
    static func escapedOffset(_ text: String, _ offset: Int) -> Int {
        offset + text.utf8.prefix(offset).filter { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }.count
    }

    /// Text that Markdown shows as it is.
    static func markdownEscape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|": output += "\\" + String(character)
            case "\n", "\r\n", "\r": output += " "
            default: output.append(character)
            }
        }
        return output
    }

    // MARK: HTML

    private func confidenceClass(_ claim: ClaimResult) -> String {
        guard let link = claim.links.first else { return "none" }
        return link.score >= 0.75 ? "high" : "mid"
    }

    /// Escaped text with glossary terms marked (`<ruby>` pinyin on Chinese names), numbered `data-term` by entry.
    private func marked(_ text: String, chinese: Bool, flagged: [Range<Int>]) throws(ICUError) -> String {
        TermMarker.html(text, marks: try marker.marks(in: text, chinese: chinese), flagged: flagged)
    }

    private func renderHTML() throws(ICUError) -> String {
        // The article, claims highlighted.
        let text = article.text
        let bytes = Array(text.utf8)
        var body = ""
        var position = 0
        func plain(_ range: Range<Int>) -> String { ArticleHTML.paragraphText(bytes, range, lineBreak: "<br>\n") }
        for claim in result.claims where claim.claim.range.lowerBound >= position && claim.claim.range.upperBound <= bytes.count {
            body += plain(position..<claim.claim.range.lowerBound)
            let score = claim.links.first.map { Self.score($0.score) } ?? "unsupported"
            body += "<a class=\"claim \(confidenceClass(claim))\" id=\"t-\(claim.claim.id)\" href=\"#\(claim.claim.id)\" title=\"\(score)\">"
                + plain(claim.claim.range) + "<sup>\(claim.claim.id)</sup></a>"
            position = claim.claim.range.upperBound
        }
        body += plain(position..<bytes.count)
        // Paragraphs; the article's headings (`# ` lines) as headings.
        var blocks: [String] = []
        for paragraph in body.components(separatedBy: "</p>\n<p>") {
            var content = paragraph
            while content.hasSuffix("<br>\n") { content.removeLast(5) }
            guard !content.isEmpty else { continue }
            blocks.append(ArticleHTML.block(content))
        }
        body = blocks.joined(separator: "\n")

        var cards = ""
        for claim in result.claims {
            let link = claim.links.first
            let claimFlags = link?.discrepancies.compactMap(\.claimRange) ?? []
            cards += "<section class=\"card \(confidenceClass(claim))\" id=\"\(claim.claim.id)\">\n"
            cards += "<h3><a href=\"#t-\(claim.claim.id)\">\(claim.claim.id)</a> "
            if let link {
                cards += "<span class=\"score\">\(Self.score(link.score))</span>"
                cards += " <span class=\"file\">\(HTML.escape(result.sources[link.source].file)) · \(Self.sentenceID(link))</span>"
                if link.cited { cards += " <span class=\"cited\">cited</span>" }
            } else {
                cards += "<span class=\"score\">unsupported</span>"
            }
            cards += "</h3>\n<div class=\"pair\">\n<div class=\"en\" lang=\"en\">\(try marked(claim.claim.text, chinese: false, flagged: claimFlags))</div>\n"
            if let link {
                var sourceHTML = ""
                for index in link.sentences {
                    let sentence = result.sources[link.source].sentences[index]
                    let flagged = link.discrepancies.filter { $0.sourceSentence == index }.compactMap(\.sourceRange)
                    sourceHTML += try marked(sentence.text, chinese: true, flagged: flagged)
                }
                cards += "<div class=\"zh\" lang=\"zh\">\(sourceHTML)</div>\n</div>\n"
                cards += "<p class=\"gloss\">\(HTML.escape(try gloss(spanText(link))))</p>\n"
                let evidence = link.terms + link.names + link.numbers + Self.meaning(link)
                if !evidence.isEmpty {
                    cards += "<p class=\"evidence\">" + evidence.map { "<span>\(HTML.escape($0))</span>" }.joined(separator: " ") + "</p>\n"
                }
                if !link.discrepancies.isEmpty {
                    cards += "<ul class=\"flags\">\n"
                    for discrepancy in link.discrepancies {
                        cards += "<li><b>\(HTML.escape(discrepancy.kind.rawValue))</b> \(HTML.escape(discrepancy.message))</li>\n"
                    }
                    cards += "</ul>\n"
                }
            } else {
                cards += "<div class=\"zh none\">No source sentence reaches the threshold (\(Self.score(result.threshold)))."
                if let best = claim.bestCandidate {
                    cards += " Best candidate, \(Self.score(best.score)): <span lang=\"zh\">\(HTML.escape(spanText(best)))</span>"
                }
                cards += "</div>\n</div>\n<ul class=\"flags\"><li><b>unsupported</b></li></ul>\n"
            }
            cards += "</section>\n"
        }
        let supported = result.claims.filter(\.isSupported).count
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Duizhao 对照: \(HTML.escape(articleFile))</title>
            <style>
            body { font: 17px/1.7 system-ui, "Noto Sans CJK SC", sans-serif; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; color: #1f2937; }
            .claim { color: inherit; text-decoration: none; border-radius: 3px; padding: 0 2px; }
            .claim sup { font-size: 0.65em; color: #555; margin-left: 2px; }
            .claim.high { background: #bbf7d0; } .claim.mid { background: #fef08a; } .claim.none { background: #fecaca; }
            .card { border: 1px solid #d1d5db; border-left: 6px solid #9ca3af; border-radius: 6px; padding: 0.5rem 0.8rem; margin: 1rem 0; }
            .card.high { border-left-color: #16a34a; } .card.mid { border-left-color: #ca8a04; } .card.none { border-left-color: #dc2626; }
            .card h3 { margin: 0; font-size: 1rem; } .score { font-weight: bold; } .file { color: #555; font-weight: normal; font-size: 0.9em; }
            .cited { background: #e0e7ff; border-radius: 3px; padding: 0 4px; font-size: 0.8em; }
            .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
            @media (max-width: 40rem) { .pair { grid-template-columns: 1fr; } }
            .zh { font-size: 1.1em; line-height: 2.1; }
            .term { border-bottom: 2px solid #3b82f6; } .term.person { border-color: #d97706; } .term.organization { border-color: #7c3aed; } .term.place { border-color: #059669; }
            rt { font-size: 0.6em; color: #555; }
            mark.flagged { background: #fecaca; }
            .gloss { color: #4b5563; font-size: 0.9em; } .evidence span { background: #f3f4f6; border-radius: 3px; padding: 0 4px; margin-right: 4px; font-size: 0.85em; }
            .flags { color: #b91c1c; margin: 0.3rem 0; }
            article { border-bottom: 1px solid #d1d5db; padding-bottom: 1rem; } h2.heading { font-size: 1.2rem; }
            </style>
            </head>
            <body>
            <h1>对照 \(HTML.escape(articleFile))</h1>
            <p class="summary">\(result.claims.count) claims, \(supported) supported (threshold \(Self.score(result.threshold))), \(result.sources.count) sources.</p>
            <article>
            \(body)
            </article>
            <h2>Claims and sources</h2>
            \(cards)</body>
            </html>

            """
    }

    // MARK: JSON

    private func renderJSON() throws(ICUError) -> String {
        var sources: [String] = []
        for source in result.sources {
            var object = JSONLine()
            object.add("file", source.file)
            if let title = source.title { object.add("title", title) }
            let sentences = source.sentences.enumerated().map { index, sentence in
                var s = JSONLine()
                s.add("id", index + 1)
                s.add("text", sentence.text)
                s.add("start", sentence.range.lowerBound)
                s.add("end", sentence.range.upperBound)
                s.add("language", sentence.language.rawValue)
                return s.finished
            }
            object.add("sentences", json: "[" + sentences.joined(separator: ",") + "]")
            sources.append(object.finished)
        }
        var references: [String] = []
        for reference in article.references {
            var object = JSONLine()
            object.add("label", reference.label)
            object.add("text", reference.text)
            if let url = reference.url { object.add("url", url) }
            if let index = result.referenceSources[reference.label] { object.add("source_file", result.sources[index].file) }
            references.append(object.finished)
        }
        var claims: [String] = []
        for claim in result.claims {
            claims.append(try claimJSON(claim))
        }
        var document = JSONLine()
        document.add("article", articleFile)
        document.add("format", article.format.rawValue)
        document.add("threshold", result.threshold)
        document.add("references", json: "[" + references.joined(separator: ",\n") + "]")
        document.add("sources", json: "[" + sources.joined(separator: ",\n") + "]")
        document.add("claims", json: "[" + claims.joined(separator: ",\n") + "]")
        document.add("skipped", json: "[" + skippedJSON().joined(separator: ",\n") + "]")
        return document.finished + "\n"
    }

    /// The article's blocks that are not claims, each with its reason and offsets.
    private func skippedJSON() -> [String] {
        article.skippedBlocks.map { block in
            var object = JSONLine()
            object.add("text", block.text)
            object.add("reason", block.reason.rawValue)
            object.add("start", block.range.lowerBound)
            object.add("end", block.range.upperBound)
            let start = article.originalOffset(block.range.lowerBound)
            object.add("input_start", start)
            object.add("input_end", block.range.isEmpty ? start : article.originalOffset(block.range.upperBound - 1) + 1)
            return object.finished
        }
    }

    /// One claim as JSON: its text and offsets, citations, links (or best candidate) and flags.
    private func claimJSON(_ claim: ClaimResult) throws(ICUError) -> String {
        var object = JSONLine()
        object.add("id", claim.claim.id)
        object.add("text", claim.claim.text)
        object.add("start", claim.claim.range.lowerBound)
        object.add("end", claim.claim.range.upperBound)
        object.add("input_start", claim.claim.originalRange.lowerBound)
        object.add("input_end", claim.claim.originalRange.upperBound)
        object.add("citations", json: "[" + claim.claim.citations.map(Self.quoted).joined(separator: ",") + "]")
        object.add("supported", claim.isSupported)
        var links: [String] = []
        for link in claim.links {
            links.append(try linkJSON(link))
        }
        object.add("links", json: "[" + links.joined(separator: ",") + "]")
        if !claim.isSupported, let best = claim.bestCandidate {
            object.add("best_candidate", json: try linkJSON(best))
        }
        object.add("flags", json: "[" + Self.flags(claim, claim.links.first).map(Self.quoted).joined(separator: ",") + "]")
        return object.finished
    }

    private func linkJSON(_ link: ClaimLink) throws(ICUError) -> String {
        let source = result.sources[link.source]
        var object = JSONLine()
        object.add("source_file", source.file)
        object.add("source_id", Self.sentenceID(link))
        let span = spanText(link)
        object.add("source", span)
        object.add("start", source.sentences[link.sentences.lowerBound].range.lowerBound)
        object.add("end", source.sentences[link.sentences.upperBound - 1].range.upperBound)
        object.add("score", link.score)
        if let similarity = link.similarity { object.add("similarity", (similarity * 1000).rounded() / 1000) }
        object.add("cited", link.cited)
        object.add("gloss", try gloss(span))
        object.add(
            "pinyin",
            json: "[" + (try names(in: span)).map { name in
                var n = JSONLine()
                n.add("zh", name.chinese)
                n.add("pinyin", name.pinyin)
                n.add("en", name.english)
                return n.finished
            }.joined(separator: ",") + "]")
        object.add("terms", json: "[" + link.terms.map(Self.quoted).joined(separator: ",") + "]")
        object.add("numbers", json: "[" + link.numbers.map(Self.quoted).joined(separator: ",") + "]")
        object.add("names", json: "[" + link.names.map(Self.quoted).joined(separator: ",") + "]")
        var flags: [String] = []
        for discrepancy in link.discrepancies {
            var d = JSONLine()
            d.add("kind", discrepancy.kind.rawValue)
            d.add("message", discrepancy.message)
            if let text = discrepancy.claimText, let range = discrepancy.claimRange {
                d.add("claim_text", text)
                d.add("claim_start", range.lowerBound)
                d.add("claim_end", range.upperBound)
            }
            if let text = discrepancy.sourceText, let range = discrepancy.sourceRange, let sentence = discrepancy.sourceSentence {
                d.add("source_text", text)
                d.add("source_sentence", sentence + 1)
                // Offsets in the source's readable text.
                let base = source.sentences[sentence].range.lowerBound
                d.add("source_start", base + range.lowerBound)
                d.add("source_end", base + range.upperBound)
            }
            flags.append(d.finished)
        }
        object.add("discrepancies", json: "[" + flags.joined(separator: ",") + "]")
        return object.finished
    }

    static func quoted(_ text: String) -> String {
        var output = ""
        JSONLine.appendQuoted(text, to: &output)
        return output
    }
}
