import DuizhaoText

/// Normalizes text scalar by scalar for matching, remembering where each byte came from.
///
/// The same function folds glossary terms and the text, so that a term matches whatever width,
/// case or script it is written in: ASCII is lowercased, other scalars take their NFKC case-folded
/// Simplified form (cached per scalar, so ICU is asked once per distinct character), curly
/// apostrophes become straight, and every run of whitespace becomes one space.
///
/// Not thread-safe (its cache grows as it reads): give each thread its own.
public final class MatchNormalizer {
    private let normalizer: TextNormalizer
    /// Normalized UTF-8 of each non-ASCII scalar seen so far.
    private var cache: [UInt32: [UInt8]] = [:]

    /// Creates a normalizer.
    /// - Throws: `ICUError` when ICU's transforms cannot be opened.
    public init() throws(ICUError) {
        normalizer = try TextNormalizer()
    }

    /// Text in its normalized form, with a map back to the original.
    public struct Result: Sendable {
        /// The normalized UTF-8.
        public var bytes: [UInt8]
        /// For each normalized byte, the UTF-8 offset in the original of the scalar it came from;
        /// one more element at the end holds the original's length.
        public var originalOffsets: [Int32]

        /// The original byte range that normalized bytes `range` came from.
        public func originalRange(_ range: Range<Int>) -> Range<Int> {
            let start = Int(originalOffsets[range.lowerBound])
            // The end is where the scalar after the last matched byte starts.
            var end = range.upperBound
            let last = originalOffsets[range.upperBound - 1]
            while end < originalOffsets.count - 1 && originalOffsets[end] == last { end += 1 }
            return start..<Int(originalOffsets[end])
        }
    }

    /// Normalizes `text`.
    /// - Throws: `ICUError` when ICU fails.
    public func normalize(_ text: String) throws(ICUError) -> Result {
        var bytes: [UInt8] = []
        var offsets: [Int32] = []
        bytes.reserveCapacity(text.utf8.count)
        offsets.reserveCapacity(text.utf8.count + 1)
        var offset = 0
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            defer { offset += width }
            if scalar.properties.isWhitespace {
                if !lastWasSpace {
                    bytes.append(0x20)
                    offsets.append(Int32(offset))
                }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                offsets.append(Int32(offset))
                continue
            }
            let folded = try fold(scalar)
            bytes.append(contentsOf: folded)
            offsets.append(contentsOf: repeatElement(Int32(offset), count: folded.count))
        }
        offsets.append(Int32(offset))
        return Result(bytes: bytes, originalOffsets: offsets)
    }

    /// The normalized form of a term, as bytes for the trie.
    /// - Throws: `ICUError` when ICU fails.
    public func key(_ term: String) throws(ICUError) -> [UInt8] {
        var bytes = try normalize(term).bytes
        // A term's own edges carry no space.
        while bytes.first == 0x20 { bytes.removeFirst() }
        while bytes.last == 0x20 { bytes.removeLast() }
        return bytes
    }

    private func fold(_ scalar: Unicode.Scalar) throws(ICUError) -> [UInt8] {
        if let cached = cache[scalar.value] { return cached }
        var folded = try normalizer.normalize(String(scalar))
        if folded.unicodeScalars.contains(where: \.properties.isWhitespace) { folded = " " }
        let bytes = Array(folded.utf8)
        cache[scalar.value] = bytes
        return bytes
    }
}
