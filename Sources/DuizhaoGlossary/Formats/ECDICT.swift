import DuizhaoText

/// ECDICT's English → Chinese translations, as shipped in `Glossaries/ecdict/ecdict-frequent.tsv`:
/// a header `en	forms	translation`, then one headword a line, its inflected forms separated by
/// `|`, and ECDICT's `translation` text as ECDICT writes it.
///
/// That text is lines (joined by a literal `\n`), each a part of speech and its renderings:
/// `n. 政府, 内阁\n[经] 政府, 政治, 政体`. Reading it means taking off the part of speech (`n.`,
/// `vt.&vi.`) and domain labels (`[经]`), splitting at commas and semicolons, dropping remarks
/// in parentheses and English words, and keeping the stem of an adjective's `…的` or an
/// adverb's `…地` (美丽的 → 美丽), which is how running text writes it.
public enum ECDICT {
    /// The columns the file's header must name, in order.
    public static let header = ["en", "forms", "translation"]

    /// Reads the file's text, collecting a diagnostic for each malformed line.
    public static func read(_ text: String, file: String) -> (dictionary: EnglishDictionary, diagnostics: [GlossaryDiagnostic]) {
        var headwords: [EnglishDictionary.Headword] = []
        headwords.reserveCapacity(45_000)
        var diagnostics: [GlossaryDiagnostic] = []
        var sawHeader = false
        var lineNumber = 0
        for line in text.lineSlices() {
            lineNumber += 1
            if line.isEmpty || line.first == "#" { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard sawHeader else {
                guard cells.map(String.init) == header else {
                    diagnostics.append(
                        GlossaryDiagnostic(
                            file: file, line: lineNumber, column: 1,
                            message: "expected the header '\(header.joined(separator: "\\t"))' of an ECDICT file"))
                    return (EnglishDictionary(file: file, headwords: []), diagnostics)
                }
                sawHeader = true
                continue
            }
            guard cells.count == 3 else {
                diagnostics.append(
                    GlossaryDiagnostic(
                        file: file, line: lineNumber, column: 1, extent: .entry, message: "expected 3 cells, found \(cells.count)"))
                continue
            }
            let word = String(cells[0])
            guard !word.isEmpty, !GlossaryEntry.isChineseNotEnglish(word) else {
                diagnostics.append(GlossaryDiagnostic(file: file, line: lineNumber, column: 1, extent: .entry, message: "no English headword"))
                continue
            }
            let renderings = renderings(of: cells[2])
            guard !renderings.isEmpty else {
                let column = cells[0].count + cells[1].count + 3
                diagnostics.append(
                    GlossaryDiagnostic(file: file, line: lineNumber, column: column, extent: .entry, message: "no Chinese rendering"))
                continue
            }
            let forms = cells[1].split(separator: "|").map(String.init).filter { !$0.isEmpty }
            headwords.append(EnglishDictionary.Headword(word: word, forms: forms, renderings: renderings, line: lineNumber))
        }
        if !sawHeader {
            diagnostics.append(GlossaryDiagnostic(file: file, line: max(lineNumber, 1), column: 1, message: "no header: the file is empty"))
        }
        return (EnglishDictionary(file: file, headwords: headwords), diagnostics)
    }

    /// The renderings of one `translation` text, without repeats, in its order.
    public static func renderings(of translation: some StringProtocol) -> [EnglishDictionary.Rendering] {
        var result: [EnglishDictionary.Rendering] = []
        var seen = Set<String>()
        // ECDICT writes its line breaks as a literal \n, once in a while as \r\n.
        let text = String(translation).replacingOccurrences(of: "\\r", with: "")
        for line in text.components(separatedBy: "\\n") {
            var rest = Substring(line).trimmingWhitespace()
            let partOfSpeech = takePartOfSpeech(&rest)
            let domain = takeDomains(&rest)
            for piece in pieces(of: rest) {
                for chinese in chineseForms(of: piece, partOfSpeech: partOfSpeech) where seen.insert(chinese).inserted {
                    result.append(EnglishDictionary.Rendering(chinese: chinese, partOfSpeech: partOfSpeech, domain: domain))
                }
            }
        }
        return result
    }

    /// Takes a part of speech off the front: `n.`, `vt.`, `vt.&vi.`, `a./n.`; empty when none.
    static func takePartOfSpeech(_ text: inout Substring) -> String {
        var taken = ""
        while true {
            var index = text.startIndex
            while index < text.endIndex, text[index].isASCII, text[index].isLetter, text[index].isLowercase { index = text.index(after: index) }
            let letters = text.distance(from: text.startIndex, to: index)
            guard (1...5).contains(letters), index < text.endIndex, text[index] == "." else { break }
            taken += text[text.startIndex...index]
            text = text[text.index(after: index)...]
            guard let next = text.first, next == "&" || next == "/" else { break }
            taken.append(next)
            text = text.dropFirst()
        }
        text = text.trimmingWhitespace()
        return taken
    }

    /// Takes domain labels off the front (`[经]`, `[计]`), joined by `,`; empty when none.
    static func takeDomains(_ text: inout Substring) -> String {
        var domains: [Substring] = []
        while text.first == "[", let close = text.firstIndex(of: "]") {
            domains.append(text[text.index(after: text.startIndex)..<close])
            text = text[text.index(after: close)...].trimmingWhitespace()
        }
        return domains.joined(separator: ",")
    }

    /// What ECDICT says of an inflected form (catch的过去式和过去分词): a pointer to its
    /// headword, which the lemma list gives, not a rendering.
    static let grammarNotes = ["的过去式", "的过去分词", "的现在分词", "的复数", "的比较级", "的最高级", "的第三人称单数"]

    /// The text without remarks in brackets of any kind; a bracket that is never closed is
    /// dropped alone (`[n. 于健康有益` keeps its Chinese).
    static func withoutRemarks(_ text: Substring) -> String {
        let characters = Array(text)
        var closing = [Int?](repeating: nil, count: characters.count)
        var open: [Int] = []
        for (index, character) in characters.enumerated() {
            if "([（【".contains(character) {
                open.append(index)
            } else if ")]）】".contains(character), let start = open.popLast() {
                closing[start] = index
            }
        }
        var result = ""
        var index = 0
        while index < characters.count {
            if let end = closing[index] {
                index = end + 1
                continue
            }
            if !"()[]（）【】".contains(characters[index]) { result.append(characters[index]) }
            index += 1
        }
        return result
    }

    /// The text split at commas and semicolons (either width), outside parentheses.
    static func pieces(of text: Substring) -> [Substring] {
        var result: [Substring] = []
        var depth = 0
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            switch text[index] {
            case "(", "（", "[", "【": depth += 1
            case ")", "）", "]", "】": depth = max(0, depth - 1)
            case ",", "，", ";", "；":
                if depth == 0 {
                    result.append(text[start..<index])
                    start = text.index(after: index)
                }
            default: break
            }
            index = text.index(after: index)
        }
        result.append(text[start...])
        return result
    }

    /// The Chinese forms one piece gives: its Han runs once remarks in parentheses are dropped
    /// (several when English stands between them; the longest part of a form with a gap, 对…感兴趣
    /// → 感兴趣), and for an adjective's `…的` or an adverb's `…地` the stem.
    static func chineseForms(of piece: Substring, partOfSpeech: String) -> [String] {
        let cleaned = withoutRemarks(piece)
        // Runs of Han characters (with 〇 and the middle dot of foreign names); anything else —
        // English, spaces, an ellipsis marking a gap — separates them.
        var runs: [String] = []
        var current = ""
        for scalar in cleaned.unicodeScalars {
            if ScriptClass(scalar) == .han || scalar == "〇" || scalar == "·" && !current.isEmpty {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                runs.append(current)
                current = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        runs = runs.map { $0.hasSuffix("·") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
        let hasGap = cleaned.contains("…") || cleaned.contains("...")
        if hasGap, let longest = runs.max(by: { $0.count < $1.count }) {
            runs = longest.count >= 2 ? [longest] : []
        }
        var forms: [String] = []
        let isAdjective = partOfSpeech.hasPrefix("a.") || partOfSpeech.hasPrefix("adj.")
        let isAdverb = partOfSpeech.hasPrefix("ad.") || partOfSpeech.hasPrefix("adv.")
        for run in runs where !grammarNotes.contains(where: { run.contains($0) }) {
            forms.append(run)
            if run.count >= 3, isAdjective && run.hasSuffix("的") || isAdverb && run.hasSuffix("地") {
                forms.append(String(run.dropLast()))
            }
        }
        return forms
    }
}
