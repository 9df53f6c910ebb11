/// CC-CEDICT, the open Chinese–English dictionary: `TRAD SIMP [pin1 yin1] /gloss/gloss/`.
///
/// Read as the general dictionary layer: each line an entry whose glosses are its English
/// renderings, its numbered-tone pinyin turned into tone marks, and capitalised pinyin marking a
/// proper noun.
public enum CEDICT {
    /// Reads CC-CEDICT text, collecting a diagnostic for each malformed line.
    /// - Parameters:
    ///   - text: the dictionary's text.
    ///   - file: its name, for origins and messages.
    public static func read(_ text: String, file: String) -> (entries: [GlossaryEntry], diagnostics: [GlossaryDiagnostic]) {
        var entries: [GlossaryEntry] = []
        entries.reserveCapacity(125_000)
        var diagnostics: [GlossaryDiagnostic] = []
        var lineNumber = 0
        for line in text.lineSlices() {
            lineNumber += 1
            if line.isEmpty || line.first == "#" { continue }
            switch parse(line) {
            case .success(let parsed):
                entries.append(
                    GlossaryEntry(
                        english: parsed.glosses.first ?? "", englishVariants: Array(parsed.glosses.dropFirst()),
                        simplified: parsed.simplified, traditional: parsed.traditional,
                        pinyin: Pinyin.toneMarked(numbered: parsed.pinyin),
                        type: parsed.isProperNoun ? .other : .term, note: note(parsed),
                        origin: EntryOrigin(file: file, line: lineNumber, layer: .dictionary)))
            case .failure(let problem):
                diagnostics.append(
                    GlossaryDiagnostic(file: file, line: lineNumber, column: problem.column, message: problem.message))
            }
        }
        return (entries, diagnostics)
    }

    /// "proper noun" for capitalised pinyin, and the measure words, as one note.
    static func note(_ line: Line) -> String? {
        let parts = (line.isProperNoun ? ["proper noun"] : []) + line.classifiers
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    struct Line {
        var traditional: String
        var simplified: String
        var pinyin: String
        var glosses: [String]
        var classifiers: [String]
        var isProperNoun: Bool
    }

    struct Problem: Error {
        var column: Int
        var message: String
    }

    /// Parses one line: `TRAD SIMP [pinyin] /gloss/…/`.
    static func parse(_ line: Substring) -> Result<Line, Problem> {
        guard let firstSpace = line.firstIndex(of: " ") else {
            return .failure(Problem(column: 1, message: "expected 'TRADITIONAL SIMPLIFIED [pinyin] /gloss/'"))
        }
        let afterTraditional = line.index(after: firstSpace)
        guard let secondSpace = line[afterTraditional...].firstIndex(of: " ") else {
            return .failure(Problem(column: line.distance(from: line.startIndex, to: afterTraditional) + 1, message: "expected a Simplified form"))
        }
        let rest = line[line.index(after: secondSpace)...]
        func column(_ index: Substring.Index) -> Int { line.distance(from: line.startIndex, to: index) + 1 }
        guard rest.first == "[", let close = rest.firstIndex(of: "]") else {
            return .failure(Problem(column: column(rest.startIndex), message: "expected '[pinyin]'"))
        }
        let pinyin = rest[rest.index(after: rest.startIndex)..<close]
        let glossPart = rest[rest.index(after: close)...].trimmingWhitespace()
        guard glossPart.first == "/", glossPart.last == "/", glossPart.count >= 2 else {
            return .failure(Problem(column: column(glossPart.startIndex), message: "expected '/gloss/' after the pinyin"))
        }
        var glosses = glossPart.split(separator: "/").map(String.init).filter { !$0.isEmpty }
        // "CL:家[jia1]" names a measure word, not a rendering.
        let classifiers = glosses.filter { $0.hasPrefix("CL:") }
        glosses.removeAll { $0.hasPrefix("CL:") }
        guard !glosses.isEmpty else {
            return .failure(Problem(column: column(glossPart.startIndex), message: "no gloss"))
        }
        let isProperNoun = pinyin.first.map(\.isUppercase) ?? false
        return .success(
            Line(
                traditional: String(line[..<firstSpace]), simplified: String(line[afterTraditional..<secondSpace]),
                pinyin: String(pinyin), glosses: glosses, classifiers: classifiers, isProperNoun: isProperNoun))
    }

    /// Writes entries back as CC-CEDICT lines (pinyin with tone marks becomes numbered again).
    public static func write(_ entries: [GlossaryEntry]) -> String {
        var output = ""
        for entry in entries {
            let classifiers = (entry.note ?? "").split(separator: "; ").filter { $0.hasPrefix("CL:") }.map(String.init)
            let glosses = (entry.englishTerms + classifiers).map { $0.replacingSlashes() }.joined(separator: "/")
            let numbered = Pinyin.numbered(toneMarked: entry.pinyin ?? "")
            output += "\(entry.traditional ?? entry.simplified) \(entry.simplified) [\(numbered)] /\(glosses)/\n"
        }
        return output
    }
}

extension String {
    fileprivate func replacingSlashes() -> String { String(map { $0 == "/" ? "∕" : $0 }) }
}
