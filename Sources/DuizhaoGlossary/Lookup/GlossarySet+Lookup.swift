import DuizhaoText

/// Lookup across every layer: the term base, and for English the English → Chinese dictionary
/// and English phrases inside the dictionary's glosses.
extension GlossarySet {
    /// Finds entries for `query` (`TermBase.lookup`); for English, also its Chinese renderings.
    ///
    /// An English query's answers come in three groups: the glossaries' entries; then the
    /// renderings CC-CEDICT and ECDICT agree on (a CC-CEDICT entry whose gloss holds the query,
    /// whose Chinese ECDICT gives for it), in ECDICT's order; then the rest — ECDICT's other
    /// renderings, then CC-CEDICT's entries, closest gloss first. An inflected form (governments,
    /// caught) is looked up as its headword; a phrase ("catch up") is found inside glosses
    /// whatever stands around it ("to catch up with") and in whatever order its words stand.
    /// - Throws: `ICUError` when ICU fails.
    public func lookup(_ query: String, normalizer: TextNormalizer, limit: Int = 50) throws(ICUError) -> [TermBase.Match] {
        let base = try termBase.lookup(query, normalizer: normalizer, limit: max(limit, 50))
        let trimmed = String(query.trimmingWhitespace())
        guard !trimmed.containsHan, trimmed.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else {
            return Array(base.prefix(limit))
        }
        let glossary = base.filter { $0.entry.origin.layer < .dictionary }
        var dictionary = base.filter { $0.entry.origin.layer >= .dictionary }
        var shown = Set(dictionary.map(\.entry.origin))
        for match in phraseMatches(trimmed, limit: limit) where shown.insert(match.entry.origin).inserted {
            dictionary.append(match)
        }
        let wanted = Set(glossWords(trimmed))
        let headwords = englishDictionary?.headwords(for: trimmed) ?? []
        var agreed: [TermBase.Match] = []
        var others: [TermBase.Match] = []
        var agreeing = Set<EntryOrigin>()
        var seenRenderings = Set<String>()
        for headword in headwords {
            for rendering in headword.renderings where seenRenderings.insert(rendering.chinese).inserted {
                let origin = EntryOrigin(file: englishDictionary!.file, line: headword.line, layer: .englishDictionary)
                // CC-CEDICT agrees when an entry for the rendering has a gloss holding the query.
                let agreeingEntry = termBase.chineseIndex.exact(rendering.chinese).lazy.map { self.termBase.entries[Int($0)] }.first { entry in
                    entry.origin.layer == .dictionary && !agreeing.contains(entry.origin)
                        && entry.englishTerms.contains { Set(self.glossWords($0)).isSuperset(of: wanted) }
                }
                if let agreeingEntry {
                    agreeing.insert(agreeingEntry.origin)
                    agreed.append(TermBase.Match(entry: agreeingEntry, kind: .exact, field: "en", also: [origin]))
                } else {
                    others.append(TermBase.Match(entry: entry(rendering, of: headword, origin: origin), kind: .exact, field: "en"))
                }
            }
        }
        let rest = dictionary.filter { !agreeing.contains($0.entry.origin) }
        return Array((glossary + agreed + others + rest).prefix(limit))
    }

    /// Terms close to `query` for "did you mean": for a Chinese query, Chinese; for one that reads
    /// as pinyin, English and pinyin; for any other, English only (ECDICT's headwords among them).
    public func suggestions(for query: String, limit: Int = 5) -> [String] {
        guard !query.containsHan else { return termBase.suggestions(for: query, limit: limit) }
        var found = termBase.suggestions(for: query, limit: limit, pinyin: termBase.readsAsPinyin(query))
        guard found.count < limit, let englishDictionary else { return found }
        let key = LookupKey.english(query)
        let budget = max(1, min(3, key.count / 3))
        var scored: [(Int, Int32, String)] = []
        englishDictionary.forEachKey { candidate, owner in
            guard abs(candidate.count - key.count) <= budget else { return }
            let distance = EditDistance.levenshtein(key, candidate, limit: budget)
            if distance <= budget { scored.append((distance, Int32(owner), englishDictionary.word(at: owner))) }
        }
        for (_, _, word) in scored.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) where found.count < limit && !found.contains(word) {
            found.append(word)
        }
        return found
    }

    /// An entry for one of ECDICT's renderings, with CC-CEDICT's pinyin for it when there is one.
    private func entry(_ rendering: EnglishDictionary.Rendering, of headword: EnglishDictionary.Headword, origin: EntryOrigin) -> GlossaryEntry {
        let pinyin = termBase.chineseIndex.exact(rendering.chinese).lazy.compactMap { self.termBase.entries[Int($0)].pinyin }.first
        var note = rendering.partOfSpeech
        if !rendering.domain.isEmpty { note += (note.isEmpty ? "" : " ") + "[\(rendering.domain)]" }
        return GlossaryEntry(
            english: headword.word, simplified: rendering.chinese, pinyin: pinyin,
            note: note.isEmpty ? nil : note, origin: origin)
    }

    /// Dictionary entries with a gloss that holds every word of `phrase` (each as itself or its
    /// headword), a leading "to" aside, closest first: fewest other words, then the file's order.
    func phraseMatches(_ phrase: String, limit: Int) -> [TermBase.Match] {
        let wanted = glossWords(phrase)
        guard !wanted.isEmpty, let probe = wanted.max(by: { $0.count < $1.count }) else { return [] }
        // A gloss can only hold the longest word as itself or one of its forms: a byte search
        // for those keeps the word-by-word check to a few hundred glosses of 200,000.
        let forms = [probe] + (englishDictionary?.headwords(for: probe).first { LookupKey.english($0.word) == probe }?.forms ?? [])
        let probes = forms.map { Array(LookupKey.english($0).utf8) }
        var scored: [(extra: Int, id: Int32)] = []
        var best: [Int32: Int] = [:]
        for position in glossPositions(holding: probes) {
            let id = termBase.englishIndex.id(at: position)
            guard termBase.entries.layer(at: Int(id)) == .dictionary else { continue }
            let words = glossWords(termBase.englishIndex.key(at: position))
            guard Set(words).isSuperset(of: wanted) else { continue }
            let extra = words.count - wanted.count
            if let known = best[id], known <= extra { continue }
            best[id] = extra
            scored.append((extra, id))
        }
        var seen = Set<Int32>()
        return scored.sorted { ($0.extra, $0.id) < ($1.extra, $1.id) }
            .filter { best[$0.id] == $0.extra && seen.insert($0.id).inserted }
            .prefix(limit)
            .map { TermBase.Match(entry: termBase.entries[Int($0.id)], kind: $0.extra == 0 ? .exact : .prefix, field: "en") }
    }

    /// The positions in the English index of the keys that hold one of `probes` as a word of its
    /// own (not "a" inside "say"), ascending: from the index of gloss words for a probe of ASCII
    /// letters and digits, by searching every key's bytes for any other ("t-shirt", "café").
    private func glossPositions(holding probes: [[UInt8]]) -> [Int] {
        var positions = Set<Int>()
        for probe in probes {
            if !probe.isEmpty && probe.allSatisfy(GlossWordIndex.isWordByte) {
                probe.withUnsafeBytes { word in
                    for position in termBase.glossWords.positions(of: word) { positions.insert(Int(position)) }
                }
            } else {
                for position in 0..<termBase.englishIndex.count where Self.contains(termBase.englishIndex.keyBytes(at: position), probe) {
                    positions.insert(position)
                }
            }
        }
        return positions.sorted()
    }

    /// The words of an English phrase or gloss, each as its ECDICT headword when it is an
    /// inflected form, without remarks in parentheses and without a leading "to".
    func glossWords(_ text: String) -> [String] {
        var words = ECDICT.withoutRemarks(text.lowercased()[...]).split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "-") }.map(String.init)
        if words.first == "to" && words.count > 1 { words.removeFirst() }
        return words.map(lemma(of:))
    }

    /// The headword `word` is a form of, by ECDICT's lemma list; the word itself otherwise.
    func lemma(of word: String) -> String {
        guard let englishDictionary else { return word }
        return englishDictionary.headwordIndexes(for: word).first.map { LookupKey.english(englishDictionary.word(at: $0)) } ?? word
    }

    /// Whether `haystack` holds `bytes` as a word of its own (not "a" inside "say").
    private static func contains(_ haystack: UnsafeRawBufferPointer, _ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first else { return true }
        guard bytes.count <= haystack.count else { return false }
        var start = 0
        while start + bytes.count <= haystack.count {
            if haystack[start] == first {
                var k = 1
                while k < bytes.count && haystack[start + k] == bytes[k] { k += 1 }
                let end = start + bytes.count
                if k == bytes.count && (start == 0 || !GlossWordIndex.isWordByte(haystack[start - 1]))
                    && (end == haystack.count || !GlossWordIndex.isWordByte(haystack[end]))
                {
                    return true
                }
            }
            start += 1
        }
        return false
    }
}
