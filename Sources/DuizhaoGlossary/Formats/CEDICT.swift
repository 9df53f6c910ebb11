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
    ///   - commonReading: the usual reading of a single character (ICU's, from Unihan), which
    ///     puts that character's entry with this reading first.
    public static func read(
        _ text: String, file: String, commonReading: ((String) -> String?)? = nil
    ) -> (entries: [GlossaryEntry], diagnostics: [GlossaryDiagnostic]) {
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
                    GlossaryDiagnostic(file: file, line: lineNumber, column: problem.column, extent: .entry, message: problem.message))
            }
        }
        return (orderingReadings(entries, commonReading: commonReading), diagnostics)
    }

    /// The entries, those of one headword (several readings: 说 shuō and shuì, 日 rì and Rì)
    /// together at the first one's place and the usual reading first, so that whatever takes a
    /// headword's first entry — glosses, pinyin — takes `说 shuō "to speak"` rather than
    /// `说 shuì "to persuade"`, and not a proper noun (`日 Rì`, Japan) over a common word.
    ///
    /// Usual means, in order: not only a cross-reference ("variant of …"); lower-case pinyin (a
    /// proper noun's is capitalised); for a single character, the reading `commonReading` gives;
    /// no cross-reference among the senses (an old or variant form); more senses; the file's order.
    static func orderingReadings(_ entries: [GlossaryEntry], commonReading: ((String) -> String?)?) -> [GlossaryEntry] {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, entry) in entries.enumerated() {
            if groups[entry.simplified] == nil { order.append(entry.simplified) }
            groups[entry.simplified, default: []].append(index)
        }
        guard order.count < entries.count else { return entries }
        var result: [GlossaryEntry] = []
        result.reserveCapacity(entries.count)
        for headword in order {
            let members = groups[headword]!
            guard members.count > 1 else {
                result.append(entries[members[0]])
                continue
            }
            let usual = headword.count == 1 ? commonReading?(headword)?.lowercased() : nil
            func key(_ index: Int) -> (Int, Int, Int, Int, Int, Int) {
                let entry = entries[index]
                let pinyin = entry.pinyin ?? ""
                let crossReference = entry.englishTerms.allSatisfy { isCrossReference($0) } ? 1 : 0
                let properNoun = pinyin.first?.isUppercase == true ? 1 : 0
                let unusual = usual.map { $0 == pinyin.lowercased() ? 0 : 1 } ?? 0
                // An old or variant form (秊 年 "grain; harvest (old); variant of 年") after the form itself.
                let variant = entry.englishTerms.contains { isCrossReference($0) } ? 1 : 0
                return (crossReference, properNoun, unusual, variant, -entry.englishTerms.count, index)
            }
            result += members.sorted { key($0) < key($1) }.map { entries[$0] }
        }
        return result
    }

    /// "variant of 陳|陈[chen2]", "see 啥[sha2]", "old variant of …": a pointer, not a meaning.
    static func isCrossReference(_ gloss: String) -> Bool {
        let lower = gloss.lowercased()
        return ["variant of", "old variant of", "see ", "see also", "archaic variant of", "japanese variant of", "erhua variant of"]
            .contains { lower.hasPrefix($0) }
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
        // Found by fuzzing: a line starting with spaces read as an entry with no Chinese.
        guard let firstSpace = line.firstIndex(of: " "), firstSpace > line.startIndex else {
            return .failure(Problem(column: 1, message: "expected 'TRADITIONAL SIMPLIFIED [pinyin] /gloss/'"))
        }
        let afterTraditional = line.index(after: firstSpace)
        guard let secondSpace = line[afterTraditional...].firstIndex(of: " "), secondSpace > afterTraditional else {
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
        // Found by fuzzing: a gloss of spaces ("/ /bank/") became an English term TSV cannot hold.
        var glosses = glossPart.split(separator: "/").map { String($0.trimmingWhitespace()) }.filter { !$0.isEmpty }
        // "CL:家[jia1]" names a measure word, not a rendering.
        let classifiers = glosses.filter { $0.hasPrefix("CL:") }
        glosses.removeAll { $0.hasPrefix("CL:") }
        guard let first = glosses.first else {
            return .failure(Problem(column: column(glossPart.startIndex), message: "no gloss"))
        }
        // The first gloss is the entry's English term (CC-CEDICT has none that is Chinese).
        guard !GlossaryEntry.isChineseNotEnglish(first) else {
            return .failure(Problem(column: column(glossPart.startIndex) + 1, message: "the first gloss '\(first)' is Chinese, not English"))
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
