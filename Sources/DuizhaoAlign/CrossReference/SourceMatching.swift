import DuizhaoText

/// Which source each of an article's references names, and the sources an article carries itself.
public enum SourceMatching {
    /// Reference labels and the source each names: a reference that names a file (in its text or
    /// link) goes to that file; otherwise to the source whose title (first line) its text equals
    /// or closely matches (Dice coefficient of character pairs, letters and Han only, ≥ 0.6).
    public static func match(_ references: [Reference], to sources: [SourceDocument]) -> [String: Int] {
        var result: [String: Int] = [:]
        for reference in references {
            let haystack = (reference.text + " " + (reference.url ?? "")).lowercased()
            var chosen: Int?
            for (index, source) in sources.enumerated() {
                let name = source.file.split(separator: "/").last.map { String($0).lowercased() } ?? ""
                let base = name.split(separator: ".").first.map(String.init) ?? name
                if !name.isEmpty && haystack.contains(name) || base.count >= 4 && haystack.contains(base) {
                    chosen = index
                    break
                }
            }
            if chosen == nil {
                var best = 0.6
                let key = normalized(reference.text)
                for (index, source) in sources.enumerated() {
                    let title = normalized(source.title ?? source.sentences.first?.text ?? "")
                    guard !key.isEmpty, !title.isEmpty else { continue }
                    let score = key == title ? 1 : dice(key, title)
                    if score > best || score == 1 && best < 1 {
                        best = score
                        chosen = index
                    }
                }
            }
            if let chosen { result[reference.label] = chosen }
        }
        return result
    }

    /// With no source files: the Chinese text inside the article — each reference whose text has
    /// Chinese in it, and each quotation of Chinese in the running text — as sources of their own.
    public static func articleSources(_ article: Article, segmenter: SentenceSegmenter) throws(ICUError) -> (sources: [SourceDocument], references: [String: Int]) {
        var sources: [SourceDocument] = []
        var labels: [String: Int] = [:]
        for reference in article.references where hanCount(reference.text) >= 2 {
            labels[reference.label] = sources.count
            sources.append(try SourceDocument(file: "article#ref-\(reference.label)", fragment: reference.text, referenceLabel: reference.label, segmenter: segmenter))
        }
        // Quotations: runs of Chinese (with its punctuation) of four Han characters or more,
        // outside the reference list.
        let scalars = Array(article.text.unicodeScalars)
        var offsets: [Int] = []
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        var i = 0
        var quotes = 0
        while i < scalars.count {
            guard ScriptClass(scalars[i]) == .han else {
                i += 1
                continue
            }
            var j = i
            var han = 0
            while j < scalars.count, ScriptClass(scalars[j]) == .han || isChinesePunctuation(scalars[j]) || scalars[j].properties.numericType != nil && scalars[j].isASCII {
                if ScriptClass(scalars[j]) == .han { han += 1 }
                j += 1
            }
            let start = offsets[i]
            if han >= 4 && !article.references.contains(where: { $0.range.contains(start) }) {
                quotes += 1
                let text = String(String.UnicodeScalarView(scalars[i..<j]))
                sources.append(try SourceDocument(file: "article#quote-\(quotes)", fragment: text, referenceLabel: nil, segmenter: segmenter))
            }
            i = j
        }
        return (sources, labels)
    }

    private static func isChinesePunctuation(_ scalar: Unicode.Scalar) -> Bool {
        (0x3000...0x303F).contains(scalar.value) || (0xFF00...0xFF0F).contains(scalar.value) || (0xFF1A...0xFF20).contains(scalar.value)
            || scalar == "\u{201C}" || scalar == "\u{201D}"
    }

    private static func hanCount(_ text: String) -> Int {
        text.unicodeScalars.filter { ScriptClass($0) == .han }.count
    }

    /// Letters, digits and Han only, lower case.
    static func normalized(_ text: String) -> [Unicode.Scalar] {
        text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    /// The Dice coefficient of two texts' character pairs.
    static func dice(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        guard a.count >= 2, b.count >= 2 else { return a == b ? 1 : 0 }
        var pairs: [String: Int] = [:]
        for i in 0..<(a.count - 1) { pairs[String(a[i]) + String(a[i + 1]), default: 0] += 1 }
        var shared = 0
        for i in 0..<(b.count - 1) {
            let key = String(b[i]) + String(b[i + 1])
            if let count = pairs[key], count > 0 {
                shared += 1
                pairs[key] = count - 1
            }
        }
        return 2 * Double(shared) / Double(a.count + b.count - 2)
    }
}
