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
        let surnames = ChineseCharacters.surnames
        let notInGivenNames = ChineseCharacters.notInGivenNames
        func isGivenNameCharacter(_ ideograph: UInt32) -> Bool {
            ideograph != 0 && !notInGivenNames.contains(ideograph)
        }
        compact(&words) { words, i, merged in
            if i + 2 < words.count, surnames.contains(words[i].ideograph),
                isGivenNameCharacter(words[i + 1].ideograph), isGivenNameCharacter(words[i + 2].ideograph)
            {
                merged = LatticeWord(start: words[i].start, end: words[i + 2].end, origin: .rule, ideograph: 0)
                return 3
            }
            return 0
        }
    }

    /// Rewrites `words` in place, left to right: at each word `merge` either sets `merged` and
    /// returns how many words (from the current one) it replaces, or returns 0 to keep the word.
    /// In place, because these passes run over every word segmented and merge few.
    @inline(__always)
    private static func compact(
        _ words: inout [LatticeWord],
        _ merge: (UnsafeMutableBufferPointer<LatticeWord>, Int, inout LatticeWord) -> Int
    ) {
        let kept = words.withUnsafeMutableBufferPointer { words -> Int in
            var write = 0
            var read = 0
            var merged = LatticeWord(start: 0, end: 0, origin: .rule, ideograph: 0)
            while read < words.count {
                // Only words at or after `read` are read, and `write` never passes it.
                let consumed = merge(words, read, &merged)
                if consumed > 0 {
                    words[write] = merged
                    read += consumed
                } else {
                    words[write] = words[read]
                    read += 1
                }
                write += 1
            }
            return write
        }
        words.removeLast(words.count - kept)
    }

    /// Merges a run of three or more single transliteration characters into one foreign name
    /// (卡 斯 帕 罗 夫 → 卡斯帕罗夫), when one of them is seldom used in native words.
    static func mergeTransliterations(_ words: inout [LatticeWord]) {
        let transliteration = ChineseCharacters.transliteration
        let strongTransliteration = ChineseCharacters.strongTransliteration
        compact(&words) { words, i, merged in
            var j = i
            var strong = false
            while j < words.count && transliteration.contains(words[j].ideograph) && words[j].ideograph != 0 {
                strong = strong || strongTransliteration.contains(words[j].ideograph)
                j += 1
            }
            guard j - i >= 3 && strong else { return 0 }
            merged = LatticeWord(start: words[i].start, end: words[j - 1].end, origin: .rule, ideograph: 0)
            return j - i
        }
    }

    /// Merges a bound suffix (局, 部, 制, 价 …) standing alone into the two- or three-character
    /// Chinese word before it: 保护 价 → 保护价, 公安 局 → 公安局.
    static func mergeBoundSuffixes(_ words: inout [LatticeWord], _ text: UTF8Text) {
        let boundSuffixes = ChineseCharacters.boundSuffixes
        let kept = words.withUnsafeMutableBufferPointer { words -> Int in
            // In place: `write` never passes `read`, and the word before `write` is the last
            // one written, as a new array's last would be.
            var write = 0
            for read in 0..<words.count {
                let word = words[read]
                if boundSuffixes.contains(word.ideograph), write > 0, case let last = words[write - 1], last.origin != .term,
                    let lastCharacter = text.before(last.end), ChineseCharacters.isIdeograph(text.scalar(at: lastCharacter)),
                    (2...3).contains(text.scalarCount(last.start..<last.end))
                {
                    words[write - 1] = LatticeWord(start: last.start, end: word.end, origin: .rule, ideograph: 0)
                } else {
                    words[write] = word
                    write += 1
                }
            }
            return write
        }
        words.removeLast(words.count - kept)
    }

    /// Merges two single characters that stand between longer words, when neither is a function
    /// word or one of the commonest single-character words: they are most likely one word the
    /// dictionary lacks (微 信 → 微信, 截 流 → 截流). Longer runs are left alone.
    static func mergeUnknownPairs(_ words: inout [LatticeWord]) {
        let functionCharacters = ChineseCharacters.functionCharacters
        compact(&words) { words, i, merged in
            // Only a run of exactly two single characters, counted from its first.
            guard words[i].ideograph != 0, i == 0 || words[i - 1].ideograph == 0 else { return 0 }
            guard i + 1 < words.count, words[i + 1].ideograph != 0, i + 2 == words.count || words[i + 2].ideograph == 0,
                !functionCharacters.contains(words[i].ideograph), !functionCharacters.contains(words[i + 1].ideograph)
            else { return 0 }
            merged = LatticeWord(start: words[i].start, end: words[i + 1].end, origin: .rule, ideograph: 0)
            return 2
        }
    }
}
