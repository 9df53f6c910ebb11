/// Finds an article's reference list and the citation markers in its running text.
///
/// A reference list is the numbered (`1.`, `1)`, `[1]`, `（1）`, `1、`) or bulleted items under a
/// heading such as References, Sources or Notes, with a `#` or on a line of its own; or, with no
/// such heading, the last list of the body when nothing but the page's footer follows it and its
/// items read as titles (numbered) or hold Chinese or a link (bulleted), indented or not. Footnote
/// definitions (`[^1]: …`) are references too. An item that is site furniture ("Click here for
/// more from …") is no reference. Markers are `[1]`, `[1, 3]`, `[1-3]`, `[^1]` and `^1` in the text.
enum CitationScanner {
    static let referenceHeadings = [
        "references", "reference", "sources", "source", "notes", "footnotes", "endnotes", "bibliography", "citations", "works cited",
        "参考", "参考文献", "参考资料", "参考來源", "參考資料", "參考文獻", "来源", "來源", "资料来源", "資料來源", "注释", "註釋", "注释与参考",
    ]

    static func scan(
        _ text: String, layout: ArticleLayout, links: [(range: Range<Int>, url: String)], definitions: [String: String]
    ) -> ([Reference], [Citation], furniture: [Range<Int>]) {
        let bytes = Array(text.utf8)
        var references: [Reference] = []
        var referenceRanges: [Range<Int>] = []
        var furniture: [Range<Int>] = []
        // Footnote definitions, line by line.
        for line in text.lineSlices() {
            let start = text.utf8.distance(from: text.startIndex, to: line.startIndex)
            let range = start..<(start + line.utf8.count)
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if let (label, body) = footnoteDefinition(trimmed) {
                references.append(reference(label, body, range: range, links: links, definitions: definitions))
                referenceRanges.append(range)
            }
        }
        func add(_ block: ArticleLayout.Block, label: String) {
            guard !referenceRanges.contains(where: { $0.overlaps(block.range) }) else { return }
            let url = links.first { block.range.contains($0.range.lowerBound) }?.url
            let hasHan = block.text.unicodeScalars.contains { ScriptClass($0) == .han }
            if !hasHan && (ArticleLayout.isBoilerplate(block) || url.map(isSiteHome) == true) {
                furniture.append(block.range)
                return
            }
            references.append(reference(label, Substring(block.text), range: block.range, links: links, definitions: definitions))
            referenceRanges.append(block.range)
        }
        // Items under a reference heading.
        let blocks = layout.blocks
        var index = 0
        var listed = false
        func isReferenceHeading(_ line: String) -> Bool { referenceHeadings.contains(line.lowercased().trimmingCharacters(in: ":： ")) }
        // Entries written one a line with no markers: each line that holds Chinese or a link.
        func addLines(_ lines: [ArticleLayout.Block]) {
            for (position, line) in lines.enumerated() where line.text.contains("http") || line.text.unicodeScalars.contains(where: { ScriptClass($0) == .han }) {
                add(line, label: String(position + 1))
                listed = true
            }
        }
        while index < blocks.count {
            let block = blocks[index]
            index += 1
            if block.kind == .sentence && block.lines.count > 1, let first = block.lines.first, isReferenceHeading(String(first)) {
                // "References" with its entries under it, no blank line between.
                addLines(Array(layout.lineBlocks(of: block).dropFirst()))
                continue
            }
            guard block.kind == .heading || (block.lines.count == 1 && !block.isProse && block.kind != .listItem) else { continue }
            guard isReferenceHeading(block.text) else { continue }
            var bullet = 0
            while index < blocks.count && blocks[index].kind == .listItem {
                bullet += 1
                add(blocks[index], label: blocks[index].number.map(String.init) ?? String(bullet))
                index += 1
                listed = true
            }
            if bullet == 0, index < blocks.count, blocks[index].kind == .sentence, !blocks[index].isProse || blocks[index].lines.count > 1 {
                addLines(layout.lineBlocks(of: blocks[index]))
                index += 1
            }
        }
        // With no heading: the last list of the body, when only the footer follows it.
        if !listed, let run = closingList(layout) {
            for (position, block) in run.enumerated() { add(block, label: String(block.number ?? position + 1)) }
        }
        references.sort { $0.range.lowerBound < $1.range.lowerBound }
        var citations: [Citation] = []
        var i = 0
        while i < bytes.count {
            if let range = referenceRanges.first(where: { $0.contains(i) }) {
                i = range.upperBound
                continue
            }
            if let (labels, end) = marker(bytes, at: i) {
                citations.append(Citation(labels: labels, range: i..<end))
                i = end
                continue
            }
            i += 1
        }
        return (references, citations, furniture)
    }

    /// The last list of the body that no body prose follows before the footer: numbered items
    /// (numbered on from 1) of which at least half read as titles (no full stop, Chinese, or a
    /// link), or bulleted items that all hold Chinese or a link.
    static func closingList(_ layout: ArticleLayout) -> [ArticleLayout.Block]? {
        let blocks = layout.blocks
        let reasons: [SkipReason?] = blocks.map { block in
            block.kind == .heading ? .heading : ArticleLayout.isBoilerplate(block) ? .boilerplate : block.isProse ? nil : .heading
        }
        let footer = layout.footerStart(reasons) ?? blocks.count
        var runs: [[ArticleLayout.Block]] = []
        for index in 0..<footer {
            let block = blocks[index]
            guard block.kind == .listItem else { continue }
            let follows = index > 0 && runs.last?.last?.range == blocks[index - 1].range
            if let number = block.number {
                if number == 1 {
                    runs.append([block])
                } else if follows, runs.last?.last?.number.map({ $0 + 1 == number }) == true {
                    runs[runs.count - 1].append(block)
                }
            } else if follows, runs.last?.last?.number == nil {
                runs[runs.count - 1].append(block)
            } else {
                runs.append([block])
            }
        }
        guard let run = runs.last, let end = run.last,
            let after = blocks.firstIndex(where: { $0.range == end.range })
        else { return nil }
        // Body prose after the list: it is the body's own list, not its references.
        if blocks[(after + 1)..<footer].contains(where: { $0.isProse && $0.kind != .heading && !ArticleLayout.isBoilerplate($0) }) { return nil }
        func isSource(_ block: ArticleLayout.Block) -> Bool {
            block.text.contains("http") || block.text.unicodeScalars.contains { ScriptClass($0) == .han }
        }
        if run[0].number == nil { return run.allSatisfy(isSource) ? run : nil }
        let titles = run.filter { !$0.isProse || isSource($0) }
        return titles.count * 2 >= run.count ? run : nil
    }

    private static func reference(
        _ label: String, _ body: Substring, range: Range<Int>, links: [(range: Range<Int>, url: String)], definitions: [String: String]
    ) -> Reference {
        let url = links.first { range.contains($0.range.lowerBound) }?.url ?? definitions[label]
        return Reference(label: label, text: String(body).trimmingCharacters(in: " \t"), url: url, range: range)
    }

    /// Whether a link goes to a site's home page (`https://example.com/`, `/`): a link back to
    /// the site, not to a source.
    static func isSiteHome(_ url: String) -> Bool {
        var rest = Substring(url.trimmingCharacters(in: " "))
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...].drop { $0 != "/" } }
        return rest.isEmpty || rest == "/" || rest.hasPrefix("/?") || rest.hasPrefix("/#")
    }

    /// `[^1]: text`.
    private static func footnoteDefinition(_ line: Substring) -> (String, Substring)? {
        guard line.hasPrefix("[^"), let close = line.firstIndex(of: "]") else { return nil }
        let after = line[line.index(after: close)...]
        guard after.hasPrefix(":") else { return nil }
        let label = line[line.index(line.startIndex, offsetBy: 2)..<close]
        return label.isEmpty ? nil : (String(label), after.dropFirst())
    }

    /// A marker at `i`: `[1]`, `[1, 3]`, `[1-3]`, `[^1]`, `^1` — returns its labels and end.
    private static func marker(_ bytes: [UInt8], at i: Int) -> ([String], Int)? {
        func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= 0x30 && bytes[at] <= 0x39 }
        if bytes[i] == UInt8(ascii: "^") && isDigit(i + 1) && (i == 0 || bytes[i - 1] != UInt8(ascii: "[")) {
            var end = i + 1
            while isDigit(end) { end += 1 }
            return ([String(decoding: bytes[(i + 1)..<end], as: UTF8.self)], end)
        }
        guard bytes[i] == UInt8(ascii: "[") else { return nil }
        var j = i + 1
        let isFootnote = j < bytes.count && bytes[j] == UInt8(ascii: "^")
        if isFootnote { j += 1 }
        var labels: [String] = []
        var current = ""
        var rangeStart: Int?
        while j < bytes.count && j - i < 40 {
            let byte = bytes[j]
            if byte >= 0x30 && byte <= 0x39 || (isFootnote && byte != UInt8(ascii: "]") && byte != 0x20 && byte < 0x80) {
                current.append(Character(Unicode.Scalar(byte)))
            } else if byte == UInt8(ascii: ",") || byte == 0x20 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "]") {
                if !current.isEmpty {
                    if let low = rangeStart, let high = Int(current), low < high, high - low < 50 {
                        labels += ((low + 1)...high).map(String.init)
                        rangeStart = nil
                    } else {
                        labels.append(current)
                    }
                    if byte == UInt8(ascii: "-") { rangeStart = Int(current) }
                    current = ""
                }
                if byte == UInt8(ascii: "]") {
                    // Not a marker: a Markdown link's words "[the report](…)", or an empty "[]".
                    if labels.isEmpty || (j + 1 < bytes.count && bytes[j + 1] == UInt8(ascii: "(")) { return nil }
                    return (labels, j + 1)
                }
            } else {
                return nil
            }
            j += 1
        }
        return nil
    }
}
