import DuizhaoAlign
import DuizhaoText

/// How `duizhao align` writes an alignment.
public enum AlignmentFormat: String, CaseIterable, Sendable {
    /// One bead per line, `[0,1]:[0]`, source first, then a tab and the score.
    case ladder
    /// Source text, target text, score; tab-separated, one bead per line.
    case tsv
    /// The same as CSV (RFC 4180) with a header row.
    case csv
    /// A TMX 1.4b translation memory, one translation unit per bead.
    case tmx
    /// One JSON object per bead: sentence numbers, texts, score and evidence.
    case jsonl
}

/// Writes an alignment in one of the `AlignmentFormat`s.
///
/// Every sentence of both texts appears exactly once, in order, beads with an empty side
/// included.
public struct AlignmentReport {
    public var alignment: Alignment
    public var source: [String]
    public var target: [String]
    /// The tool version written into TMX headers.
    public var toolVersion: String

    public init(alignment: Alignment, source: [String], target: [String], toolVersion: String) {
        self.alignment = alignment
        self.source = source
        self.target = target
        self.toolVersion = toolVersion
    }

    /// The whole report as text.
    public func render(_ format: AlignmentFormat) -> String {
        switch format {
        case .ladder: renderLadder()
        case .tsv: renderTSV()
        case .csv: renderCSV()
        case .tmx: renderTMX()
        case .jsonl: renderJSONL()
        }
    }

    /// A score with three decimals, the same on every machine.
    public static func score(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(abs(thousandths % 1000))
        return "\(thousandths < 0 ? "-" : "")\(abs(thousandths) / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    private func numbers(_ range: Range<Int>) -> String { "[" + range.map(String.init).joined(separator: ",") + "]" }

    /// The sentences of one side of a bead joined: with spaces for English, directly for Chinese.
    private func text(_ sentences: [String], _ range: Range<Int>, _ language: DocumentLanguage) -> String {
        range.map { sentences[$0] }.joined(separator: language == .chinese ? "" : " ")
    }

    private func renderLadder() -> String {
        var output = ""
        for bead in alignment.beads {
            output += numbers(bead.source) + ":" + numbers(bead.target) + "\t" + Self.score(bead.score) + "\n"
        }
        return output
    }

    private func renderTSV() -> String {
        func clean(_ text: String) -> String {
            String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
        }
        var output = ""
        for bead in alignment.beads {
            output += clean(text(source, bead.source, alignment.sourceLanguage)) + "\t"
            output += clean(text(target, bead.target, alignment.targetLanguage)) + "\t" + Self.score(bead.score) + "\n"
        }
        return output
    }

    private func renderCSV() -> String {
        var records: [[String]] = [["source", "target", "score"]]
        for bead in alignment.beads {
            records.append([
                text(source, bead.source, alignment.sourceLanguage), text(target, bead.target, alignment.targetLanguage), Self.score(bead.score),
            ])
        }
        return CSV.write(records)
    }

    /// TMX language codes: "zh" and "en"; "und" for a side with no letters.
    private func languageCode(_ language: DocumentLanguage) -> String { language.rawValue }

    private func renderTMX() -> String {
        let sourceLanguage = languageCode(alignment.sourceLanguage)
        let targetLanguage = languageCode(alignment.targetLanguage)
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
        output += "  <header creationtool=\"duizhao\" creationtoolversion=\"\(Self.xml(toolVersion))\" segtype=\"sentence\""
        output += " o-tmf=\"duizhao\" adminlang=\"en\" srclang=\"\(sourceLanguage)\" datatype=\"plaintext\">\n"
        output += "    <prop type=\"x-confidence\">\(Self.score(alignment.confidence))</prop>\n"
        output += "  </header>\n  <body>\n"
        for bead in alignment.beads {
            output += "    <tu>\n"
            output += "      <prop type=\"x-sentences\">\(numbers(bead.source)):\(numbers(bead.target))</prop>\n"
            output += "      <prop type=\"x-score\">\(Self.score(bead.score))</prop>\n"
            if !bead.source.isEmpty {
                output += "      <tuv xml:lang=\"\(sourceLanguage)\"><seg>\(Self.xml(text(source, bead.source, alignment.sourceLanguage)))</seg></tuv>\n"
            }
            if !bead.target.isEmpty {
                output += "      <tuv xml:lang=\"\(targetLanguage)\"><seg>\(Self.xml(text(target, bead.target, alignment.targetLanguage)))</seg></tuv>\n"
            }
            output += "    </tu>\n"
        }
        output += "  </body>\n</tmx>\n"
        return output
    }

    /// Text escaped for XML content and attributes; characters XML 1.0 forbids are dropped.
    static func xml(_ text: String) -> String { XMLEscaping.escape(text) }

    private func renderJSONL() -> String {
        var output = ""
        for bead in alignment.beads {
            var line = JSONLine()
            line.add("source", json: "[" + bead.source.map(String.init).joined(separator: ",") + "]")
            line.add("target", json: "[" + bead.target.map(String.init).joined(separator: ",") + "]")
            line.add("source_text", text(source, bead.source, alignment.sourceLanguage))
            line.add("target_text", text(target, bead.target, alignment.targetLanguage))
            line.add("shape", bead.shape)
            line.add("score", json: Self.score(bead.score))
            if let evidence = bead.evidence {
                var object = JSONLine()
                object.add("terms", json: Self.jsonArray(evidence.terms))
                object.add("numbers", json: Self.jsonArray(evidence.numbers))
                object.add("names", json: Self.jsonArray(evidence.names))
                line.add("evidence", json: object.finished)
            }
            output += line.finished + "\n"
        }
        return output
    }

    private static func jsonArray(_ items: [String]) -> String {
        var output = "["
        for (index, item) in items.enumerated() {
            if index > 0 { output += "," }
            JSONLine.appendQuoted(item, to: &output)
        }
        return output + "]"
    }
}
