import DuizhaoText

extension FeatureExtractor {
    /// How many English content words (numbers and glossary names aside) of each pair some
    /// sense of a word of its Chinese sentence renders — a glossary's, CC-CEDICT's or ECDICT's —
    /// summed over the pairs: what the dictionaries' reach is measured by (`duizhao-bench coverage`).
    /// - Throws: `ICUError` when ICU fails.
    public func wordCoverage(pairs: [(english: String, chinese: String)]) throws(ICUError) -> (covered: Int, total: Int) {
        let en = try english(pairs.map(\.english))
        let zh = try chinese(pairs.map(\.chinese))
        var covered = 0
        var total = 0
        for i in pairs.indices {
            for t in Int(en.tokenStart[i])..<Int(en.tokenStart[i + 1]) {
                let name = table.names[Int(en.tokenKey[t])]
                guard !name.hasPrefix("#"), !name.hasPrefix("e:") else { continue }
                total += 1
                let alternatives = en.alternatives[Int(en.alternativeStart[t])..<Int(en.alternativeStart[t + 1])]
                if alternatives.contains(where: { zh.bagContains(i, $0) }) { covered += 1 }
            }
        }
        return (covered, total)
    }
}
