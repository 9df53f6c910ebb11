/// Where English terms may start and end in normalized UTF-8: on word boundaries, with plural
/// and possessive endings. Shared by the matcher and the segmenter's own trie scan.
enum EnglishTermBoundary {
    /// ASCII letters and digits: what an English word is made of.
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x30 && byte <= 0x39
    }

    /// Where a term ending at `end` really ends: itself when no word goes on there, or after an
    /// English plural or possessive ending; nil when it stops in the middle of a word.
    @inline(__always)
    static func acceptedEnd(_ end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard end > 0, isWordByte(bytes[end - 1]) else { return end }
        func isBoundary(_ i: Int) -> Bool { i >= bytes.count || !isWordByte(bytes[i]) }
        if isBoundary(end) {
            // A possessive: "Hongyi's" (curly apostrophes are already straight).
            if end + 1 < bytes.count && bytes[end] == UInt8(ascii: "'") && bytes[end + 1] == UInt8(ascii: "s") && isBoundary(end + 2) {
                return end + 2
            }
            return end
        }
        if bytes[end] == UInt8(ascii: "s") && isBoundary(end + 1) { return end + 1 }
        if bytes[end] == UInt8(ascii: "e") && end + 1 < bytes.count && bytes[end + 1] == UInt8(ascii: "s") && isBoundary(end + 2) {
            return end + 2
        }
        return nil
    }
}
