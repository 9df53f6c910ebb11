import DuizhaoAlign
import DuizhaoEmbedding
import DuizhaoGlossary
import DuizhaoReports
import DuizhaoText
import Foundation

/// The glossaries the server loads: the user's glossary in the workspace first, then these.
public struct GlossaryConfiguration: Sendable {
    /// The shipped glossaries and the dictionary, in order of precedence, as the CLI loads them.
    public var sources: [GlossarySource]
    /// A word-frequency list for segmentation, or nil.
    public var frequencies: String?
    /// Where compiled glossary sets are cached; nil for none.
    public var cacheDirectory: String?

    public init(sources: [GlossarySource], frequencies: String? = nil, cacheDirectory: String? = nil) {
        self.sources = sources
        self.frequencies = frequencies
        self.cacheDirectory = cacheDirectory
    }
}

/// Runs the annotation engine for the server, one job at a time and on one thread of its own
/// (`AnnotationThread`): the embedder and the referencer are not thread-safe, and the
/// glossaries and the model are loaded once.
///
/// The glossaries are loaded again only when the workspace's user glossary has changed since
/// the last job, so that a term added in a review is used from the next annotation on.
actor Annotator {
    private let thread = AnnotationThread()
    nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }
    private let configuration: GlossaryConfiguration
    private let embedder: (any SentenceEmbedding)?
    private let workspace: Workspace
    private var glossaries: GlossarySet?
    /// The user glossary's bytes when `glossaries` was loaded (nil: there was none).
    private var loadedUserGlossary: Data?
    /// The number of candidates a review shows for each claim.
    static let candidatesShown = 5

    init(configuration: GlossaryConfiguration, embedder: sending (any SentenceEmbedding)?, workspace: Workspace) {
        self.configuration = configuration
        self.embedder = embedder
        self.workspace = workspace
    }

    /// The glossaries, loaded again when the user glossary changed.
    func currentGlossaries() throws -> GlossarySet {
        let userData = FileManager.default.contents(atPath: workspace.userGlossaryPath)
        if let glossaries, userData == loadedUserGlossary { return glossaries }
        var sources = configuration.sources
        if userData != nil {
            sources.insert(GlossarySource(path: workspace.userGlossaryPath, layer: .user, name: Workspace.userGlossaryName), at: 0)
        }
        let loaded = try GlossarySet.load(sources, frequencies: configuration.frequencies, cacheDirectory: configuration.cacheDirectory)
        glossaries = loaded
        loadedUserGlossary = userData
        return loaded
    }

    /// Loads the glossaries, so that the first review does not wait for them.
    func prepare() throws -> Int { try currentGlossaries().termBase.entries.count }

    /// Annotates an article and makes a review of it, every decision pending.
    /// - Parameters:
    ///   - article: the article's name (relative to the workspace) and text.
    ///   - sources: the sources' names and texts; empty for the Chinese in the article itself.
    func review(id: String, article: CrossReferenceJob.Source, sources: [CrossReferenceJob.Source], threshold: Double) throws -> Review {
        let glossaries = try currentGlossaries()
        // Every candidate up to the few shown: the threshold applies to the suggestion only.
        let options = CrossReferenceOptions(threshold: 0, maximumLinks: Self.candidatesShown)
        let job = CrossReferenceJob(
            article: article.text, articleFormat: ArticleFormat.detect(path: article.file, text: article.text), sources: sources, options: options)
        let outcome = try job.run(glossaries: glossaries, embedder: embedder)
        let marker = try TermMarker(glossaries: glossaries)
        return try Self.review(id: id, title: article.file, outcome: outcome, threshold: threshold, marker: marker)
    }

    static func review(id: String, title: String, outcome: CrossReferenceJob.Outcome, threshold: Double, marker: TermMarker) throws -> Review {
        let result = outcome.crossReference
        var sources: [Review.Source] = []
        for document in result.sources {
            var sentences: [Review.Sentence] = []
            for sentence in document.sentences {
                sentences.append(Review.Sentence(text: sentence.text, marks: try marker.marks(in: sentence.text, chinese: true)))
            }
            sources.append(Review.Source(file: document.file, title: document.title, sentences: sentences))
        }
        var claims: [Review.Claim] = []
        for claim in result.claims {
            var candidates: [Review.Candidate] = []
            for link in claim.links {
                let span = result.sources[link.source].sentences[link.sentences].map(\.text).joined()
                let flags = link.discrepancies.map { discrepancy in
                    Review.Flag(
                        kind: discrepancy.kind.rawValue, message: discrepancy.message, claimStart: discrepancy.claimRange?.lowerBound,
                        claimEnd: discrepancy.claimRange?.upperBound, sourceSentence: discrepancy.sourceSentence,
                        sourceStart: discrepancy.sourceRange?.lowerBound, sourceEnd: discrepancy.sourceRange?.upperBound)
                }
                candidates.append(
                    Review.Candidate(
                        source: link.source, first: link.sentences.lowerBound, count: link.sentences.count, score: link.score,
                        similarity: link.similarity, cited: link.cited, terms: link.terms, numbers: link.numbers, names: link.names, flags: flags,
                        gloss: try marker.gloss(span)))
            }
            claims.append(
                Review.Claim(
                    id: claim.claim.id, text: claim.claim.text, start: claim.claim.range.lowerBound, end: claim.claim.range.upperBound,
                    marks: try marker.marks(in: claim.claim.text, chinese: false), candidates: candidates, decision: Review.Decision()))
        }
        return Review(
            id: id, version: 0, title: title, threshold: threshold, articleText: outcome.article.text, sources: sources, claims: claims, actions: [])
    }
}
