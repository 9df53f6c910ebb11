import DuizhaoAlign
import DuizhaoText

/// `duizhao export`: one row per claim–source link, one per unsupported claim.
public enum PairsCSV {
    /// The columns, in order.
    public static let header = ["claim_id", "claim", "source_file", "source_id", "source", "score", "terms", "numbers", "flags"]

    /// The CSV text: RFC 4180 with CRLF, through `CSV.write`.
    public static func render(_ result: CrossReference, options: CSV.WriterOptions = .init()) -> String {
        var records = [header]
        for claim in result.claims {
            guard claim.isSupported else {
                records.append([claim.claim.id, claim.claim.text, "", "", "", "", "", "", "unsupported"])
                continue
            }
            for link in claim.links {
                let source = result.sources[link.source]
                let span = source.sentences[link.sentences].map(\.text).joined()
                records.append([
                    claim.claim.id, claim.claim.text, source.file, AnnotationReport.sentenceID(link), span, AnnotationReport.score(link.score),
                    (link.terms + link.names).joined(separator: "; "), link.numbers.joined(separator: "; "),
                    link.discrepancies.map(\.summary).joined(separator: "; "),
                ])
            }
        }
        return CSV.write(records, options: options)
    }
}
