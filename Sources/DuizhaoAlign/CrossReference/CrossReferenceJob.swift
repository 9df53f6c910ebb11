import DuizhaoEmbedding
import DuizhaoGlossary
import DuizhaoText

/// One article and its sources, already read, to be cross-referenced: what `annotate`, `export`,
/// `batch` and `serve` each run, with glossaries and the model loaded once by their caller.
public struct CrossReferenceJob: Sendable {
    /// A source as read: its name (a path, or a name given in a batch job) and its text.
    public struct Source: Sendable, Hashable {
        public var file: String
        public var text: String

        public init(file: String, text: String) {
            self.file = file
            self.text = text
        }
    }

    /// The article as read, markup included.
    public var article: String
    public var articleFormat: ArticleFormat
    /// The sources; empty: the Chinese in the article itself (reference titles, quotations).
    public var sources: [Source]
    public var options: CrossReferenceOptions
    /// Whether headings, site boilerplate and the like are skipped (false: every sentence is a claim).
    public var findsBody: Bool

    public init(
        article: String, articleFormat: ArticleFormat, sources: [Source], options: CrossReferenceOptions = CrossReferenceOptions(),
        findsBody: Bool = true
    ) {
        self.article = article
        self.articleFormat = articleFormat
        self.sources = sources
        self.options = options
        self.findsBody = findsBody
    }

    /// What a run found: the links, and the article they refer to.
    public struct Outcome: Sendable {
        public var crossReference: CrossReference
        public var article: Article
    }

    /// Reads the article and the sources and links the claims.
    /// - Parameter progress: told what the run is doing, in a few words, as it goes.
    /// - Throws: `ICUError` when ICU's data is missing; the model's errors.
    public func run(
        glossaries: GlossarySet?, embedder: (any SentenceEmbedding)?, progress: ((String) -> Void)? = nil
    ) throws -> Outcome {
        progress?("reading the article")
        let article = Article(reading: self.article, format: articleFormat, findsBody: findsBody)
        let segmenter = try SentenceSegmenter()
        var documents: [SourceDocument] = []
        for (index, source) in sources.enumerated() {
            progress?(sources.count == 1 ? "reading the source" : "reading source \(index + 1) of \(sources.count)")
            documents.append(
                try SourceDocument(
                    file: source.file, input: source.text, format: ArticleFormat.detect(path: source.file, text: source.text),
                    segmenter: segmenter))
        }
        let references: [String: Int]
        if sources.isEmpty {
            (documents, references) = try SourceMatching.articleSources(article, segmenter: segmenter)
        } else {
            (documents, references) = try SourceMatching.sources(documents, for: article, segmenter: segmenter)
        }
        progress?("finding the claims")
        let claims = try ClaimExtractor.claims(in: article, segmenter: segmenter)
        let sentences = documents.reduce(0) { $0 + $1.sentences.count }
        progress?("linking \(claims.count) claims to \(sentences) source sentences")
        let referencer = try CrossReferencer(glossaries: glossaries, options: options, embedder: embedder)
        let result = try referencer.crossReference(claims: claims, sources: documents, references: references) { done, total in
            progress?("linking claims to \(sentences) source sentences: \(done) of \(total) scored")
        }
        return Outcome(crossReference: result, article: article)
    }
}
