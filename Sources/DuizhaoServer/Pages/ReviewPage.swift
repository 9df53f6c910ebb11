import DuizhaoReports

/// The review view: the article with its claims coloured by state, and beside it, for the
/// selected claim, its candidate sources (pinyin as `<ruby>`, as the HTML report shows them)
/// with the actions. Every piece of input text is escaped; the page runs no script of its own
/// but `/static/review.js`.
struct ReviewPage {
    let review: Review
    let token: String

    static func escape(_ text: some StringProtocol) -> String { TermMarker.escape(text) }

    static func score(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// `engine-high`, `engine-mid` or `engine-none`: how strongly Duizhao suggests a link.
    func confidence(_ claim: Review.Claim) -> String {
        guard let first = claim.candidates.first, first.score >= review.threshold else { return "engine-none" }
        return first.score >= 0.75 ? "engine-high" : "engine-mid"
    }

    func render() -> String {
        var counts = review.stateCounts
        counts["pending"] = counts["pending"] ?? 0
        let summary = Review.State.allCases.map { "<span class=\"count state-\($0.rawValue)\" data-count=\"\($0.rawValue)\">\(counts[$0.rawValue] ?? 0) \($0.rawValue)</span>" }
            .joined(separator: " ")
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="duizhao-token" content="\(Self.escape(token))">
            <title>对照 review: \(Self.escape(review.title))</title>
            <link rel="stylesheet" href="/static/review.css">
            <script src="/static/review.js" defer></script>
            </head>
            <body class="review-page" data-review="\(Self.escape(review.id))" data-version="\(review.version)">
            <header>
            <p class="home"><a href="/">对照 Duizhao</a></p>
            <h1>\(Self.escape(review.title))</h1>
            <p class="summary">\(review.claims.count) claims: \(summary)</p>
            <p class="tools"><a href="/reviews/\(review.id)/export/csv" id="export-csv">Export CSV</a> · <a href="/reviews/\(review.id)/export/json" id="export-json">Export JSON</a>
             · keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous claim, <kbd>a</kbd> accept, <kbd>r</kbd> reject</p>
            <p id="status" role="status" aria-live="polite"></p>
            </header>
            <main>
            <article id="article" lang="en">

            """
        page += articleHTML()
        page += "</article>\n<aside id=\"panel\">\n"
        for (index, claim) in review.claims.enumerated() {
            page += panel(claim, shown: index == 0)
        }
        page += termForm()
        page += "</aside>\n</main>\n</body>\n</html>\n"
        return page
    }

    /// The article's readable text in paragraphs, each claim a focusable span.
    func articleHTML() -> String {
        let bytes = Array(review.articleText.utf8)
        var body = ""
        var position = 0
        // A line break inside a paragraph is a space, as in Markdown; a blank line ends it.
        func plain(_ range: Range<Int>) -> String { ArticleHTML.paragraphText(bytes, range, lineBreak: "\n") }
        for claim in review.claims where claim.start >= position && claim.end <= bytes.count && claim.start <= claim.end {
            body += plain(position..<claim.start)
            body += "<span class=\"claim state-\(claim.decision.state.rawValue) \(confidence(claim))\" id=\"claim-\(Self.escape(claim.id))\" "
                + "data-claim=\"\(Self.escape(claim.id))\" tabindex=\"0\">" + plain(claim.start..<claim.end)
                + "<sup>\(Self.escape(claim.id))</sup></span>"
            position = claim.end
        }
        body += plain(position..<bytes.count)
        var blocks: [String] = []
        for paragraph in body.components(separatedBy: "</p>\n<p>") {
            var content = paragraph
            while content.hasSuffix("\n") { content.removeLast() }
            guard !content.isEmpty else { continue }
            // Lines join with a space, but a list item keeps its own line.
            let lines = content.split(separator: "\n", omittingEmptySubsequences: false)
            content = String(lines[0])
            for line in lines.dropFirst() {
                content += (Self.startsListItem(line) ? "<br>\n" : "\n") + line
            }
            blocks.append(ArticleHTML.block(content))
        }
        return blocks.joined(separator: "\n") + "\n"
    }

    /// Whether a line starts as a list item does: `1.`, `2)`, `[3]`, `-`, `*`, `•`.
    static func startsListItem(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " }
        if let first = trimmed.first, "-*•".contains(first), trimmed.dropFirst().first == " " { return true }
        let digits = trimmed.drop { $0 == "[" || $0 == "(" }.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return false }
        let after = trimmed.drop { $0 == "[" || $0 == "(" }.dropFirst(digits.count).first
        return after.map { ".)]、".contains($0) } ?? false
    }

    /// One claim's panel: its text, its candidates and the actions.
    func panel(_ claim: Review.Claim, shown: Bool) -> String {
        let id = Self.escape(claim.id)
        let state = claim.decision.state
        var html = "<section class=\"claim-panel state-\(state.rawValue)\" id=\"panel-\(id)\" data-claim=\"\(id)\"\(shown ? "" : " hidden")>\n"
        html += "<h2><span class=\"claim-id\">\(id)</span> <span class=\"state-label\">\(state.rawValue)</span></h2>\n"
        let flagged = claim.candidates.first?.flags.compactMap { flag in flag.claimStart.flatMap { start in flag.claimEnd.map { start..<$0 } } } ?? []
        html += "<p class=\"en\" lang=\"en\">\(TermMarker.html(claim.text, marks: claim.marks, flagged: flagged))</p>\n"
        if claim.candidates.isEmpty {
            html += "<p class=\"none\">No source sentence shares this claim's words, numbers or names.</p>\n"
        } else if !claim.isSuggested(threshold: review.threshold) {
            html += "<p class=\"none\">No candidate reaches the threshold (\(Self.score(review.threshold))): Duizhao calls this claim unsupported.</p>\n"
        }
        html += "<ol class=\"candidates\">\n"
        for (index, candidate) in claim.candidates.enumerated() {
            html += self.candidate(candidate, index: index, chosen: claim.decision.candidate == index && (state == .accepted || state == .changed))
        }
        html += "</ol>\n<div class=\"actions\">\n"
        if !claim.candidates.isEmpty {
            html += "<button type=\"button\" data-action=\"accept\" title=\"The first candidate is the claim's source (a)\">Accept</button>\n"
        }
        html += "<button type=\"button\" data-action=\"reject\" title=\"The suggested source is wrong (r)\">Reject</button>\n"
        html += "<button type=\"button\" data-action=\"unsupported\" title=\"No source supports the claim\">Unsupported</button>\n</div>\n"
        html += "<form class=\"note-form\"><label>Note <textarea name=\"note\" rows=\"2\" maxlength=\"\(Review.noteLimit)\">\(Self.escape(claim.decision.note))</textarea></label>"
        html += "<button type=\"submit\">Save note</button></form>\n</section>\n"
        return html
    }

    func candidate(_ candidate: Review.Candidate, index: Int, chosen: Bool) -> String {
        let source = review.sources[candidate.source]
        var html = "<li class=\"candidate\(chosen ? " chosen" : "")\(candidate.score >= review.threshold ? "" : " below")\" data-index=\"\(index)\">\n"
        html += "<p class=\"meta\"><span class=\"score\">\(Self.score(candidate.score))</span> "
        html += "<span class=\"file\">\(Self.escape(source.file)) · \(PairsCSV.sentenceID(candidate.sentences))</span>"
        if candidate.cited { html += " <span class=\"cited\">cited</span>" }
        html += "</p>\n<p class=\"zh\" lang=\"zh\">"
        for sentence in candidate.sentences where source.sentences.indices.contains(sentence) {
            let flagged = candidate.flags.filter { $0.sourceSentence == sentence }.compactMap { flag in
                flag.sourceStart.flatMap { start in flag.sourceEnd.map { start..<$0 } }
            }
            html += TermMarker.html(source.sentences[sentence].text, marks: source.sentences[sentence].marks, flagged: flagged)
        }
        html += "</p>\n<p class=\"gloss\">\(Self.escape(candidate.gloss))</p>\n"
        let evidence = candidate.terms + candidate.names + candidate.numbers + (candidate.similarity.map { ["meaning " + Self.score($0)] } ?? [])
        if !evidence.isEmpty {
            html += "<p class=\"evidence\">" + evidence.map { "<span>\(Self.escape($0))</span>" }.joined(separator: " ") + "</p>\n"
        }
        if !candidate.flags.isEmpty {
            html += "<ul class=\"flags\">" + candidate.flags.map { "<li><b>\(Self.escape($0.kind))</b> \(Self.escape($0.message))</li>" }.joined() + "</ul>\n"
        }
        html += "<button type=\"button\" data-action=\"pick\" data-candidate=\"\(index)\">Use this source</button>\n</li>\n"
        return html
    }

    /// Adds a term to the workspace's glossary; the script fills it from the text selected.
    func termForm() -> String {
        """
        <form id="term-form" class="term-form">
        <h2>Add a glossary term</h2>
        <p class="hint">Select words in the claim and in a source to fill these in.</p>
        <label>English <input name="english" required maxlength="200" autocomplete="off"></label>
        <label>Chinese <input name="chinese" required maxlength="200" lang="zh" autocomplete="off"></label>
        <label>Note <input name="note" maxlength="200" autocomplete="off"></label>
        <button type="submit">Add to glossary.tsv</button>
        </form>

        """
    }
}
