import DuizhaoText

extension [GlossaryEntry] {
    /// Moves the terms at `indices`, read from a source that did not say their script, to
    /// `traditional` when they are Traditional, a Simplified form derived by `toSimplified`: when
    /// at least a fifth of the (first 2,000) terms with Chinese characters have characters only
    /// Traditional writing uses (in a Simplified glossary almost none do; in a Traditional one
    /// most terms of more than a character or two). TSV/CSV columns and TBX sections share it.
    mutating func takeTraditionalIfTheTermsAre(at indices: some Collection<Int>, toSimplified: ChineseScriptConverter) {
        // The first thousands tell as well as all of them, and a large file is not converted twice.
        let entries = self
        let terms = indices.lazy.map { entries[$0].simplified }.filter(\.containsHan).prefix(2_000)
        let traditional = terms.count { ((try? toSimplified.convert($0)) ?? $0) != $0 }
        guard traditional > 0, traditional * 5 >= terms.count else { return }
        for index in indices {
            let term = self[index].simplified
            self[index].traditional = term
            self[index].simplified = (try? toSimplified.convert(term)) ?? term
            self[index].simplifiedIsDerived = true
        }
    }
}
