import DuizhaoText

/// Two texts, already read, to be aligned: what `align` runs for each pair and `batch align` for
/// each job, with the aligner (and its glossaries) made once by the caller.
public struct AlignmentJob: Sendable {
    /// The sentences of the source text, as they are aligned and reported.
    public let sourceSentences: [String]
    /// The sentences of the translation.
    public let targetSentences: [String]

    /// Splits both texts into sentences (one per line when `presegmented`).
    /// - Throws: `ICUError` when ICU fails.
    public init(source: String, target: String, presegmented: Bool) throws(ICUError) {
        sourceSentences = try AlignmentInput.sentences(in: source, presegmented: presegmented)
        targetSentences = try AlignmentInput.sentences(in: target, presegmented: presegmented)
    }

    /// Aligns the sentences.
    /// - Parameters:
    ///   - aligner: used by one thread at a time.
    ///   - evidence: whether each bead keeps the terms, numbers and names that tie it (jsonl).
    ///   - progress: told what the run is doing, in a few words, as it goes.
    public func run(aligner: SentenceAligner, evidence: Bool, progress: ((String) -> Void)? = nil) throws -> Alignment {
        try aligner.align(source: sourceSentences, target: targetSentences, evidence: evidence, progress: progress)
    }
}
