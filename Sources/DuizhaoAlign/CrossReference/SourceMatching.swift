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
        // The references with Chinese in them, as with no files.
        var (sources, labels) = try self.sources([], for: article, segmenter: segmenter)
        // Quotations: Chinese in the running text, outside the reference list.
        var quotes = 0
        let bytes = Array(article.text.utf8)
        for range in chineseRuns(in: article.text) where !article.references.contains(where: { $0.range.contains(range.lowerBound) }) {
            quotes += 1
            let text = String(decoding: bytes[range], as: UTF8.self)
            sources.append(try SourceDocument(file: "article#quote-\(quotes)", fragment: text, referenceLabel: nil, segmenter: segmenter))
        }
        return (sources, labels)
    }

    /// With source files: the files, and after them each reference with Chinese in it that names
    /// none of them (a title the article lists without the text), as a source of its own.
    public static func sources(
        _ files: [SourceDocument], for article: Article, segmenter: SentenceSegmenter
    ) throws(ICUError) -> (sources: [SourceDocument], references: [String: Int]) {
        var sources = files
        var labels = match(article.references, to: files)
        for reference in article.references where labels[reference.label] == nil && hanCount(reference.text) >= 2 {
            labels[reference.label] = sources.count
            sources.append(try SourceDocument(file: "article#ref-\(reference.label)", fragment: reference.text, referenceLabel: reference.label, segmenter: segmenter))
        }
        return (sources, labels)
    }

    /// The runs of Chinese in a text, in UTF-8 offsets, as it writes them: words with Han in them
    /// (`360集团创办人:一旦方向正确`, `中美AI差距`) and the single spaces between such words on one
    /// line, never cut at digits, Latin letters or a half-width colon; with four Han characters or
    /// more, and without the quotation marks and brackets around them.
    static func chineseRuns(in text: String) -> [Range<Int>] {
        let bytes = Array(text.utf8)
        var runs: [Range<Int>] = []
        var current: Range<Int>?
        var han = 0
        func close() {
            if let run = current, han >= 4 { runs.append(trimmed(run, in: bytes)) }
            current = nil
            han = 0
        }
        var offset = 0
        var wordStart = 0
        var wordHan = 0
        var gap = ""
        func endWord(at end: Int) {
            defer { wordHan = 0 }
            guard end > wordStart else { return }
            if wordHan > 0 {
                if let run = current, gap.allSatisfy({ $0 == " " || $0 == "\u{3000}" }), gap.count <= 2 {
                    current = run.lowerBound..<end
                } else {
                    close()
                    current = wordStart..<end
                }
                han += wordHan
            } else {
                close()
            }
        }
        var inWord = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar == " " || scalar == "\t" || scalar == "\u{3000}" || scalar == "\n" || scalar == "\r"
            if isSpace {
                if inWord {
                    endWord(at: offset)
                    gap = ""
                    inWord = false
                }
                if scalar == "\n" || scalar == "\r" { close() }
                gap.unicodeScalars.append(scalar)
            } else {
                if !inWord {
                    wordStart = offset
                    inWord = true
                }
                if ScriptClass(scalar) == .han { wordHan += 1 }
            }
            offset += UTF8.width(scalar)
        }
        if inWord { endWord(at: offset) }
        close()
        return runs
    }

    /// A run without the quotation marks, brackets and English punctuation at its ends.
    private static func trimmed(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        let scalars = Array(String(decoding: bytes[range], as: UTF8.self).unicodeScalars)
        func keeps(_ scalar: Unicode.Scalar) -> Bool {
            ScriptClass(scalar) == .han || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        var low = 0
        var high = scalars.count
        while low < high && !keeps(scalars[low]) { low += 1 }
        // A Chinese full stop or closing mark ends a quotation; English punctuation does not belong to it.
        while high > low && !keeps(scalars[high - 1]) && !"。！？".unicodeScalars.contains(scalars[high - 1]) { high -= 1 }
        let start = range.lowerBound + scalars[..<low].reduce(0) { $0 + UTF8.width($1) }
        let end = range.lowerBound + scalars[..<high].reduce(0) { $0 + UTF8.width($1) }
        return start..<max(start, end)
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
