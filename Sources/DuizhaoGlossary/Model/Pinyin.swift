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
        numbered.split(separator: " ").map { toneMarked(syllable: $0) }.joined(separator: " ")
    }

    static func toneMarked(syllable: Substring) -> String {
        var letters = Array(syllable.replacingUmlautSpellings())
        guard let last = letters.last, let tone = last.wholeNumberValue, (1...5).contains(tone), letters.count > 1 else {
            return String(letters)
        }
        letters.removeLast()
        guard tone < 5 else { return String(letters) }
        let lowered = letters.map { Character($0.lowercased()) }
        let target: Int?
        if let a = lowered.firstIndex(where: { $0 == "a" || $0 == "e" }) {
            target = a
        } else if let o = lowered.indices.first(where: { lowered[$0] == "o" && $0 + 1 < lowered.count && lowered[$0 + 1] == "u" }) {
            target = o
        } else {
            target = lowered.lastIndex { "iouü".contains($0) }
        }
        guard let target, let marked = marks[letters[target]] ?? marks[lowered[target]] else { return String(letters) }
        letters[target] = marked[tone - 1]
        return String(letters)
    }

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

extension Substring {
    /// CC-CEDICT writes ü as "u:" (and some sources as "v").
    fileprivate func replacingUmlautSpellings() -> String {
        var result = ""
        var iterator = makeIterator()
        var pending: Character?
        while let character = pending ?? iterator.next() {
            pending = nil
            if character == "u" || character == "U" {
                let next = iterator.next()
                if next == ":" {
                    result.append(character == "u" ? "ü" : "Ü")
                    continue
                }
                result.append(character)
                pending = next
                continue
            }
            result.append(character == "v" && result.last.map { "nl".contains($0) } == true ? "ü" : character)
        }
        return result
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
