/// Read access to the scalars of valid UTF-8 by byte offset, for the segmenter's inner loops.
struct UTF8Text {
    let bytes: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    /// The scalar value starting at `offset`, or 0 at the end.
    @inline(__always)
    func scalar(at offset: Int) -> UInt32 {
        guard offset < bytes.count else { return 0 }
        let lead = UInt32(bytes[offset])
        switch lead {
        case 0..<0x80: return lead
        case 0xC0..<0xE0: return (lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)
        case 0xE0..<0xF0:
            return (lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
        default:
            return (lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12 | UInt32(bytes[offset + 2] & 0x3F) << 6
                | UInt32(bytes[offset + 3] & 0x3F)
        }
    }

    /// The length in bytes of the scalar starting at `offset`.
    @inline(__always)
    func width(at offset: Int) -> Int {
        switch bytes[offset] {
        case 0..<0x80: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        default: return 4
        }
    }

    /// Where the scalar after the one at `offset` starts.
    @inline(__always)
    func after(_ offset: Int) -> Int { offset + width(at: offset) }

    /// Where the scalar before `offset` starts, or nil at the start.
    @inline(__always)
    func before(_ offset: Int) -> Int? {
        guard offset > 0 else { return nil }
        var i = offset - 1
        while i > 0 && bytes[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }

    /// The scalar value before `offset`, or 0 at the start.
    @inline(__always)
    func scalar(before offset: Int) -> UInt32 {
        before(offset).map { scalar(at: $0) } ?? 0
    }

    /// The number of scalars in `range`.
    @inline(__always)
    func scalarCount(_ range: Range<Int>) -> Int {
        var count = 0
        for i in range where bytes[i] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The number of CJK ideographs in `range`, read from the lead bytes alone: U+3400–U+9FFF
    /// are E3 90 … E9 BF, U+F900–U+FAFF EF A4 … EF AB, and the supplementary planes F0 A0 ….
    @inline(__always)
    func ideographCount(_ range: Range<Int>) -> Int {
        var count = 0
        for i in range {
            let byte = bytes[i]
            guard byte >= 0xE3 else { continue }
            switch byte {
            case 0xE4...0xE9: count += 1
            case 0xE3: if bytes[i + 1] >= 0x90 { count += 1 }
            case 0xEF: if (0xA4...0xAB).contains(bytes[i + 1]) { count += 1 }
            case 0xF0: if bytes[i + 1] >= 0xA0 { count += 1 }
            default: break
            }
        }
        return count
    }
}
