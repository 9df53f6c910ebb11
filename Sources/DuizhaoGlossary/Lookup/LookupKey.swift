import DuizhaoText

/// The forms under which entries are found: folded English, Simplified Chinese, bare pinyin.
enum LookupKey {
    /// English folded for lookup: lower case, straight apostrophes, single spaces.
    static func english(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiEnglish(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            switch character {
            case "’", "‘", "ʼ": result.append("'")
            default: result.append(contentsOf: character.lowercased())
            }
        }
        return result
    }

    /// The ASCII case of `english`, on bytes: most English terms, and 120,000 dictionary glosses.
    private static func asciiEnglish(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Pinyin without tones, spaces, apostrophes or hyphens, in lower case: "Zhōu Hóngyī" → "zhouhongyi".
    static func pinyin(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                if value >= 0x41 && value <= 0x5A {
                    result.unicodeScalars.append(Unicode.Scalar(UInt8(value | 0x20)))
                } else if value >= 0x61 && value <= 0x7A || value >= 0x30 && value <= 0x39 {
                    result.unicodeScalars.append(scalar)
                }
            } else if let plain = toneless[scalar] {
                result.unicodeScalars.append(plain)
            } else if scalar.value >= 0x300 && scalar.value <= 0x36F {
                continue  // a combining tone mark
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                result.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return result
    }

    /// Tone-marked vowels and ü, with their plain ASCII letters.
    private static let toneless: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        let groups: [(Unicode.Scalar, String)] = [
            ("a", "āáǎàĀÁǍÀ"), ("e", "ēéěèĒÉĚÈ"), ("i", "īíǐìĪÍǏÌ"), ("o", "ōóǒòŌÓǑÒ"), ("u", "ūúǔùŪÚǓÙ"),
            ("u", "üǖǘǚǜÜǕǗǙǛ"),
        ]
        for (plain, marked) in groups {
            for scalar in marked.unicodeScalars { table[scalar] = plain }
        }
        return table
    }()
}
