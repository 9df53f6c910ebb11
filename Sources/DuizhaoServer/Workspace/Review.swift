import DuizhaoReports
import Foundation

/// One review: an article's claims with their candidate sources as Duizhao found them, and
/// what the reviewer decided about each, with every action in the order it was taken.
///
/// Stored as `reviews/ID.json` in the workspace; everything a page shows is in it, so that a
/// restart shows the same review without annotating again.
public struct Review: Codable, Sendable, Hashable {
    /// The layout of the file, bumped when it changes.
    public var format = 1
    /// The file's name without `.json`: lower-case letters, digits and dashes.
    public var id: String
    /// Incremented by every action; a write naming another version is refused.
    public var version: Int
    /// The article's file name.
    public var title: String
    /// The threshold a candidate's score needs to be suggested as the claim's link.
    public var threshold: Double
    /// The article's readable text (markup removed); claims' offsets point into it.
    public var articleText: String
    public var sources: [Source]
    public var claims: [Claim]
    /// Every action, oldest first.
    public var actions: [Action]

    /// A source document: its file (relative to the workspace) and its sentences.
    public struct Source: Codable, Sendable, Hashable {
        public var file: String
        public var title: String?
        public var sentences: [Sentence]
    }

    /// A source sentence with its glossary terms.
    public struct Sentence: Codable, Sendable, Hashable {
        public var text: String
        public var marks: [TermMark]
    }

    /// An English claim, its candidate sources (best first) and the reviewer's decision.
    public struct Claim: Codable, Sendable, Hashable {
        public var id: String
        public var text: String
        /// UTF-8 offsets into `articleText`.
        public var start: Int
        public var end: Int
        public var marks: [TermMark]
        public var candidates: [Candidate]
        public var decision: Decision

        /// Whether Duizhao found a candidate that reaches the threshold.
        public func isSuggested(threshold: Double) -> Bool { candidates.first.map { $0.score >= threshold } ?? false }

        /// The candidate the decision points at: the picked one, else the suggested one.
        public var chosenCandidate: Candidate? {
            switch decision.state {
            case .unsupported: return nil
            case .accepted, .changed: return decision.candidate.flatMap { candidates.indices.contains($0) ? candidates[$0] : nil }
            case .pending, .rejected: return candidates.first
            }
        }
    }

    /// A span of one to three sentences of a source that may support a claim.
    public struct Candidate: Codable, Sendable, Hashable {
        /// An index into `Review.sources`.
        public var source: Int
        /// 0-based sentences of that source.
        public var first: Int
        public var count: Int
        public var score: Double
        public var similarity: Double?
        public var cited: Bool
        public var terms: [String]
        public var numbers: [String]
        public var names: [String]
        public var flags: [Flag]
        /// The span glossed: `周鸿祎[Zhou Hongyi]`.
        public var gloss: String

        public var sentences: Range<Int> { first..<(first + count) }
    }

    /// Where a claim and its candidate disagree.
    public struct Flag: Codable, Sendable, Hashable {
        public var kind: String
        public var message: String
        /// The flagged words in the claim, UTF-8 offsets into its text.
        public var claimStart: Int?
        public var claimEnd: Int?
        /// The flagged words in the source: the sentence (0-based) and offsets into it.
        public var sourceSentence: Int?
        public var sourceStart: Int?
        public var sourceEnd: Int?

        public var summary: String { "\(kind): \(message)" }
    }

    /// What the reviewer made of a claim.
    public enum State: String, Codable, Sendable, Hashable, CaseIterable {
        /// Not reviewed yet.
        case pending
        /// The suggested link is right.
        case accepted
        /// The suggested link is wrong.
        case rejected
        /// Another candidate is the right one.
        case changed
        /// No source supports the claim.
        case unsupported
    }

    public struct Decision: Codable, Sendable, Hashable {
        public var state: State = .pending
        /// For accepted and changed: the candidate chosen.
        public var candidate: Int?
        public var note: String = ""
    }

    /// One action as it was taken: what it did to which claim, and the version it made.
    public struct Action: Codable, Sendable, Hashable {
        public var version: Int
        public var claim: String
        public var kind: ActionKind
        public var candidate: Int?
        public var note: String?
        /// When, ISO 8601 in UTC.
        public var at: String
    }

    /// The actions a reviewer can take on a claim.
    public enum ActionKind: String, Codable, Sendable, Hashable, CaseIterable {
        /// Accept the suggested link (the first candidate).
        case accept
        /// Reject the suggested link.
        case reject
        /// Pick another candidate as the link.
        case pick
        /// Mark the claim unsupported.
        case unsupported
        /// Set the claim's note.
        case note
    }
}

/// Why an action cannot be applied to a review.
public struct ReviewActionError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The review has moved on since the client read it.
        case staleVersion(current: Int)
        /// No claim with that id.
        case noSuchClaim
        /// The action does not fit the claim (no candidate to accept, a candidate out of range, a note too long).
        case invalid
    }

    public var kind: Kind
    public var message: String
    public var description: String { message }
}

extension Review {
    /// The longest note kept, in characters.
    public static let noteLimit = 4_000

    /// Applies one action to one claim, after checking that the client saw the latest version.
    /// - Parameters:
    ///   - expectedVersion: the version the client's page shows.
    ///   - at: the action's time, recorded with it.
    public mutating func apply(
        _ kind: ActionKind, claim claimID: String, candidate: Int? = nil, note: String? = nil, expectedVersion: Int, at time: Date
    ) throws(ReviewActionError) {
        guard expectedVersion == version else {
            throw ReviewActionError(
                kind: .staleVersion(current: version),
                message: "this review changed elsewhere (you have version \(expectedVersion), the workspace has \(version)): reload the page to see the changes, then act again")
        }
        guard let index = claims.firstIndex(where: { $0.id == claimID }) else {
            throw ReviewActionError(kind: .noSuchClaim, message: "review \(id) has no claim \(claimID)")
        }
        var decision = claims[index].decision
        let candidates = claims[index].candidates
        switch kind {
        case .accept:
            guard !candidates.isEmpty else {
                throw ReviewActionError(kind: .invalid, message: "claim \(claimID) has no candidate source to accept; mark it unsupported instead")
            }
            decision.state = .accepted
            decision.candidate = 0
        case .reject:
            decision.state = .rejected
            decision.candidate = nil
        case .pick:
            guard let candidate, candidates.indices.contains(candidate) else {
                throw ReviewActionError(
                    kind: .invalid, message: "claim \(claimID) has \(candidates.count) candidates; candidate \(candidate.map(String.init) ?? "(none)") is not one of them")
            }
            decision.state = candidate == 0 ? .accepted : .changed
            decision.candidate = candidate
        case .unsupported:
            decision.state = .unsupported
            decision.candidate = nil
        case .note:
            let text = note ?? ""
            guard text.count <= Self.noteLimit else {
                throw ReviewActionError(kind: .invalid, message: "a note holds at most \(Self.noteLimit) characters; this one has \(text.count)")
            }
            decision.note = text
        }
        claims[index].decision = decision
        version += 1
        actions.append(
            Action(
                version: version, claim: claimID, kind: kind, candidate: kind == .pick ? candidate : nil, note: kind == .note ? note ?? "" : nil,
                at: Self.timestamp(time)))
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
