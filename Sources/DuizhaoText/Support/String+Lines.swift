extension StringProtocol where SubSequence == Substring {
    /// The lines of the text without their terminators (LF, CRLF or a lone CR).
    ///
    /// Works on UTF-8 bytes: Swift treats CRLF as one `Character`, so splitting characters on
    /// "\n" would miss every CRLF line end. A final terminator does not start an empty line.
    public func lineSlices() -> [Substring] {
        var lines: [Substring] = []
        let bytes = utf8
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(self[lineStart..<index])
                var next = bytes.index(after: index)
                if byte == 0x0D && next < bytes.endIndex && bytes[next] == 0x0A { next = bytes.index(after: next) }
                lineStart = next
                index = next
            } else {
                index = bytes.index(after: index)
            }
        }
        if lineStart < bytes.endIndex { lines.append(self[lineStart..<bytes.endIndex]) }
        return lines
    }
}
