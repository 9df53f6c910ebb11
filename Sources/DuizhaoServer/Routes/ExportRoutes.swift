import DuizhaoReports
import DuizhaoText
import Hummingbird

/// `GET /reviews/ID/export/csv` and `/export/json`: the reviewed pairs.
struct ExportRoutes {
    func addRoutes(to group: RouterGroup<ReviewRequestContext>) {
        group.get("csv") { request, context -> Response in
            let review = try await (try context.services).store.review(try ReviewRoutes.reviewID(context))
            let bom = request.uri.queryParameters.get("bom") != "0"
            var headers = HTTPFields()
            headers[.contentDisposition] = "attachment; filename=\"\(review.id)-pairs.csv\""
            return .text(ReviewExport.csv(review, options: CSV.WriterOptions(byteOrderMark: bom)), type: "text/csv; charset=utf-8", headers: headers)
        }
        group.get("json") { _, context -> Response in
            let review = try await (try context.services).store.review(try ReviewRoutes.reviewID(context))
            var response = try Response.json(ReviewExport.document(review))
            response.headers[.contentDisposition] = "attachment; filename=\"\(review.id)-pairs.json\""
            return response
        }
    }
}

/// A review's pairs as `export` writes them, one row a claim, with the decision and the note.
public enum ReviewExport {
    /// `PairsCSV.header`, then `review` and `note`.
    public static let header = PairsCSV.header + ["review", "note"]

    /// The row of each claim: the candidate its decision points at (the suggested one until it
    /// is reviewed or when it was rejected, the picked one once accepted or changed), or no source.
    public static func rows(_ review: Review) -> [(row: PairsCSV.Row, review: String, note: String)] {
        review.claims.map { claim in
            let state = claim.decision.state == .pending ? "" : claim.decision.state.rawValue
            let candidate: Review.Candidate?
            switch claim.decision.state {
            case .pending: candidate = claim.isSuggested(threshold: review.threshold) ? claim.candidates.first : nil
            default: candidate = claim.chosenCandidate
            }
            guard let candidate else {
                return (PairsCSV.Row(unsupportedClaimID: claim.id, claim: claim.text), state, claim.decision.note)
            }
            let source = review.sources[candidate.source]
            let span = source.sentences[candidate.sentences].map(\.text).joined()
            let row = PairsCSV.Row(
                claimID: claim.id, claim: claim.text, sourceFile: source.file, sourceID: PairsCSV.sentenceID(candidate.sentences), source: span,
                score: candidate.score, terms: candidate.terms + candidate.names, numbers: candidate.numbers, flags: candidate.flags.map(\.summary))
            return (row, state, claim.decision.note)
        }
    }

    /// RFC 4180 CSV with CRLF, formula-like cells neutralized as `export` does.
    public static func csv(_ review: Review, options: CSV.WriterOptions = .init()) -> String {
        CSV.write([header] + rows(review).map { $0.row.cells + [$0.review, $0.note] }, options: options)
    }

    /// The same rows as JSON objects keyed by the CSV's column names.
    public static func document(_ review: Review) -> ExportDocument {
        ExportDocument(
            review: review.id, article: review.title, version: review.version, threshold: review.threshold,
            pairs: rows(review).map { Dictionary(uniqueKeysWithValues: zip(header, $0.row.cells + [$0.review, $0.note])) })
    }

    public struct ExportDocument: Codable, Sendable {
        public var review: String
        public var article: String
        public var version: Int
        public var threshold: Double
        public var pairs: [[String: String]]
    }
}
