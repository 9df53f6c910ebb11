/// Passes over a segmentation that merge words no dictionary lists, each from a pattern of
/// Chinese word formation: names, transliterations, bound suffixes and unknown two-character
/// words. They only ever merge, so glossary terms stay whole; and they leave glossary terms
/// as they are.
enum WordMerging {
    /// Merges a surname with the two single characters after it into one name (周鸿祎), when
    /// neither of the two is a function word, a measure word or the like.
    ///
    /// Standards differ (PKU writes 江 泽民, MSR 江泽民); a name is one unit to a reader who looks it
    /// up or aligns it, and CC-CEDICT already lists well-known names whole.
    static func mergeNames(_ words: inout [LatticeWord]) {
        guard words.count >= 3 else { return }
        var merged: [LatticeWord] = []
        merged.reserveCapacity(words.count)
        var i = 0
        while i < words.count {
            if i + 2 < words.count, ChineseCharacters.surnames.contains(words[i].ideograph),
                isGivenNameCharacter(words[i + 1].ideograph), isGivenNameCharacter(words[i + 2].ideograph)
            {
                merged.append(LatticeWord(start: words[i].start, end: words[i + 2].end, origin: .rule, ideograph: 0))
                i += 3
                continue
            }
            merged.append(words[i])
            i += 1
        }
        words = merged
    }

    private static func isGivenNameCharacter(_ ideograph: UInt32) -> Bool {
        ideograph != 0 && !ChineseCharacters.notInGivenNames.contains(ideograph)
    }

    /// Merges a run of three or more single transliteration characters into one foreign name
    /// (卡 斯 帕 罗 夫 → 卡斯帕罗夫), when one of them is seldom used in native words.
    static func mergeTransliterations(_ words: inout [LatticeWord]) {
        var merged: [LatticeWord] = []
        merged.reserveCapacity(words.count)
        var i = 0
        while i < words.count {
            var j = i
            var strong = false
            while j < words.count && ChineseCharacters.transliteration.contains(words[j].ideograph) && words[j].ideograph != 0 {
                strong = strong || ChineseCharacters.strongTransliteration.contains(words[j].ideograph)
                j += 1
            }
            if j - i >= 3 && strong {
                merged.append(LatticeWord(start: words[i].start, end: words[j - 1].end, origin: .rule, ideograph: 0))
                i = j
            } else {
                merged.append(words[i])
                i += 1
            }
        }
        words = merged
    }

    /// Merges a bound suffix (局, 部, 制, 价 …) standing alone into the two- or three-character
    /// Chinese word before it: 保护 价 → 保护价, 公安 局 → 公安局.
    static func mergeBoundSuffixes(_ words: inout [LatticeWord], _ text: UTF8Text) {
        var merged: [LatticeWord] = []
        merged.reserveCapacity(words.count)
        for word in words {
            if ChineseCharacters.boundSuffixes.contains(word.ideograph), let last = merged.last, last.origin != .term,
                let lastCharacter = text.before(last.end), ChineseCharacters.isIdeograph(text.scalar(at: lastCharacter)),
                (2...3).contains(text.scalarCount(last.start..<last.end))
            {
                merged[merged.count - 1] = LatticeWord(start: last.start, end: word.end, origin: .rule, ideograph: 0)
            } else {
                merged.append(word)
            }
        }
        words = merged
    }

    /// Merges two single characters that stand between longer words, when neither is a function
    /// word or one of the commonest single-character words: they are most likely one word the
    /// dictionary lacks (微 信 → 微信, 截 流 → 截流). Longer runs are left alone.
    static func mergeUnknownPairs(_ words: inout [LatticeWord]) {
        var merged: [LatticeWord] = []
        merged.reserveCapacity(words.count)
        var i = 0
        while i < words.count {
            guard words[i].ideograph != 0 else {
                merged.append(words[i])
                i += 1
                continue
            }
            var j = i
            while j < words.count && words[j].ideograph != 0 { j += 1 }
            if j - i == 2 && !ChineseCharacters.functionCharacters.contains(words[i].ideograph)
                && !ChineseCharacters.functionCharacters.contains(words[i + 1].ideograph)
            {
                merged.append(LatticeWord(start: words[i].start, end: words[i + 1].end, origin: .rule, ideograph: 0))
            } else {
                merged.append(contentsOf: words[i..<j])
            }
            i = j
        }
        words = merged
    }
}
