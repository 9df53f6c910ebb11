/// Why a block of an article is not checked as a claim.
public enum SkipReason: String, Sendable, Hashable, CaseIterable {
    /// A title, section heading or byline: a line that is no sentence.
    case heading
    /// Site furniture: navigation and link lists, comment forms, newsletter boxes, share lines,
    /// related-post lists, placeholder text, copyright and footer lines, cookie notices.
    case boilerplate
    /// An entry of the reference list.
    case reference
}

/// A block of an article's readable text (a paragraph, heading or list item) that holds no claim.
public struct SkippedBlock: Sendable, Hashable {
    /// Its text, lines joined by spaces.
    public var text: String
    /// Where it stands in `Article.text` (UTF-8 offsets).
    public var range: Range<Int>
    public var reason: SkipReason
}

/// The blocks of an article's readable text and which of them are body text.
///
/// Browser-saved text has no markup to tell the body from the page around it, so this decides
/// from the blocks' shape and place: a block that does not end as a sentence ends (a title, a
/// list of links) is no claim; a block in common site phrasing (comment forms, newsletter
/// boxes, cookie notices, placeholder text) is boilerplate; and from the first such block after
/// which the page holds little prose of its own (the footer: comments, related posts,
/// copyright), everything is boilerplate.
struct ArticleLayout {
    struct Block {
        /// The block's content, indentation and list marker included.
        var range: Range<Int>
        /// Past its list marker, if it is a list item; else `range.lowerBound`.
        var bodyStart: Int
        var kind: SegmentKind
        /// Its lines (trimmed).
        var lines: [Substring]
        /// Its text after the marker, lines joined by spaces.
        var text: String
        /// For a numbered item (`1.`, `1)`, `[1]`, `（1）`, `1、`): its number.
        var number: Int?
        /// Whether it ends as a sentence does.
        var isProse: Bool
        var words: Int
    }

    let blocks: [Block]
    private let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var text = text
        blocks = text.withUTF8 { bytes in
            TextBlock.blocks(in: bytes).map { block in
                let range = TextBlock.trimmed(block.start..<block.contentEnd, in: bytes)
                let bodyStart = block.markerEnd ?? range.lowerBound
                let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                let lines = raw.lineSlices().map { $0.drop { $0 == " " || $0 == "\t" } }.filter { !$0.isEmpty }
                var body = String(decoding: UnsafeBufferPointer(rebasing: bytes[min(bodyStart, range.upperBound)..<range.upperBound]), as: UTF8.self)
                if block.kind == .heading { body = String(body.drop { $0 == "#" || $0 == " " }) }
                let joined = body.lineSlices().map { String($0).trimmingCharacters(in: " \t") }.joined(separator: " ")
                return Block(
                    range: range, bodyStart: bodyStart, kind: block.kind, lines: lines, text: joined,
                    number: block.kind == .listItem ? Self.itemNumber(lines.first ?? "") : nil, isProse: Self.endsAsSentence(joined),
                    words: joined.split { $0 == " " }.filter { $0.contains { $0.isLetter } }.count)
            }
        }
    }

    /// Each line of a paragraph block as a block of its own: the entries of a reference list
    /// written one a line, with no list markers.
    func lineBlocks(of block: Block) -> [Block] {
        var result: [Block] = []
        var start = block.range.lowerBound
        while start < block.range.upperBound {
            var end = start
            while end < block.range.upperBound && bytes[end] != 0x0A { end += 1 }
            var lower = start
            var upper = end
            while lower < upper && (bytes[lower] == 0x20 || bytes[lower] == 0x09) { lower += 1 }
            while upper > lower && (bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 || bytes[upper - 1] == 0x0D) { upper -= 1 }
            if lower < upper {
                let line = String(decoding: bytes[lower..<upper], as: UTF8.self)
                result.append(
                    Block(
                        range: lower..<upper, bodyStart: lower, kind: .sentence, lines: [Substring(line)], text: line, number: nil,
                        isProse: Self.endsAsSentence(line), words: line.split { $0 == " " }.filter { $0.contains { $0.isLetter } }.count))
            }
            start = end + 1
        }
        return result
    }

    /// The number of a numbered list item's marker: `1.`, `1)`, `[1]`, `(1)`, `（1）`, `1、`.
    static func itemNumber(_ line: Substring) -> Int? {
        var rest = line[...]
        if let first = rest.first, first == "[" || first == "(" || first == "（" { rest = rest.dropFirst() }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        return Int(digits)
    }

    /// Whether `text` ends as a sentence does: with a stop, a question or exclamation mark (a
    /// closing quote, bracket or citation marker after it allowed), or the comma or dash of
    /// speech broken off. A title, a name or a link's words do not.
    static func endsAsSentence(_ text: String) -> Bool {
        var slice = Substring(text)
        while true {
            slice = Substring(String(slice).trimmingCharacters(in: " \t"))
            // A citation marker at the end: "[1]", "[^a]", "^1".
            if slice.hasSuffix("]"), let open = slice.lastIndex(of: "["), slice.distance(from: open, to: slice.endIndex) <= 12 {
                slice = slice[..<open]
                continue
            }
            if let last = slice.last, last.isNumber, let caret = slice.lastIndex(of: "^"),
                slice[slice.index(after: caret)...].allSatisfy(\.isNumber)
            {
                slice = slice[..<caret]
                continue
            }
            guard let last = slice.last else { return false }
            let invisible = last.unicodeScalars.allSatisfy { [.control, .format].contains($0.properties.generalCategory) }
            if invisible || "\"'”’)）»」』》*_".contains(last) {
                slice = slice.dropLast()
                continue
            }
            if last == ":" || last == "：" {
                // "Chen said she could not believe it:" introduces a quotation; "Key points:" a list.
                return slice.split(separator: " ").count >= 6
            }
            return ".!?。！？…;；,，–—".contains(last)
        }
    }

    /// Lines that are site furniture whatever stands around them (compared lower-cased, without
    /// the punctuation, asterisks and arrows around them).
    static let boilerplateLines: Set<String> = [
        "home", "menu", "search", "share", "tweet", "print", "email", "e-mail", "comment", "comments", "reply", "name", "website",
        "submit", "post comment", "subscribe", "sign up", "sign in", "log in", "login", "register", "read more", "continue reading",
        "advertisement", "sponsored", "related", "recommended", "trending", "popular", "tags", "back to top", "next", "previous",
        "next post", "previous post",
        "load more", "show more", "cancel reply", "accept", "accept all", "close",
    ]

    /// Phrases that only site furniture uses (compared lower-cased): a block holding one is
    /// boilerplate however it ends, when it is short enough to be a box and not a paragraph.
    static let boxPhrases = [
        // comment forms
        "leave a reply", "leave a comment", "post a comment", "your email address will not be published",
        "required fields are marked", "save my name, email", "notify me of follow-up", "notify me of new", "comments are closed",
        // newsletters and sign-up boxes
        "our newsletter", "sign up for our", "sign up to our", "sign up to receive", "sign up to get", "sign up now", "subscribe to our",
        "subscribe now", "subscribe for free", "by subscribing", "unsubscribe at any time", "delivered to your inbox",
        "straight to your inbox", "in your inbox", "enter your email",
        // share, follow and "click here" lines
        "click here", "follow us on", "like us on facebook",
        // placeholder text
        "lorem ipsum", "dummy text of the",
        // copyright and footers
        "©", "copyright 19", "copyright 20", "(c) 20", "all rights reserved", "skip to content", "skip to main content",
        // cookie notices
        "we use cookies", "this site uses cookies", "this website uses cookies", "cookie policy", "cookie settings", "accept cookies",
    ]

    /// Words and phrases that make a line that is no sentence site furniture rather than a
    /// heading: the headings of comment, newsletter, share and related-post boxes, footer links.
    /// Words are compared whole ("share", not "shares"), phrases as they stand.
    static let furnitureWords: Set<String> = [
        "comment", "comments", "reply", "newsletter", "newsletters", "subscribe", "share", "tags", "trending", "advertisement",
        "advertise", "sponsored", "cookie", "cookies", "privacy",
    ]
    static let furniturePhrases = [
        "related posts", "related articles", "related stories", "related coverage", "related content", "related reading",
        "recent posts", "recent articles", "recent stories", "most popular", "popular posts", "most read", "more from",
        "more stories", "also like", "read next", "recommended for you", "sign up", "follow us", "about the author", "about us",
        "contact us", "terms of", "powered by", "all rights", "read more",
    ]

    /// How captions, credits and teasers start (compared lower-cased).
    static let furniturePrefixes = [
        "photo:", "photo credit", "photograph:", "image:", "image credit", "picture:", "caption:", "video:", "watch:", "listen:",
        "read more:", "read also:", "related:", "see also:", "also read:",
    ]

    /// The length, in bytes, up to which a block holding a box phrase is taken for a box.
    static let boxLength = 400

    /// Whether a block reads as site furniture by its words alone.
    static func isBoilerplate(_ block: Block) -> Bool {
        let lowered = block.text.lowercased()
        let bare = lowered.trimmingCharacters(in: " \t*:.!?|»«›‹→←>-–—•·()[]")
        if boilerplateLines.contains(bare) || furniturePrefixes.contains(where: lowered.hasPrefix) { return true }
        if !block.isProse && block.text.count <= 80 {
            let words = lowered.split { !$0.isLetter }
            if words.contains(where: { furnitureWords.contains(String($0)) }) || furniturePhrases.contains(where: { lowered.contains($0) }) { return true }
        }
        guard block.text.utf8.count <= boxLength || !block.isProse else { return false }
        return boxPhrases.contains { lowered.contains($0) }
    }

    /// The skipped blocks: headings, boilerplate, and the blocks `referenceRanges` covers.
    /// - Parameters:
    ///   - references: where the reference list's entries stand.
    ///   - furniture: where the markup says site furniture stands (HTML class and id names);
    ///     ignored when it would hold most of the page's prose, as a wrapper named
    ///     `has-sidebar` does.
    func skippedBlocks(references: [Range<Int>], furniture: [Range<Int>] = []) -> [SkippedBlock] {
        var reasons = [SkipReason?](repeating: nil, count: blocks.count)
        let prose = blocks.filter(\.isProse).reduce(0) { $0 + $1.words }
        let furniture = furniture.filter { range in
            blocks.filter { $0.isProse && range.contains($0.range.lowerBound) }.reduce(0) { $0 + $1.words } * 2 < prose
        }
        for (index, block) in blocks.enumerated() {
            if references.contains(where: { $0.overlaps(block.range) }) {
                reasons[index] = .reference
            } else if furniture.contains(where: { $0.contains(block.range.lowerBound) }) {
                reasons[index] = .boilerplate
            } else if block.kind == .heading {
                reasons[index] = .heading
            } else if Self.isBoilerplate(block) {
                reasons[index] = .boilerplate
            } else if !block.isProse {
                reasons[index] = shapeReason(block)
            } else if block.kind != .listItem && block.lines.count == 1 && (Self.isQuestionTitle(block.text) || isPageTitle(block)) {
                reasons[index] = .heading
            }
        }
        let footer = footerStart(reasons)
        if let footer {
            for index in footer..<blocks.count where reasons[index] != .reference { reasons[index] = .boilerplate }
        }
        // The author's note closing the body: "Jane Doe is a technology reporter based in Shenzhen."
        if let last = (0..<(footer ?? blocks.count)).last(where: { reasons[$0] == nil }), Self.isAuthorNote(blocks[last]) {
            reasons[last] = .boilerplate
        }
        return blocks.indices.compactMap { index in
            reasons[index].map { SkippedBlock(text: blocks[index].text, range: blocks[index].range, reason: $0) }
        }
    }

    /// Whether a line is written in title case: four words or more, all but short function
    /// words capitalised ("Can China Catch Up With Sora?"), as a headline is and a sentence is not.
    static func isTitleCase(_ text: String) -> Bool {
        let words = text.split { $0 == " " }.map { $0.drop { !$0.isLetter && !$0.isNumber } }.filter { $0.first?.isLetter ?? false }
        guard words.count >= 4, text.count <= 150 else { return false }
        let minor: Set<String> = ["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with", "from", "as", "vs", "via"]
        return words.allSatisfy { word in (word.first?.isUppercase ?? false) || minor.contains(word.lowercased()) }
            && words.contains { !minor.contains($0.lowercased()) }
    }

    /// Whether a line is a title that asks or exclaims ("Can China Catch Up With Sora?"): title
    /// case, ending in a question or exclamation mark. A line ending in a full stop is a sentence.
    static func isQuestionTitle(_ text: String) -> Bool {
        guard let last = text.trimmingCharacters(in: " \t\"'”’").last, last == "?" || last == "!" || last == "？" || last == "！" else { return false }
        return isTitleCase(text)
    }

    /// Whether a line repeats the page's first line, the title a browser saves above the page
    /// ("Title – Site"): the title counts once, as a heading.
    private func isPageTitle(_ block: Block) -> Bool {
        guard let first = blocks.first?.lines.first, !Self.endsAsSentence(String(first)), block.range != blocks.first?.range,
            block.text.count >= 8
        else { return false }
        return first.hasPrefix(block.text)
    }

    /// Why a block that does not end as a sentence is skipped, or nil to keep it: a line of a
    /// title's length is a heading; a list item, or lines that each start anew (capitalised or
    /// short, as the entries of a link list do, not as wrapped prose does), are a link list.
    private func shapeReason(_ block: Block) -> SkipReason? {
        if block.kind == .listItem { return .boilerplate }
        // "News | Analysis | Podcasts": a menu on one line.
        if block.lines.count == 1 && block.text.split(separator: "|").count >= 3 { return .boilerplate }
        if block.lines.count == 1 {
            // "Zhou said so. Nobody agreed": sentences, the last one's stop missing.
            let hasStop = [". ", "! ", "? ", "。"].contains { block.text.dropLast().contains($0) }
            let titleSeparator = [" – ", " — ", " | ", " - "].contains { block.text.contains($0) }  // "Title – Site"
            return block.text.count <= 150 && !(hasStop && !titleSeparator && block.words >= 6) ? .heading : nil
        }
        let startsAnew = block.lines.allSatisfy { line in line.first.map { $0.isUppercase || $0.isNumber || !$0.isLetter } ?? true }
        let lengths = block.lines.map(\.count).sorted()
        return startsAnew || lengths[lengths.count / 2] < 60 ? .boilerplate : nil
    }

    /// Whether a short block says who wrote the article: "… is a reporter based in …".
    static func isAuthorNote(_ block: Block) -> Bool {
        guard block.words <= 40 else { return false }
        let lowered = block.text.lowercased()
        let roles = ["reporter", "correspondent", "journalist", "columnist", "writer", "editor", "contributor", "freelance"]
        return [" is a ", " is an ", " is the "].contains { lowered.contains($0) } && roles.contains { lowered.contains($0) }
            && (lowered.contains(" based in ") || lowered.contains(" for ") || lowered.contains(" at ") || lowered.contains(" of "))
    }

    /// The headings that open what follows an article and nothing else: its comments, related
    /// posts, the author's note, the copyright line (compared lower-cased, at the line's start).
    static let closingHeadings = [
        "comments", "leave a reply", "leave a comment", "join the conversation", "related", "recent posts", "most recent",
        "popular posts", "most popular", "most read", "more from", "more stories", "you may also like", "you might also like",
        "read next", "recommended", "about the author", "©", "copyright",
    ]

    /// Whether a block opens what follows an article: "3 Comments", "Related Articles".
    static func isClosingHeading(_ block: Block) -> Bool {
        // A heading of its own ("Related Articles"), not an inline link ("Related: Baidu's Ernie …").
        guard block.lines.count == 1 || block.kind == .heading, block.words <= 5 else { return false }
        let lowered = block.text.lowercased().drop { $0.isNumber || $0 == " " }
        return closingHeadings.contains { lowered.hasPrefix($0) }
    }

    /// Where the page after the body begins: the first boilerplate block that follows body
    /// prose and after which the page's own prose comes to at most a quarter of the body's (a
    /// newsletter box inside the body does not end it), or at most as much as the body's after
    /// a heading that only opens what follows an article (readers' comments can be long).
    func footerStart(_ reasons: [SkipReason?]) -> Int? {
        var proseAfter = [Int](repeating: 0, count: blocks.count + 1)
        for index in blocks.indices.reversed() {
            proseAfter[index] = proseAfter[index + 1] + (reasons[index] == nil ? blocks[index].words : 0)
        }
        var proseBefore = 0
        for index in blocks.indices {
            if reasons[index] == .boilerplate, proseBefore > 0 {
                let share = Self.isClosingHeading(blocks[index]) ? 1 : 4
                if proseAfter[index] * share <= proseBefore { return index }
            }
            if reasons[index] == nil { proseBefore += blocks[index].words }
        }
        return nil
    }
}
