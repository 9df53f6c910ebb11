import DuizhaoText

/// Bytes as text: decoding, segmentation (sentences, words, script runs), normalization,
/// numbers and the article readers must neither crash nor lose a byte.
#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let input = try? InputText(decoding: bytes, origin: "fuzz") else { return 0 }
    let text = input.text
    do {
        let sentences = try SentenceSegmenter().sentences(in: text)
        precondition(sentences.map { String(text[$0.range]) }.joined() == text, "sentences lost text")
        let tokens = try WordSegmenter().tokens(in: text)
        precondition(tokens.map { String(text[$0.range]) }.joined() == text, "tokens lost text")
        precondition(ScriptRun.runs(in: text).map { String(text[$0.range]) }.joined() == text, "script runs lost text")
        _ = try TextNormalizer().normalize(text.prefix(2000))
        for quantity in QuantityParser().quantities(in: text) {
            precondition(quantity.utf8Range.upperBound <= text.utf8.count, "quantity out of range")
        }
        for format in ArticleFormat.allCases {
            let article = Article(reading: text, format: format)
            for citation in article.citations { precondition(citation.range.upperBound <= article.text.utf8.count) }
            if let offsets = article.originalOffsets { precondition(offsets.allSatisfy { Int($0) <= text.utf8.count }) }
        }
    } catch {
        preconditionFailure("ICU failed: \(error)")
    }
    return 0
}
#else
/// Without libFuzzer there is nothing to run: say how to build the fuzzer.
@main
struct FuzzTextMain {
    static func main() {
        print("a libFuzzer target: see Fuzz/README.md")
    }
}
#endif
