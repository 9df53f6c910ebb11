/// Conversions between numbered-tone pinyin (`zhou1 hong2 yi1`) and tone marks (`zhōu hóng yī`).
public enum Pinyin {
    private static let marks: [Character: [Character]] = [
        "a": ["ā", "á", "ǎ", "à"], "e": ["ē", "é", "ě", "è"], "i": ["ī", "í", "ǐ", "ì"],
        "o": ["ō", "ó", "ǒ", "ò"], "u": ["ū", "ú", "ǔ", "ù"], "ü": ["ǖ", "ǘ", "ǚ", "ǜ"],
        "A": ["Ā", "Á", "Ǎ", "À"], "E": ["Ē", "É", "Ě", "È"], "O": ["Ō", "Ó", "Ǒ", "Ò"],
    ]

    /// Numbered-tone pinyin with tone marks: "Zhou1 Hong2 yi1" → "Zhōu Hóng yī"; "lu:4" → "lǜ".
    ///
    /// The mark goes on a or e when present, on the o of "ou", else on the last vowel (the
    /// standard rule). Tone 5 (neutral) and syllables without a number are left unmarked;
    /// anything that is not a syllable (Latin letters, digits, "·") is kept.
    public static func toneMarked(numbered: String) -> String {
        var output = String.UnicodeScalarView()
        var syllable: [Unicode.Scalar] = []
        for scalar in numbered.unicodeScalars {
            if scalar == " " {
                appendToneMarked(&syllable, to: &output)
                output.append(" ")
            } else {
                syllable.append(scalar)
            }
        }
        appendToneMarked(&syllable, to: &output)
        return String(output)
    }

    /// Appends one syllable with its tone mark and empties it; works on scalars, as this runs
    /// for every one of the dictionary's 120,000 entries.
    private static func appendToneMarked(_ syllable: inout [Unicode.Scalar], to output: inout String.UnicodeScalarView) {
        defer { syllable.removeAll(keepingCapacity: true) }
        // CC-CEDICT writes ü as "u:" (some sources as "v" after n or l).
        var letters: [Unicode.Scalar] = []
        for (index, scalar) in syllable.enumerated() {
            if scalar == ":" && index > 0 && (letters.last == "u" || letters.last == "U") {
                letters[letters.count - 1] = letters.last == "u" ? "ü" : "Ü"
            } else if scalar == "v" && (letters.last == "n" || letters.last == "l") {
                letters.append("ü")
            } else {
                letters.append(scalar)
            }
        }
        guard letters.count > 1, let last = letters.last, last.value >= 0x31 && last.value <= 0x35 else {
            output.append(contentsOf: letters)
            return
        }
        let tone = Int(last.value - 0x30)
        letters.removeLast()
        guard tone < 5 else {
            output.append(contentsOf: letters)
            return
        }
        func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(scalar.value | 0x20)! : scalar
        }
        let target: Int?
        if let index = letters.firstIndex(where: { lower($0) == "a" || lower($0) == "e" }) {
            target = index
        } else if let index = letters.indices.first(where: { lower(letters[$0]) == "o" && $0 + 1 < letters.count && lower(letters[$0 + 1]) == "u" }) {
            target = index
        } else {
            target = letters.lastIndex { "iouüIOUÜ".unicodeScalars.contains($0) }
        }
        if let target, let marked = scalarMarks[letters[target]] {
            letters[target] = marked[tone - 1]
        }
        output.append(contentsOf: letters)
    }

    private static let scalarMarks: [Unicode.Scalar: [Unicode.Scalar]] = {
        var table: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        for (base, forms) in marks {
            table[base.unicodeScalars.first!] = forms.map { $0.unicodeScalars.first! }
        }
        table["I"] = ["Ī", "Í", "Ǐ", "Ì"]
        table["U"] = ["Ū", "Ú", "Ǔ", "Ù"]
        table["Ü"] = ["Ǖ", "Ǘ", "Ǚ", "Ǜ"]
        return table
    }()

    /// Tone-marked pinyin back to numbered tones: "zhōu hóng yī" → "zhou1 hong2 yi1".
    public static func numbered(toneMarked: String) -> String {
        toneMarked.split(separator: " ").map { syllable -> String in
            var tone = 5
            var plain = ""
            for character in syllable {
                if let (base, index) = unmarked[character] {
                    plain.append(base)
                    tone = index + 1
                } else {
                    plain.append(character)
                }
            }
            let isSyllable = plain.contains { "aeiouüAEIOU".contains($0) } && plain.allSatisfy { $0.isLetter }
            guard isSyllable else { return plain }
            return plain.replacingOccurrences(of: "ü", with: "u:") + String(tone)
        }.joined(separator: " ")
    }

    private static let unmarked: [Character: (Character, Int)] = {
        var table: [Character: (Character, Int)] = [:]
        for (base, forms) in marks {
            for (index, form) in forms.enumerated() { table[form] = (base, index) }
        }
        return table
    }()
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
