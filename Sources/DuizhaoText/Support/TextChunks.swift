/// Cuts a long text into pieces that can be segmented one at a time, in bounded memory.
///
/// A cut falls where the segmenter ends a segment anyway, so that segmenting the pieces gives
/// what segmenting the whole would: for sentences at a blank line (a paragraph end), for words
/// also at a line end. Only a paragraph longer than four times the limit, with no such place, is
/// cut after a Chinese sentence end (。！？ and the closing quotes after it), which ends a
/// sentence too but may change how what follows on that line is read (a list marker after it).
public enum TextChunks {
    /// Where pieces may end.
    public enum Boundary: Sendable {
        /// At blank lines: safe for sentence segmentation.
        case paragraphs
        /// Also at a line end that follows a sentence end or a Chinese character: safe for word
        /// segmentation, glossary terms included (an English term may run over a line break
        /// inside a sentence: "Zhou\nHongyi").
        case lines
    }

    /// UTF-8 ranges that partition `text`, each about `limit` bytes long or, where no cut is
    /// near, longer.
    /// - Parameters:
    ///   - text: the text.
    ///   - limit: the size a piece grows to before a cut is looked for.
    ///   - boundary: where pieces may end.
    public static func ranges(in text: String, limit: Int = 1 << 20, at boundary: Boundary) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { bytes in ranges(in: bytes, limit: max(limit, 1), boundary: boundary) }
    }

    static func ranges(in bytes: UnsafeBufferPointer<UInt8>, limit: Int, boundary: Boundary) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while start < bytes.count {
            let cut = firstCut(in: bytes, from: start, limit: limit, boundary: boundary, complete: true)!
            ranges.append(start..<cut)
            start = cut
        }
        return ranges
    }

    /// Where the piece that starts at `start` ends.
    /// - Parameter complete: whether `bytes` run to the end of the text (then there is always a
    ///   cut, the end at the latest). When they do not (a stream read so far), nil means that
    ///   more bytes are needed to decide, so that a stream is cut exactly where the whole text
    ///   would be.
    static func firstCut(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int, boundary: Boundary, complete: Bool) -> Int? {
        guard bytes.count - start > limit else { return complete ? bytes.count : nil }
        let cut = nextCut(in: bytes, from: start + limit, limit: limit, boundary: boundary, complete: complete)
        return cut ?? (complete ? bytes.count : nil)
    }

    /// The first good cut at or after `position`: a paragraph end; for words a line end after
    /// `limit` bytes; after 4 × `limit` bytes a Chinese sentence end; else any of them further on.
    private static func nextCut(
        in bytes: UnsafeBufferPointer<UInt8>, from position: Int, limit: Int, boundary: Boundary, complete: Bool
    ) -> Int? {
        var lineEnd: Int?
        var sentenceEnd: Int?
        var i = position
        while i < bytes.count {
            if bytes[i] == 0x0A {
                var j = i + 1
                while j < bytes.count && (bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D) { j += 1 }
                if j == bytes.count && !complete { return nil }  // a blank line may follow
                if j < bytes.count && bytes[j] == 0x0A { return j + 1 }  // a blank line
                if lineEnd == nil && boundary == .lines && endsSentenceOrHan(before: i, in: bytes) { lineEnd = i + 1 }
            } else if sentenceEnd == nil, let end = afterChineseSentenceEnd(bytes, at: i) {
                // Closers or spaces may follow beyond what has been read.
                if !complete && bytes.count - end < 16 { return nil }
                sentenceEnd = end
            }
            let travelled = i - position
            if travelled >= limit, let lineEnd { return lineEnd }
            if travelled >= 4 * limit, let sentenceEnd { return sentenceEnd }
            i += 1
        }
        // Near the end, the rest is one piece: a sentence-end cut is only for very long paragraphs.
        return complete ? lineEnd : nil
    }

    /// Whether the last character before the line break at `i` (spaces and CRs skipped) ends a
    /// sentence or clause, closes a quotation, or is Han.
    private static func endsSentenceOrHan(before i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = i
        while end > 0 && (bytes[end - 1] == 0x0D || bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0A) {
            end -= 1
        }
        guard end > 0 else { return false }
        var start = end - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let scalar = UTF8.decodeScalar(in: bytes, at: start)
        if ScriptClass(scalar) == .han { return true }
        return ".!?;:)\"。！？；：…”」』）》】".unicodeScalars.contains(scalar)
    }

    /// After 。, ！ or ？ at `i` and the closing quotes, brackets and spaces that follow it.
    private static func afterChineseSentenceEnd(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        func matches(_ sequence: [UInt8], _ at: Int) -> Bool {
            at + sequence.count <= bytes.count && sequence.indices.allSatisfy { bytes[at + $0] == sequence[$0] }
        }
        let terminators: [[UInt8]] = [[0xE3, 0x80, 0x82], [0xEF, 0xBC, 0x81], [0xEF, 0xBC, 0x9F]]  // 。！？
        guard let terminator = terminators.first(where: { matches($0, i) }) else { return nil }
        // What ICU keeps with a sentence end: more terminators, closing quotes and brackets.
        let closers: [[UInt8]] = [
            [0xE2, 0x80, 0x9D], [0xE2, 0x80, 0x99], [0xE3, 0x80, 0x8D], [0xE3, 0x80, 0x8F], [0xEF, 0xBC, 0x89],
            [0xE3, 0x80, 0x91], [0xE3, 0x80, 0x8B], [0xE3, 0x80, 0x89], [0x21], [0x3F], [0x2E], [0x22], [0x27], [0x29], [0x5D],
        ]
        var end = i + terminator.count
        var advanced = true
        while advanced {
            advanced = false
            for closer in closers + terminators where matches(closer, end) {
                end += closer.count
                advanced = true
            }
            while end < bytes.count && (bytes[end] == 0x20 || bytes[end] == 0x09) {
                end += 1
                advanced = true
            }
        }
        // A line break right after is the line end's cut, which is as good.
        return end < bytes.count ? end : nil
    }
}
