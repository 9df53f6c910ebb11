import DuizhaoReports
import Foundation
import Testing

@testable import DuizhaoServer

/// The review file: actions applied to a review, and its JSON written in pieces.
@Suite struct ReviewFileTests {
    static func sample() -> Review {
        let candidate = Review.Candidate(
            source: 0, first: 0, count: 1, score: 0.74, similarity: nil, cited: true, terms: ["founder=创始人"], numbers: [], names: [],
            flags: [Review.Flag(kind: "range-differs", message: "two years vs 一两年", claimStart: 3, claimEnd: 12)], gloss: "创始人[founder]")
        let second = Review.Candidate(
            source: 0, first: 1, count: 2, score: 0.31, similarity: 0.82, cited: false, terms: [], numbers: ["2=二"], names: [], flags: [],
            gloss: "/ \"quoted\" \u{7}")
        return Review(
            id: "article-1", version: 0, title: "article.md", threshold: 0.4, articleText: "Zhou said it. <b>Then</b> more.",
            sources: [
                Review.Source(
                    file: "sources/a.txt", title: nil,
                    sentences: [
                        Review.Sentence(text: "周鸿祎说。", marks: [TermMark(start: 0, end: 9, type: "person", term: "周鸿祎", title: "Zhou Hongyi", ruby: "Zhōu Hóngyī")]),
                        Review.Sentence(text: "二。", marks: []), Review.Sentence(text: "三。", marks: []),
                    ])
            ],
            claims: [
                Review.Claim(id: "c1", text: "Zhou said it.", start: 0, end: 13, marks: [], candidates: [candidate, second], decision: .init()),
                Review.Claim(id: "c2", text: "Then more.", start: 14, end: 31, marks: [], candidates: [], decision: .init()),
            ],
            actions: [])
    }

    @Test func actionsChangeTheDecisionAndAreRecordedInOrder() throws {
        var review = Self.sample()
        let time = Date(timeIntervalSince1970: 1_800_000_000)
        try review.apply(.pick, claim: "c1", candidate: 1, expectedVersion: 0, at: time)
        #expect(review.claims[0].decision == Review.Decision(state: .changed, candidate: 1, note: ""))
        #expect(review.claims[0].chosenCandidate?.first == 1)
        try review.apply(.unsupported, claim: "c2", expectedVersion: 1, at: time)
        try review.apply(.note, claim: "c2", note: "no source", expectedVersion: 2, at: time)
        #expect(review.claims[1].decision == Review.Decision(state: .unsupported, candidate: nil, note: "no source"))
        #expect(review.actions.map(\.version) == [1, 2, 3])
        #expect(review.actions[0].candidate == 1)
        #expect(review.actions[2].note == "no source")
        #expect(review.actions[0].at == "2027-01-15T08:00:00.000Z")
        #expect(throws: ReviewActionError.self) { try review.apply(.accept, claim: "c2", expectedVersion: 3, at: time) }
        #expect(throws: ReviewActionError.self) { try review.apply(.accept, claim: "c1", expectedVersion: 2, at: time) }
        #expect(review.version == 3)
    }

    @Test func theFileWrittenInPiecesIsWhatTheEncoderWritesWhole() throws {
        var review = Self.sample()
        var encoding = try ReviewEncoding(review)
        func whole() throws -> Data { try ReviewEncoding.encoder().encode(review) }
        #expect(encoding.file(version: review.version, format: review.format) == (try whole()))
        let actions: [(Review.ActionKind, String, Int?, String?)] = [
            (.accept, "c1", nil, nil), (.note, "c2", nil, "a \"note\" / </script>"), (.reject, "c1", nil, nil), (.pick, "c1", 1, nil),
        ]
        for (kind, claim, candidate, note) in actions {
            let old = review
            try review.apply(kind, claim: claim, candidate: candidate, note: note, expectedVersion: review.version, at: Date())
            try encoding.update(from: old, to: review)
            let file = encoding.file(version: review.version, format: review.format)
            #expect(file == (try whole()))
            #expect(try JSONDecoder().decode(Review.self, from: file) == review)
        }
    }
}
