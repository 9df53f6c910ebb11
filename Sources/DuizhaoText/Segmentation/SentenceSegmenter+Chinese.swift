/// Sentence ends that ICU's rules do not make in Chinese text: after `；` and after `…`/`……`.
enum ChineseSentenceEnds {
    /// `cuts` (sorted offsets where sentences end) with the Chinese ends inside `range` added.
    static func addingCuts(to cuts: [Int], in range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var added: [Int] = []
        var i = range.lowerBound
        while i + 3 <= range.upperBound {
            let isSemicolon = bytes[i] == 0xEF && bytes[i + 1] == 0xBC && bytes[i + 2] == 0x9B  // ；
            let isEllipsis = bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA6  // …
            guard isSemicolon || isEllipsis else {
                i += 1
                continue
            }
            // An English "and so on…" is not cut: the ellipsis must follow Chinese.
            if isEllipsis && !followsHan(i, lowerLimit: range.lowerBound, bytes) {
                i += 3
                continue
            }
            var end = i + 3
            while end + 3 <= range.upperBound, bytes[end] == 0xE2, bytes[end + 1] == 0x80, bytes[end + 2] == 0xA6 { end += 3 }
            end = afterClosers(end, upperLimit: range.upperBound, bytes)
            if end < range.upperBound { added.append(end) }
            i = end
        }
        if added.isEmpty { return cuts }
        return Array(Set(cuts).union(added)).sorted()
    }

    /// Whether the character before `offset` is Han (or Chinese punctuation).
    private static func followsHan(_ offset: Int, lowerLimit: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = offset - 1
        while start > lowerLimit && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard start >= lowerLimit, start < offset else { return false }
        let scalar = UTF8.decodeScalar(in: bytes, at: start)
        if scalar.value >= 0x3000 && scalar.value <= 0x303F || scalar.value >= 0xFF00 && scalar.value <= 0xFF65 { return true }
        return ScriptClass(scalar) == .han
    }

    /// The offset past the closing quotes, brackets and spaces at `offset`.
    static func afterClosers(_ offset: Int, upperLimit: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = offset
        while end < upperLimit {
            if let width = TextBlock.whitespaceWidth(at: end, bytes) {
                end += width
                continue
            }
            let scalar = UTF8.decodeScalar(in: bytes, at: end)
            switch scalar.properties.generalCategory {
            case .closePunctuation, .finalPunctuation:
                end += UTF8.width(scalar)
            case .otherPunctuation where scalar == "\"" || scalar == "'":
                end += 1
            default:
                return end
            }
        }
        return end
    }
}
