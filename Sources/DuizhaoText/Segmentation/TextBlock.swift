/// A paragraph, heading or list item: the lines between blank lines and block starts.
///
/// Blocks are found from the text's layout alone (blank lines, `#` headings, list markers), in
/// UTF-8 offsets, before ICU sees the text.
struct TextBlock: Equatable {
    /// Offset of the block's first byte (its first line's start, indentation included).
    var start: Int
    /// Offset just past the block's last non-blank byte.
    var contentEnd: Int
    var kind: SegmentKind
    /// For list items: the offset just past the marker and the spaces after it.
    var markerEnd: Int?

    /// The blocks of `bytes`, in order. Blank lines belong to no block.
    static func blocks(in bytes: UnsafeBufferPointer<UInt8>) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var current: TextBlock?
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A && bytes[lineEnd] != 0x0D { lineEnd += 1 }
            var next = lineEnd
            if next < bytes.count {
                next += (bytes[next] == 0x0D && next + 1 < bytes.count && bytes[next + 1] == 0x0A) ? 2 : 1
            }
            let content = trimmed(lineStart..<lineEnd, in: bytes)
            if content.isEmpty {
                if let block = current { blocks.append(block) }
                current = nil
            } else {
                let role = LineRole(lineStart: content.lowerBound, end: content.upperBound, bytes)
                if role == .text, let block = current, block.kind != .heading {
                    current?.contentEnd = content.upperBound
                } else {
                    if let block = current { blocks.append(block) }
                    switch role {
                    case .text:
                        current = TextBlock(start: lineStart, contentEnd: content.upperBound, kind: .sentence)
                    case .heading:
                        current = TextBlock(start: lineStart, contentEnd: content.upperBound, kind: .heading)
                    case .listItem(let markerEnd):
                        current = TextBlock(
                            start: lineStart, contentEnd: content.upperBound, kind: .listItem, markerEnd: markerEnd)
                    }
                }
            }
            lineStart = next
        }
        if let block = current { blocks.append(block) }
        return blocks
    }

    /// `range` without the whitespace at either end.
    static func trimmed(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, let width = whitespaceWidth(at: lower, bytes) { lower += width }
        while lower < upper, let width = whitespaceWidth(endingAt: upper, lowerLimit: lower, bytes) { upper -= width }
        return lower..<upper
    }

    /// The byte length of the whitespace character at `offset`, or nil when there is none.
    static func whitespaceWidth(at offset: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        switch bytes[offset] {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return 1
        case 0xC2 where offset + 1 < bytes.count && bytes[offset + 1] == 0xA0: return 2  // NO-BREAK SPACE
        case 0xE3 where offset + 2 < bytes.count && bytes[offset + 1] == 0x80 && bytes[offset + 2] == 0x80:
            return 3  // IDEOGRAPHIC SPACE
        default: return nil
        }
    }

    static func whitespaceWidth(endingAt end: Int, lowerLimit: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for width in [1, 2, 3] where end - width >= lowerLimit {
            if whitespaceWidth(at: end - width, bytes) == width { return width }
        }
        return nil
    }
}

/// What a non-blank line starts.
enum LineRole: Equatable {
    case text
    case heading
    /// A list item whose marker (with the spaces after it) ends at the offset given.
    case listItem(markerEnd: Int)

    /// Classifies the line whose content (indentation skipped) spans `start..<end`.
    init(lineStart start: Int, end: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
        func byte(_ i: Int) -> UInt8? { i < end ? bytes[i] : nil }
        func isSpace(_ i: Int) -> Bool { i >= end || TextBlock.whitespaceWidth(at: i, bytes) != nil }
        func afterSpaces(_ i: Int) -> Int {
            var i = i
            while i < end, let width = TextBlock.whitespaceWidth(at: i, bytes) { i += width }
            return i
        }
        func hasPrefix(_ sequence: [UInt8], at i: Int) -> Bool {
            i + sequence.count <= end && sequence.indices.allSatisfy { bytes[i + $0] == sequence[$0] }
        }
        let ideographicComma: [UInt8] = [0xE3, 0x80, 0x81]  // 、
        let fullwidthStop: [UInt8] = [0xEF, 0xBC, 0x8E]  // ．
        let fullwidthClose: [UInt8] = [0xEF, 0xBC, 0x89]  // ）
        let fullwidthOpen: [UInt8] = [0xEF, 0xBC, 0x88]  // （
        let bullet: [UInt8] = [0xE2, 0x80, 0xA2]  // •

        // Markdown heading: one to six '#' and a space.
        var i = start
        while byte(i) == UInt8(ascii: "#") { i += 1 }
        if i > start && i - start <= 6 && isSpace(i) {
            self = .heading
            return
        }
        // Bullets.
        if let first = byte(start), first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+"),
            start + 1 < end, isSpace(start + 1)
        {
            self = .listItem(markerEnd: afterSpaces(start + 1))
            return
        }
        if hasPrefix(bullet, at: start) {
            self = .listItem(markerEnd: afterSpaces(start + 3))
            return
        }
        // "1. ", "1) ", "1、", "1．"
        i = start
        while let b = byte(i), b >= 0x30 && b <= 0x39, i - start < 3 { i += 1 }
        if i > start {
            if let b = byte(i), b == UInt8(ascii: ".") || b == UInt8(ascii: ")"), i + 1 < end, isSpace(i + 1) {
                self = .listItem(markerEnd: afterSpaces(i + 1))
                return
            }
            for marker in [ideographicComma, fullwidthStop, fullwidthClose] where hasPrefix(marker, at: i) {
                self = .listItem(markerEnd: afterSpaces(i + marker.count))
                return
            }
        }
        // "[1] ", "(1) ", "（1）"
        for (open, close) in [([UInt8(ascii: "[")], [UInt8(ascii: "]")]), ([UInt8(ascii: "(")], [UInt8(ascii: ")")]), (fullwidthOpen, fullwidthClose)]
        where hasPrefix(open, at: start) {
            i = start + open.count
            let digits = i
            while let b = byte(i), b >= 0x30 && b <= 0x39, i - digits < 3 { i += 1 }
            // An ASCII bracket needs a space after it ("[1] "); a full-width one stands alone ("（1）").
            if i > digits && hasPrefix(close, at: i) && (close.count > 1 || isSpace(i + close.count)) {
                self = .listItem(markerEnd: afterSpaces(i + close.count))
                return
            }
        }
        // "一、" … "十二、"
        i = start
        let chineseDigits: Set<UInt32> = [0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341]
        while i + 3 <= end, bytes[i] >= 0xE0 && bytes[i] < 0xF0,
            chineseDigits.contains(UTF8.decodeScalar(in: bytes, at: i).value), i - start < 9
        {
            i += 3
        }
        if i > start && hasPrefix(ideographicComma, at: i) {
            self = .listItem(markerEnd: afterSpaces(i + 3))
            return
        }
        self = .text
    }
}
