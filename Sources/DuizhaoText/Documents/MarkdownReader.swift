/// Reads Markdown into readable text: markup goes, words stay where they were.
///
/// Headings, list items and footnote definitions keep their line markers (`# `, `1. `, `[^1]: `)
/// so that sentence segmentation and the citation scanner see the article's structure. Link
/// syntax keeps the link's words (`[the report](https://…)` → "the report", the target
/// recorded), emphasis and code marks go, code blocks and HTML comments are left out.
enum MarkdownReader {
    static func read(_ input: String, into builder: inout ReadableTextBuilder) {
        var input = input
        input.withUTF8 { bytes in
            var lineStart = 0
            var inFence = false
            var inComment = false
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                let next = min(lineEnd + 1, bytes.count)
                let line = lineStart..<lineEnd
                let trimmed = trimmedStart(bytes, line)
                if starts(bytes, trimmed, with: "```") || starts(bytes, trimmed, with: "~~~") {
                    inFence.toggle()
                    builder.endBlock(at: lineStart)
                } else if inFence {
                    // Code is not prose: left out.
                } else if isReferenceLinkDefinition(bytes, trimmed) {
                    // "[1]: https://…" defines a link target, shown nowhere.
                    recordDefinition(bytes, trimmed, into: &builder)
                } else {
                    readInline(bytes, line, inComment: &inComment, into: &builder)
                    builder.append(input: bytes, lineEnd..<next)
                }
                lineStart = next
            }
        }
    }

    private static func trimmedStart(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Range<Int> {
        var start = line.lowerBound
        while start < line.upperBound && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        return start..<line.upperBound
    }

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, with prefix: String) -> Bool {
        let prefix = Array(prefix.utf8)
        return range.count >= prefix.count && prefix.indices.allSatisfy { bytes[range.lowerBound + $0] == prefix[$0] }
    }

    /// `[label]: target` (but not a footnote `[^1]: text`, which is content).
    private static func isReferenceLinkDefinition(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        guard line.count > 4, bytes[line.lowerBound] == UInt8(ascii: "["), bytes[line.lowerBound + 1] != UInt8(ascii: "^") else { return false }
        guard let close = line.first(where: { bytes[$0] == UInt8(ascii: "]") }), close + 2 < line.upperBound,
            bytes[close + 1] == UInt8(ascii: ":")
        else { return false }
        let target = String(decoding: UnsafeBufferPointer(rebasing: bytes[(close + 2)..<line.upperBound]), as: UTF8.self)
            .trimmingCharacters(in: " \t<>")
        return target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("/") || target.hasPrefix("./")
            || target.hasSuffix(".txt") || target.hasSuffix(".md") || target.hasSuffix(".html")
    }

    private static func recordDefinition(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, into builder: inout ReadableTextBuilder) {
        guard let close = line.first(where: { bytes[$0] == UInt8(ascii: "]") }) else { return }
        let label = String(decoding: UnsafeBufferPointer(rebasing: bytes[(line.lowerBound + 1)..<close]), as: UTF8.self)
        let target = String(decoding: UnsafeBufferPointer(rebasing: bytes[(close + 2)..<line.upperBound]), as: UTF8.self)
            .trimmingCharacters(in: " \t<>")
        builder.addDefinition(label: label, url: target)
    }

    /// One line's inline markup: links, images, emphasis, code marks, HTML tags and comments.
    private static func readInline(
        _ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, inComment: inout Bool, into builder: inout ReadableTextBuilder
    ) {
        var i = line.lowerBound
        func byte(_ at: Int) -> UInt8? { at < line.upperBound ? bytes[at] : nil }
        func isWordByte(_ value: UInt8?) -> Bool {
            guard let value else { return false }
            return value >= 0x80 || (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A || value >= 0x30 && value <= 0x39
        }
        while i < line.upperBound {
            if inComment {
                if byte(i) == UInt8(ascii: "-") && byte(i + 1) == UInt8(ascii: "-") && byte(i + 2) == UInt8(ascii: ">") {
                    inComment = false
                    i += 3
                } else {
                    i += 1
                }
                continue
            }
            let current = bytes[i]
            // <!-- comment -->
            if current == UInt8(ascii: "<") && byte(i + 1) == UInt8(ascii: "!") && byte(i + 2) == UInt8(ascii: "-") && byte(i + 3) == UInt8(ascii: "-") {
                inComment = true
                i += 4
                continue
            }
            // An inline HTML tag: <br>, <sup>, </a>.
            if current == UInt8(ascii: "<"), let next = byte(i + 1), (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A || next == UInt8(ascii: "/") {
                if let close = (i..<line.upperBound).first(where: { bytes[$0] == UInt8(ascii: ">") }) {
                    let tag = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<close]), as: UTF8.self)
                    if tag.hasPrefix("http://") || tag.hasPrefix("https://") {
                        builder.append(input: bytes, (i + 1)..<close)  // an autolink shows its address
                    }
                    i = close + 1
                    continue
                }
            }
            // [words](target) and ![alt](source); a footnote or citation [^1], [1] stays as it is.
            if current == UInt8(ascii: "[") || (current == UInt8(ascii: "!") && byte(i + 1) == UInt8(ascii: "[")) {
                let open = current == UInt8(ascii: "!") ? i + 1 : i
                if let close = matching(bytes, from: open, in: line), byte(close + 1) == UInt8(ascii: "("),
                    let end = (close + 2..<line.upperBound).first(where: { bytes[$0] == UInt8(ascii: ")") })
                {
                    let start = builder.count
                    readInline(bytes, (open + 1)..<close, inComment: &inComment, into: &builder)
                    let target = String(decoding: UnsafeBufferPointer(rebasing: bytes[(close + 2)..<end]), as: UTF8.self)
                    builder.addLink(start..<builder.count, url: target.split(separator: " ").first.map(String.init) ?? target)
                    i = end + 1
                    continue
                }
            }
            // Code marks and emphasis: ` ** __ always; a single * or _ only at a word's edge.
            if current == UInt8(ascii: "`") {
                i += 1
                continue
            }
            if (current == UInt8(ascii: "*") || current == UInt8(ascii: "_")) && byte(i + 1) == current {
                i += 2
                continue
            }
            if current == UInt8(ascii: "*") || current == UInt8(ascii: "_") {
                let before = i > line.lowerBound ? bytes[i - 1] : nil
                let after = byte(i + 1)
                let isListBullet = i == trimmedStart(bytes, line).lowerBound && after == 0x20
                if !isListBullet && isWordByte(before) != isWordByte(after) {
                    i += 1
                    continue
                }
            }
            builder.append(input: bytes, i..<(i + 1))
            i += 1
        }
    }

    /// The `]` closing the `[` at `open`, brackets nested.
    private static func matching(_ bytes: UnsafeBufferPointer<UInt8>, from open: Int, in line: Range<Int>) -> Int? {
        var depth = 0
        for i in open..<line.upperBound {
            if bytes[i] == UInt8(ascii: "[") { depth += 1 }
            if bytes[i] == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return i }
            }
        }
        return nil
    }
}
