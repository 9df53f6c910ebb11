import DuizhaoGlossary
import DuizhaoText

extension CrossReferencer {
    /// Glossary names and terms in a text, one language's side; dictionary words only when they
    /// hold a digit (a name such as 12306, whose number is no quantity).
    ///
    /// A person's role (360集团创办人, "founder of 360 Group") names the person, marked
    /// `isRole`; the names inside it (360集团) are found too.
    func names(in text: String, chinese: Bool) throws(ICUError) -> [NamedTerm] {
        guard let glossaries else { return [] }
        var result: [NamedTerm] = []
        let matches = try glossaries.matcher.matches(in: text, roles: true)
        let inside = try glossaries.matcher.termsInsideRoles(of: matches, in: text)
        for match in TermMatch.inTextOrder(matches + inside) where match.isChinese == chinese {
            let entries = match.entries.map { glossaries.termBase.entries[Int($0)] }
            let hasDigit = text[match.range].contains(where: DiscrepancyFinder.isDigit)
            guard let entry = entries.first(where: { $0.origin.layer != .dictionary }) ?? (hasDigit ? entries.first : nil) else { continue }
            result.append(
                NamedTerm(
                    key: entry.simplified, surface: String(text[match.range]), range: match.utf8Range, type: entry.type, english: entry.english,
                    isRole: match.isRole))
        }
        return result
    }

    /// The glossary entries whose role a word is, matched whole (周鸿祎's for 360集团创办人, in
    /// either script, and for "founder of 360 Group").
    func roleEntries(of word: String) -> Set<Int32> {
        if let known = roleWords[word] { return known }
        var entries = Set<Int32>()
        if let glossaries, let match = try? glossaries.matcher.matches(in: word, roles: true).first,
            match.isRole, match.range == word.startIndex..<word.endIndex
        {
            entries = Set(match.entries)
        }
        roleWords[word] = entries
        return entries
    }

    /// How a source's word shows in an `en=zh` link made through feature `feature` with the
    /// claim's `claimWord`: marked ` (role)` when either side names the entry by a role
    /// (`Zhou Hongyi=360集团创办人 (role)`, `founder of 360 Group=周鸿祎 (role)`); for a glossary
    /// entry matched inside a longer word (360集团 in 360集团创办人), the entry's own term, so
    /// that the pair's words stand in both texts; else the word.
    func shownChinese(_ word: String, feature: String, claimWord: String) -> String {
        guard feature.hasPrefix("e:"), let id = Int32(feature.dropFirst(2)), let glossaries else { return word }
        if roleEntries(of: word).contains(id) || roleEntries(of: claimWord).contains(id) { return word + " (role)" }
        let entry = glossaries.termBase.entries[Int(id)]
        if entry.chineseTerms.contains(word) { return word }
        return entry.chineseTerms.filter { word.contains($0) }.max { $0.count < $1.count } ?? word
    }
}
