import DuizhaoText

/// How often Chinese words occur: a word list with counts, which lets segmentation choose between
/// readings with the same number of words (研究 生命 over 研究生 命).
///
/// The format is jieba's `dict.txt` (MIT licence, in PyPI's `jieba` package) and the like: one
/// word per line, then its count, then anything (jieba gives a part-of-speech tag), separated by
/// spaces or tabs. Blank lines (spaces and tabs only, too) and lines starting with `#` are
/// skipped. A count is a whole number below 2⁴⁸, digits only.
public struct WordFrequencies: Sendable, Equatable {
    /// Each word's count; a word listed twice has the sum.
    public var counts: [String: Int]
    /// The sum of all counts.
    public var total: Int

    public init(counts: [String: Int]) {
        self.counts = counts
        total = counts.values.reduce(0, Self.saturatingSum)
    }

    /// Counts are below this (2⁴⁸).
    public static let largestCount = 1 << 48

    /// `a + b`, or `Int.max` where that would overflow: a hostile list must not crash the sum.
    static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    /// Reads a word list, collecting a diagnostic for each malformed line.
    /// - Parameters:
    ///   - text: the list's text.
    ///   - file: its name, for messages.
    /// - Returns: the counts of the well-formed lines, and the problems of the others.
    public static func read(_ text: String, file: String) -> (frequencies: WordFrequencies, diagnostics: [GlossaryDiagnostic]) {
        var counts: [String: Int] = [:]
        var diagnostics: [GlossaryDiagnostic] = []
        var lineNumber = 0
        for line in text.lineSlices() {
            lineNumber += 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.first == "#" { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).prefix(2)
            func problem(_ column: Int, _ message: String) {
                diagnostics.append(GlossaryDiagnostic(file: file, line: lineNumber, column: column, message: message))
            }
            guard line.first != " " && line.first != "\t", let word = fields.first else {
                problem(1, "expected a word, then its count")
                continue
            }
            guard fields.count == 2 else {
                problem(word.count + 1, "expected a count after '\(word)'")
                continue
            }
            let countField = fields[fields.index(after: fields.startIndex)]
            let column = line.distance(from: line.startIndex, to: countField.startIndex) + 1
            guard countField.allSatisfy({ ("0"..."9").contains($0) }) else {
                problem(column, "'\(countField)' is not a count (a whole number, 0 or more)")
                continue
            }
            // Counts stay well below overflow, even summed over a large list.
            guard countField.count <= 15, let count = Int(countField), count < Self.largestCount else {
                problem(column, "the count \(countField) is too large (at most \(Self.largestCount - 1))")
                continue
            }
            counts[String(word), default: 0] = Self.saturatingSum(counts[String(word), default: 0], count)
        }
        return (WordFrequencies(counts: counts), diagnostics)
    }
}
