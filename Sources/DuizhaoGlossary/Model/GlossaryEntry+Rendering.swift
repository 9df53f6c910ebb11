extension GlossaryEntry {
    /// The English to show beside a Chinese term that `entries` share (a match's entries, by
    /// precedence): a glossary entry's English term; else, for dictionary words, the first gloss
    /// that says what the word means (no surname, variant, abbreviation or cross-reference), cut
    /// to its first sense without remarks: 表示 "to express", not "(of sb) to express; to state".
    /// - Returns: nil when no entry has such a gloss (的 "(possessive particle)").
    public static func englishRendering(of entries: [GlossaryEntry]) -> String? {
        if let entry = entries.first(where: { $0.origin.layer != .dictionary }) { return entry.english }
        for entry in entries {
            for gloss in entry.englishTerms where isPlainGloss(gloss) { return concise(gloss) }
        }
        return nil
    }

    /// A dictionary gloss cut to its first sense, remarks in parentheses left out:
    /// "(of sb) to express; to state" is "to express".
    static func concise(_ gloss: String) -> String {
        var output = ""
        var depth = 0
        for character in gloss {
            if character == ";" && depth == 0 { break }
            switch character {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            default: if depth == 0 { output.append(character) }
            }
        }
        let cut = output.split(separator: " ").joined(separator: " ")
        return cut.isEmpty ? gloss : cut
    }

    /// Whether a gloss says what the word means: not a surname, variant, abbreviation or
    /// cross-reference (a pointer: 啥[sha2] outside parentheses), and something besides remarks
    /// in parentheses ("(completed action marker)" is no rendering; "world (CL:個|个[ge4])" is
    /// "world").
    static func isPlainGloss(_ gloss: String) -> Bool {
        let lower = gloss.lowercased()
        for prefix in ["surname", "variant of", "old variant", "abbr.", "abbr ", "see ", "used in", "erhua", "japanese variant", "archaic", "cl:"]
        where lower.hasPrefix(prefix) {
            return false
        }
        let cut = concise(gloss)
        return !cut.contains("[") && !(lower.hasPrefix("(") && cut == gloss)
    }
}
