import DuizhaoAlign
import DuizhaoGlossary
import DuizhaoReports
import DuizhaoText
import Foundation

/// Two texts, split at the first 0xFF byte (never part of UTF-8), through `align` and through
/// `annotate`: the second as the article, the first as its source.
///
/// The first byte chooses the variant: bit 0 one sentence per line (`--presegmented`), bit 1 a
/// tiny glossary rather than none, bits 2–3 the article's format, bit 4 the article's own
/// Chinese as its sources instead of the first text. Invariants: every sentence of both sides
/// in exactly one bead, in order; scores and confidence finite, in 0...1; claims, links and
/// flags within their texts; every report renders.
#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAlign(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let mode = bytes[0]
    let body = bytes[1...]
    let cut = body.firstIndex(of: 0xFF) ?? body.endIndex
    guard let first = try? InputText(decoding: body[..<cut], origin: "source"),
        let second = try? InputText(decoding: body[cut...].dropFirst(), origin: "target")
    else { return 0 }
    let glossaries = mode & 2 != 0 ? FuzzGlossary.tiny : nil
    do {
        try checkAlignment(first.text, second.text, presegmented: mode & 1 != 0, glossaries: glossaries)
        let format = ArticleFormat.allCases[Int(mode >> 2 & 3) % ArticleFormat.allCases.count]
        try checkCrossReference(source: first.text, article: second.text, format: format, ownSources: mode & 16 != 0, glossaries: glossaries)
    } catch {
        preconditionFailure("ICU failed: \(error)")
    }
    return 0
}

/// Aligns the two texts and checks the beads and the reports.
func checkAlignment(_ source: String, _ target: String, presegmented: Bool, glossaries: GlossarySet?) throws {
    let sourceSentences = try AlignmentInput.sentences(in: source, presegmented: presegmented)
    let targetSentences = try AlignmentInput.sentences(in: target, presegmented: presegmented)
    let alignment = try SentenceAligner(glossaries: glossaries).align(source: sourceSentences, target: targetSentences, evidence: true)
    var nextSource = 0
    var nextTarget = 0
    for bead in alignment.beads {
        precondition(bead.source.lowerBound == nextSource && bead.target.lowerBound == nextTarget, "bead out of order: \(bead)")
        precondition(!bead.source.isEmpty || !bead.target.isEmpty, "empty bead")
        precondition(bead.score.isFinite && (0...1).contains(bead.score), "bead score \(bead.score)")
        nextSource = bead.source.upperBound
        nextTarget = bead.target.upperBound
    }
    precondition(nextSource == sourceSentences.count && nextTarget == targetSentences.count, "sentences left out")
    precondition(alignment.confidence.isFinite && (0...1).contains(alignment.confidence), "confidence \(alignment.confidence)")
    precondition(alignment.lengthRatio.isFinite, "length ratio \(alignment.lengthRatio)")
    let report = AlignmentReport(alignment: alignment, source: sourceSentences, target: targetSentences, toolVersion: "fuzz")
    for format in AlignmentFormat.allCases { _ = report.render(format) }
}

/// Reads `article` for claims, `source` (or the article's own Chinese) as the sources, links
/// them, and checks every offset and score, then renders every report.
func checkCrossReference(source: String, article input: String, format: ArticleFormat, ownSources: Bool, glossaries: GlossarySet?) throws {
    let segmenter = try SentenceSegmenter()
    let article = Article(reading: input, format: format)
    let claims = try ClaimExtractor.claims(in: article, segmenter: segmenter)
    let articleLength = article.text.utf8.count
    let inputLength = input.utf8.count
    for claim in claims {
        precondition(claim.range.lowerBound >= 0 && claim.range.upperBound <= articleLength, "claim range \(claim.range) beyond \(articleLength)")
        precondition(claim.originalRange.lowerBound >= 0 && claim.originalRange.upperBound <= inputLength, "claim original range \(claim.originalRange) beyond \(inputLength)")
    }
    let sources: [SourceDocument]
    let references: [String: Int]
    if ownSources {
        (sources, references) = try SourceMatching.articleSources(article, segmenter: segmenter)
    } else {
        sources = [try SourceDocument(file: "source.txt", input: source, format: .plain, segmenter: segmenter)]
        references = SourceMatching.match(article.references, to: sources)
    }
    for document in sources {
        let length = document.text.utf8.count
        for sentence in document.sentences {
            precondition(sentence.range.lowerBound >= 0 && sentence.range.upperBound <= length, "source sentence range \(sentence.range) beyond \(length)")
        }
    }
    precondition(references.values.allSatisfy { sources.indices.contains($0) }, "reference to a missing source")
    let result = try CrossReferencer(glossaries: glossaries).crossReference(claims: claims, sources: sources, references: references)
    precondition(result.claims.count == claims.count, "\(claims.count) claims, \(result.claims.count) results")
    for (claim, outcome) in zip(claims, result.claims) {
        precondition(claim == outcome.claim, "claims reordered")
        for link in outcome.links + (outcome.bestCandidate.map { [$0] } ?? []) {
            precondition(sources.indices.contains(link.source), "link to source \(link.source) of \(sources.count)")
            let sentences = sources[link.source].sentences
            precondition(!link.sentences.isEmpty && link.sentences.count <= 3, "link spans \(link.sentences)")
            precondition(link.sentences.lowerBound >= 0 && link.sentences.upperBound <= sentences.count, "link \(link.sentences) beyond \(sentences.count) sentences")
            precondition(link.score.isFinite && (0...1).contains(link.score), "link score \(link.score)")
            for flag in link.discrepancies {
                if let range = flag.claimRange {
                    precondition(range.lowerBound >= 0 && range.upperBound <= claim.text.utf8.count, "flag claim range \(range)")
                }
                if let index = flag.sourceSentence {
                    precondition(link.sentences.contains(index), "flag in sentence \(index) outside \(link.sentences)")
                    if let range = flag.sourceRange {
                        precondition(range.lowerBound >= 0 && range.upperBound <= sentences[index].text.utf8.count, "flag source range \(range)")
                    }
                }
            }
        }
        for link in outcome.links { precondition(link.score >= result.threshold, "a link below the threshold") }
    }
    let report = try AnnotationReport(
        crossReference: result, article: article, input: input, articleFile: "article", glossaries: glossaries ?? FuzzGlossary.tiny)
    for format in AnnotationFormat.allCases { _ = try report.render(format) }
    _ = PairsCSV.render(result)
}

/// A glossary of a few entries, loaded once; aligners and referencers are made afresh for
/// each input, so that a crash reproduces from its input alone.
enum FuzzGlossary {
    static let entries = """
        en\tzh\tzh-Hant\tpinyin\ttype\ten-variants\tzh-variants\tnote
        Zhou Hongyi\t周鸿祎\t周鴻禕\tZhōu Hóngyī\tperson\t\t\t
        Beijing\t北京\t北京\tBěijīng\tplace\t\t\t
        revenue\t营收\t營收\tyíngshōu\tterm\t\t\t
        team\t团队\t團隊\ttuánduì\tterm\t\t\t
        chip\t芯片\t晶片\txīnpiàn\tterm\t\t\t

        """

    nonisolated(unsafe) static let tiny: GlossarySet = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-fuzz-align-\(getpid()).tsv").path
        try! Data(entries.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try! GlossarySet.load([GlossarySource(path: path, layer: .user)], cacheDirectory: nil)
    }()
}
#else
/// Without libFuzzer there is nothing to run: say how to build the fuzzer.
@main
struct FuzzAlignMain {
    static func main() {
        print("a libFuzzer target: see Fuzz/README.md")
    }
}
#endif
