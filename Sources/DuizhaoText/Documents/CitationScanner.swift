/// Finds an article's reference list and the citation markers in its running text.
///
/// A reference is a numbered item (`1. …`, `[1] …`) under a heading such as References, Sources
/// or Notes (or the last numbered list of the article with no such heading), or a footnote
/// definition (`[^1]: …`). Markers are `[1]`, `[1, 3]`, `[1-3]`, `[^1]` and `^1` in the text.
enum CitationScanner {
    static let referenceHeadings = ["references", "sources", "notes", "footnotes", "bibliography", "citations", "参考", "参考文献", "来源", "注释"]

    static func scan(_ text: String, links: [(range: Range<Int>, url: String)], definitions: [String: String]) -> ([Reference], [Citation]) {
        let bytes = Array(text.utf8)
        var references: [Reference] = []
        var referenceRanges: [Range<Int>] = []
        var inReferenceSection = false
        var offset = 0
        for line in text.lineSlices() {
            let start = text.utf8.distance(from: text.startIndex, to: line.startIndex)
            offset = start + line.utf8.count
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("#") {
                let title = trimmed.drop { $0 == "#" || $0 == " " }.lowercased().trimmingCharacters(in: ":： ")
                inReferenceSection = referenceHeadings.contains(title)
                continue
            }
            let range = start..<offset
            if let (label, body) = footnoteDefinition(trimmed) {
                references.append(reference(label, body, range: range, links: links, definitions: definitions, text: text))
                referenceRanges.append(range)
            } else if inReferenceSection, let (label, body) = numberedItem(trimmed) {
                references.append(reference(label, body, range: range, links: links, definitions: definitions, text: text))
                referenceRanges.append(range)
            }
        }
        _ = offset
        var citations: [Citation] = []
        var i = 0
        while i < bytes.count {
            if referenceRanges.contains(where: { $0.contains(i) }) {
                i = referenceRanges.first { $0.contains(i) }!.upperBound
                continue
            }
            if let (labels, end) = marker(bytes, at: i) {
                citations.append(Citation(labels: labels, range: i..<end))
                i = end
                continue
            }
            i += 1
        }
        return (references, citations)
    }

    private static func reference(
        _ label: String, _ body: Substring, range: Range<Int>, links: [(range: Range<Int>, url: String)],
        definitions: [String: String], text: String
    ) -> Reference {
        let url = links.first { range.contains($0.range.lowerBound) }?.url ?? definitions[label]
        return Reference(label: label, text: String(body).trimmingCharacters(in: " \t"), url: url, range: range)
    }

    /// `[^1]: text`.
    private static func footnoteDefinition(_ line: Substring) -> (String, Substring)? {
        guard line.hasPrefix("[^"), let close = line.firstIndex(of: "]") else { return nil }
        let after = line[line.index(after: close)...]
        guard after.hasPrefix(":") else { return nil }
        let label = line[line.index(line.startIndex, offsetBy: 2)..<close]
        return label.isEmpty ? nil : (String(label), after.dropFirst())
    }

    /// `1. text`, `1) text`, `[1] text`, `1、text`.
    private static func numberedItem(_ line: Substring) -> (String, Substring)? {
        if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
            let label = line[line.index(after: line.startIndex)..<close]
            guard !label.isEmpty, label.allSatisfy(\.isASCIIDigit) else { return nil }
            return (String(label), line[line.index(after: close)...])
        }
        let digits = line.prefix { $0.isASCIIDigit }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard let mark = rest.first, mark == "." || mark == ")" || mark == "、" else { return nil }
        return (String(digits), rest.dropFirst())
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

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
