import DuizhaoAlign
import DuizhaoText

/// `duizhao export`: one row per claim–source link, one per unsupported claim.
public enum PairsCSV {
    /// The columns, in order.
    public static let header = ["claim_id", "claim", "source_file", "source_id", "source", "score", "terms", "numbers", "flags"]

    /// One row: a claim and the source span linked to it, or a claim with no source (empty source columns).
    public struct Row: Sendable, Hashable {
        public var claimID: String
        public var claim: String
        public var sourceFile = ""
        /// 1-based sentence numbers, "2" or "2-3".
        public var sourceID = ""
        public var source = ""
        public var score: Double?
        /// Terms and names, `en=zh`.
        public var terms: [String] = []
        public var numbers: [String] = []
        public var flags: [String] = []

        /// A claim with no source: flagged `unsupported`.
        public init(unsupportedClaimID claimID: String, claim: String) {
            self.claimID = claimID
            self.claim = claim
            flags = ["unsupported"]
        }

        public init(
            claimID: String, claim: String, sourceFile: String, sourceID: String, source: String, score: Double, terms: [String],
            numbers: [String], flags: [String]
        ) {
            self.claimID = claimID
            self.claim = claim
            self.sourceFile = sourceFile
            self.sourceID = sourceID
            self.source = source
            self.score = score
            self.terms = terms
            self.numbers = numbers
            self.flags = flags
        }

        /// The cells, in the order of `header`.
        public var cells: [String] {
            [
                claimID, claim, sourceFile, sourceID, source, score.map(AnnotationReport.score) ?? "", terms.joined(separator: "; "),
                numbers.joined(separator: "; "), flags.joined(separator: "; "),
            ]
        }
    }

    /// 1-based sentence numbers of a span of sentences (0-based range): "2", "2-3".
    public static func sentenceID(_ sentences: Range<Int>) -> String {
        sentences.count == 1 ? "\(sentences.lowerBound + 1)" : "\(sentences.lowerBound + 1)-\(sentences.upperBound)"
    }

    /// The CSV text: RFC 4180 with CRLF, through `CSV.write`.
    public static func render(_ result: CrossReference, options: CSV.WriterOptions = .init()) -> String {
        var records = [header]
        for claim in result.claims {
            guard claim.isSupported else {
                records.append(Row(unsupportedClaimID: claim.claim.id, claim: claim.claim.text).cells)
                continue
            }
            for link in claim.links {
                let source = result.sources[link.source]
                let span = source.sentences[link.sentences].map(\.text).joined()
                records.append(
                    Row(
                        claimID: claim.claim.id, claim: claim.claim.text, sourceFile: source.file, sourceID: sentenceID(link.sentences),
                        source: span, score: link.score, terms: link.terms + link.names, numbers: link.numbers,
                        flags: link.discrepancies.map(\.summary)
                    ).cells)
            }
        }
        return CSV.write(records, options: options)
    }
}
